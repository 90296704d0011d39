"""Cache entries are plain JSON that answer for exactly one file's bytes, seen by one checker."""

from __future__ import annotations

from dataclasses import replace

from checker.codes import finding
from checker.load.cache_entry import MAGIC, Parsed, Subject, decode, encode
from checker.load.yaml_loader import parse_yaml

SUBJECT = Subject("0" * 24, "1" * 64, "/tree/policy/plans/a.yaml", "policy/plans/a.yaml", "plan", "Limits()")
TEXT = "a:\n  b: [1, 2.5, {c: true}]\n  d: ~\ne: 文字\n"


def parsed() -> Parsed:
    data, findings = parse_yaml(TEXT, SUBJECT.display)
    schema = (finding("PC101", "缺少", SUBJECT.display, 2, 3),)
    return Parsed(TEXT, data, tuple(findings), schema)


def test_an_entry_round_trips_values_findings_and_positions() -> None:
    """An encoded entry decodes to the same values, findings and positions."""
    original = parsed()
    content = encode(SUBJECT, original)
    assert content is not None and content.startswith(MAGIC)
    restored = decode(content, SUBJECT)
    assert restored == original
    assert restored is not None
    inner = restored.data["a"]["b"][2]
    assert (restored.data.line, restored.data.column, inner.line, inner.column) == (1, 1, 2, 15)


def test_an_entry_for_other_bytes_another_file_or_another_checker_is_refused() -> None:
    """An entry is refused when any of the bytes, path, name, kind, checker or limits differ."""
    content = encode(SUBJECT, parsed())
    assert content is not None
    for field, value in (("sha256", "2" * 64), ("path", "/x"), ("display", "x"), ("kind", "progress"),
                         ("fingerprint", "f" * 24), ("limits", "Limits(max_bytes=1)")):
        assert decode(content, replace(SUBJECT, **{field: value})) is None, field


def test_positions_that_do_not_fit_the_value_are_refused() -> None:
    """An entry with more or fewer positions than its value has nodes is refused."""
    content = encode(SUBJECT, parsed())
    assert content is not None
    head, body, _ = content.split(b"\n")
    assert decode(head.replace(b'"positions":[', b'"positions":[9,9,') + b"\n" + body + b"\n", SUBJECT) is None
    assert decode(head.replace(b'"positions":[2,15,', b'"positions":[') + b"\n" + body + b"\n", SUBJECT) is None


def test_a_value_json_cannot_print_exactly_is_not_cached() -> None:
    """A value JSON cannot write exactly (an integer of 5000 digits) is not cached at all."""
    assert encode(SUBJECT, Parsed("a: 1\n", {"a": 10**5000}, (), ())) is None
