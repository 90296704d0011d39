"""Progress entries: the updates and observations a change adds, edits or removes."""

from __future__ import annotations

from pathlib import Path

from checker.changes.records import EntryChange, Side, content, relative
from checker.evaluate.labels import label
from checker.evaluate.progress import number, update_detail
from checker.evaluate.vocabulary import Entry
from checker.model.records import Observation, SelectionKind, Update

EntryKey = tuple[str, str, str, int]  # file below the root, subject, milestone, ordinal among equals


def entries(side: Side) -> dict[EntryKey, Update | Observation]:
    """Every entry of a side, keyed so that the same entry has the same key on both sides."""
    found: dict[EntryKey, Update | Observation] = {}
    for report in side.model.reports:
        file = relative(report.origin, side.root)
        # An entry naming several tasks is one entry, keyed by its selector as written.
        items: list[tuple[str, str, Update | Observation]] = [
            (_named(u), u.milestone or "", u) for u in report.updates if u.index_in_entry == 0
        ] + [(o.indicator_key, str(o.year), o) for o in report.observations]
        seen: dict[tuple[str, str], int] = {}
        for subject, detail, item in items:
            ordinal = seen.get((subject, detail), 0)
            seen[(subject, detail)] = ordinal + 1
            found[(file, subject, detail, ordinal)] = item
    return found


def entry_changes(base: Side, head: Side) -> list[EntryChange]:
    before = entries(base)
    after = entries(head)
    changes = []
    for key, item in after.items():
        old = before.get(key)
        if old is None:
            changes.append(_entry(Entry.ADDED, item, head.root))
        elif content(old) != content(item):
            changes.append(_entry(Entry.EDITED, item, head.root))
    changes += [_entry(Entry.REMOVED, item, base.root) for key, item in before.items() if key not in after]
    return sorted(changes, key=lambda c: (c.file, c.change is Entry.REMOVED, c.line))


def _named(update: Update) -> str:
    return update.task_key if update.selection.kind is SelectionKind.TASK else update.selection.describe()


def _entry(change: Entry, item: Update | Observation, root: Path) -> EntryChange:
    expanded: tuple[str, ...] = ()
    if isinstance(item, Update):
        subject = _named(item) + (f"#{item.milestone}" if item.milestone else "")
        status = update_detail(item)
        if item.selection.kind is not SelectionKind.TASK:
            expanded = item.selection.expanded
    else:
        subject = f"{item.indicator_key}（{item.period_text or _period(item)}）"
        status = _observation_value(item)
    return EntryChange(change, relative(item.origin, root), item.origin.line, subject, status, item.quote, expanded)


def _period(observation: Observation) -> str:
    if observation.through_month is None:
        return f"{observation.year}年"
    return f"{observation.year}年1—{observation.through_month}月"


def _observation_value(observation: Observation) -> str:
    if observation.value is not None:
        return number(observation.value)
    if observation.rank_from_bottom is not None:
        return f"倒数第{observation.rank_from_bottom}"
    return label(observation.assessment) if observation.assessment else "已报送"
