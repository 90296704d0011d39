"""Schema-check every parsed document and build the model from the ones that pass.

A file that fails keeps its findings and stays out of the model. So that one broken file does
not bury the run in follow-on errors, the IDs it declares are still harvested: references to a
unit of a broken registry file, or into a broken plan, are not reported as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.findings import Finding, has_errors
from checker.load.document import Document
from checker.load.kinds import Kind
from checker.model.build import DEFAULT_SETTINGS, build_plan, build_registry, build_report, build_settings
from checker.model.records import Group, Model, Organization, Origin, Plan


@dataclass(frozen=True)
class Assembly:
    model: Model
    findings: list[Finding]
    broken_plans: frozenset[str]
    harvested_units: frozenset[str]
    duplicates: tuple[tuple[str, Origin], ...]


def assemble(documents: list[Document]) -> Assembly:
    findings: list[Finding] = []
    accepted: list[Document] = []
    broken: list[Document] = []
    for document in documents:
        findings += document.findings
        if document.data is None or document.kind is None:
            continue
        schema = document.schema_findings or ()
        findings += schema
        if schema or has_errors(document.findings):
            broken.append(document)
        else:
            accepted.append(document)
    model, duplicates = _model(accepted)
    return Assembly(model, findings, _broken_plan_ids(broken), _harvested_unit_ids(broken), duplicates)


def _model(documents: list[Document]) -> tuple[Model, tuple[tuple[str, Origin], ...]]:
    """The model, and the units and plans whose ID was already taken (first file wins)."""
    organizations: dict[str, Organization] = {}
    groups: dict[str, Group] = {}
    jurisdictions: dict[str, str] = {}
    plans: dict[str, Plan] = {}
    progress: list[Document] = []
    settings_document = None
    taken: set[str] = set()
    duplicates: list[tuple[str, Origin]] = []
    for document in documents:
        if document.kind is Kind.ORGANIZATIONS:
            city, found_organizations, found_groups = build_registry(document.display, document.data)
            jurisdictions[city] = document.data["jurisdiction"]["name"]
            units: list[Organization | Group] = [*found_organizations, *found_groups]
            for unit in units:
                if unit.id in taken:
                    duplicates.append((unit.id, unit.origin))
                    continue
                taken.add(unit.id)
                if isinstance(unit, Organization):
                    organizations[unit.id] = unit
                else:
                    groups[unit.id] = unit
        elif document.kind is Kind.PLAN:
            plan = build_plan(document.display, document.data)
            if plan.id in plans:
                duplicates.append((plan.id, plan.origin))
            else:
                plans[plan.id] = plan
        elif document.kind is Kind.PROGRESS:
            progress.append(document)
        elif document.kind is Kind.SETTINGS:
            settings_document = document
    # Built once every plan is known: a `rows_of` entry names the rows of a plan in another file.
    reports = tuple(build_report(d.display, d.data, d.path.parent.name, plans) for d in progress)
    settings = DEFAULT_SETTINGS if settings_document is None else build_settings(
        settings_document.display, settings_document.data)
    model = Model(organizations, groups, plans, reports, settings, jurisdictions)
    return model, tuple(duplicates)


def _ids(items: Any) -> set[str]:  # Any: part of a file that failed its schema, of any shape
    if not isinstance(items, list):
        return set()
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _broken_plan_ids(documents: list[Document]) -> frozenset[str]:
    return frozenset(
        d.data["id"] for d in documents
        if d.kind is Kind.PLAN and isinstance(d.data, dict) and isinstance(d.data.get("id"), str)
    )


def _harvested_unit_ids(documents: list[Document]) -> frozenset[str]:
    units: set[str] = set()
    for document in documents:
        if document.kind is Kind.ORGANIZATIONS and isinstance(document.data, dict):
            units |= _ids(document.data.get("organizations")) | _ids(document.data.get("groups"))
    return frozenset(units)
