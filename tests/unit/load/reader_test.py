"""Inputs that must be refused before parsing: sizes, lengths, depth, placement."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.load.limits import DEFAULT_LIMITS, Limits
from checker.load.parsing import parse_bytes
from checker.load.reader import line_and_column, read_text
from tests.support import copy_base, findings_in, run_validate


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    return copy_base(tmp_path)


def test_line_and_column_count_characters_not_bytes() -> None:
    """Columns count characters, so a Chinese line points where an editor's cursor would."""
    text = "第一行\n用例：值"
    assert line_and_column(text, text.index("值")) == (2, 4)


def test_file_over_the_size_limit_is_refused(policy: Path) -> None:
    """A file above 8 MiB is refused without being parsed (PC002 at 1:1)."""
    big = policy / "plans" / "huge.yaml"
    big.write_text("# yaml-language-server: $schema=../../schemas/plan.schema.json\n" + "x: 1\n" * 2_000_000)
    code, report, _ = run_validate(policy)
    assert code == 2
    assert findings_in(report, "huge.yaml") == ["PC002 1:1"]


def test_custom_limits_apply() -> None:
    """Limits are data: a smaller cap refuses a smaller file."""
    text, findings = read_text(b"a: 1\n" * 10, "f.yaml", Limits(max_bytes=20))
    assert text is None
    assert [(f.code, f.line, f.column) for f in findings] == [("PC002", 1, 1)]


def test_very_long_line_is_refused(policy: Path) -> None:
    """A line over 5000 characters is refused at the first character past the limit (PC008)."""
    path = policy / "plans" / "long.yaml"
    modeline = "# yaml-language-server: $schema=../../schemas/plan.schema.json\n"
    path.write_text(modeline + "id: case\ntitle: " + "长" * 6000 + "\n")
    _, report, _ = run_validate(policy)
    assert findings_in(report, "long.yaml") == ["PC008 3:5001"]


def test_flow_nesting_100000_deep_does_not_crash(policy: Path) -> None:
    """100,000 nested brackets overflow libyaml's composer; the pre-check refuses them first.

    One bracket per line, so the line-length limit does not catch it first. Run as a subprocess
    so a segmentation fault would show as a failed exit status.
    """
    text = "x: [\n" + " [\n" * 99_999 + " ]\n" * 100_000
    (policy / "plans" / "deep.yaml").write_text(text)
    result = subprocess.run(
        [sys.executable, "-m", "checker", "validate", str(policy), "--as-of", "2024-01-01"],
        capture_output=True, text=True, check=False, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 2, result.stderr
    assert "deep.yaml:64:2: PC017" in result.stdout
    assert "Traceback" not in result.stderr


def test_unbalanced_brackets_inside_text_are_not_nesting(policy: Path) -> None:
    """Brackets in quoted text over-count the depth; the event parser confirms there is none."""
    plan = (policy / "plans" / "demo-2023.yaml").read_text(encoding="utf-8")
    plan = plan.replace("title: 加强污染精准治理", 'title: "加强污染精准治理' + "[" * 70 + '"')
    (policy / "plans" / "demo-2023.yaml").write_text(plan, encoding="utf-8")
    code, report, _ = run_validate(policy)
    assert (code, report["findings"]) == (0, [])


def test_file_outside_the_known_folders_is_reported(policy: Path) -> None:
    """A YAML file directly in progress/ has no reporting unit: PC021 instead of being ignored."""
    shutil.copyfile(policy / "progress/city-ecology/2023-05-10-report.yaml", policy / "progress/loose.yaml")
    _, report, _ = run_validate(policy)
    assert findings_in(report, "loose.yaml") == ["PC021 1:1"]


def test_non_yaml_file_is_a_warning_not_silence(policy: Path) -> None:
    """A report saved as .txt would be silently lost; it is reported (PC022) instead."""
    (policy / "progress/city-ecology/report.yaml.txt").write_text("reporter: city-ecology\n")
    code, report, _ = run_validate(policy)
    assert findings_in(report, "report.yaml.txt") == ["PC022 1:1"]
    assert code == 0


def test_dangling_symlink_is_reported(policy: Path) -> None:
    """A broken link is a link (PC024, never followed); it is reported rather than skipped."""
    (policy / "progress/city-ecology/gone.yaml").symlink_to(policy / "nowhere.yaml")
    code, report, _ = run_validate(policy)
    assert findings_in(report, "gone.yaml") == ["PC024 1:1"]
    assert code == 2


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\r"])
def test_an_odd_line_break_in_a_comment_keeps_every_later_line_right(separator: str) -> None:
    """libyaml counts U+2028, U+2029 and a lone CR as line breaks; positions count line feeds only.

    The separator is PC027 at its own position, and an error five lines later is reported at its
    true line (7), not one line further down.
    """
    raw = f"# 说明{separator}注释\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: [\n".encode()
    findings = parse_bytes(raw, "f.yaml", DEFAULT_LIMITS)[2]
    assert [f"{item.code} {item.line}:{item.column}" for item in findings] == ["PC027 1:5", "PC009 7:5"]


def test_a_lone_carriage_return_does_not_end_a_comment() -> None:
    """What follows a CR in a comment is comment to a reader, so it must not become data."""
    text, findings = read_text(b"a: 1  # note\rb: 2\nc: 3\n", "f.yaml")
    assert [f"{item.code} {item.line}:{item.column}" for item in findings] == ["PC027 1:13"]
    assert text is not None
    assert parse_bytes(b"a: 1  # note\rb: 2\nc: 3\n", "f.yaml", DEFAULT_LIMITS)[1] == {"a": 1, "c": 3}


def test_crlf_line_endings_are_ordinary() -> None:
    """Windows line endings are one break each: no finding, values and positions as with LF."""
    crlf = parse_bytes(b"a: 1\r\nb: [\r\n", "f.yaml", DEFAULT_LIMITS)[2]
    lf = parse_bytes(b"a: 1\nb: [\n", "f.yaml", DEFAULT_LIMITS)[2]
    assert [f"{item.code} {item.line}:{item.column}" for item in crlf] == ["PC009 2:5"]
    assert [(item.line, item.column) for item in crlf] == [(item.line, item.column) for item in lf]
    assert parse_bytes(b"a: 1\r\nb: |\r\n  x\r\n  y\r\n", "f.yaml", DEFAULT_LIMITS)[1:] == ({"a": 1, "b": "x\ny\n"}, ())


def test_a_million_control_characters_give_20_findings_and_a_count() -> None:
    """Raw screening lists 20 of a kind and counts the rest in one summary, without a pass per match."""
    findings = read_text(b"\x07\n" * 1_000_000, "f.yaml")[1]
    assert [(item.code, item.line) for item in findings][-2:] == [("PC006", 20), ("PC006", 21)]
    assert findings[-1].omitted == 999_980
