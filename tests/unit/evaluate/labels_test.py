"""Every kind the model names has its Chinese label, written once in checker/evaluate/labels.py."""

from __future__ import annotations

import enum
import re
from pathlib import Path

import pytest

from checker.evaluate import labels
from checker.evaluate.labels import LABELS, Role, label, units_heading
from checker.evaluate.vocabulary import Entry
from checker.model.records import (
    Assessment,
    Binding,
    ChangeField,
    Direction,
    RightField,
    ScheduleKind,
    TargetKind,
    TaskKind,
    UnitKind,
)
from tests.support import REPOSITORY


@pytest.mark.parametrize("kind", list(LABELS), ids=lambda kind: kind.__name__)
def test_every_member_has_a_distinct_chinese_label(kind: type[enum.Enum]) -> None:
    """A new member without a label fails here, not on the page or report that shows it."""
    shown = [label(member) for member in kind]
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in shown), shown
    assert len(shown) == len(set(shown)), shown


def test_a_label_is_found_by_its_member() -> None:
    """label() reads the member's own enum: members of two StrEnums that spell alike are not confused."""
    assert label(TaskKind.TASK) == "正文任务"
    assert label(ChangeField.DEADLINE) == "截止日期"
    assert label(Assessment.MET) == "已达到"
    assert label(Role.DEFAULT) == "统一规定"


def test_the_units_heading_of_a_role_is_the_label_of_the_amendment_field_that_changes_those_units() -> None:
    """牵头单位 in the ledger, on a task page and in `plancheck diff` is one word."""
    assert [units_heading(role) for role in (Role.LEAD, Role.COOPERATING, Role.RESPONSIBLE)] == [
        label(ChangeField.LEAD), label(ChangeField.COOPERATING), label(ChangeField.RESPONSIBLE)]
    assert units_heading(Role.LEAD) == "牵头单位"


def test_each_label_of_a_kind_with_words_of_its_own_is_written_once_in_the_package() -> None:
    """Role words (牵头, 牵头单位 …), targets, directions, bindings and the like appear as a literal in labels.py only.

    Left out are the kinds labelled with everyday nouns a heading uses on its own (任务, 指标, 项目,
    截止日期) and comparisons, whose explanations say 不低于 where a diff says 不少于.
    """
    package = REPOSITORY / "checker"
    sources = {path: path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    home = Path(labels.__file__).resolve().relative_to(package).as_posix()
    words = [label(member) for kind in _OWN_WORDS for member in kind] + [label(field) for field in _UNIT_FIELDS]
    for word in words:
        holders = [path.relative_to(package).as_posix() for path, text in sources.items() if f'"{word}"' in text]
        assert holders == [home], (word, holders)


_OWN_WORDS = (Role, ScheduleKind, Direction, TargetKind, Binding, Assessment, RightField, UnitKind, Entry)
_UNIT_FIELDS = (ChangeField.LEAD, ChangeField.COOPERATING, ChangeField.RESPONSIBLE)
