"""The load stage never raises: any bytes become text and data, or findings that point into the file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hypothesis import event, example, given
from hypothesis import strategies as st

from checker.codes import CODES
from checker.findings import Finding
from checker.load.reader import read_text
from checker.load.yaml_loader import parse_yaml
from tests.properties.strategies import BASE_FILES, REPOSITORY_FILES, mutated_file, property_settings

FILE = "policy/plans/fuzz.yaml"


def load(raw: bytes) -> tuple[Any, list[Finding]]:
    """read_text then parse_yaml, as checker.load.documents chains them."""
    text, findings = read_text(raw, FILE)
    if text is None:
        return None, findings
    value, parse_findings = parse_yaml(text, FILE)
    return value, findings + parse_findings


def assert_well_formed(findings: list[Finding]) -> None:
    """Every finding has a catalogued code and a 1-based line and column."""
    for item in findings:
        assert item.code in CODES, item
        assert item.file == FILE, item
        assert item.line >= 1 and item.column >= 1, item


def assert_loads(raw: bytes) -> None:
    value, findings = load(raw)
    assert_well_formed(findings)
    if value is None:
        assert findings, "nothing usable must be explained by a finding"
    for code in sorted({item.code for item in findings}) or ["no finding"]:
        event(code)  # the distribution shows in --hypothesis-show-statistics


@property_settings(max_examples=150)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_load_or_give_findings(raw: bytes) -> None:
    """Random bytes (mostly invalid UTF-8) never raise."""
    assert_loads(raw)


@property_settings(max_examples=150)
@given(st.text(max_size=500))
def test_arbitrary_text_loads_or_gives_findings(text: str) -> None:
    """Random Unicode, YAML punctuation included, never raises once encoded as UTF-8."""
    assert_loads(text.encode("utf-8"))


@property_settings(max_examples=150)
@given(mutated_file(BASE_FILES + REPOSITORY_FILES))
def test_mutated_policy_files_load_or_give_findings(case: tuple[Path, bytes]) -> None:
    """Real files with lines deleted, duplicated, swapped, re-indented or cut, and hostile characters added."""
    _path, raw = case
    assert_loads(raw)



# Every sequence some editor or libyaml ends a line with, so the bound is generous.
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


@property_settings(max_examples=150)
@given(st.text(max_size=300).map(str.encode) | mutated_file(BASE_FILES).map(lambda case: case[1]))
@example(b"schedule: {kind: deadline,")  # a file cut inside a flow mapping: PC009 at 2:1 of a one-line file
def test_findings_point_at_a_line_that_exists(raw: bytes) -> None:
    """No finding points below the last line, where an editor or a GitHub annotation has nothing to show."""
    _value, findings = load(raw)
    last_line = len(_LINE_BREAK.findall(raw.decode("utf-8", errors="replace"))) + 1
    assert [item for item in findings if item.line > last_line] == []
