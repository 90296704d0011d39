"""The engine-independent tree: which hand-written pages are published."""

from __future__ import annotations

import pytest

from checker.site.tree import excluded

PATTERNS = ["dev/", "reliability.md", "# comment", "", "/top.md", "*.tmp"]


@pytest.mark.parametrize(("path", "expected"), [
    ("dev/site.md", True), ("guide/dev/x.md", True), ("reliability.md", True), ("guide/reliability.md", True),
    ("top.md", True), ("guide/top.md", False), ("a/b.tmp", True), ("guide/submit.md", False), ("sources.md", False),
])
def test_exclude_docs_patterns(path: str, expected: bool) -> None:
    """The forms mkdocs.yml uses: a folder, a file name anywhere, an anchored name, a glob."""
    assert excluded(path, PATTERNS) is expected
