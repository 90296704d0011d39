"""`mkdocs build --strict` as maintainers run it: invalid data stops it cleanly; the offline build (search
included) works from disk."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.site.conftest import build_site
from tests.support import copy_base


def test_invalid_data_stops_the_build_with_the_findings_and_no_traceback(tmp_path: Path) -> None:
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
    result = build_site(tmp_path / "site", policy=copy_base(tmp_path), as_of="2023-13-01")
    assert result.returncode != 0 and "PLANCHECK_AS_OF 须为 YYYY-MM-DD" in result.stderr


def test_the_offline_build_works_from_the_file_system(tmp_path: Path, page: Any) -> None:
    os.environ["PLANCHECK_OFFLINE"] = "true"
    try:
        result = build_site(tmp_path / "site", policy=copy_base(tmp_path), as_of="2023-11-20")
    finally:
        del os.environ["PLANCHECK_OFFLINE"]
    assert result.returncode == 0, result.stderr
    page.goto((tmp_path / "site" / "index.html").as_uri())
    with page.expect_navigation():
        page.click("a[href='overdue.html'] >> nth=0")
    assert page.url.endswith("/overdue.html")
    with page.expect_navigation():
        page.click("article a[href*='tasks/demo-2023/'] >> nth=0")
    assert "为什么" in page.inner_text("article")
    page.fill(".pc-search__input", "demo")  # search from a nested page over file://, no server
    page.wait_for_function("() => document.getElementById('pc-search-results')?.dataset.query === 'demo'")
    links = page.locator("#pc-search-results li > a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith((tmp_path / "site").as_uri()) for link in links)
