"""Hostile strings in the data render as text: nothing executes, no link leads to javascript:, tables hold."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.built_site import build_site, search, serve
from tests.support import copy_base

HOSTILE_TITLE = '</title><script>window.__pwned=9</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> | 破坏 | 表格 | {: onclick="window.__pwned=3"}'
HOSTILE_NOTE = (
    "[点我](javascript:window.__pwned=4) [数据](data:text/html,<script>window.__pwned=5</script>)"
    " <img src=x onerror=window.__pwned=6> &lt;b&gt;实体&lt;/b&gt; &amp;\\n\\n| a | b |\\n|---|---|\\n| <script>window.__pwned=7</script> | x |"
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    policy = copy_base(root)
    plan = policy / "plans" / "demo-2023.yaml"
    text = plan.read_text(encoding="utf-8").replace("title: 关停1#高炉", f"title: '{HOSTILE_TITLE}'")
    plan.write_text(text, encoding="utf-8")
    (policy / "progress" / "city-ecology" / "2023-11-20-hostile.yaml").write_text(
        "# yaml-language-server: $schema=../../../schemas/progress.schema.json\n"
        "reporter: city-ecology\ndate: 2023-11-20\n"
        "source: {title: '<b onmouseover=window.__pwned=8>简报</b>', date: 2023-11-20}\n"
        "updates:\n"
        f'  - {{task: demo-2023/a1-01, status: in_progress, quote: "{HOSTILE_TITLE.replace(chr(34), chr(39))}", note: "{HOSTILE_NOTE.replace(chr(34), chr(39))}"}}\n',
        encoding="utf-8",
    )
    result = build_site(root / "site", policy=policy, as_of="2023-11-21")
    assert result.returncode == 0, result.stderr
    server, url = serve(root / "site")
    yield url
    server.shutdown()
    server.server_close()


def _dismiss_into(dialogs: list[str]) -> Callable[[Any], None]:
    """A dialog handler that notes each dialog's message in dialogs and dismisses it."""

    def handle(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    return handle


@pytest.mark.parametrize("path", ["tasks/demo-2023/a1-01.html", "plans/demo-2023.html", "index.html", "overdue.html",
                                  "units/county-a.html"])
def test_nothing_executes_and_tables_keep_their_shape(page: Any, hostile_site: str, path: str) -> None:
    """On each page built from hostile data no script runs, no dialog opens, and every table row has as many cells
    as its header."""
    dialogs: list[str] = []
    page.on("dialog", _dismiss_into(dialogs))
    page.goto(f"{hostile_site}/{path}", wait_until="networkidle")
    for link in page.locator("article a").all():
        link.hover()
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    assert page.locator("article script").count() == 0
    assert page.locator("article img").count() == 0
    hrefs = page.locator("article a").evaluate_all("links => links.map(a => a.getAttribute('href') || '')")
    assert not [href for href in hrefs if href.strip().lower().startswith(("javascript:", "data:", "vbscript:"))]
    for table in page.locator("article table").all():  # every row has as many cells as the header
        header = table.locator("thead th").count()
        assert all(row.locator(":scope > td").count() == header for row in table.locator("tbody tr").all())


def test_the_hostile_text_is_shown_as_text(page: Any, hostile_site: str) -> None:
    """Markup in a task title and a data-entry note is shown as text; javascript: and data: links are dropped."""
    page.goto(f"{hostile_site}/tasks/demo-2023/a1-01.html")
    heading = page.inner_text("article h1")
    assert "<script>window.__pwned=1</script>" in heading and '{: onclick="window.__pwned=3"}' in heading
    page.click(".pc-timeline .pc-entry-note summary >> nth=0")  # data-entry notes are folded as 录入说明
    note = page.inner_text(".pc-note")
    assert "<b>实体</b>" in note and "点我" in note
    assert page.locator(".pc-note a").count() == 0  # javascript: and data: links are dropped, not rendered


def test_the_served_html_holds_no_live_markup_from_the_data(hostile_site: str) -> None:
    """The HTML as served contains the hostile title only escaped, never as a live script tag."""
    import urllib.request

    with urllib.request.urlopen(f"{hostile_site}/tasks/demo-2023/a1-01.html") as response:
        html = response.read().decode("utf-8")
    assert "<script>window.__pwned" not in html
    assert "<title>a1-01 ＜/title＞＜script＞" in html


def test_search_results_show_hostile_titles_as_text(page: Any, hostile_site: str) -> None:
    """Search results for hostile titles run no script and show no image or script element."""
    dialogs: list[str] = []
    page.on("dialog", _dismiss_into(dialogs))
    assert search(page, hostile_site, "破坏")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__pwned") is None and dialogs == []
    assert page.locator("#pc-search-results script, #pc-search-results img").count() == 0
