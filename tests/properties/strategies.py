"""Hypothesis strategies shared by the property tests: real policy files, mutated the way hands and tools break them.

The sources are read from disk when first drawn (the base fixture tree and the repository's own
policy/), so the mutations follow the data as it evolves. Two kinds of damage, both as bytes:
- `mutated`: the text edited line by line (lines deleted, duplicated, swapped, re-indented, cut,
  hostile characters inserted), and possibly the encoding damaged (a cut UTF-8 sequence, a BOM,
  UTF-16 or GBK bytes, a NUL). Mostly exercises the loader and the schema.
- `restructured`: well-formed YAML whose data has one node replaced by a random value, deleted,
  duplicated or renamed. Gets past the loader to the schema, the model builder and the checks.

Every property test runs with `derandomize=True`: the examples are a function of the test's
source, so CI sees the same inputs on every run and a failure reproduces on any machine. The
price is that no run explores anything new; to fuzz for longer, run a test locally with
`settings(derandomize=False, max_examples=...)` (see docs/dev/reliability.md).
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml
from hypothesis import settings
from hypothesis import strategies as st

from tests.support import BASE, REPOSITORY

BASE_POLICY = BASE / "policy"
REPOSITORY_POLICY = REPOSITORY / "policy"
BASE_FILES = tuple(sorted(BASE_POLICY.rglob("*.yaml")))
REPOSITORY_FILES = tuple(sorted(REPOSITORY_POLICY.rglob("*.yaml")))


def property_settings(max_examples: int) -> settings:
    """Deterministic examples, no deadline (a tree is copied and validated per example), no database."""
    return settings(max_examples=max_examples, derandomize=True, deadline=None, print_blob=True)


@functools.cache
def source_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# What breaks YAML and what the screens must catch: control and invisible characters, YAML
# indicators, YAML 1.1 traps, and a lone surrogate (written with surrogatepass: invalid UTF-8).
HOSTILE_FRAGMENTS = (
    "\t", "\x00", "\ufeff", "\u202e", "\u200b", "\r", "\n", "\x85", "\u2028", "\x7f", "\x1b", "\ud800",
    " ", ": ", "- ", "#", "&anchor ", "*alias", "!!python/object:os.system ", "!tag ", "[", "]", "{", "}",
    "'", '"', "|", ">", "%", "@", "`", "\\", "? ", "<<: ", "---\n", "...\n", "yes", "0755", "1:30",
    "1_000", "2023-02-30", "null", "~", "[[[[[[[[", "{{{{{{{{", "\u4e00", "\U0001f600",
)
insertions = st.lists(st.sampled_from(HOSTILE_FRAGMENTS) | st.text(max_size=3), min_size=1, max_size=4).map("".join)

Lines = list[str]


def _line_index(draw: st.DrawFn, lines: Lines) -> int:
    return draw(st.integers(0, len(lines) - 1))


def _delete(draw: st.DrawFn, lines: Lines) -> Lines:
    index = _line_index(draw, lines)
    return lines[:index] + lines[index + 1 :]


def _duplicate(draw: st.DrawFn, lines: Lines) -> Lines:
    index = _line_index(draw, lines)
    return [*lines[: index + 1], lines[index], *lines[index + 1 :]]


def _swap(draw: st.DrawFn, lines: Lines) -> Lines:
    first, second = _line_index(draw, lines), _line_index(draw, lines)
    swapped = list(lines)
    swapped[first], swapped[second] = lines[second], lines[first]
    return swapped


def _insert(draw: st.DrawFn, lines: Lines) -> Lines:
    index = _line_index(draw, lines)
    line = lines[index]
    at = draw(st.integers(0, len(line)))
    return [*lines[:index], line[:at] + draw(insertions) + line[at:], *lines[index + 1 :]]


def _reindent(draw: st.DrawFn, lines: Lines) -> Lines:
    index = _line_index(draw, lines)
    indent = draw(st.sampled_from(["", " ", "  ", "   ", "    ", "\t", "  \t", " " * 12]))
    return [*lines[:index], indent + lines[index].lstrip(" "), *lines[index + 1 :]]


def _replace_value(draw: st.DrawFn, lines: Lines) -> Lines:
    index = _line_index(draw, lines)
    key, colon, _value = lines[index].partition(": ")
    if not colon:
        return lines
    return [*lines[:index], f"{key}: {draw(insertions)}\n", *lines[index + 1 :]]


def _truncate(draw: st.DrawFn, lines: Lines) -> Lines:
    text = "".join(lines)
    return [text[: draw(st.integers(0, len(text)))]]


LINE_MUTATIONS = (_delete, _duplicate, _swap, _insert, _reindent, _replace_value, _truncate)


def _damage_bytes(draw: st.DrawFn, data: bytes, text: str) -> bytes:
    # Half the files keep their bytes: damaged bytes stop at the reader and never reach the YAML parser.
    damage = draw(st.sampled_from(["none"] * 5 + ["cut", "utf8-bom", "utf16", "gbk", "nul"]))
    if damage == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if damage == "utf8-bom":
        return b"\xef\xbb\xbf" + data
    if damage == "utf16":
        return text.encode("utf-16", errors="surrogatepass")
    if damage == "gbk":
        return text.encode("gbk", errors="replace")
    if damage == "nul":
        at = draw(st.integers(0, len(data)))
        return data[:at] + b"\x00" + data[at:]
    return data


@st.composite
def mutated(draw: st.DrawFn, text: str) -> bytes:
    """The text after one to four line mutations, encoded, possibly with damaged bytes."""
    lines = text.splitlines(keepends=True)
    for mutation in draw(st.lists(st.sampled_from(LINE_MUTATIONS), min_size=1, max_size=4)):
        lines = mutation(draw, lines) if lines else lines
    result = "".join(lines)
    return _damage_bytes(draw, result.encode("utf-8", errors="surrogatepass"), result)


@st.composite
def mutated_file(draw: st.DrawFn, sources: tuple[Path, ...]) -> tuple[Path, bytes]:
    """One of the source files and a mutated copy of its content."""
    path = draw(st.sampled_from(sources))
    return path, draw(mutated(source_text(path)))


class _DatesAsText(yaml.SafeLoader):
    """PyYAML's safe loader without the timestamp resolver: dates stay strings, as plancheck reads them."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# Values a field may be given by mistake: wrong types, impossible dates, numbers that overflow to
# infinity in YAML 1.2 (PyYAML writes "1e400" unquoted), IDs that do or do not resolve, vocabulary.
TRICKY_VALUES = (
    "1e400", "-1e400", "2023-02-30", "2023-13-01", "0001-01-01", "9999-12-31", "2023-1-1", "demo-2023/a1-01",
    "demo-2023/a5-01", "demo-2023/missing", "city-ecology", "county-a", "city-counties", "missing-unit", "done",
    "in_progress", "deadline", "ongoing", "all_year", "plan_period", "at_least", "at_most", "", " ", "0", "-1", "1.5",
)
_scalars = (
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=12)
    | st.sampled_from(TRICKY_VALUES)
)

NodePath = tuple[str | int, ...]


def _paths(value: Any, path: NodePath = ()) -> list[NodePath]:
    found = [path]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        found += _paths(child, (*path, key))
    return found


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(child) for child in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(child) for child in value))
    return set()


@st.composite
def restructured(draw: st.DrawFn, text: str) -> bytes:
    """The document with one node replaced by a random value, deleted, duplicated or its key renamed.

    The first line (the schema modeline comment) is kept, so the changed node is what gets judged.
    """
    data = yaml.load(text, Loader=_DatesAsText)
    keys = st.sampled_from(sorted(_keys(data))) | st.text(max_size=8)
    values = st.recursive(
        _scalars, lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=3),
        max_leaves=8,
    )
    *parents, last = draw(st.sampled_from(_paths(data)[1:]))
    container = data
    for step in parents:
        container = container[step]
    operation = draw(st.sampled_from(["replace", "delete", "duplicate", "rename"]))
    if operation == "replace":
        container[last] = draw(values)
    elif operation == "delete":
        del container[last]
    elif operation == "duplicate" and isinstance(container, list):
        container.insert(last, copy.deepcopy(container[last]))  # a shared object would be dumped as an alias
    elif isinstance(container, dict):
        container[draw(keys)] = container.pop(last)
    modeline = text.split("\n", 1)[0]
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return f"{modeline}\n{body}".encode()


@st.composite
def restructured_file(draw: st.DrawFn, sources: tuple[Path, ...]) -> tuple[Path, bytes]:
    """One of the source files with one node of its data changed."""
    path = draw(st.sampled_from(sources))
    return path, draw(restructured(source_text(path)))
