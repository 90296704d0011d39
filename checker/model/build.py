"""Schema-valid documents to typed records. Pure: no I/O, no findings (the schema ran first)."""

from __future__ import annotations

from datetime import date
from typing import Any

from checker.load.documents import Document
from checker.model.records import (
    Amendment,
    Change,
    Discrepancy,
    Group,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    LightStyle,
    Milestone,
    MilestoneQuantity,
    Organization,
    Origin,
    Plan,
    Project,
    Quantity,
    Reading,
    Schedule,
    ScheduleKind,
    Settings,
    SourceRef,
    StatusStyle,
    SubQuota,
    Table,
    TableRow,
    Task,
    TaskKind,
)

DEFAULT_LIGHTS = {
    "red": LightStyle("红灯", "#c62828", "✖"),
    "yellow": LightStyle("黄灯", "#f9a825", "▲"),
    "green": LightStyle("绿灯", "#2e7d32", "✔"),
    "grey": LightStyle("灰灯", "#757575", "●"),
}
DEFAULT_SETTINGS = Settings(due_soon_days=30, reporting_interval_days=90, lights=DEFAULT_LIGHTS)

Data = dict[str, Any]


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def _origin(document: Document, path: tuple[str | int, ...], data: Any) -> Origin:
    return Origin(document, path, getattr(data, "line", 1))


def _source(data: Data | None) -> SourceRef:
    if not data:
        return SourceRef()
    return SourceRef(
        data.get("section"), data.get("attachment"), data.get("table"),
        data.get("row"), data.get("quote"), data.get("note"),
    )


def build_settings(document: Document | None) -> Settings:
    if document is None:
        return DEFAULT_SETTINGS
    data: Data = document.data
    lights = dict(DEFAULT_LIGHTS)
    for name, light in (data.get("lights") or {}).items():
        base = DEFAULT_LIGHTS[name]
        lights[name] = LightStyle(
            light.get("label", base.label), light.get("color", base.color), light.get("icon", base.icon)
        )
    statuses = {name: StatusStyle(style.get("light"), style.get("icon"))
                for name, style in (data.get("statuses") or {}).items()}
    return Settings(
        data.get("due_soon_days", DEFAULT_SETTINGS.due_soon_days),
        data.get("reporting_interval_days", DEFAULT_SETTINGS.reporting_interval_days),
        lights, statuses,
        data.get("approximate_tolerance_percent", DEFAULT_SETTINGS.approximate_tolerance_percent),
        registry_team=data.get("registry_team"),
        origin=_origin(document, (), data),
        repository_url=(data.get("repository") or {}).get("url"),
        repository_branch=(data.get("repository") or {}).get("branch", DEFAULT_SETTINGS.repository_branch),
    )


def build_registry(document: Document) -> tuple[str, list[Organization], list[Group]]:
    data: Data = document.data
    city = data["jurisdiction"]["id"]
    organizations = [
        Organization(
            o["id"], o["name"], o["kind"], tuple(o.get("aliases", ())), o.get("parent"),
            o.get("county"), tuple(o.get("oversees", ())), o.get("team"), o.get("note"), city,
            _origin(document, ("organizations", index), o),
        )
        for index, o in enumerate(data["organizations"])
    ]
    groups = [
        Group(
            g["id"], g["name"], tuple(g.get("aliases", ())), tuple(g["members"]), g.get("note"),
            city, _origin(document, ("groups", index), g),
        )
        for index, g in enumerate(data.get("groups", ()))
    ]
    return city, organizations, groups


def build_plan(document: Document) -> Plan:
    data: Data = document.data
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
            _indicator(document, plan_id, index, i) for index, i in enumerate(data.get("indicators", ()))
        ),
        tasks=tuple(
            _task(document, plan_id, index, t, default_units) for index, t in enumerate(data["tasks"])
        ),
        tables=tuple(_table(document, plan_id, index, t) for index, t in enumerate(data.get("tables", ()))),
        discrepancies=tuple(
            Discrepancy(
                plan_id, d["id"], d["summary"], tuple(d["subjects"]),
                tuple(Reading(_source(r["source"]), r["text"]) for r in d["readings"]),
                d.get("tracked_as"), _origin(document, ("discrepancies", index), d),
            )
            for index, d in enumerate(data.get("discrepancies", ()))
        ),
        amendments=tuple(
            _amendment(document, plan_id, index, a) for index, a in enumerate(data.get("amendments", ()))
        ),
        origin=_origin(document, (), data),
    )


def _schedule(data: Data) -> Schedule:
    return Schedule(
        ScheduleKind(data["kind"]), data.get("text"), _date(data.get("deadline")),
        _date(data.get("start")), data.get("reporting_interval_days"),
    )


def _quantity(data: Data) -> Quantity:
    return Quantity(
        data["id"], data["text"], data["unit"], data["comparison"], data["value"],
        data.get("stretch"), data.get("measure"),
        tuple(
            SubQuota(s["id"], s["text"], s["value"], s.get("stretch"), s.get("measure"))
            for s in data.get("sub_quotas", ())
        ),
        data.get("approximate", False), data.get("either_or"),
    )


def _milestone(document: Document, path: tuple[str | int, ...], data: Data) -> Milestone:
    quantity = data.get("quantity")
    return Milestone(
        data["id"], data["text"], date.fromisoformat(data["date"]), data.get("share"),
        MilestoneQuantity(quantity["comparison"], quantity["value"], quantity["unit"], quantity.get("measure"))
        if quantity else None,
        _origin(document, path, data),
    )


def _task(document: Document, plan_id: str, index: int, data: Data, default_units: tuple[str, ...]) -> Task:
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
            _milestone(document, (*path, "milestones", m_index), m)
            for m_index, m in enumerate(data.get("milestones", ()))
        ),
        project=Project(
            project.get("name"), project.get("company"), project.get("industry"), project.get("content"),
            project.get("adjustment"), project.get("category"), project.get("park"), project.get("enterprise"),
        ) if project else None,
        table=data.get("table"),
        indicator=data.get("indicator"),
        source=_source(data.get("source")),
        origin=_origin(document, path, data),
    )


def _indicator(document: Document, plan_id: str, index: int, data: Data) -> Indicator:
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
        binding=data.get("binding"),
        direction=data["direction"],
        parent=data.get("parent"),
        baseline=IndicatorValue(baseline["year"], baseline.get("value"), baseline["text"]) if baseline else None,
        target=IndicatorTarget(
            target["year"], target["kind"], target["text"], target.get("value"), target.get("change"),
            rank.get("outside_bottom"), rank.get("of"),
        ),
        scope=tuple(data.get("scope", ())),
        source=_source(data.get("source")),
        origin=_origin(document, ("indicators", index), data),
    )


def _table(document: Document, plan_id: str, index: int, data: Data) -> Table:
    path: tuple[str | int, ...] = ("tables", index)
    return Table(
        plan=plan_id,
        id=data["id"],
        title=data["title"],
        unit=data.get("unit"),
        columns=tuple((c["id"], c["name"]) for c in data["columns"]),
        rows=tuple(
            TableRow(r["row"], r.get("unit"), r.get("label"), tuple(r["values"]), r["total"],
                     _origin(document, (*path, "rows", r_index), r))
            for r_index, r in enumerate(data["rows"])
        ),
        totals=tuple(data["totals"]["values"]),
        total=data["totals"]["total"],
        source=_source(data.get("source")),
        origin=_origin(document, path, data),
    )


def _amendment(document: Document, plan_id: str, index: int, data: Data) -> Amendment:
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
            Change(c["item"], c["field"], _date(c.get("deadline")), c.get("text"), tuple(c.get("units", ())),
                   c.get("value"), _origin(document, (*path, "changes", c_index), c))
            for c_index, c in enumerate(data["changes"])
        ),
        origin=_origin(document, path, data),
    )
