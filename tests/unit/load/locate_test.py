"""Exact positions of keys and values, found on demand."""

from __future__ import annotations

from checker.load.locate import Locator, format_path

TEXT = "a: 1\nitems:\n  - id: x\n    name: 名称\n"


def test_value_and_key_positions() -> None:
    """A path reaches the value; key=True reaches the key itself."""
    locator = Locator(TEXT)
    assert locator.position(["items", 0, "name"]) == (4, 11)
    assert locator.position(["items", 0, "name"], key=True) == (4, 5)


def test_missing_field_stops_at_the_deepest_existing_node() -> None:
    """A required field that is absent is reported at the mapping that lacks it."""
    assert Locator(TEXT).position(["items", 0, "deadline"]) == (3, 5)


def test_unparseable_text_points_at_the_start() -> None:
    """Locating in a file that does not parse never raises."""
    assert Locator("a: [").position(["a"]) == (1, 1)


def test_format_path() -> None:
    """Paths are shown as tasks[3].schedule.deadline."""
    assert format_path(["tasks", 3, "schedule", "deadline"]) == "tasks[3].schedule.deadline"
