"""The validate stage: documents in, a model and findings out. No clock, no output.

`today` is passed in because one rule depends on it: a report may not be dated after today (the
real date, from the edge). A report after a past as-of date is valid; evaluate() ignores it.

The rules work on the model alone and say what is wrong where in the data (`Problem`: file and
JSON path); the positions of the files (`Positions`, one locator per file) place each at a line
and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.blank_fields import gather_blank_fields
from checker.findings import Finding, has_errors
from checker.load.document import Document
from checker.load.locate import Positions, place
from checker.model.records import Model
from checker.repeats import cap_repeats
from checker.validate.assemble import assemble
from checker.validate.dates import check_dates
from checker.validate.identity import check_identity
from checker.validate.permissions import check_permissions
from checker.validate.references import Known, check_references
from checker.validate.values import check_values


@dataclass(frozen=True)
class Validation:
    model: Model
    findings: list[Finding]
    positions: Positions  # where each file's fields are, for later stages that find problems (diff)

    @property
    def valid(self) -> bool:
        return not has_errors(self.findings)


def validate(documents: list[Document], today: date, *, gather_blanks: bool = True) -> Validation:
    """The model and every finding, in reading order.

    `gather_blanks` turns the blank fields of each file into one PC110 summary (checker.blank_fields);
    import-xlsx keeps them apart, since each blank is a cell of its own there.
    """
    assembly = assemble(documents)
    model = assembly.model
    known = Known(
        units=frozenset(model.organizations) | frozenset(model.groups) | assembly.harvested_units,
        plans=frozenset(model.plans) | assembly.broken_plans,
        jurisdictions=frozenset(model.jurisdictions),
        broken_plans=assembly.broken_plans,
    )
    positions: Positions = {document.display: document.locator for document in documents}
    problems = [
        *check_identity(model, assembly.duplicates),
        *check_references(model, known),
        *check_dates(model, today),
        *check_values(model),
        *check_permissions(model),
    ]
    findings = [*assembly.findings, *place(problems, positions)]
    if gather_blanks:
        findings = gather_blank_fields(findings)
    # In reading order, at most a few of one code per file (a summary line stands for the rest).
    return Validation(model, cap_repeats(findings), positions)
