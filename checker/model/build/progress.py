"""Schema-valid progress reports to typed records. Pure: no I/O, no findings (the schema ran first).

An entry that names several tasks (`tasks`, `rows_of`) becomes one `Update` per task, all sharing
the entry's origin and its `Selection`, so the evaluate stage sees ordinary single-task updates.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from checker.model.build.common import Data, optional_date, origin_of
from checker.model.records import (
    Assessment,
    Observation,
    PartialDate,
    Plan,
    Report,
    ReportedStatus,
    Selection,
    SelectionKind,
    Update,
)
from checker.model.selection import expand_rows, where_pairs


def _completed_on(value: str | int | None) -> PartialDate | None:
    """A year may be written bare (completed_on: 2023, an integer in YAML) or quoted."""
    return PartialDate.parse(str(value)) if value is not None else None


@dataclass(frozen=True, slots=True)
class _Context:
    """What every update and observation of one report shares."""

    file: str
    reporter: str
    reported_on: date
    title: str


def build_report(file: str, data: Data, folder_unit: str | None, plans: Mapping[str, Plan] | None = None) -> Report:
    """The report's records; `plans` resolves `rows_of` entries (without it they name no task)."""
    source = data["source"]
    title = data.get("title") or source["title"]
    context = _Context(file, data["reporter"], date.fromisoformat(data["date"]), title)
    selections = tuple(
        _selection(context, index, u, plans or {}) for index, u in enumerate(data.get("updates") or ())
    )
    updates = tuple(
        update
        for index, (entry, selection) in enumerate(zip(data.get("updates") or (), selections, strict=True))
        for update in _updates(context, index, entry, selection)
    )
    observations = tuple(_observation(context, index, o) for index, o in enumerate(data.get("observations") or ()))
    return Report(
        context.reporter, context.reported_on, context.title, source["title"], date.fromisoformat(source["date"]),
        source.get("issuer"), folder_unit, updates, observations, origin_of(file, (), data), selections,
        source_text=source.get("text"), source_number=source.get("number"),
    )


def _selection(context: _Context, index: int, data: Data, plans: Mapping[str, Plan]) -> Selection:
    origin = origin_of(context.file, ("updates", index), data)
    if "rows_of" in data:
        where = where_pairs(data.get("where"))
        assert where is not None  # the schema allows only the fields of RowField
        reference = data["rows_of"]
        return Selection(SelectionKind.ROWS, (reference,), where, expand_rows(plans, reference, where), origin)
    if "tasks" in data:
        names = tuple(data["tasks"])
        return Selection(SelectionKind.LIST, names, (), names, origin)
    return Selection(SelectionKind.TASK, (data["task"],), (), (data["task"],), origin)


def _references(selection: Selection) -> Iterator[tuple[str, tuple[str | int, ...]]]:
    """Each task key the entry names, with the path of its name inside the entry."""
    for position, key in enumerate(selection.expanded):
        if selection.kind is SelectionKind.LIST:
            yield key, ("tasks", position)
        else:
            yield key, (selection.kind.value,)


def _updates(context: _Context, index: int, data: Data, selection: Selection) -> Iterator[Update]:
    forecast = data.get("forecast") or {}
    for position, (key, reference) in enumerate(_references(selection)):
        plan, task = key.split("/", 1)
        yield Update(
            reporter=context.reporter,
            reported_on=context.reported_on,
            report_title=context.title,
            plan=plan,
            task=task,
            milestone=data.get("milestone"),
            status=ReportedStatus(data["status"]),
            done=data.get("done"),
            total=data.get("total"),
            count_unit=data.get("count_unit"),
            percent=data.get("percent"),
            quantities=tuple((q["id"], q["value"]) for q in data.get("quantities", ())),
            completed_on=_completed_on(data.get("completed_on")),
            forecast=optional_date(forecast.get("date")),
            forecast_text=forecast.get("text"),
            note=data.get("note"),
            quote=data["quote"],
            section=data.get("section"),
            origin=selection.origin,
            selection=selection,
            reference=reference,
            index_in_entry=position,
        )


def _observation(context: _Context, index: int, data: Data) -> Observation:
    plan, indicator = data["indicator"].split("/", 1)
    period = data["period"]
    rank = data.get("rank") or {}
    return Observation(
        reporter=context.reporter,
        reported_on=context.reported_on,
        report_title=context.title,
        plan=plan,
        indicator=indicator,
        year=period["year"],
        through_month=period.get("through_month"),
        period_text=period.get("text"),
        value=data.get("value"),
        rank_from_bottom=rank.get("from_bottom"),
        ranked_cities=rank.get("of"),
        assessment=None if data.get("assessment") is None else Assessment(data["assessment"]),
        quote=data["quote"],
        note=data.get("note"),
        section=data.get("section"),
        origin=origin_of(context.file, ("observations", index), data),
    )
