"""The fill-in form in headless Chromium: a unit fills in two tasks, downloads the YAML, and it validates.

The downloaded file is written into a copy of the bundled policy tree and checked with
`plancheck validate`, the same command a pull request runs. Wrong input shows the Chinese
message beside the field and no file is offered. Screenshots are kept in test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.built_site import build_site, save_artifact, serve
from tests.support import POLICY, copy_tree, run_cli

UNIT = "hd-ecology"
_HIDDEN = ".md-header, .md-top { visibility: hidden !important; }"  # sticky bars would cover a crop
DATE = "2025-12-22"
# Two statements of the bulletin of 2025-10-23 (policy/progress/hd-ecology/), as a unit would enter them.
QUOTE_1 = "目前6台烧结机一氧化碳治理任务已完成3台，剩余3台正在推进中。"
QUOTE_2 = "重污染天气仅有1天，同比减少6天，较2020年同期减少13天。"


def _open(page: Any, url: str, unit: str = UNIT) -> None:
    page.goto(f"{url}/form.html?unit={unit}")
    page.wait_for_selector(".pc-item")


def _fill_header(page: Any) -> None:
    page.fill("[name='date']", DATE)
    page.fill("[name='source.title']", "邯郸市生态环境局工作动态（第9期）")
    page.fill("[name='source.date']", DATE)
    page.fill("[name='source.number']", "第9期")
    page.fill("[name='section']", "【工作动态】")


def _find(page: Any, words: str, key: str) -> Any:
    """A task's card, found as a user would: typed into the filter box."""
    page.fill("#pc-filter", words)
    card = page.locator(f".pc-item[data-task='{key}']")
    assert card.is_visible()
    return card


def _fill_two_items(page: Any) -> list[str]:
    first = _find(page, "一氧化碳", "hd-eco-14th/s4-2-1")
    first.locator("[name='status']").select_option("in_progress")
    first.locator("[name='done']").fill("3")
    first.locator("[name='total']").fill("6")
    first.locator("[name='count_unit']").fill("台")
    first.locator("[name='quote']").fill(QUOTE_1)
    second = _find(page, "s4-3-1-b", "hd-eco-14th/s4-3-1-b")
    second.locator("[name='status']").select_option("in_progress")
    second.locator("[name='quote']").fill(QUOTE_2)
    second.locator("[name='note']").fill("2025年前三季度数字（阶段数据）。")
    page.fill("#pc-filter", "")
    return ["hd-eco-14th/s4-2-1", "hd-eco-14th/s4-3-1-b"]


def _fill_indicator(page: Any) -> str:
    """The bulletin's PM2.5 figure for the first three quarters of 2025."""
    key = "hd-eco-14th/i01-pm25"
    card = page.locator(f".pc-item[data-indicator='{key}']")
    card.locator("[name='value']").fill("31")
    card.locator("[name='period.year']").fill("2025")
    card.locator("[name='period.through_month']").fill("9")
    card.locator("[name='quote']").fill("PM2.5浓度31微克/立方米，首次达到国家二级标准")
    return key


def _fill_dates(page: Any) -> None:
    """A forecast and a completion date of month precision, on the two most urgent tasks."""
    first, second = page.locator(".pc-item").nth(0), page.locator(".pc-item").nth(1)
    first.locator("[name='status']").select_option("in_progress")
    first.locator("[name='forecast.date']").fill("2025-12-31")
    first.locator("[name='forecast.text']").fill("预计年底完成")
    first.locator("[name='quote']").fill("（示例）预计年底完成。")
    second.locator("[name='status']").select_option("done")
    second.locator("[name='completed_on']").fill("2025-11")
    second.locator("[name='quote']").fill("（示例）已于11月完成。")


def test_a_unit_fills_two_tasks_and_the_downloaded_yaml_validates(page: Any, site_url: str, tmp_path: Path) -> None:
    """?unit= preselects the unit; two entries, header and all, give a file `plancheck validate` accepts."""
    _open(page, site_url)
    assert page.input_value("#pc-unit") == UNIT
    _fill_header(page)
    keys = _fill_two_items(page)
    _fill_dates(page)
    indicator = _fill_indicator(page)
    page.click("#pc-make")
    assert "检查通过：4 项任务、1 项指标" in page.inner_text("#pc-summary")
    assert page.locator("#pc-repository").is_hidden()  # no repository: in the bundled settings
    with page.expect_download() as info:
        page.click("#pc-download")
    download = info.value
    assert download.suggested_filename == f"{DATE}-report.yaml"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text == page.input_value("#pc-yaml")
    assert all(f"task: {key}" in text for key in keys) and 'number: "第9期"' in text
    assert 'completed_on: "2025-11"' in text and "date: 2025-12-31" in text
    assert f"indicator: {indicator}" in text and "through_month: 9" in text
    policy = copy_tree(tmp_path, POLICY, schemas=False)
    target = policy / "progress" / UNIT / download.suggested_filename
    target.write_text(text, encoding="utf-8")
    code, stdout, stderr = run_cli("validate", str(target), "--as-of", DATE, "--format", "text")
    assert code == 0, stdout + stderr


def test_wrong_input_shows_the_chinese_message_and_offers_no_file(page: Any, site_url: str) -> None:
    """A missing quote and a date that does not exist are named beside their fields; nothing to download."""
    _open(page, site_url)
    _fill_header(page)
    item = page.locator(".pc-item").nth(0)
    item.locator("[name='status']").select_option("done")
    item.locator("[name='completed_on']").fill("2025-02-30")
    page.click("#pc-make")
    assert item.locator("[data-field='quote'] .pc-error").inner_text() == "必填。"
    assert item.locator("[data-field='completed_on'] .pc-error").inner_text() == "没有这一天，请核对日期。"
    assert "需要改正" in page.inner_text("#pc-summary")
    assert page.locator("#pc-result").is_hidden()
    assert page.get_attribute("#pc-download", "download") is None
    pm25 = page.locator(".pc-item[data-indicator='hd-eco-14th/i01-pm25']")
    pm25.locator("[name='value']").fill("三十一")
    pm25.locator("[name='period.through_month']").fill("12")
    page.click("#pc-make")
    assert pm25.locator("[data-field='value'] .pc-error").inner_text() == "请填写数字，如 3 或 2.5。"
    assert pm25.locator("[data-field='period.through_month'] .pc-error").inner_text() == "不能大于 11。"
    assert pm25.locator("[data-field='quote'] .pc-error").inner_text() == "必填。"
    item.locator("[name='completed_on']").fill("2025-13")
    page.click("#pc-make")
    assert "格式不对" in item.locator("[data-field='completed_on'] .pc-error").inner_text()
    page.fill("[name='source.title']", "")
    page.click("#pc-make")
    assert page.locator("[data-field='source.title'] .pc-error").inner_text() == "必填。"


def test_the_form_requests_nothing_from_another_host(page: Any, site_url: str) -> None:
    """Choosing a unit loads its tasks from this site; generating the file sends nothing anywhere."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/form.html", wait_until="networkidle")
    page.select_option("#pc-unit", UNIT)
    page.wait_for_selector(".pc-item")
    _fill_header(page)
    _fill_two_items(page)
    page.click("#pc-make")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith(f"/assets/form-units/{UNIT}.js") for url in requested)
    outside = [url for url in requested if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))]
    assert outside == []


def test_the_form_works_from_file_urls(page: Any, site: Path) -> None:
    """Opened from disk (the offline zip unpacked), the unit's tasks still load (a script, not fetch())
    and the file still downloads."""
    page.goto((site / "form.html").as_uri() + f"?unit={UNIT}")
    page.wait_for_selector(".pc-item")
    _fill_header(page)
    _fill_two_items(page)
    page.click("#pc-make")
    with page.expect_download() as info:
        page.click("#pc-download")
    assert Path(info.value.path()).read_text(encoding="utf-8") == page.input_value("#pc-yaml")


def test_screenshots_at_desktop_and_phone_sizes(browser: Any, site_url: str) -> None:
    """The form at 1366×900 and 390×844, filled in, for the submission guide (checked by eye).

    docs/guide/images/ holds the ones the guide shows, picked by hand from test-artifacts/.
    """
    for name, size in (("desktop", {"width": 1366, "height": 900}), ("phone", {"width": 390, "height": 844})):
        context = browser.new_context(locale="zh-CN", viewport=size)
        tab = context.new_page()
        _open(tab, site_url)
        _fill_header(tab)
        header = _between(tab, "#pc-form fieldset >> nth=0", "#pc-form fieldset >> nth=1")
        save_artifact(f"form-{name}-header.png", header)
        _fill_two_items(tab)
        tab.fill("#pc-filter", "s4-2-1")
        item = _between(tab, "#pc-items-note", ".pc-item[data-task='hd-eco-14th/s4-2-1']")
        save_artifact(f"form-{name}-item.png", item)
        tab.fill("#pc-filter", "")
        save_artifact(f"form-{name}-viewport.png", tab.screenshot())
        tab.click("#pc-make")
        save_artifact(f"form-{name}-result.png", tab.locator("#pc-form fieldset >> nth=3").screenshot(style=_HIDDEN))
        card = tab.locator(".pc-item[data-task='hd-eco-14th/s4-2-1']")
        card.locator("[name='quote']").fill("")
        card.locator("[name='completed_on']").fill("2025-02-30")
        tab.click("#pc-make")
        save_artifact(f"form-{name}-errors.png", card.screenshot(style=_HIDDEN))
        context.close()


def _between(page: Any, first: str, last: str) -> bytes:
    """A screenshot of the page from the top of one element to the bottom of another."""
    top, bottom = page.locator(first).bounding_box(), page.locator(last).bounding_box()
    scrolled = page.evaluate("window.scrollY")
    clip = {"x": max(top["x"] - 8, 0), "y": top["y"] + scrolled - 8, "width": top["width"] + 16,
            "height": bottom["y"] + bottom["height"] - top["y"] + 16}
    shot: bytes = page.screenshot(clip=clip, full_page=True, style=_HIDDEN)
    return shot


def test_a_configured_repository_gets_a_prefilled_new_file_link(page: Any, tmp_path: Path) -> None:
    """With repository: in settings.yaml, the link opens GitHub's new-file page with path and YAML filled in."""
    policy = copy_tree(tmp_path, POLICY, schemas=False)
    settings = policy / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        + "\nrepository:\n  url: https://github.com/example/policy\n  branch: data\n", encoding="utf-8")
    result = build_site(tmp_path / "site", policy)
    assert result.returncode == 0, result.stderr
    server, url = serve(tmp_path / "site")
    try:
        _open(page, url)
        _fill_header(page)
        _fill_two_items(page)
        page.click("#pc-make")
        link = urlparse(page.get_attribute("#pc-repository", "href"))
        query = parse_qs(link.query)
    finally:
        server.shutdown()
        server.server_close()
    assert (link.netloc, link.path) == ("github.com", "/example/policy/new/data")
    assert query["filename"] == [f"policy/progress/{UNIT}/{DATE}-report.yaml"]
    assert query["value"] == [page.input_value("#pc-yaml")]
