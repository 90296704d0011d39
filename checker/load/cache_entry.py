"""One parse-cache entry as plain data: JSON that names what it answers for and cannot run code.

An entry is two lines of UTF-8 JSON. The first is a header: the format, the checker fingerprint,
the SHA-256 of the exact bytes of the file it answers for, the file's path below its policy root,
its kind and the limits it was read with, followed by the file's text, its findings and its
schema findings. The second is the parsed value; the line and column where each mapping starts
(`PositionedDict`) are listed in the header in the order a JSON decoder closes the objects, so the
value is rebuilt in one decoding pass.

Findings are stored without the path they are shown by: every finding of one file's reading,
parsing and schema check is about that file, and none quotes its path, so a finding row holds the
rest and the path is the one of the run that reads the entry back. That is what lets a tree read
at another place (plancheck diff's revision, exported into a new scratch folder every run) use
the entries. A result that breaks the rule (a finding about another file, or a message or hint
that quotes the path) is not cached.

Decoding is `json.loads` and nothing else: no pickle, no class named by the entry. An entry whose
header differs from the file being read in any field (another file's bytes copied over it, an
older checker, other limits) is refused, so an entry can only ever answer for the content it was
made from. A value that JSON cannot carry exactly (an integer too long for `int` to print) is
simply not cached.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.findings import Finding, Severity
from checker.load.yaml_loader import PositionedDict

FORMAT = "plancheck-cache-entry/2"
MAGIC = b'{"format":"plancheck-cache-entry/'  # every entry of every format version starts with these bytes
_FINDING_TYPES = (str, str, str, int, int, str, int)  # no file (see above); the last: findings a summary stands for


@dataclass(frozen=True)
class Parsed:
    """A file's cached result. `text` and `data` are None when the file could not be read or parsed."""

    text: str | None
    data: Any
    findings: tuple[Finding, ...]
    schema_findings: tuple[Finding, ...] | None


@dataclass(frozen=True)
class Subject:
    """What an entry answers for: one file's exact bytes, at one place in its tree, read by one checker.

    path: below the policy root, with `/`. display: the path findings show the file by in this
    run; not part of what the entry answers for (see the module docstring).
    """

    fingerprint: str
    sha256: str
    path: str
    kind: str
    limits: str
    display: str = field(compare=False)

    def fields(self) -> dict[str, str]:
        """What the entry answers for, as its header names it."""
        return {"fingerprint": self.fingerprint, "sha256": self.sha256, "path": self.path, "kind": self.kind,
                "limits": self.limits}


def encode(subject: Subject, parsed: Parsed) -> bytes | None:
    """The entry's bytes, or None when the result cannot be stored exactly."""
    everything = (*parsed.findings, *(parsed.schema_findings or ()))
    if not all(_shows_only_its_file(item, subject.display) for item in everything):
        return None
    header = {"format": FORMAT, **subject.fields(), "text": parsed.text,
              "findings": [_finding_row(item) for item in parsed.findings],
              "schema_findings": None if parsed.schema_findings is None else
              [_finding_row(item) for item in parsed.schema_findings],
              "positions": _positions(parsed.data, [])}
    try:
        lines = _dumps(header) + "\n" + _dumps(parsed.data) + "\n"
    except ValueError:  # an integer with more digits than int() may print, or a value JSON cannot hold
        return None
    return lines.encode("utf-8", "surrogatepass")


def decode(raw: bytes, subject: Subject) -> Parsed | None:
    """The entry's result if it is well-formed and answers for exactly this subject, else None."""
    try:
        head, body, rest = raw.decode("utf-8", "surrogatepass").split("\n")
        header = json.loads(head)
        if rest or not _answers_for(header, subject):
            return None
        text, positions = header["text"], header["positions"]
        findings = _findings(header["findings"], subject.display)
        schema = None if header["schema_findings"] is None else _findings(header["schema_findings"], subject.display)
        if not isinstance(text, str | None) or not isinstance(positions, list):
            return None
        places = iter(positions)
        data = json.loads(body, object_pairs_hook=_positioned(places))
        complete = next(places, None) is None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):  # not ours, damaged or truncated
        return None
    if not complete or findings is None or (header["schema_findings"] is not None and schema is None):
        return None
    return Parsed(text, data, findings, schema)


def _answers_for(header: Any, subject: Subject) -> bool:
    return isinstance(header, dict) and header.get("format") == FORMAT and all(
        header.get(name) == value for name, value in subject.fields().items())


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _shows_only_its_file(item: Finding, display: str) -> bool:
    return item.file == display and display not in item.message and display not in item.hint


def _finding_row(item: Finding) -> list[Any]:
    return [item.code, item.severity.value, item.message, item.line, item.column, item.hint, item.omitted]


def _findings(rows: Any, file: str) -> tuple[Finding, ...] | None:
    if not isinstance(rows, list):
        return None
    findings = []
    for row in rows:
        if not isinstance(row, list) or len(row) != len(_FINDING_TYPES):
            return None
        if not all(type(value) is kind for value, kind in zip(row, _FINDING_TYPES, strict=True)):
            return None
        code, severity, message, line, column, hint, omitted = row
        findings.append(Finding(code, Severity(severity), message, file, line, column, hint, omitted))
    return tuple(findings)


def _positions(value: Any, into: list[int]) -> list[int]:
    """Where each mapping starts, in the order json.loads completes them (children first)."""
    if isinstance(value, PositionedDict):
        for item in value.values():
            if isinstance(item, PositionedDict | list):
                _positions(item, into)
        into += (value.line, value.column)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, PositionedDict | list):
                _positions(item, into)
    return into


def _positioned(places: Iterator[Any]) -> Callable[[list[tuple[str, Any]]], PositionedDict]:
    """The JSON decoder's hook: each mapping it completes, with the next position of the list."""

    def mapping(pairs: list[tuple[str, Any]]) -> PositionedDict:
        result = PositionedDict(pairs)
        line, column = next(places, None), next(places, None)
        if type(line) is not int or type(column) is not int:
            raise ValueError("position")
        result.line, result.column = line, column
        return result

    return mapping
