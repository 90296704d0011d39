"""Bytes to text: everything that must be refused before a YAML parser sees the file.

libyaml itself would reject some of these with an English message, accept others silently
(a BOM), or crash the process (a flow collection nested 100,000 deep overflows the C stack in
PyYAML's composer). Each check here gives a Chinese finding at the exact line and column.

Lines are counted by line feeds only, as editors and GitHub count them. libyaml also breaks lines
at a lone carriage return and at U+2028/U+2029, so such a character in a comment would shift
every position after it (and could end a comment early, turning the rest of its line into data).
Each is a finding (PC027) at its own position, and the text handed on has it replaced by a
space: the file is then read the way its reader sees it, and every later position is right.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from checker.codes import finding
from checker.findings import Finding, has_errors
from checker.load.limits import DEFAULT_LIMITS, Limits
from checker.load.yaml_loader import first_event_deeper_than
from checker.repeats import RepeatCap

_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
# Characters libyaml refuses (outside its printable set), plus C1 controls it would accept.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ODD_LINE_BREAK = re.compile("[\u2028\u2029]|\r(?!\n)")
_NAMES = {"\r": "单独的回车符（CR）", "\u2028": "行分隔符 U+2028", "\u2029": "段分隔符 U+2029"}
_ONLY_LF = "只有换行符（LF）才算换行，编辑器和 GitHub 都按它计行"
# Findings that do not stop the file from being parsed: its text is still read correctly.
_PARSE_ANYWAY = frozenset({"PC005", "PC027"})
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]{}]")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def too_large(size: int, file: str, limits: Limits) -> Finding:
    """The finding for a file of more than limits.max_bytes bytes."""
    shown, cap = f"{size / 1024 / 1024:.1f} MiB", f"{limits.max_bytes / 1024 / 1024:.0f} MiB"
    return finding("PC002", f"文件大小 {shown}，超过上限 {cap}。", file, 1, 1)


def read_text(raw: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str | None, list[Finding]]:
    """Decode and screen a file. Returns the text, or None when it must not be parsed."""
    if len(raw) > limits.max_bytes:
        return None, [too_large(len(raw), file, limits)]
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            return None, [finding("PC004", f"文件是 {encoding} 编码（以字节顺序标记开头），须为 UTF-8。", file, 1, 1)]
    findings: list[Finding] = []
    if raw.startswith(_UTF8_BOM):
        findings.append(finding("PC005", "文件开头有 UTF-8 字节顺序标记（BOM）。", file, 1, 1))
        raw = raw[len(_UTF8_BOM):]
    nul = raw.find(b"\x00")
    if nul >= 0:
        return None, [*findings, _nul_finding(raw, nul, file)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [*findings, _decode_finding(raw, error, file)]
    findings += _screen(text, file, limits)
    if has_errors(item for item in findings if item.code not in _PARSE_ANYWAY):
        return None, findings
    if any(item.code == "PC027" for item in findings):
        text = _ODD_LINE_BREAK.sub(" ", text)
    return text, findings


def _nul_finding(raw: bytes, offset: int, file: str) -> Finding:
    prefix = raw[:offset].decode("utf-8", errors="replace")
    line, column = line_and_column(prefix, len(prefix))
    looks_wide = raw[1::2].count(0) > len(raw) // 4 or raw[0::2].count(0) > len(raw) // 4
    detail = "，看起来是 UTF-16 编码" if looks_wide else ""
    return finding("PC006", f"第 {offset} 字节是空字符（NUL）{detail}。", file, line, column)


def _decode_finding(raw: bytes, error: UnicodeDecodeError, file: str) -> Finding:
    prefix = raw[: error.start].decode("utf-8")
    line, column = line_and_column(prefix, len(prefix))
    bad = raw[error.start : error.start + 4].hex(" ")
    message = f"第 {error.start} 字节（{bad}）不是有效的 UTF-8，可能是 GBK 编码或文件已损坏。"
    return finding("PC003", message, file, line, column)


def _screen(text: str, file: str, limits: Limits) -> list[Finding]:
    findings: list[Finding] = []
    cap = RepeatCap(limits.max_findings_per_kind)
    checks: tuple[tuple[str, re.Pattern[str], Callable[[str], str]], ...] = (
        ("PC006", _NOT_PRINTABLE, lambda char: f"不可见的控制字符 U+{ord(char):04X}。"),
        ("PC019", _BIDI_CONTROL, lambda char: f"方向控制字符 U+{ord(char):04X}。"),
        ("PC027", _ODD_LINE_BREAK, lambda char: f"{_NAMES[char]}：{_ONLY_LF}。"),
        ("PC007", _TAB_INDENT, lambda char: "行首缩进中有制表符（Tab）。"),
    )
    for code, pattern, message in checks:
        for match in pattern.finditer(text):
            offset = match.end() - 1 if code == "PC007" else match.start()  # the tab, not the spaces before it
            position = cap.admit(code, file, partial(line_and_column, text, offset))
            if position is not None:
                findings.append(finding(code, message(match.group()), file, *position))
    findings += cap.summaries()
    findings += _long_lines(text, file, limits)
    if all(item.code == "PC027" for item in findings):
        findings += _nesting(_ODD_LINE_BREAK.sub(" ", text) if findings else text, file, limits)
    return findings


def _long_lines(text: str, file: str, limits: Limits) -> list[Finding]:
    if len(text) <= limits.max_line_chars:
        return []
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > limits.max_line_chars:
            message = f"本行有 {len(line)} 个字符，超过上限 {limits.max_line_chars}。"
            findings.append(finding("PC008", message, file, number, limits.max_line_chars + 1))
            if len(findings) >= limits.max_findings_per_kind:
                break
    return findings


def _nesting(text: str, file: str, limits: Limits) -> list[Finding]:
    """Refuse flow collections nested deeper than the limit.

    Counting brackets over-estimates when quoted text contains unbalanced brackets, so a count
    over the limit is only a suspicion, confirmed with libyaml's event parser, which is iterative
    and cannot overflow the stack the way the composer does.
    """
    if text.count("[") + text.count("{") <= limits.max_depth:
        return []
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    if deepest <= limits.max_depth:
        return []
    position = first_event_deeper_than(text, limits.max_depth)
    if position is None:
        return []
    line, column = position
    return [finding("PC017", f"嵌套超过 {limits.max_depth} 层。", file, line, column)]
