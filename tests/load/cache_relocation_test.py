"""The parse cache serves a tree read at another place: entries do not depend on where the tree is.

`plancheck diff` exports its revision into a new scratch folder on every run; its entries must still
be found, and what they say must be shown at the new place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from checker.load.cache import LoadCache
from checker.load.documents import list_tree, load_documents
from checker.load.limits import DEFAULT_LIMITS
from tests.load.cache_test import broken_tree


def test_a_tree_copied_elsewhere_is_read_from_the_cache_with_its_own_paths(tmp_path: Path) -> None:
    """Every file of a known kind a hit (a misplaced file is never cached); findings name the copy's files
    and equal an uncached read of the copy."""
    first = broken_tree(tmp_path / "first")
    second = tmp_path / "second" / "policy"
    shutil.copytree(first.parent, second.parent)
    cold_cache = LoadCache.open(tmp_path / "cache", DEFAULT_LIMITS)
    load_documents(list_tree(first), DEFAULT_LIMITS, cold_cache)
    cold_cache.save()
    warm_cache = LoadCache.open(tmp_path / "cache", DEFAULT_LIMITS)
    warm = load_documents(list_tree(second), DEFAULT_LIMITS, warm_cache)
    warm_cache.close()
    uncached = load_documents(list_tree(second), DEFAULT_LIMITS)
    assert warm_cache.hits == len([document for document in uncached if document.kind is not None]) == 3
    assert [(d.display, d.findings, d.schema_findings, d.data) for d in warm] == \
        [(d.display, d.findings, d.schema_findings, d.data) for d in uncached]
    shown = {item.file for document in warm for item in (*document.findings, *(document.schema_findings or ()))}
    assert shown and all(file.startswith(second.as_posix()) for file in shown)
