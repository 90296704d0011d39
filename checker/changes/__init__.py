"""What a change to the policy tree does: status changes, progress entries, plan and registry edits.

Pure: two validated models and their evaluations as of the same date in, a `ChangeSet` out.
`plancheck diff` builds both sides (the working tree and a git revision) and reports the result.

Plans do not change silently: an edit to a field the evaluator reads to decide a deadline, a
milestone or a target needs a new amendment record (`plan_edits`, with the table of guarded
fields in `guarded`); nothing in a plan is removed. Both rules compare the original fields and
the effective ones (after every recorded amendment), so neither editing the original text nor
editing an old amendment slips through. Rights do not change silently either: a registry edit
that changes who may report what is a finding for the registry's owners to clear, and an error
when the same change also relies on it (`rights`).
"""

from __future__ import annotations

from datetime import date

from checker.changes.entries import entry_changes
from checker.changes.plan_edits import FIELD_LABELS, plan_changes, removed_plan
from checker.changes.records import ChangeSet, EntryChange, PlanEdit, RightChange, Side, StatusChange, content
from checker.changes.rights import relying_entries, right_changes
from checker.changes.settings import settings_changes
from checker.changes.statuses import status_changes
from checker.evaluate.vocabulary import Entry
from checker.findings import Finding, sorted_findings

__all__ = [
    "FIELD_LABELS", "ChangeSet", "Entry", "EntryChange", "PlanEdit", "RightChange", "Side", "StatusChange", "compare",
    "content",
]


def first_reports(base: Side, head: Side) -> tuple[str, ...]:
    """Tasks reported on for the first time: a first report is news even when 临期 still outranks 未报送."""
    reported = {update.task_key for report in base.model.reports for update in report.updates}
    return tuple(sorted({update.task_key for report in head.model.reports for update in report.updates
                         if update.task_key not in reported and update.task_key in head.model.tasks}))


def compare(base: Side, head: Side, as_of: date) -> ChangeSet:
    statuses = status_changes(base.evaluation, head.evaluation) if base.evaluation and head.evaluation else []
    entries = entry_changes(base, head)
    edits: list[PlanEdit] = []
    findings: list[Finding] = []
    for plan_id in sorted(base.model.plans):
        base_plan = base.model.plans[plan_id]
        head_plan = head.model.plans.get(plan_id)
        if head_plan is None:
            findings.append(removed_plan(base_plan, base.root))
            continue
        plan_edits, plan_problems = plan_changes(base_plan, head_plan, base.root)
        edits += plan_edits
        findings += head.placed(plan_problems)
    edits += [PlanEdit(plan.id, plan.id, "added", "", plan.title, plan.origin.file, plan.origin.line, None)
              for plan_id, plan in sorted(head.model.plans.items()) if plan_id not in base.model.plans]
    rights, right_findings = right_changes(base, head)
    findings += right_findings + head.placed(relying_entries(base, head, rights)) + settings_changes(base, head)
    return ChangeSet(as_of, tuple(statuses), tuple(entries), tuple(edits), tuple(sorted_findings(findings)),
                     tuple(rights), first_reports(base, head))
