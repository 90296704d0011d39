"""The checker on the bundled data: what the seed documents say must show up as statuses."""

from __future__ import annotations

import json
from typing import Any

from tests.support import REPOSITORY, run_cli

POLICY = str(REPOSITORY / "policy")


def _check(as_of: str, *options: str) -> dict[str, Any]:
    options = ("--as-of", as_of, "--format", "json", "--fail-on", "never", *options)
    code, stdout, stderr = run_cli("check", POLICY, *options)
    assert (code, stderr) == (0, ""), stdout
    result: dict[str, Any] = json.loads(stdout)
    return result


def test_blast_furnace_closures_due_2023_11_15_are_overdue_unreported_the_next_day() -> None:
    """Attachment 1 of 邯气领办〔2023〕5号: nine blast furnaces to close by 2023-11-15; no progress for them then."""
    tasks = _check("2023-11-16", "--plan", "hd-air-2023")["tasks"]
    furnaces = [t for t in tasks if t["id"].startswith("hd-air-2023/a1-") and "高炉" in t["title"]]
    assert len(furnaces) == 9
    for furnace in furnaces:
        assert (furnace["due"], furnace["status"], furnace["days_overdue"]) == ("2023-11-15", "overdue_unreported", 1)
        assert furnace["explanation"] == "截止2023-11-15，已逾期1天，未报送任何进展"
        assert furnace["source"]["file"].endswith("policy/plans/hd-air-2023.yaml")
    converters = [t for t in tasks if t["id"].startswith("hd-air-2023/a1-") and "转炉" in t["title"]]
    assert len(converters) == 6 and {t["status"] for t in converters} == {"not_reported"}


def test_on_the_deadline_day_the_furnaces_are_due_today() -> None:
    """On 2023-11-15 itself the furnace closure a1-01 is 临期 with 0 days left, not yet overdue."""
    tasks = _check("2023-11-15", "--plan", "hd-air-2023")["tasks"]
    furnace = next(t for t in tasks if t["id"] == "hd-air-2023/a1-01")
    assert (furnace["status"], furnace["days_remaining"]) == ("due_soon", 0)


def test_pm25_and_good_days_follow_from_the_bulletins_2024_figures() -> None:
    """The 2025-10-23 bulletin: 2024 PM2.5 46 µg/m³ and 248 good days (of 366), against the 14th FYP.

    Hand-computed straight paths from 2020 to 2025: PM2.5 57 → 42 gives 57 − 15 × 4/5 = 45 for 2024,
    so 46 is 1 behind; good days 60.4% → 70% gives 60.4 + 9.6 × 4/5 = 68.08% for 2024, and
    248/366 = 67.76% is 0.32 points behind. The Q1–Q3 2025 PM2.5 (31) is shown but decides nothing.
    """
    indicators = {i["id"]: i for i in _check("2025-10-23", "--plan", "hd-eco-14th")["indicators"]}
    pm25, good_days = indicators["hd-eco-14th/i01-pm25"], indicators["hd-eco-14th/i02-good-days"]
    assert (pm25["status"], pm25["path_value"], pm25["latest"]["through_month"]) == ("off_track", 45, 9)
    assert pm25["explanation"].startswith(
        "2024年46ug/m3；按基期57（2020年）至目标42（2025年）的直线路径，2024年应不高于45，滞后1ug/m3"
    )
    assert "31ug/m3（阶段数据，仅供参考，不作达标判定）" in pm25["explanation"]
    assert (good_days["status"], good_days["path_value"]) == ("off_track", 68.08)
    assert good_days["explanation"].endswith("2024年应不低于68.08，滞后0.32个百分点")


def test_no_task_that_was_never_reported_is_overdue_on_any_date() -> None:
    """逾期未完成 needs a report saying unfinished; without any report a passed deadline is 逾期未报送."""
    for as_of in ("2023-10-01", "2023-12-31", "2025-10-23", "2025-12-31", "2026-12-07"):
        tasks = _check(as_of)["tasks"]
        assert not [t["id"] for t in tasks if t["status"] == "overdue" and not t["updates"] and not t["children"]]
        unreported = [t for t in tasks if t["status"] == "overdue_unreported"]
        assert all(not t["updates"] for t in unreported if not t["children"])


def test_as_of_a_date_before_the_bulletin_ignores_it_instead_of_rejecting_it() -> None:
    """The 2025-10-23 bulletin exists, and checking as of 2023-10-01 simply does not know it yet."""
    tasks = _check("2023-10-01")["tasks"]
    assert not [t for t in tasks if t["updates"]]


def test_before_the_bulletin_the_indicators_have_no_data() -> None:
    """As of the day before the bulletin, PM2.5 of the 14th five-year plan has no data yet."""
    indicators = {i["id"]: i for i in _check("2025-10-22", "--plan", "hd-eco-14th")["indicators"]}
    assert indicators["hd-eco-14th/i01-pm25"]["status"] == "no_data"
