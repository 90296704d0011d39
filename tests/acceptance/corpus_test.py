"""The corpus of malformed and hostile files: each yields exactly its expected findings.

Every case is placed into a copy of the valid base tree and validated through the CLI entry point.
The expectations in tests/acceptance/corpus/manifest.yaml were worked out by hand from each file's text, so a
change in what the validator reports or where it points fails here.
"""

from __future__ import annotations

import collections
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.utils.meta import get_data

from checker.codes import CODES
from checker.evaluate import evaluate
from checker.load.walk import printable
from checker.report.views import ReportContext
from checker.site.build import site_pages
from checker.workspace import open_workspace
from tests.acceptance.special_files import make_entry
from tests.properties.html_checks import problems_in, render, text_and_tags
from tests.support import REPOSITORY, TESTS, copy_base, run_validate

CORPUS = TESTS / "acceptance" / "corpus"
MANIFEST: dict[str, dict[str, Any]] = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
AS_OF = date(2024, 1, 1)  # the date run_validate checks as of
PLACES = {"plans": "plans", "progress": "progress/city-ecology", "organizations": "organizations"}


def place_case(tmp_path: Path, case: str, place: str) -> tuple[Path, Path]:
    """Copy the base tree (schemas included) and put the case file where it belongs."""
    policy = copy_base(tmp_path)
    # Registry cases sort after the base registry so "first wins" blames the case file.
    name = ("zz-" if place == "organizations" else "") + Path(case).name
    target = policy / PLACES[place] / name
    make = MANIFEST[case].get("make")
    if make is not None:  # a link, FIFO, socket or odd name, made here (see tests/acceptance/special_files.py)
        return policy, make_entry(make, CORPUS / case, target, policy.parent.parent / "outside")
    shutil.copyfile(CORPUS / case, target)
    return policy, target


@pytest.mark.parametrize("case", sorted(MANIFEST))
def test_corpus_case(case: str, tmp_path: Path) -> None:
    """The case file yields exactly its expected findings; nothing else in the tree is affected."""
    spec = MANIFEST[case]
    policy, target = place_case(tmp_path, case, spec["place"])
    code, report, stderr = run_validate(policy)
    shown = printable(target.name)
    in_case = sorted(
        f"{item['code']} {item['line']}:{item['column']}"
        for item in report["findings"] if item["file"].endswith(shown)
    )
    elsewhere = [item for item in report["findings"] if not item["file"].endswith(shown)]
    assert in_case == sorted(spec["expect"])
    assert elsewhere == []
    assert stderr == ""
    expect_error = any(CODES[entry.split()[0]].severity.value == "error" for entry in spec["expect"])
    assert code == (2 if expect_error else 0)
    if "shows" in spec:
        _assert_rendered_as_text(policy, spec["shows"])


def _assert_rendered_as_text(policy: Path, shows: list[str]) -> None:
    """Every page is free of live markup, as written and as rendered; each hostile string is visible text."""
    validation = open_workspace([policy], AS_OF).validation
    pages = site_pages(evaluate(validation.model, AS_OF), ReportContext(validation.model))
    visible = []
    for path, page in pages.items():
        body, meta = get_data(page)
        assert not set("<>&\n") & set(meta.get("title", "")), (path, meta)
        assert (path, problems_in(body)) == (path, [])
        rendered = render(body)
        assert (path, problems_in(rendered)) == (path, [])
        visible.append(" ".join(text_and_tags(rendered)[0].split()))
    everything = "\n".join(visible)
    for text in shows:
        assert " ".join(text.split()) in everything, f"{text!r} was lost or altered on the pages"


def test_every_message_is_chinese_with_a_hint(tmp_path: Path) -> None:
    """Findings speak Chinese to the submitter and say how to fix the problem."""
    for case, spec in MANIFEST.items():
        if not spec["expect"]:
            continue
        policy, _target = place_case(tmp_path / case.replace("/", "-"), case, spec["place"])
        _code, report, _stderr = run_validate(policy)
        for item in report["findings"]:
            assert any("\u4e00" <= char <= "\u9fff" for char in item["message"]), item
            assert item["hint"], item


def test_corpus_files_are_all_listed() -> None:
    """No corpus file is forgotten by the manifest, and the manifest names only real files."""
    files = {path.relative_to(CORPUS).as_posix() for path in CORPUS.rglob("*") if path.is_file()}
    assert files - {"manifest.yaml"} == set(MANIFEST)


def test_the_reliability_table_counts_the_corpus_as_it_is() -> None:
    """docs/dev/reliability.md's table of hostile categories counts each category and the total as the manifest does."""
    text = (REPOSITORY / "docs" / "dev" / "reliability.md").read_text(encoding="utf-8")
    counts = collections.Counter(case.split("/")[0] for case in MANIFEST)
    for category, count in counts.items():
        assert re.search(rf"^\| {re.escape(category)} \| {count} \|", text, re.M), category
    codes = {item.split()[0] for case in MANIFEST.values() for item in case.get("expect", [])}
    assert f"| **total** | **{len(MANIFEST)}** | {len(codes)} distinct finding codes;" in text
