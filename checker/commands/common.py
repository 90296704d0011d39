"""The setup the commands share: a valid workspace, findings in the command's format, the plans and units asked.

The date the workspace is validated against is `checked_on` (checker.commands.dates).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from checker.errors import PlancheckError
from checker.findings import Finding
from checker.model.records import Model
from checker.report.findings import FINDINGS_REPORTERS
from checker.workspace import DEFAULT_CACHE, CachePolicy, Workspace, open_workspace


def report_findings(findings: Sequence[Finding], file_count: int, output_format: str, stdout: TextIO) -> None:
    """Findings in the command's format; as text when findings have no such format (markdown)."""
    FINDINGS_REPORTERS[output_format if output_format in FINDINGS_REPORTERS else "text"](findings, file_count, stdout)


def open_valid_workspace(
    paths: Sequence[Path], checked_on: date, stdout: TextIO, output_format: str = "text",
    cache: CachePolicy = DEFAULT_CACHE,
) -> Workspace | None:
    """The workspace, or None after printing its findings when the tree is not valid (exit INVALID)."""
    workspace = open_workspace(paths, checked_on, cache)
    if workspace.validation.valid:
        return workspace
    report_findings(workspace.validation.findings, len(workspace.documents), output_format, stdout)
    return None


def require_plans(model: Model, plans: Iterable[str]) -> None:
    """Every plan asked for exists; otherwise a usage error listing the plans there are."""
    for plan_id in plans:
        if plan_id not in model.plans:
            raise PlancheckError(f"规划“{plan_id}”不存在。可选：{'、'.join(sorted(model.plans))}。")


def require_unit(model: Model, unit: str, *, suggest: bool = True) -> None:
    """The unit asked for is in the registry (an organization or a group); otherwise a usage error.

    suggest: name close matches, or where unit IDs are listed (`check --unit` has never done so).
    """
    if unit in model.organizations or unit in model.groups:
        return
    hint = ""
    if suggest:
        close = difflib.get_close_matches(unit, [*model.organizations, *model.groups], n=3, cutoff=0.6)
        hint = f"是否应为：{'、'.join(close)}？" if close else "单位 ID 见网站“单位”页或 policy/organizations/。"
    raise PlancheckError(f"单位“{unit}”不在单位名录中。{hint}")
