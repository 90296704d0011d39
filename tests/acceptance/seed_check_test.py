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


def test_blast_furnace_closures_due_2023_11_15_are_overdue_the_next_day() -> None:
    """Attachment 1 of 邯气领办〔2023〕5号: nine blast furnaces to close by 2023-11-15; no progress for them."""
    tasks = _check("2023-11-16", "--plan", "hd-air-2023")["tasks"]
    furnaces = [t for t in tasks if t["id"].startswith("hd-air-2023/a1-") and "高炉" in t["title"]]
    assert len(furnaces) == 9
    for furnace in furnaces:
        assert (furnace["due"], furnace["status"], furnace["days_overdue"]) == ("2023-11-15", "overdue", 1)
        assert furnace["explanation"] == "截止2023-11-15，已逾期1天，最近报送：无"
        assert furnace["source"]["file"].endswith("policy/plans/hd-air-2023.yaml")
    converters = [t for t in tasks if t["id"].startswith("hd-air-2023/a1-") and "转炉" in t["title"]]
    assert len(converters) == 6 and {t["status"] for t in converters} == {"not_reported"}


def test_on_the_deadline_day_the_furnaces_are_due_today() -> None:
    tasks = _check("2023-11-15", "--plan", "hd-air-2023")["tasks"]
    furnace = next(t for t in tasks if t["id"] == "hd-air-2023/a1-01")
    assert (furnace["status"], furnace["days_remaining"]) == ("due_soon", 0)
