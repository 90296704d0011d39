"""Check that every verbatim field of an encoded plan or report occurs in its source text.

Maintainer tool for encoding a new document; not used by the checker or the tests, because the
source documents are not part of the repository.

    python tools/check_verbatim.py policy/plans/hd-air-2023.yaml path/to/source.txt

Whitespace is ignored on both sides: PDF extraction inserts line breaks and spaces that are not
part of the wording. Every other character must match exactly. Exit status 1 lists the fields
that do not occur, with the longest prefix that does, to show where the copy diverges.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

VERBATIM_KEYS = frozenset(
    {
        "title", "target", "units_text", "text", "quote", "name", "company", "industry",
        "content", "adjustment", "category", "park", "label", "notice_title",
    }
)
# Keys whose values are ours, not the document's, even below a verbatim-looking key.
OWN_KEYS = frozenset({"summary", "note", "tracked_as", "measure", "short_title", "reason"})
WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Remove all whitespace, including the ideographic space."""
    return WHITESPACE.sub("", text.replace("\u3000", ""))


def verbatim_fields(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (path, text) for every verbatim string in a loaded document."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            if key in OWN_KEYS:
                continue
            if key in VERBATIM_KEYS and isinstance(value, str):
                yield child, value
            elif key == "document" and isinstance(value, dict) and "number" in value:
                yield f"{child}.number", str(value["number"])
                yield from verbatim_fields({k: v for k, v in value.items() if k != "number"}, child)
            else:
                yield from verbatim_fields(value, child)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from verbatim_fields(item, f"{path}[{index}]")


def longest_found_prefix(needle: str, haystack: str) -> str:
    """The longest prefix of needle that occurs in haystack (binary search)."""
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    return needle[:low]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    document = yaml.safe_load(Path(argv[0]).read_text(encoding="utf-8"))
    source = squeeze(Path(argv[1]).read_text(encoding="utf-8"))
    missing = 0
    for path, text in verbatim_fields(document):
        wanted = squeeze(text)
        if wanted and wanted not in source:
            missing += 1
            found = longest_found_prefix(wanted, source)
            print(f"{path}: not in source\n  text:  {text}\n  found: {found}…\n")
    print(f"{missing} field(s) not found verbatim")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
