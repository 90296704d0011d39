"""Every status the checker can give has its Chinese label, written once in checker/evaluate/vocabulary.py."""

from __future__ import annotations

import enum
import re
from pathlib import Path

import pytest

from checker.evaluate import vocabulary
from tests.support import REPOSITORY

LABELLED = [vocabulary.TaskStatus, vocabulary.IndicatorStatus, vocabulary.ReportedStatus]


def _label(member: enum.StrEnum) -> str:
    """A reported status is a model record's field, so its label is a function rather than a property."""
    if isinstance(member, vocabulary.ReportedStatus):
        return vocabulary.reported_label(member)
    return str(member.label)  # type: ignore[attr-defined]  # each other labelled enum defines `label`


@pytest.mark.parametrize("kind", LABELLED, ids=lambda kind: kind.__name__)
def test_every_member_has_a_chinese_label(kind: type[enum.StrEnum]) -> None:
    """A new status without a label fails here, not on a page that shows it."""
    for member in kind:
        label = _label(member)
        assert label and re.search(r"[\u4e00-\u9fff]", label), member


def test_labels_are_distinct_within_each_kind() -> None:
    """Two statuses of one kind never read the same to a person."""
    for kind in LABELLED:
        labels = [_label(member) for member in kind]
        assert len(labels) == len(set(labels)), kind.__name__


def test_each_task_status_label_is_written_once_in_the_package() -> None:
    """The label text of each task status appears as a string literal in vocabulary.py only."""
    package = REPOSITORY / "checker"
    sources = {path: path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    home = Path(vocabulary.__file__).resolve()
    for status in vocabulary.TaskStatus:
        literal = f'"{status.label}"'
        holders = [path.relative_to(package).as_posix() for path, text in sources.items() if literal in text]
        assert holders == [home.relative_to(package).as_posix()], (status, holders)


def test_each_indicator_status_label_is_written_once_in_the_package() -> None:
    """An indicator explanation that says 符合序时进度 takes it from the status, not from a copy."""
    package = REPOSITORY / "checker"
    sources = {path: path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    home = Path(vocabulary.__file__).resolve().relative_to(package).as_posix()
    for status in vocabulary.IndicatorStatus:
        literal = f'"{status.label}"'
        holders = [path.relative_to(package).as_posix() for path, text in sources.items() if literal in text]
        assert holders == [home], (status, holders)
