"""Round-trip integrity of the YAML-rewriting tools, proven on every file in policy/.

The tools that rewrite YAML (`plancheck new-report --update`, through checker.yamledit) must keep
every value, every comment and the order of keys. Values are compared through the strict loader
that validation uses, so "the same" means the same to the checker.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from checker import yamledit
from checker.evaluate import evaluate
from checker.load.documents import list_tree, load_documents
from checker.load.yaml_loader import parse_yaml
from checker.skeleton import Offer, extend_report
from checker.validate import validate
from tests.support import REPOSITORY

POLICY = REPOSITORY / "policy"
FILES = sorted(POLICY.rglob("*.yaml"))
_COMMENT = re.compile(r"#.*$")


def _comments(text: str) -> list[str]:
    """Every comment, in order (a '#' inside a quoted or plain scalar does not occur in our files)."""
    return [match.group(0).strip() for line in text.splitlines() if (match := _COMMENT.search(line))]


def _is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(needle == item for item in remaining) for needle in needles)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(POLICY).as_posix())
def test_round_trip_reproduces_every_policy_file_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yamledit.dump(yamledit.load(text)) == text


def test_every_policy_file_was_tried() -> None:
    assert len(FILES) >= 8
    assert {p.parent.name for p in FILES} >= {"organizations", "plans", "hd-ecology"}


@pytest.mark.parametrize("path", sorted((POLICY / "progress").rglob("*.yaml")), ids=lambda p: p.name)
def test_update_keeps_every_value_comment_and_key_of_a_real_report(path: Path) -> None:
    """new-report --update on a real report: everything stays; entries are only appended."""
    documents = load_documents(list_tree(POLICY))
    on = date(2025, 10, 23)
    model = validate(documents, on).model
    text = path.read_text(encoding="utf-8")
    before, _ = parse_yaml(text, "before")
    updated, added = extend_report(text, model, evaluate(model, on), Offer(path.parent.name, on))
    assert added > 0  # the tool really rewrote the file
    after, findings = parse_yaml(updated, "after")
    assert findings == []
    assert list(after) == list(before)
    for key in before:
        if key in ("updates", "observations"):
            assert after[key][: len(before[key])] == before[key]
            assert all(list(a) == list(b) for a, b in zip(after[key], before[key], strict=False))
        else:
            assert after[key] == before[key]
    assert _is_subsequence(_comments(text), _comments(updated))
    assert _is_subsequence(text.splitlines(), updated.splitlines())


_AWKWARD = """\
# a header comment
key: value  # trailing comment
quoted: "双引号 # not a comment"
single: '单引号'
number_text: "007"
block: |
  第一行
  第二行
folded: >
  折叠
  文字
nested:
  # comment inside a mapping
  - {a: 1, b: [x, y]}
  - a: 2
    # comment between keys
    b: 3
flow_broken: [one, two,
  three]
empty:
date: 2023-05-31
# a closing comment
"""


def test_awkward_yaml_keeps_values_comments_and_order() -> None:
    """Quoting, block scalars, comments between keys: all kept; a broken flow list is rejoined, not lost."""
    out = yamledit.dump(yamledit.load(_AWKWARD))
    before, _ = parse_yaml(_AWKWARD, "before")
    after, _ = parse_yaml(out, "after")
    assert after == before
    assert list(after) == list(before)
    assert _comments(out) == _comments(_AWKWARD)
    assert out.replace("[one, two, three]", "[one, two,\n  three]") == _AWKWARD
