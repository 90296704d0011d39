"""`mkdocs build --strict` as maintainers run it: invalid data stops it cleanly; the offline build (search
included) works from disk."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import build_site as site_content
from checker.workspace import open_workspace
from tests.browser.external_requests_test import external_fetches
from tests.built_site import build_site
from tests.support import BASE, copy_base


def test_invalid_data_stops_the_build_with_the_findings_and_no_traceback(tmp_path: Path) -> None:
    """An unknown unit in a plan stops `mkdocs build` with the Chinese findings (PC2xx) and no traceback."""
    policy = copy_base(tmp_path)
    plan = policy / "plans" / "demo-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("lead: [city-ecology]", "lead: [no-such-unit]", 1),
                    encoding="utf-8")
    result = build_site(tmp_path / "site", policy=policy, as_of="2023-11-20")
    assert result.returncode != 0
    assert "policy/ 中的数据未通过校验，网站未生成" in result.stderr and "PC2" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_bad_as_of_date_is_explained(tmp_path: Path) -> None:
    """PLANCHECK_AS_OF that is not a date stops the build with a Chinese message naming the expected form."""
    result = build_site(tmp_path / "site", policy=copy_base(tmp_path), as_of="2023-13-01")
    assert result.returncode != 0 and "PLANCHECK_AS_OF 须为 YYYY-MM-DD" in result.stderr


def test_the_offline_build_works_from_the_file_system(tmp_path: Path, page: Any) -> None:
    """The offline build fetches nothing from another host and its links work when opened from disk."""
    os.environ["PLANCHECK_OFFLINE"] = "true"
    try:
        result = build_site(tmp_path / "site", policy=copy_base(tmp_path), as_of="2023-11-20")
    finally:
        del os.environ["PLANCHECK_OFFLINE"]
    assert result.returncode == 0, result.stderr
    for built in (tmp_path / "site").rglob("*.html"):  # nothing from another host, Material's shim included
        assert external_fetches(built.read_text(encoding="utf-8")) == [], built
    page.goto((tmp_path / "site" / "index.html").as_uri())
    with page.expect_navigation():
        page.click("a[href='overdue.html'] >> nth=0")
    assert page.url.endswith("/overdue.html")
    with page.expect_navigation():
        page.click("article a[href*='tasks/demo-2023/'] >> nth=0")
    assert "判定依据" in page.inner_text("article")
    page.fill(".pc-search__input", "demo")  # search from a nested page over file://, no server
    page.wait_for_function("() => document.getElementById('pc-search-results')?.dataset.query === 'demo'")
    links = page.locator("#pc-search-results li > a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith((tmp_path / "site").as_uri()) for link in links)


def test_the_site_builds_as_of_a_date_before_some_reports(tmp_path: Path) -> None:
    """A report dated after PLANCHECK_AS_OF is not known yet: ignored, not PC302 (the bundled data has 2025 reports)."""
    result = build_site(tmp_path / "site", as_of="2023-10-01")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "2023-10-01" in home and "尚无进展报送" in home


def test_downloads_hold_the_ledger_and_a_fill_in_file_per_named_unit() -> None:
    """The whole ledger (CSV, XLSX) and one XLSX per unit a task names, each linked from the downloads page."""
    as_of = date(2023, 6, 1)
    model = open_workspace([BASE / "policy"], as_of).validation.model
    content = site_content(evaluate(model, as_of), ReportContext(model))
    units = sorted(path for path in content.downloads if path.startswith("downloads/units/"))
    assert units == ["downloads/units/city-ecology.xlsx", "downloads/units/city-industry.xlsx",
                     "downloads/units/county-a.xlsx"]
    assert {"downloads/ledger.csv", "downloads/ledger.xlsx", "downloads/check.json"} <= set(content.downloads)
    page = content.pages["downloads.md"]
    assert "[示例市生态环境局](downloads/units/city-ecology.xlsx)" in page
