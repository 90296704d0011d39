"""A strict, fast YAML loader: libyaml composes, this module builds the values.

What it refuses, each with a finding at the exact line and column:
- duplicate keys (PyYAML silently keeps the last one: data loss);
- YAML 1.1 readings that differ from YAML 1.2 or from what a person meant: `yes`/`no`/`on`/`off`,
  `0755`, `1:30`, `1_000`, `0x1F`, `0o17`;
- anchors, aliases and explicit tags (an alias bomb builds a small graph that explodes in
  whatever walks it later);
- several documents in one file; complex keys; nesting deeper than the limit;
- numbers a reader cannot hold exactly: beyond 2**53 - 1 in magnitude (the largest integer a
  JSON reader such as JavaScript keeps exact), or not finite; an integer of 4,300 digits or more
  is refused before Python's int() would raise;
- control, bidi and line-separator characters in any key or string value that an escape such as
  `"\\u202E"`, `"\\L"` or `"\\x07"` put there (the raw text is screened by checker.load.reader, but an
  escape is plain ASCII there), each at its scalar.

Dates are never resolved: `2023-11-15` and `"2023-11-15"` are the same string, and the schema's
`format: date` checks them. Only the YAML 1.2 core scalars remain: null, true/false, decimal
integers and floats.

Each mapping is built as a `PositionedDict`, which remembers the line and column where it
starts; finer positions are found on demand by `checker.load.locate`.
"""

from __future__ import annotations

import math
import re
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from checker.codes import finding
from checker.findings import Finding
from checker.load.limits import DEFAULT_LIMITS, Limits
from checker.load.syntax_errors import mark_position, syntax_finding
from checker.repeats import RepeatCap

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_STR = "tag:yaml.org,2002:str"
_TRAP_BOOL = "tag:plancheck,2026:yaml11-bool"
_TRAP_NUMBER = "tag:plancheck,2026:yaml11-number"

_DIGITS = list("-+0123456789")
# The largest magnitude a number may have: JSON readers keep integers exact up to 2**53 - 1.
LARGEST_NUMBER = 2**53 - 1
_LARGEST_DIGITS = len(str(LARGEST_NUMBER))
# What an escape can smuggle into a string: controls (but tab and line feed), bidi overrides and
# isolates, line and paragraph separators, surrogates.
_UNSAFE_IN_STRING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_RESOLVERS: list[tuple[str, str, list[str]]] = [
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (_TRAP_BOOL, r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$", list("yYnNoO")),
    (_INT, r"^[-+]?(?:0|[1-9][0-9]*)$", _DIGITS),
    (
        _TRAP_NUMBER,
        r"^[-+]?(?:0[0-9]+(?:\.[0-9]*)?|0[bB][01_]+|0[xX][0-9a-fA-F_]+|0o[0-7]+"
        r"|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9]+(?:_[0-9]+)+(?:\.[0-9_]*)?)$",
        _DIGITS,
    ),
    (_FLOAT, r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", [*_DIGITS, "."]),
]


class _Loader(_BaseLoader):  # type: ignore[misc]
    """libyaml's parser and composer with our implicit resolvers; constructors are not used."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {}


for _tag, _pattern, _first in _RESOLVERS:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


class PositionedDict(dict[str, Any]):
    """A mapping that remembers where it starts (1-based line and column)."""

    __slots__ = ("column", "line")

    line: int
    column: int


# What a file parses to: None, bool, int, float, str, list or PositionedDict, nested. Any, because
# its shape is the schema's to say: code reads it with isinstance checks, or once the schema passed.
YamlValue = Any


def compose(text: str) -> Node | None:
    """The node tree of a single-document text (raises yaml.YAMLError)."""
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def parse_yaml(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Any, list[Finding]]:
    """Parse one file's text. Returns (value, findings); value is None when nothing is usable."""
    if "&" in text or "*" in text or "!" in text:
        refused = _scan_for_refused_events(text, file)
        if refused:
            return None, refused
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as error:
        return None, [syntax_finding(error, file, text)]
    except yaml.YAMLError as error:
        return None, [finding("PC009", f"YAML 语法错误（{error}）。", file, 1, 1)]
    if node is None:
        return None, [finding("PC010", "文件中没有任何数据（只有空白或注释）。", file, 1, 1)]
    builder = _Builder(file, limits, screen_strings="\\" in text)
    value = builder.build(node, 0)
    builder.summarise()
    if any(item.code == "PC017" for item in builder.findings):
        return None, builder.findings  # cut-off structure: validating it would only add noise
    return value, builder.findings


class _Builder:
    """Turns composed nodes into Python values, collecting findings instead of raising."""

    def __init__(self, file: str, limits: Limits, *, screen_strings: bool) -> None:
        self.file = file
        self.max_depth = limits.max_depth
        self.findings: list[Finding] = []
        # Only an escape (a backslash in a double-quoted scalar) can put an unsafe character into
        # a string whose raw text passed the reader's screening.
        self.screen_strings = screen_strings
        self.cap = RepeatCap(limits.max_findings_per_kind)

    def _at(self, code: str, message: str, node: Node) -> None:
        mark = node.start_mark
        position = self.cap.admit(code, self.file, lambda: (mark.line + 1, mark.column + 1))
        if position is not None:
            self.findings.append(finding(code, message, self.file, *position))

    def summarise(self) -> None:
        """Add one summary finding for each code that was repeated beyond the cap."""
        self.findings += self.cap.summaries()

    def _string(self, node: Node) -> str:
        value: str = node.value
        if self.screen_strings and (match := _UNSAFE_IN_STRING.search(value)):
            char = match.group()
            code = "PC019" if char in _BIDI else "PC027" if char in "\u2028\u2029" else "PC006"
            kind = {"PC019": "方向控制字符", "PC027": "行分隔符或段分隔符"}.get(code, "控制字符")
            self._at(code, f"文字中有由转义写法产生的{kind} U+{ord(char):04X}。", node)
        return value

    def build(self, node: Node, depth: int) -> Any:
        if depth > self.max_depth:
            self._at("PC017", f"嵌套超过 {self.max_depth} 层。", node)
            return None
        if node.__class__ is ScalarNode:
            return self._scalar(node)
        if node.__class__ is MappingNode:
            return self._mapping(node, depth)
        return [self.build(item, depth + 1) for item in node.value]

    def _scalar(self, node: Node) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return self._string(node)
        if tag == _INT:
            return self._integer(node)
        if tag == _FLOAT:
            return self._float(node)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value in ("true", "True", "TRUE")
        if tag == _TRAP_BOOL:
            self._at("PC013", f"“{value}”在 YAML 1.1 中会被读作真假值，含义不明确。", node)
        else:
            self._at("PC014", f"“{value}”在不同 YAML 版本中含义不同（八进制、六十进制或带分隔符的数字）。", node)
        return value

    def _integer(self, node: Node) -> int | str:
        text: str = node.value
        # Checked on the digits first: int() of 4,300 digits or more raises (CVE-2020-10735 guard).
        if len(text.lstrip("+-")) <= _LARGEST_DIGITS and abs(number := int(text)) <= LARGEST_NUMBER:
            return number
        self._at("PC023", f"整数“{_shorten(text)}”超出可准确计算的范围（绝对值不超过 {LARGEST_NUMBER}）。", node)
        return text

    def _float(self, node: Node) -> float | str:
        number = float(node.value)
        if math.isfinite(number) and abs(number) <= LARGEST_NUMBER:
            return number
        reading = "会被读作无穷大" if not math.isfinite(number) else f"绝对值不超过 {LARGEST_NUMBER}"
        self._at("PC023", f"“{_shorten(node.value)}”超出可准确计算的数值范围（{reading}）。", node)
        return str(node.value)

    def _mapping(self, node: Node, depth: int) -> PositionedDict:
        result = PositionedDict()
        result.line = node.start_mark.line + 1
        result.column = node.start_mark.column + 1
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self._at("PC018", "键名是列表或映射，须为简单文字。", key_node)
                continue
            key = self._string(key_node)
            if key in result:
                self._at("PC012", f"键“{key}”在同一层级中重复出现，前面的值会被覆盖。", key_node)
                continue
            result[key] = self.build(value_node, depth + 1)
        return result


def _shorten(text: str) -> str:
    """A long number as its first digits and its length, so a message stays one readable line."""
    return text if len(text) <= 30 else f"{text[:20]}…（共 {len(text)} 个字符）"


def _scan_for_refused_events(text: str, file: str) -> list[Finding]:
    """Anchors, aliases and explicit tags, found from libyaml's event stream (no composing)."""
    findings: list[Finding] = []
    cap = RepeatCap(DEFAULT_LIMITS.max_findings_per_kind)

    def add(code: str, message: str, event: Any) -> None:
        position = cap.admit(code, file, lambda: mark_position(event.start_mark))
        if position is not None:
            findings.append(finding(code, message, file, *position))

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                add("PC015", f"别名“*{event.anchor}”。", event)
            elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                add("PC015", f"锚点“&{event.anchor}”。", event)
            if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent) and event.tag:
                add("PC016", f"类型标签“{event.tag}”。", event)
    except yaml.MarkedYAMLError as error:
        return [syntax_finding(error, file, text)]
    except yaml.YAMLError as error:  # a reader error (e.g. NUL) when called without read_text's screening
        return [finding("PC009", f"YAML 语法错误（{error}）。", file, 1, 1)]
    return findings + cap.summaries()


def first_event_deeper_than(text: str, max_depth: int) -> tuple[int, int] | None:
    """Line and column of the first collection nested deeper than max_depth, if any."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    return mark_position(event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        return mark_position(error.problem_mark or error.context_mark)
    return None
