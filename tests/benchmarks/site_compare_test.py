"""Our site and the plain MkDocs site both build, outside the repository, and are measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.site_compare import REPOSITORY, measure_site, our_navigation, page_count, plain_project


def test_the_plain_project_has_our_navigation_and_the_page_count_asked(tmp_path: Path) -> None:
    """The plain site is the yardstick: short pages, as many as asked, our navigation, our theme, no hook."""
    project = plain_project(tmp_path / "plain", 30)
    pages = sorted((project / "docs").rglob("*.md"))
    assert len(pages) == 30 and all(len(page.read_bytes()) < 200 for page in pages)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "name: material" in config and "hooks" not in config
    assert our_navigation()[:2] == ["index.md", "overdue.md"] and "guide/submit.md" in our_navigation()
    assert all(f": {path}" in config for path in our_navigation())


def test_the_old_yardstick_has_one_page_per_task_and_one_entry(tmp_path: Path) -> None:
    """nav=False gives the yardstick before issue 18's second round: one page per task plus the home page."""
    project = plain_project(tmp_path / "plain", 7, nav=False)
    assert len(sorted((project / "docs" / "tasks").glob("*.md"))) == 7
    assert (project / "mkdocs.yml").read_text(encoding="utf-8").endswith("nav:\n  - 第1页: index.md\n")


@pytest.mark.slow
def test_both_sites_build_and_are_sized(tmp_path: Path) -> None:
    """Twenty tasks give twenty task pages, and our site carries its own search index."""
    result = measure_site(20, tmp_path, repeat=1)
    assert result.task_pages == 20 and result.bytes_per_task_page > 0
    assert result.ours.runs == result.plain.runs == 1 and result.plain_total_bytes > 0
    assert page_count(tmp_path / "plain-site-20") == page_count(tmp_path / "site-20")
    assert (tmp_path / "site-20" / "search" / "docs.js").is_file()
    assert (tmp_path / "project" / "checker").resolve() == REPOSITORY / "checker"
