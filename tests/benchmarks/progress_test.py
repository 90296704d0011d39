"""The progress benchmark runs on a tiny tree: it returns the month ends and two positive timings."""

from __future__ import annotations

from datetime import date

from benchmarks.progress import measure


def test_measure_counts_month_ends_and_times_both_steps() -> None:
    """2023-01 to 2023-06-15: five month ends and the as-of date; timings are measured, not judged."""
    dates, one, whole = measure(20, date(2023, 6, 15), repeat=1)
    assert dates == 6
    assert one > 0 and whole > 0
