"""The strict loader refuses what a YAML escape smuggles in and numbers no reader holds exactly."""

from __future__ import annotations

import pytest

from checker.load.yaml_loader import parse_yaml

LARGEST_NUMBER = 2**53 - 1  # the largest integer a JSON reader (JavaScript) keeps exact


def _found(text: str) -> list[str]:
    return [f"{item.code} {item.line}:{item.column}" for item in parse_yaml(text, "f.yaml")[1]]


@pytest.mark.parametrize(("escape", "code"), [
    ("\\u202E", "PC019"), ("\\u2066", "PC019"), ("\\L", "PC027"), ("\\P", "PC027"), ("\\u2028", "PC027"),
    ("\\x07", "PC006"), ("\\e", "PC006"), ("\\0", "PC006"), ("\\r", "PC006"), ("\\N", "PC006"), ("\\x9b", "PC006"),
])
def test_an_escape_that_makes_an_unsafe_character_is_refused_at_its_scalar(escape: str, code: str) -> None:
    """Each escape gives its code at the scalar holding it, in any field, nested or not."""
    assert _found(f'a:\n  b: [ok, "x{escape}y"]\n') == [f"{code} 2:11"]


def test_keys_are_screened_too() -> None:
    """A key spelled with an escape is refused where the key starts."""
    assert _found('a: 1\n"b\\u202Ec": 2\n') == ["PC019 2:1"]


def test_harmless_escapes_pass() -> None:
    """Tab, line feed, quotes and ordinary characters written as escapes are text like any other."""
    value, findings = parse_yaml('a: "x\\ty\\nz \\" \\u00a0 \\u4e2d"\n', "f.yaml")
    assert findings == []
    assert value == {"a": 'x\ty\nz " \u00a0 中'}


def test_an_integer_of_4400_digits_is_a_finding_not_a_crash() -> None:
    """Python's int() refuses 4,300 digits or more (ValueError, exit 3 before); now PC023 at 2:6."""
    value, findings = parse_yaml("a: 1\nbig: " + "9" * 4400 + "\n", "f.yaml")
    assert [f"{item.code} {item.line}:{item.column}" for item in findings] == ["PC023 2:6"]
    assert "共 4400 个字符" in findings[0].message
    assert value["big"] == "9" * 4400  # kept as text, so the schema reports the wrong type too


@pytest.mark.parametrize("number", [str(LARGEST_NUMBER + 1), str(-LARGEST_NUMBER - 1), "1e300", "-1.5e16", "1e400"])
def test_numbers_beyond_what_json_readers_keep_exact_are_refused(number: str) -> None:
    """Beyond 2**53 - 1 in magnitude, or not finite: PC023 at the scalar."""
    assert _found(f"a: {number}\n") == ["PC023 1:4"]


@pytest.mark.parametrize("number", [str(LARGEST_NUMBER), str(-LARGEST_NUMBER), "0", "12.5", "1e15", "0.000001"])
def test_numbers_in_range_are_numbers(number: str) -> None:
    """The largest exact integer and ordinary values load as numbers."""
    value, findings = parse_yaml(f"a: {number}\n", "f.yaml")
    assert findings == []
    assert isinstance(value["a"], int | float)


def test_20000_duplicate_keys_give_20_findings_and_one_summary() -> None:
    """The first 20 at their lines (PC012 2:1 to 21:1), then one summary at 22:1 counting the rest."""
    findings = parse_yaml("k: 1\n" * 20_001, "f.yaml")[1]
    assert [f"{item.code} {item.line}:{item.column}" for item in findings] == [
        *(f"PC012 {line}:1" for line in range(2, 22)), "PC012 22:1",
    ]
    assert findings[-1].omitted == 19_980
    assert findings[-1].message.startswith("另有 19980 处同类问题（PC012 键名重复）")
    assert all(item.omitted == 0 for item in findings[:-1])


def test_many_anchors_are_capped_with_a_summary() -> None:
    """Anchors are found from the event stream; past 20 they are counted, not listed."""
    text = "".join(f"a{n}: &x{n} 1\n" for n in range(25))
    findings = parse_yaml(text, "f.yaml")[1]
    assert len(findings) == 21
    assert (findings[-1].code, findings[-1].line, findings[-1].column, findings[-1].omitted) == ("PC015", 21, 6, 5)
