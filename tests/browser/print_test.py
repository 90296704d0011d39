"""A unit page printed as a one-unit 督办单: content alone, headers repeated, status colours kept, its ledger linked."""

from __future__ import annotations

from typing import Any

from tests.built_site import save_artifact


def test_unit_page_prints_as_a_supervision_sheet(page: Any, site_url: str) -> None:
    """In print media the navigation is gone, table headers repeat, badges keep their colour; the PDF is kept."""
    page.goto(f"{site_url}/units/hd-ecology.html")
    link = page.get_by_role("link", name="下载本单位台账（Excel，可填写进展）")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.body().startswith(b"PK")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(selector).first.is_visible()
    assert page.eval_on_selector("article table thead", "e => getComputedStyle(e).display") == "table-header-group"
    adjust = page.eval_on_selector(".pc-badge", "e => getComputedStyle(e).printColorAdjust")
    assert adjust == "exact"
    save_artifact("unit-print.pdf", page.pdf(prefer_css_page_size=True, print_background=True))
