"""Cache entries are plain JSON that answer for exactly one file's bytes, seen by one checker."""

from __future__ import annotations

from dataclasses import replace

from checker.codes import finding
from checker.load.cache_entry import MAGIC, Parsed, Subject, decode, encode
from checker.load.yaml_loader import parse_yaml

SUBJECT = Subject("0" * 24, "1" * 64, "plans/a.yaml", "plan", "Limits()", "policy/plans/a.yaml")
TEXT = "a:\n  b: [1, 2.5, {c: true}]\n  d: ~\ne: 文字\n"


def parsed() -> Parsed:
    data, findings = parse_yaml(TEXT, SUBJECT.display)
    schema = (finding("PC101", "缺少", SUBJECT.display, 2, 3),)
    return Parsed(TEXT, data, tuple(findings), schema)


def test_an_entry_round_trips_values_findings_and_positions() -> None:
    original = parsed()
    content = encode(SUBJECT, original)
    assert content is not None and content.startswith(MAGIC)
    restored = decode(content, SUBJECT)
    assert restored == original
    assert restored is not None
    inner = restored.data["a"]["b"][2]
    assert (restored.data.line, restored.data.column, inner.line, inner.column) == (1, 1, 2, 15)


def test_an_entry_for_other_bytes_another_file_or_another_checker_is_refused() -> None:
    content = encode(SUBJECT, parsed())
    assert content is not None
    for field, value in (("sha256", "2" * 64), ("path", "plans/b.yaml"), ("kind", "progress"),
                         ("fingerprint", "f" * 24), ("limits", "Limits(max_bytes=1)")):
        assert decode(content, replace(SUBJECT, **{field: value})) is None, field


def test_an_entry_read_where_the_tree_shows_the_file_by_another_path_gives_that_path() -> None:
    """The tree at another place (diff's revision in a new scratch folder): same result, findings at the new path."""
    content = encode(SUBJECT, parsed())
    assert content is not None and b"policy/plans/a.yaml" not in content
    elsewhere = "/tmp/plancheck-diff-x/policy/plans/a.yaml"
    restored = decode(content, replace(SUBJECT, display=elsewhere))
    assert restored is not None and restored.schema_findings is not None
    assert [item.file for item in (*restored.findings, *restored.schema_findings)] == [elsewhere]
    assert restored.schema_findings == tuple(replace(item, file=elsewhere) for item in parsed().schema_findings or ())


def test_a_result_that_names_its_path_or_another_file_is_not_cached() -> None:
    """Such a finding would show a stale path when read back elsewhere, so the result is never stored."""
    quoting = finding("PC101", f"见 {SUBJECT.display}", SUBJECT.display, 2, 3)
    other_file = finding("PC101", "缺少", "policy/plans/b.yaml", 2, 3)
    for item in (quoting, other_file):
        assert encode(SUBJECT, Parsed(TEXT, parsed().data, (), (item,))) is None


def test_positions_that_do_not_fit_the_value_are_refused() -> None:
    content = encode(SUBJECT, parsed())
    assert content is not None
    head, body, _ = content.split(b"\n")
    assert decode(head.replace(b'"positions":[', b'"positions":[9,9,') + b"\n" + body + b"\n", SUBJECT) is None
    assert decode(head.replace(b'"positions":[2,15,', b'"positions":[') + b"\n" + body + b"\n", SUBJECT) is None


def test_a_value_json_cannot_print_exactly_is_not_cached() -> None:
    assert encode(SUBJECT, Parsed("a: 1\n", {"a": 10**5000}, (), ())) is None
