"""checker/changes/entries.py on two sides built in memory: the progress entries a change adds, edits
or removes, compared by content, never by position."""

from __future__ import annotations

from typing import Any

from checker.changes.entries import entry_changes
from checker.evaluate.vocabulary import Entry
from tests.memory import REPORT_FILE, plan_data, report_data, side_of, task_data

_PLAN = plan_data(tasks=[task_data(), task_data(id="t2")])


def _update(task: str = "demo-2023/t1", **fields: Any) -> dict[str, Any]:
    return {"task": task, "status": "in_progress", "quote": "推进中。", **fields}


def _changes(before: list[dict[str, Any]] | None, after: list[dict[str, Any]] | None) -> list[tuple[Entry, str]]:
    base = side_of([_PLAN], [report_data(updates=before)] if before is not None else [])
    head = side_of([_PLAN], [report_data(updates=after)] if after is not None else [])
    return [(change.change, change.subject) for change in entry_changes(base, head)]


def test_the_same_report_has_no_entry_change() -> None:
    """The baseline."""
    assert _changes([_update()], [_update()]) == []


def test_a_new_report_adds_each_of_its_entries() -> None:
    """Both entries are added, in file order, with the file as the tree shows it."""
    base, head = side_of([_PLAN]), side_of([_PLAN], [report_data(updates=[_update(), _update("demo-2023/t2")])])
    changes = entry_changes(base, head)
    assert [(c.change, c.subject, c.file) for c in changes] == [
        (Entry.ADDED, "demo-2023/t1", REPORT_FILE), (Entry.ADDED, "demo-2023/t2", REPORT_FILE)]


def test_an_edited_quote_is_an_edit_and_a_dropped_entry_a_removal() -> None:
    """Entries are matched by file and task: t1's new quote is an edit, t2 gone is a removal."""
    before = [_update(), _update("demo-2023/t2")]
    assert _changes(before, [_update(quote="已基本完成。")]) == [
        (Entry.EDITED, "demo-2023/t1"), (Entry.REMOVED, "demo-2023/t2")]


def test_reordering_entries_is_not_an_edit() -> None:
    """Moving an entry down the file changes its position, not its content."""
    assert _changes([_update(), _update("demo-2023/t2")], [_update("demo-2023/t2"), _update()]) == []


def test_an_entry_naming_two_tasks_is_one_entry() -> None:
    """`tasks: [t1, t2]` is added once, named by its selector and listing the tasks it resolved to."""
    entry = {"tasks": ["demo-2023/t1", "demo-2023/t2"], "status": "in_progress", "quote": "推进中。"}
    base, head = side_of([_PLAN]), side_of([_PLAN], [report_data(updates=[entry])])
    (change,) = entry_changes(base, head)
    assert change.change is Entry.ADDED
    assert change.expanded == ("demo-2023/t1", "demo-2023/t2")
