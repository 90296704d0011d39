"""The wordings shared across stages: an observation's period, the time left before a deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checker.model.records import Observation, Origin
from checker.wording import period, time_left

_YEAR = Observation("生态环境局", date(2025, 10, 23), "简报", "demo", "pm25", 2024, None, None, 35.0,
                    None, None, None, "PM2.5平均浓度35微克", None, None, Origin("reports/a.yaml", (), 1))


def test_a_full_year_reads_as_the_year() -> None:
    """No month: 2024年."""
    assert period(_YEAR) == "2024年"


def test_part_of_a_year_reads_as_months_from_january() -> None:
    """Through September: 2024年1—9月."""
    assert period(replace(_YEAR, through_month=9)) == "2024年1—9月"


def test_the_source_wording_wins() -> None:
    """A period the source words itself (前三季度) is shown as it is."""
    assert period(replace(_YEAR, through_month=9, period_text="2024年前三季度")) == "2024年前三季度"


def test_time_left_says_today_on_the_day() -> None:
    """0 days: 今天截止, not 还剩0天; otherwise the count."""
    assert (time_left(0), time_left(3)) == ("今天截止", "还剩3天")
