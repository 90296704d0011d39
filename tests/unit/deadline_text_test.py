"""Reading Chinese deadline wordings as the encoding convention defines them."""

from __future__ import annotations

from datetime import date

import pytest

from checker.deadline_text import ReadDeadline, read_deadline
from checker.model.records import ScheduleKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年12月底", ReadDeadline(ScheduleKind.DEADLINE, date(2023, 12, 31))),
        ("2023 年 12 月", ReadDeadline(ScheduleKind.DEADLINE, date(2023, 12, 31))),
        ("6月底前", ReadDeadline(ScheduleKind.DEADLINE, date(2023, 6, 30))),
        ("2023年10月前", ReadDeadline(ScheduleKind.DEADLINE, date(2023, 9, 30))),
        ("2023年10月底前", ReadDeadline(ScheduleKind.DEADLINE, date(2023, 10, 31))),
        ("2023年11月15日", ReadDeadline(ScheduleKind.DEADLINE, date(2023, 11, 15))),
        ("2024年2月底", ReadDeadline(ScheduleKind.DEADLINE, date(2024, 2, 29))),
        ("2023年底", ReadDeadline(ScheduleKind.DEADLINE, date(2023, 12, 31))),
        ("2024年年底前", ReadDeadline(ScheduleKind.DEADLINE, date(2024, 12, 31))),
        ("到2025年", ReadDeadline(ScheduleKind.DEADLINE, date(2025, 12, 31))),
        ("2023年7月1日起", ReadDeadline(ScheduleKind.ONGOING, date(2023, 7, 1))),
        ("全年", ReadDeadline(ScheduleKind.ALL_YEAR, None)),
    ],
)
def test_recognized_wordings(text: str, expected: ReadDeadline) -> None:
    """Each documented wording maps to its date (2023 supplies the missing year)."""
    assert read_deadline(text, 2023) == expected


@pytest.mark.parametrize("text", ["“十四五”期间", "2023年2月30日", "尽快", "2023年13月底"])
def test_other_wordings_are_not_judged(text: str) -> None:
    """Vague or impossible wordings are left alone rather than guessed."""
    assert read_deadline(text, 2023) is None


def test_missing_year_without_context_is_not_judged() -> None:
    """6月底前 in a multi-year plan cannot be dated."""
    assert read_deadline("6月底前", None) is None
