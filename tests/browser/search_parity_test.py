"""One segmentation: the browser's tokenizer (docs/assets/search.js) cuts every string as Python does."""

from __future__ import annotations

from typing import Any

from checker.site.search.index import fnv1a
from checker.site.search.segment import tokens, whole
from tests.support import REPOSITORY

TRICKY = [
    "邯气领办〔2023〕5号", "邯政字（2023）7号", "邯气领办[2023]5号", "a2-11", "A5-34", "s4-2-1", "VOCs治理",
    "创A", "国6b", "国Ⅵ", "PM2.5浓度", "ＰＭ₁₀", "NO_x", "360m²烧结机", "1#600m³高炉", "魏 县", "ｔ05", "",
    "—", "a-", "-a", "a..b", "x_1.2-3", "中\u3000文", "𠀋字", "㐀", "Straße", "İstanbul", "ǅ",
]


def _strings() -> list[str]:
    """The tricky cases and every line of the bundled plans: real text, not invented."""
    lines = [line for path in sorted((REPOSITORY / "policy" / "plans").glob("*.yaml"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    return TRICKY + lines


def test_python_and_javascript_cut_the_same_strings_the_same_way(page: Any, site_url: str) -> None:
    """tokens, whole and the shard hash agree on thousands of strings."""
    page.goto(f"{site_url}/index.html")
    page.focus(".pc-search__input")  # loads the engine
    page.wait_for_function("() => window.pcSearch !== undefined")
    strings = _strings()
    assert len(strings) > 1000
    browser = page.evaluate("s => s.map(t => [pcSearch.tokens(t), pcSearch.whole(t), pcSearch.fnv1a(t)])", strings)
    python = [[tokens(text), whole(text), fnv1a(text)] for text in strings]
    mismatches = [(text, b, p) for text, b, p in zip(strings, browser, python, strict=True) if b != p]
    assert mismatches == []
