"""The built site and a real browser (Debian's Chromium driven by Playwright), shared by the site tests."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import REPOSITORY

CHROMIUM = Path("/usr/bin/chromium")
AS_OF = "2025-10-23"
ARTIFACTS = REPOSITORY / "test-artifacts"


def build_site(destination: Path, policy: Path | None = None, as_of: str = AS_OF) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` exactly as a maintainer runs it, into destination."""
    env = {**os.environ, "PLANCHECK_AS_OF": as_of}
    if policy is not None:
        env["PLANCHECK_POLICY"] = str(policy)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(destination)],
        cwd=REPOSITORY, env=env, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("site") / "site"
    result = build_site(destination)
    assert result.returncode == 0, result.stderr
    return destination


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    server, url = serve(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("PLANCHECK_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required in CI (.ci/run installs it from Debian's packages)")
        pytest.skip("Chromium (/usr/bin/chromium) is not installed; run `python3 dev.py test` as root to install it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def save_artifact(name: str, data: bytes) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(data)
    return path



def search(page: Any, site_url: str, query: str) -> list[str]:
    """Type a query into the site's search box as a reader would; the result links, best first."""
    page.goto(f"{site_url}/index.html")
    page.click(".pc-search__input")
    page.fill(".pc-search__input", query)
    page.wait_for_function("q => document.getElementById('pc-search-results')?.dataset.query === q", arg=query)
    links: list[str] = page.locator("#pc-search-results li > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return links
