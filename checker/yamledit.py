"""Writing YAML without losing anything: ruamel.yaml's round-trip mode, configured once, and splicing.

Every tool that writes YAML goes through this module. New text (a new report, new entries) is
built as ruamel containers and written by `dump`; with the settings below a round trip
reproduces every file in policy/ byte for byte (tests/unit/yamledit_test.py).

A round trip is not enough for a file someone wrote, though: it re-spells what it re-emits
(an escape such as "\\u00a0" becomes the character itself, CRLF line endings become LF, a flow
list broken over several lines is rejoined, an unusual indentation is normalised). So entries are
added to an existing file by `append_items`, which splices the dumped new entries into the
original text at the end of each list (or adds the list at the end of the file) and leaves every
other byte as it was: line endings, escapes, quoting, flow collections, comments and indentation.
A comment after the last item of a list stays after that item.

Reading for validation does not use this module: the strict loader (checker/load/yaml_loader.py)
does that, and every rewritten text is checked by it before it is written.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checker.load.yaml_loader import compose

# Our files indent mappings by two spaces and put "- " two spaces in: "updates:\n  - task: …".
_MAPPING_INDENT = 2
_SEQUENCE_INDENT = 4
_DASH_OFFSET = 2
_NO_WRAP = 1 << 16  # never fold long Chinese lines


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _NO_WRAP
    yaml.indent(mapping=_MAPPING_INDENT, sequence=_SEQUENCE_INDENT, offset=_DASH_OFFSET)
    return yaml


def load(text: str) -> Any:
    """The document as ruamel's commented containers (CommentedMap / CommentedSeq)."""
    return _yaml().load(text)


def dump(data: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def block_list(mapping: CommentedMap, key: str, *, before: str | None = None) -> CommentedSeq:
    """The list under key, created (in block style, after the existing keys) if absent."""
    current = mapping.get(key)
    if isinstance(current, CommentedSeq):
        return current
    sequence = CommentedSeq()
    mapping[key] = sequence
    if before:
        mapping.yaml_set_comment_before_after_key(key, before=before)
    return sequence


def append(sequence: CommentedSeq, item: CommentedMap, comment: str) -> None:
    """Append an item with a comment (one or more lines) on the lines above it."""
    sequence.append(item)
    sequence.yaml_set_comment_before_after_key(len(sequence) - 1, before=comment, indent=_DASH_OFFSET)


def mapping(*pairs: tuple[str, Any], flow: tuple[str, ...] = ()) -> CommentedMap:
    """A mapping with keys in the given order; keys in `flow` hold one-line {…} mappings."""
    result = CommentedMap()
    for key, value in pairs:
        if key in flow and isinstance(value, dict):
            inner = CommentedMap(value)
            inner.fa.set_flow_style()
            result[key] = inner
        else:
            result[key] = value
    return result


class NotAppendableError(ValueError):
    """The file's shape leaves no place to add entries without rewriting what is there (message in Chinese)."""


_TOP_LEVEL_KEY = re.compile(r"^([^\s#][^:]*):")
_ODD_LINE_BREAK = re.compile("[\x85\u2028\u2029]|\r(?!\n)")


def append_items(text: str, additions: CommentedMap) -> str:
    """`text` with the lists in `additions` appended to its top-level lists of the same names.

    A list the file lacks is added at its end, with the comment given to it in `additions`.
    Every byte of `text` is kept; the new lines use its line endings and its lists' indentation.
    Raises NotAppendableError when a list to extend is written in flow style or is not a list.
    """
    if _ODD_LINE_BREAK.search(text):  # libyaml would count lines differently from the splice
        raise NotAppendableError("文件中有单独的回车符、U+0085、U+2028 或 U+2029，请先删除。")
    root = compose(text)
    if not isinstance(root, MappingNode) or root.flow_style:
        raise NotAppendableError("文件顶层不是逐行书写的映射（key: value），无法在其中补充条目。")
    existing = {key.value: value for key, value in root.value if isinstance(key, ScalarNode)}
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split("\n")
    end_of_file = len(lines) - 1 if text.endswith("\n") else len(lines)
    # (line index, order among inserts at the same line, lines): at the end of the file, the items
    # added to the file's last list come before the lists the file lacks, in their given order.
    inserts: list[tuple[int, int, list[str]]] = []
    for number, (key, section) in enumerate(_sections(dump(additions)), start=1):
        value = existing.get(key)
        if value is None:
            inserts.append((end_of_file, number, section))
        else:
            at, dash_column = _place(key, value, lines, root.start_mark.column)
            inserts.append((at, 0, _reindent(section[section.index(f"{key}:") + 1:], dash_column)))
    carriage = "\r" if newline == "\r\n" else ""
    for at, _, new_lines in sorted(inserts, key=lambda insert: insert[:2], reverse=True):
        lines[at:at] = [line + carriage for line in new_lines]
    return "\n".join(lines)


def _sections(dumped: str) -> list[tuple[str, list[str]]]:
    """The dumped text split per top-level key: (key, its lines, comments above it included)."""
    sections: list[tuple[str, list[str]]] = []
    pending: list[str] = []
    for line in dumped.rstrip("\n").split("\n"):
        pending.append(line)
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            sections.append((match.group(1), pending))
            pending = []
        elif sections and line.startswith(" "):
            sections[-1][1].extend(pending)
            pending = []
    return sections


def _place(key: str, value: Node, lines: list[str], key_column: int) -> tuple[int, int]:
    """Where new items of the list under key go (a line index) and the column of its dashes."""
    if isinstance(value, SequenceNode) and not value.flow_style:
        end = value.end_mark.line + (1 if value.end_mark.column > 0 else 0)
        last = end - 1
        # Blank lines and comments no deeper than the key, just before the next key, belong to it.
        while last > value.start_mark.line and _belongs_to_next_key(lines[last], key_column):
            last -= 1
        return last + 1, value.start_mark.column
    empty = (isinstance(value, ScalarNode) and value.tag.endswith(":null")) or (
        isinstance(value, SequenceNode) and not value.value)
    if not empty:
        raise NotAppendableError(f"“{key}”不是逐行书写的列表（每项以“- ”开头），无法在其后补充条目；请先改为逐行列表。")
    line = value.start_mark.line
    start, end = value.start_mark.column, value.end_mark.column
    if value.end_mark.line == line and end > start:  # "~", "null" or "[]": the items replace it
        lines[line] = (lines[line][:start].rstrip(" ") + lines[line][end:]).rstrip(" ")
    return line + 1, key_column + _DASH_OFFSET


def _belongs_to_next_key(line: str, key_column: int) -> bool:
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= key_column)


def _reindent(item_lines: list[str], dash_column: int) -> list[str]:
    """Dumped items (dashes at column _DASH_OFFSET) moved to the file's dash column."""
    shift = dash_column - _DASH_OFFSET
    if shift >= 0:
        return [" " * shift + line if line else line for line in item_lines]
    return [line[-shift:] if line.startswith(" " * -shift) else line.lstrip(" ") for line in item_lines]
