"""Verbatim comparison of quoted text with its source, ignoring the whitespace PDF extraction inserts.

A quote is verbatim when, with all whitespace removed on both sides (line breaks, spaces and the
ideographic space U+3000, which extraction scatters through Chinese text), it occurs in the
source. Every other character must match exactly: punctuation, full-width digits, even a garbled
character the extraction produced. When it does not occur, `first_difference` names the first
character that departs from the source: the longest prefix of the quote found in the source
(found by binary search, since every prefix of a found prefix is found too) ends just before it.

Used by `validate` for reports that name their source text (checker/validate/quotes.py) and by
the maintainer tool tools/check_verbatim.py for plans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

VERBATIM_KEYS = frozenset(
    {
        "title", "target", "units_text", "text", "quote", "name", "company", "industry",
        "content", "adjustment", "category", "park", "label", "notice_title",
    }
)
# Keys whose values are ours, not the document's, even below a verbatim-looking key.
OWN_KEYS = frozenset({"summary", "note", "tracked_as", "measure", "short_title", "reason"})
_WHITESPACE = re.compile(r"\s+")  # in Unicode mode \s includes the ideographic space U+3000


def squeeze(text: str) -> str:
    """The text without any whitespace, including the ideographic space."""
    return _WHITESPACE.sub("", text)


@dataclass(frozen=True, slots=True)
class Squeezed:
    """A text without whitespace, remembering where each remaining character was in the original."""

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> Squeezed:
        kept = [(index, char) for index, char in enumerate(original) if not char.isspace()]
        return cls("".join(char for _, char in kept), tuple(index for index, _ in kept))


@dataclass(frozen=True, slots=True)
class Difference:
    """Where a quote departs from its source.

    `quote_offset` indexes the original quote (0-based); `source_offset` indexes the original
    source at the character the source has instead, or is None where the source ends or where no
    character of the quote occurs at all (`matched` is then empty).
    """

    quote_offset: int
    matched: str
    source_offset: int | None


def longest_found_prefix(needle: str, haystack: str) -> str:
    """The longest prefix of needle that occurs in haystack."""
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    return needle[:low]


def first_difference(quote: str, source: Squeezed) -> Difference | None:
    """None when the quote occurs in the source (whitespace ignored); else its first departing character."""
    wanted = Squeezed.of(quote)
    if not wanted.text or wanted.text in source.text:
        return None
    matched = longest_found_prefix(wanted.text, source.text)
    quote_offset = wanted.offsets[len(matched)]
    if not matched:
        return Difference(quote_offset, "", None)
    after = source.text.find(matched) + len(matched)
    return Difference(quote_offset, matched, source.offsets[after] if after < len(source.text) else None)


def verbatim_fields(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (path, text) for every verbatim string in a loaded plan or report."""
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
