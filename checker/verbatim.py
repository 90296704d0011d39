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
from array import array
from bisect import bisect_right
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
_NON_WHITESPACE = re.compile(r"\S+")


def squeeze(text: str) -> str:
    """The text without any whitespace, including the ideographic space."""
    return _WHITESPACE.sub("", text)


@dataclass(frozen=True, slots=True)
class Squeezed:
    """A text without whitespace, able to say where a remaining character was in the original.

    Kept as the start of each run of non-whitespace characters, in the squeezed and in the
    original text: a tuple of offsets per character took 4 s and hundreds of MB for a 4-million-
    character text; runs are found by the regex engine and stored in machine-word arrays.
    """

    text: str
    squeezed_starts: array[int]
    original_starts: array[int]

    @classmethod
    def of(cls, original: str) -> Squeezed:
        squeezed_starts, original_starts = array("q"), array("q")
        position = 0
        for run in _NON_WHITESPACE.finditer(original):
            squeezed_starts.append(position)
            original_starts.append(run.start())
            position += run.end() - run.start()
        return cls(squeeze(original), squeezed_starts, original_starts)

    def original_offset(self, index: int) -> int:
        """Where the squeezed text's character `index` stands in the original."""
        run = bisect_right(self.squeezed_starts, index) - 1
        return self.original_starts[run] + index - self.squeezed_starts[run]


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
    quote_offset = wanted.original_offset(len(matched))
    if not matched:
        return Difference(quote_offset, "", None)
    after = source.text.find(matched) + len(matched)
    return Difference(quote_offset, matched, source.original_offset(after) if after < len(source.text) else None)


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
