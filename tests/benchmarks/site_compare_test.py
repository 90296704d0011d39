"""Our site and the plain MkDocs site both build, outside the repository, and are measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.site_compare import REPOSITORY, measure_site, plain_project


def test_the_plain_project_has_one_short_page_per_task(tmp_path: Path) -> None:
    """The plain site is the yardstick: trivial pages, as many as tasks, same theme without our hook."""
    project = plain_project(tmp_path / "plain", 7)
    pages = sorted((project / "docs" / "tasks").glob("*.md"))
    assert len(pages) == 7 and all(len(page.read_bytes()) < 200 for page in pages)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "name: material" in config and "hooks" not in config


@pytest.mark.slow
def test_both_sites_build_and_are_sized(tmp_path: Path) -> None:
    """Twenty tasks give twenty task pages, and our site carries its own search index."""
    result = measure_site(20, tmp_path, repeat=1)
    assert result.task_pages == 20 and result.bytes_per_task_page > 0
    assert result.ours.runs == result.plain.runs == 1 and result.plain_total_bytes > 0
    assert (tmp_path / "site-20" / "search" / "docs.js").is_file()
    assert (tmp_path / "project" / "checker").resolve() == REPOSITORY / "checker"
