"""docs/sources.md keeps up with the data: every plan, discrepancy and progress file is listed.

The page maps source documents to the files in policy/ and lists every recorded discrepancy. These
tests fail when a plan, a discrepancy or a progress report is added without updating the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support import REPOSITORY

PAGE = REPOSITORY / "docs" / "sources.md"
POLICY = REPOSITORY / "policy"
PLAN_FILES = sorted((POLICY / "plans").glob("*.yaml"))
PROGRESS_FILES = sorted((POLICY / "progress").glob("*/*.yaml"))
ORGANIZATION_FILES = sorted((POLICY / "organizations").glob("*.yaml"))


def _relative(path: Path) -> str:
    return path.relative_to(REPOSITORY).as_posix()


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plans(load_policy: Callable[[str], Any]) -> list[dict[str, Any]]:
    return [load_policy(f"plans/{path.name}") for path in PLAN_FILES]


def test_the_data_exists() -> None:
    """Guards the other tests against passing on an empty policy tree."""
    assert len(PLAN_FILES) >= 3
    assert len(PROGRESS_FILES) >= 1


def test_every_plan_id_and_file_is_mentioned(page: str, plans: list[dict[str, Any]]) -> None:
    """Each plan appears with its ID and its data file path."""
    for path, plan in zip(PLAN_FILES, plans, strict=True):
        assert f"`{plan['id']}`" in page, plan["id"]
        assert f"`{_relative(path)}`" in page, _relative(path)


def test_every_discrepancy_is_listed_with_its_plan(page: str, plans: list[dict[str, Any]]) -> None:
    """Each discrepancy ID appears on a table row that also names its plan (IDs are local to a plan)."""
    rows = [line for line in page.splitlines() if line.startswith("|")]
    missing = [
        f"{plan['id']}/{discrepancy['id']}"
        for plan in plans
        for discrepancy in plan.get("discrepancies") or []
        if not any(f"`{plan['id']}`" in row and f"`{discrepancy['id']}`" in row for row in rows)
    ]
    assert missing == []


def test_every_progress_file_is_mentioned(page: str) -> None:
    """Each progress report appears with its path under policy/progress/."""
    for path in PROGRESS_FILES:
        assert f"`{_relative(path)}`" in page, _relative(path)


def test_every_organization_registry_is_mentioned(page: str) -> None:
    """Each unit registry appears with its path."""
    for path in ORGANIZATION_FILES:
        assert f"`{_relative(path)}`" in page, _relative(path)


def test_page_is_plain_markdown(page: str) -> None:
    """No raw HTML, no external links, no images: the page must render the same everywhere."""
    assert re.search(r"</?[A-Za-z][^>]*>", page) is None
    assert "http://" not in page
    assert "https://" not in page
    assert "![" not in page
    assert page.startswith("# 数据来源\n")
