"""Round-trip integrity of the YAML-rewriting tools, proven on every file in policy/.

The tools that rewrite YAML (`plancheck new-report --update`, through checker.yamledit) must keep
every value, every comment and the order of keys. Values are compared through the strict loader
that validation uses, so "the same" means the same to the checker.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path

import pytest

from checker import yamledit
from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.load.documents import list_tree, load_documents
from checker.load.yaml_loader import parse_yaml
from checker.offer import Offer, Offering
from checker.skeleton import extend_report
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


def _everything(evaluation: Evaluation) -> Offering:
    """Every task and indicator of the evaluation offered: the most a report can be extended with."""
    return Offering(list(evaluation.tasks), list(evaluation.indicators), left_out=0, left_out_of_ended_plans=0)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(POLICY).as_posix())
def test_round_trip_reproduces_every_policy_file_byte_for_byte(path: Path) -> None:
    """Loading and dumping a file of policy/ gives back its exact text."""
    text = path.read_text(encoding="utf-8")
    assert yamledit.dump(yamledit.load(text)) == text


def test_every_policy_file_was_tried() -> None:
    """The round trip above covered the registry, the plans and the progress files (at least 8 files)."""
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
    updated, added = extend_report(text, model, _everything(evaluate(model, on)), Offer(path.parent.name, on))
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
    _only_inserted(text, updated)  # every original byte kept: lines are only added


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


BASE_POLICY = REPOSITORY / "tests" / "acceptance" / "fixtures" / "base" / "policy"
ON = date(2023, 5, 10)

# A report written by hand the way people do: CRLF-free here (the CRLF case converts it), escapes
# and quoting styles, flow collections on one line and over several, a block scalar, comments
# everywhere, and a comment after the last update.
_HAND_WRITTEN = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: city-ecology   # 报送单位
date: 2023-05-10
source: {title: "示例市生态环境局\\u00a0工作动态", date: 2023-05-10,
  url: 'https://example.org/a?b=1'}
updates:
  - task: demo-2023/a5-01
    status: "in_progress"
    done: 24
    total: 30
    count_unit: '项'
    quote: "已完成24项，\\u201c其余\\u201d6项\\x41正在推进。"
    note: |
      第一行
      第二行
  # 以上为一季度进展
observations:
  - {indicator: demo-2023/pm25, period: {year: 2022},
     value: 50, quote: "2022年PM2.5浓度50\\u5fae\\u514b/立方米。"}
"""


_BEFORE_UPDATES = _HAND_WRITTEN.partition("updates:")[0]
_OBSERVATIONS = "observations:" + _HAND_WRITTEN.partition("observations:")[2]


def _extend(text: str) -> tuple[str, int]:
    model = validate(load_documents(list_tree(BASE_POLICY)), ON).model
    return extend_report(text, model, _everything(evaluate(model, ON)), Offer("city-ecology", ON))


def _only_inserted(before: str, after: str) -> list[str]:
    """The lines after adds to before, provided nothing of before changed or moved; else fails."""
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = matcher.get_opcodes()
    assert [tag for tag, *_ in opcodes if tag not in ("equal", "insert")] == []
    return [line for tag, _i1, _i2, j1, j2 in opcodes if tag == "insert" for line in new[j1:j2]]


def test_update_keeps_every_byte_of_a_hand_written_report() -> None:
    """Escapes, quoting, flow collections (one line or several), block scalars, comments: unchanged.

    The new entries go after the last update's comment; the file is otherwise the same bytes.
    """
    updated, added = _extend(_HAND_WRITTEN)
    assert added > 0
    inserted = _only_inserted(_HAND_WRITTEN, updated)
    assert updated.startswith(_HAND_WRITTEN.partition("observations:")[0])  # after "# 以上为一季度进展"
    assert "  - task: demo-2023/s3-1-1" in inserted
    assert parse_yaml(updated, "after")[1] == []


def test_update_keeps_crlf_line_endings() -> None:
    """A Windows file stays a Windows file: every line of the result ends in CRLF, old lines unchanged."""
    crlf = _HAND_WRITTEN.replace("\n", "\r\n")
    updated, added = _extend(crlf)
    assert added > 0
    assert updated.count("\n") == updated.count("\r\n")
    _only_inserted(crlf, updated)


def test_update_follows_the_file_indentation_and_adds_missing_lists_at_the_end() -> None:
    """Dashes at column 0 stay at column 0; a file without updates gets the list, with its note, at its end."""
    indentless = _HAND_WRITTEN.replace("  - task: demo-2023/a5-01", "- task: demo-2023/a5-01").replace(
        "\n    ", "\n  ").replace("  # 以上为一季度进展\n", "")
    updated, _ = _extend(indentless)
    assert "- task: demo-2023/s3-1-1" in _only_inserted(indentless, updated)
    no_updates = _BEFORE_UPDATES + _OBSERVATIONS
    updated, _ = _extend(no_updates)
    assert updated.startswith(no_updates)
    assert updated[len(no_updates):].startswith("# 以下任务按紧急程度排列")


@pytest.mark.parametrize("empty", ["updates:", "updates: []", "updates: ~  # 待填"])
def test_update_fills_an_empty_list(empty: str) -> None:
    """An empty list (nothing, [] or ~) is replaced by the new items; everything else stays."""
    text = _BEFORE_UPDATES + empty + "\n" + _OBSERVATIONS
    updated, added = _extend(text)
    assert added > 0
    value, findings = parse_yaml(updated, "after")
    assert findings == []
    assert value["updates"][0]["task"]
    assert updated.startswith(_BEFORE_UPDATES + "updates:")


def test_update_refuses_a_flow_list_rather_than_rewrite_it() -> None:
    """`updates: [...]` cannot take commented entries without being rewritten: refused, nothing changed."""
    text = _BEFORE_UPDATES + "updates: [{task: demo-2023/a5-01, status: done, quote: 已完成。}]\n"
    with pytest.raises(yamledit.NotAppendableError, match="updates"):
        _extend(text)


def test_update_appends_to_a_last_list_before_adding_the_missing_one() -> None:
    """A file that ends with its updates and has no observations: new updates stay under updates:.

    Both splices land at the end of the file; the list the file has is extended first, then the
    missing list is added after it (a regression: the new tasks used to land under observations:).
    """
    text = _BEFORE_UPDATES + "updates:" + _HAND_WRITTEN.partition("updates:")[2].partition("observations:")[0]
    updated, added = _extend(text)
    assert added > 0
    value, findings = parse_yaml(updated, "after")
    assert findings == []
    assert all("task" in item for item in value["updates"])
    assert all("indicator" in item for item in value["observations"])
