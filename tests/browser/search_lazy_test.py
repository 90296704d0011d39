"""Nothing of search is downloaded until the reader opens the search box, and the box has a name."""

from __future__ import annotations

from typing import Any


def test_search_loads_only_when_the_box_is_focused(page: Any, site_url: str) -> None:
    """Opening a page fetches no search file; focusing the box fetches the engine and document list,
    and a query only the shards its tokens live in."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url[len(site_url):]))
    page.goto(f"{site_url}/tasks/hd-air-2023/a1-01.html", wait_until="networkidle")
    assert [url for url in requested if "search" in url] == []
    box = page.get_by_role("searchbox", name="搜索本站")
    box.focus()
    page.wait_for_function("() => window.pcSearch !== undefined")
    page.wait_for_load_state("networkidle")
    assert "/assets/search.js" in requested and "/search/docs.js" in requested
    box.fill("a1-01")
    page.wait_for_function("() => document.getElementById('pc-search-results')?.dataset.query === 'a1-01'")
    shards = [url for url in requested if url.startswith("/search/shard-")]
    assert 0 < len(shards) <= 4  # a1-01, a1, 01 and the whole query
