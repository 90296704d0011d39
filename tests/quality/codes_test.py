"""Every finding code is catalogued, documented, and pinned by a test at an exact position."""

from __future__ import annotations

import re

import yaml

from checker.codes import CODES
from tests.support import TESTS


def test_codes_are_stable_identifiers() -> None:
    """Codes follow PCnnn and carry a Chinese title and a fix."""
    for code, entry in CODES.items():
        assert re.fullmatch(r"PC\d{3}", code)
        assert entry.code == code
        assert entry.title and entry.fix


def test_every_code_is_pinned_by_a_test() -> None:
    """Each code appears in the corpus manifest (with line:column) or in a test asserting it."""
    manifest = yaml.safe_load((TESTS / "acceptance" / "corpus" / "manifest.yaml").read_text(encoding="utf-8"))
    pinned = {entry.split()[0] for spec in manifest.values() for entry in spec["expect"]}
    sources = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("*_test.py") if p.name != "codes_test.py")
    # In a test, a pinned code is written with its position: "PC002 1:1" or "file:3:7: PC017".
    pinned |= {code for code in CODES if re.search(rf"({code} \d+:\d+|:\d+:\d+: {code})", sources)}
    assert sorted(set(CODES) - pinned) == []


def test_messages_quote_invisible_characters_visibly() -> None:
    """A quoted bidi override or newline cannot reorder or break a file:line:column line."""
    from checker.codes import finding, visible

    assert visible("已完成\u202e项42\n下一行\u200b") == "已完成<U+202E>项42<U+000A>下一行<U+200B>"
    assert visible("普通文字　全角空格（）") == "普通文字　全角空格（）"
    assert finding("PC105", "“a\u2067b”", "f.yaml", 1, 1).message == "“a<U+2067>b”"
