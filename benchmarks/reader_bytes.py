"""What a reader downloads and waits for: one site in headless Chromium, over a gzip HTTP server.

Used by benchmarks.site_bytes. Bytes are counted per response, decoded (uncompressed) and on the
wire (gzip level 6, as a typical server sends them); first paint is first-contentful-paint on a
throttled link (400 kbit/s down, 400 ms latency), compressed.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

CHROMIUM = "/usr/bin/chromium"
THROTTLE = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}


@dataclass(frozen=True)
class Bytes:
    uncompressed: int
    compressed: int
    requests: int


class _GzipHandler(http.server.BaseHTTPRequestHandler):
    def __init__(self, *args: Any, directory: Path, **kwargs: Any) -> None:
        self.directory = directory
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = (self.directory / unquote(urlparse(self.path).path).lstrip("/")).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or self.directory not in path.parents:
            self.send_error(404)
            return
        data = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the page closed mid-download
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_GzipHandler, directory=directory.resolve())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _total(requests: list[Any]) -> Bytes:
    uncompressed = compressed = 0
    for request in requests:
        response = request.response()
        if response is None:
            continue
        uncompressed += len(response.body())
        compressed += request.sizes()["responseBodySize"]
    return Bytes(uncompressed, compressed, len(requests))


@dataclass(frozen=True)
class Design:
    """How to search on one design of the site: its box, and the script that says results are shown."""

    input: str
    done: str


OLD = Design(".md-search__input", "() => /符合条件的结果/.test(document.querySelector('.md-search-result__meta')"
                                  "?.textContent ?? '')")
NEW = Design(".pc-search__input", "() => document.getElementById('pc-search-results')?.dataset.query !== undefined")


def reader_bytes(browser: Any, url: str, design: Design, query: str) -> tuple[Bytes, Bytes]:
    """Bytes to open the home page (until the network is idle), then to show the first query's results."""
    context = browser.new_context(locale="zh-CN")
    requests: list[Any] = []
    context.on("requestfinished", lambda request: requests.append(request))  # noqa: PLW0108 (Playwright tags the handler)
    page = context.new_page()
    page.goto(f"{url}/index.html", wait_until="networkidle", timeout=600_000)
    home = _total(requests)
    requests.clear()
    page.click(design.input)
    page.fill(design.input, query)
    page.press(design.input, "End")  # Material searches on keyup
    page.wait_for_function(design.done, timeout=600_000)
    page.wait_for_load_state("networkidle")
    first_query = _total(requests)
    context.close()
    return home, first_query


def first_paint(browser: Any, url: str) -> float:
    """Seconds to first-contentful-paint of the home page on the throttled link, empty cache."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    session.send("Network.emulateNetworkConditions", THROTTLE)
    page.goto(f"{url}/index.html", wait_until="load", timeout=600_000)
    paint: float = page.evaluate(
        "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
    context.close()
    return paint / 1000
