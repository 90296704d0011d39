"""Rewriting YAML without losing anything: ruamel.yaml's round-trip mode, configured once.

Every tool that changes a YAML file goes through `load` and `dump` here. Round-trip mode keeps
comments, key order, quoting and flow/block style; with the settings below it reproduces every
file in policy/ byte for byte (tests/yamledit_test.py). Two things it does not reproduce: a flow
list or mapping broken over several lines is written on one line, and a comment after the last
item of a list stays after that item when items are appended. Values and comments are never lost.

Reading for validation does not use this module: the strict loader (checker/load/yaml_loader.py)
does that, and every rewritten text is checked by it before it is written.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

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
