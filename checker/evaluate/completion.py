"""When something was completed, as far as the evidence says, and whether that was on time.

A report that says done bounds the completion date: no later than the report's own date (nor the
last day of a `completed_on` given to the month or year), no earlier than the first day of a stated
`completed_on`, or than the day after an earlier report still said unfinished. Timeliness follows
from the bounds alone: on time when the latest possible day is on or before the deadline, late
when the earliest possible day is after it, and otherwise not knowable (`done_undated`). The report
date is never taken as the completion date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from checker.evaluate.vocabulary import ReportedStatus, TaskStatus
from checker.model.records import PartialDate, Precision, Update


@dataclass(frozen=True, slots=True)
class Completion:
    earliest: date | None  # None: nothing bounds it from below
    latest: date
    stated: PartialDate | None  # what the source says, at its precision; None when it says nothing
    still_open_on: date | None = None  # the last report that said unfinished, if it bounds `earliest`

    @property
    def exact(self) -> date | None:
        """The completion day, when the evidence pins it to one day."""
        return self.latest if self.earliest == self.latest else None

    def status(self, due: date | None) -> TaskStatus:
        if due is None or self.latest <= due:
            return TaskStatus.DONE
        if self.earliest is not None and self.earliest > due:
            return TaskStatus.DONE_LATE
        return TaskStatus.DONE_UNDATED

    def explain(self, due: date | None, noun: str = "截止日期", verb: str = "完成") -> str:
        """已于2023-11-10完成（截止2023-11-15） / 原文未载明完成时间，最迟于2025-10-23前完成（截止2023-12-31）…"""
        status = self.status(due)
        when = self._when().replace("完成", verb)
        if status is TaskStatus.DONE_LATE and due is not None:
            if self.exact is not None:
                return f"{when}，比{noun}{due}晚{(self.exact - due).days}天"
            return f"{when}，晚于{noun}{due}"
        limit = f"（{noun.removesuffix('日期')}{due}）" if due is not None else ""
        if status is TaskStatus.DONE_UNDATED:
            return f"{when}{limit}，无法判断是否按期"
        return f"{when}{limit}"

    def _when(self) -> str:
        if self.stated is not None and self.stated.precision is Precision.DAY:
            return f"已于{self.stated}完成"
        if self.stated is not None:
            return f"已于{self.stated}完成，原文未载明具体日期"
        if self.still_open_on is not None:
            return f"原文未载明完成时间，{self.still_open_on}报送时尚未完成，最迟于{self.latest}前完成"
        return f"原文未载明完成时间，最迟于{self.latest}前完成"


def completion_of(updates: tuple[Update, ...]) -> Completion | None:
    """The completion a series of reports (oldest first) states, if the latest one says done.

    A stated completion date decides (the latest report's, if several state one). Without one, the
    run of 'done' reports at the end counts from its first report: saying done again later does not
    make the work later; an unfinished report before the run bounds the date from below.
    """
    if not updates or updates[-1].status is not ReportedStatus.DONE:
        return None
    start = len(updates) - 1
    while start > 0 and updates[start - 1].status is ReportedStatus.DONE:
        start -= 1
    run = updates[start:]
    stating = next((u for u in reversed(run) if u.completed_on is not None), None)
    if stating is not None:  # a stated date is the most specific evidence, and the latest report's wins
        return bounded(stating.completed_on, stating.reported_on, None)
    still_open_on = updates[start - 1].reported_on if start > 0 else None
    return bounded(None, run[0].reported_on, still_open_on)


def bounded(stated: PartialDate | None, latest: date, still_open_on: date | None) -> Completion:
    """A completion from what a source states, the report date and the last report saying unfinished."""
    after_open = still_open_on + timedelta(days=1) if still_open_on is not None else None
    if stated is not None:
        return Completion(stated.first, min(stated.last, latest), stated)
    return Completion(after_open, latest, None, still_open_on)


def combined(parts: list[Completion]) -> Completion:
    """A parent completes with its last child: latest of the latest days, latest of the known earliest days."""
    latest = max(part.latest for part in parts)
    known = [part.earliest for part in parts if part.earliest is not None]
    earliest = max(known) if known else None
    exact = [part for part in parts if part.exact is not None and part.exact == latest]
    if exact and earliest == latest:
        return exact[0]
    return Completion(earliest, latest, None)
