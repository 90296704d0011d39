"""A plan file to its `Plan`: tasks, indicators, tables, discrepancies and amendments."""

from __future__ import annotations

from datetime import date

from checker.model.build.common import Data, optional_date, origin_of, source_ref
from checker.model.records import (
    Amendment,
    Binding,
    Change,
    ChangeField,
    Comparison,
    Direction,
    Discrepancy,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Milestone,
    MilestoneQuantity,
    Plan,
    Project,
    Quantity,
    Reading,
    Schedule,
    ScheduleKind,
    SubQuota,
    Table,
    TableRow,
    TargetKind,
    Task,
    TaskKind,
)


def build_plan(file: str, data: Data) -> Plan:
    plan_id = data["id"]
    default = data.get("default_responsible") or {}
    default_units = tuple(default.get("units", ()))
    return Plan(
        id=plan_id,
        title=data["title"],
        short_title=data.get("short_title"),
        kind=data.get("kind"),
        jurisdiction=data["jurisdiction"],
        number=data["document"].get("number"),
        issuer=data["document"]["issuer"],
        issued=date.fromisoformat(data["document"]["issued"]),
        notice_title=data["document"].get("notice_title"),
        url=data["document"].get("url"),
        period_start=date.fromisoformat(data["period"]["start"]),
        period_end=date.fromisoformat(data["period"]["end"]),
        period_text=data["period"].get("text"),
        default_responsible=default_units,
        default_responsible_text=default.get("text"),
        sections=tuple((s["number"], s["title"]) for s in data.get("sections", ())),
        attachments=tuple((a["number"], a["title"]) for a in data.get("attachments", ())),
        indicators=tuple(
            _indicator(file, plan_id, index, i) for index, i in enumerate(data.get("indicators", ()))
        ),
        tasks=tuple(
            _task(file, plan_id, index, t, default_units) for index, t in enumerate(data["tasks"])
        ),
        tables=tuple(_table(file, plan_id, index, t) for index, t in enumerate(data.get("tables", ()))),
        discrepancies=tuple(
            Discrepancy(
                plan_id, d["id"], d["summary"], tuple(d["subjects"]),
                tuple(Reading(source_ref(r["source"]), r["text"]) for r in d["readings"]),
                d.get("tracked_as"), origin_of(file, ("discrepancies", index), d),
            )
            for index, d in enumerate(data.get("discrepancies", ()))
        ),
        amendments=tuple(
            _amendment(file, plan_id, index, a) for index, a in enumerate(data.get("amendments", ()))
        ),
        origin=origin_of(file, (), data),
    )


def _schedule(data: Data) -> Schedule:
    return Schedule(
        ScheduleKind(data["kind"]), data.get("text"), optional_date(data.get("deadline")),
        optional_date(data.get("start")), data.get("reporting_interval_days"),
    )


def _quantity(data: Data) -> Quantity:
    return Quantity(
        data["id"], data["text"], data["unit"], Comparison(data["comparison"]), data["value"],
        data.get("stretch"), data.get("measure"),
        tuple(
            SubQuota(s["id"], s["text"], s["value"], s.get("stretch"), s.get("measure"))
            for s in data.get("sub_quotas", ())
        ),
        data.get("approximate", False), data.get("either_or"),
    )


def _milestone(file: str, path: tuple[str | int, ...], data: Data) -> Milestone:
    quantity = data.get("quantity")
    return Milestone(
        data["id"], data["text"], date.fromisoformat(data["date"]), data.get("share"),
        MilestoneQuantity(
            Comparison(quantity["comparison"]), quantity["value"], quantity["unit"], quantity.get("measure"))
        if quantity else None,
        origin_of(file, path, data),
    )


def _task(file: str, plan_id: str, index: int, data: Data, default_units: tuple[str, ...]) -> Task:
    path: tuple[str | int, ...] = ("tasks", index)
    project = data.get("project")
    responsible = data.get("responsible")
    return Task(
        plan=plan_id,
        id=data["id"],
        kind=TaskKind(data["kind"]),
        number=data.get("number"),
        title=data["title"],
        target=data.get("target"),
        parent=data.get("parent"),
        lead=tuple(data.get("lead", ())),
        cooperating=tuple(data.get("cooperating", ())),
        responsible=tuple(responsible) if responsible is not None else default_units,
        responsible_is_default=responsible is None,
        units_text=data.get("units_text"),
        schedule=_schedule(data["schedule"]),
        quantities=tuple(_quantity(q) for q in data.get("quantities", ())),
        milestones=tuple(
            _milestone(file, (*path, "milestones", m_index), m)
            for m_index, m in enumerate(data.get("milestones", ()))
        ),
        project=Project(
            project.get("name"), project.get("company"), project.get("industry"), project.get("content"),
            project.get("adjustment"), project.get("category"), project.get("park"), project.get("enterprise"),
        ) if project else None,
        table=data.get("table"),
        indicator=data.get("indicator"),
        source=source_ref(data.get("source")),
        origin=origin_of(file, path, data),
    )


def _indicator(file: str, plan_id: str, index: int, data: Data) -> Indicator:
    baseline = data.get("baseline")
    target = data["target"]
    rank = target.get("rank") or {}
    return Indicator(
        plan=plan_id,
        id=data["id"],
        number=data.get("number"),
        name=data["name"],
        category=data.get("category"),
        unit=data.get("unit"),
        binding=None if data.get("binding") is None else Binding(data["binding"]),
        direction=Direction(data["direction"]),
        parent=data.get("parent"),
        baseline=IndicatorValue(baseline["year"], baseline.get("value"), baseline["text"]) if baseline else None,
        target=IndicatorTarget(
            target["year"], TargetKind(target["kind"]), target["text"], target.get("value"), target.get("change"),
            rank.get("outside_bottom"), rank.get("of"),
        ),
        scope=tuple(data.get("scope", ())),
        source=source_ref(data.get("source")),
        origin=origin_of(file, ("indicators", index), data),
    )


def _table(file: str, plan_id: str, index: int, data: Data) -> Table:
    path: tuple[str | int, ...] = ("tables", index)
    return Table(
        plan=plan_id,
        id=data["id"],
        title=data["title"],
        unit=data.get("unit"),
        columns=tuple((c["id"], c["name"]) for c in data["columns"]),
        rows=tuple(
            TableRow(r["row"], r.get("unit"), r.get("label"), tuple(r["values"]), r["total"],
                     origin_of(file, (*path, "rows", r_index), r))
            for r_index, r in enumerate(data["rows"])
        ),
        totals=tuple(data["totals"]["values"]),
        total=data["totals"]["total"],
        source=source_ref(data.get("source")),
        origin=origin_of(file, path, data),
    )


def _amendment(file: str, plan_id: str, index: int, data: Data) -> Amendment:
    path: tuple[str | int, ...] = ("amendments", index)
    return Amendment(
        plan=plan_id,
        id=data["id"],
        number=data["document"]["number"],
        date=date.fromisoformat(data["document"]["date"]),
        title=data["document"].get("title"),
        supersedes=tuple(data.get("supersedes", ())),
        reason=data.get("reason"),
        changes=tuple(
            Change(c["item"], ChangeField(c["field"]), optional_date(c.get("deadline")), c.get("text"),
                   tuple(c.get("units", ())), c.get("value"), origin_of(file, (*path, "changes", c_index), c))
            for c_index, c in enumerate(data["changes"])
        ),
        origin=origin_of(file, path, data),
    )
