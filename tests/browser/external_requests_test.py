"""No page of the built site asks any outside host for anything (blocked or slow in mainland China)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tests.built_site import search

# Attributes that make the browser fetch something by itself. Plain <a href> links are navigation,
# not requests, so they are allowed (there are none to outside hosts in generated pages anyway).
_FETCHING = {
    ("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"), ("source", "src"),
    ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
    ("object", "data"), ("image", "href"), ("use", "href"), ("input", "src"),
}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (tag, name) in _FETCHING:
                self.urls += [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name else [value]
            if value and name == "style":
                self.styles.append(value)
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _external(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) or parsed.scheme not in ("", "data")


def external_fetches(html: str) -> list[str]:
    """What a page would make the browser fetch from another host by itself."""
    collector = _Collector()
    collector.feed(html)
    return [url for url in collector.urls if _external(url)]


def test_no_page_fetches_from_another_host(site: Path) -> None:
    """No page of the built site (over 400) makes the browser fetch anything from another host."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 400
    offenders = []
    for page in pages:
        collector = _Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(site)}: {url}" for url in collector.urls if _external(url)]
        remote_styles = [style for style in collector.styles if "url(http" in style or "@import" in style]
        offenders += [f"{page.relative_to(site)}: style {style[:80]}" for style in remote_styles]
    assert offenders == []


def test_a_browser_visiting_the_site_requests_nothing_from_another_host(page: Any, site_url: str) -> None:
    """Material's bundle names unpkg.com for a ResizeObserver polyfill and for Mermaid, loaded only in
    browsers without ResizeObserver or on pages with diagrams; we have neither. Watch the real traffic."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("index.html", "plans/hd-air-2023.html", "tasks/hd-eco-14th/s4-2-1.html", "indicators.html",
                 "units/hd-ecology.html", "overdue.html", "guide/submit.html"):
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert search(page, site_url, "烧结机")  # the search index and worker load from this host too
    outside = [url for url in requested if not url.startswith(site_url) and not url.startswith("data:")]
    assert requested and outside == []


def test_the_detector_catches_what_it_should() -> None:
    """The fetch detector finds a remote script and a protocol-relative srcset, and ignores local files and plain
    links."""
    collector = _Collector()
    collector.feed('<script src="https://cdn.example/x.js"></script><img srcset="a.png 1x, //evil/b.png 2x">'
                   '<link href="assets/a.css"><a href="https://example.org">x</a>')
    assert [url for url in collector.urls if _external(url)] == ["https://cdn.example/x.js", "//evil/b.png"]
