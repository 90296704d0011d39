"""Edits of settings.yaml that move a status or a right: a warning for the registry's owners.

The thresholds decide statuses as surely as a deadline does (`due_soon_days`: 临期,
`reporting_interval_days`: the grey light of ongoing duties, `approximate_tolerance_percent`:
when a 左右 target is met), and `registry_team` decides who reviews rights. They are not part of
any plan, so no amendment can record them; instead each edit is a PC517 warning at its key, and
CODEOWNERS gives settings.yaml to the registry team who clear it by approving the pull request.
The palette (`lights`) changes only how a status looks, and is not reported.
"""

from __future__ import annotations

from checker.changes.records import Side, relative
from checker.codes import finding
from checker.findings import Finding

SETTING_LABELS = {
    "due_soon_days": "临期天数（due_soon_days）",
    "reporting_interval_days": "长期任务报送周期（reporting_interval_days）",
    "approximate_tolerance_percent": "约数目标容差（approximate_tolerance_percent）",
    "registry_team": "单位名录审核团队（registry_team）",
}


def settings_changes(base: Side, head: Side) -> list[Finding]:
    """A PC517 warning for each status or rights setting whose value differs (defaults included)."""
    findings = []
    for key, label in SETTING_LABELS.items():
        was, now = getattr(base.model.settings, key), getattr(head.model.settings, key)
        if was == now:
            continue
        message = (f"设置中的{label}由“{_shown(was)}”改为“{_shown(now)}”，会改变状态判定或审核权限，"
                   f"须由单位名录的负责人审核。")
        origin = head.model.settings.origin
        if origin is not None:
            findings += head.placed([origin.at("PC517", message, key)])
        elif base.model.settings.origin is not None:
            findings.append(finding("PC517", message, relative(base.model.settings.origin, base.root), 1, 1))
    return findings


def _shown(value: object) -> str:
    return "默认值" if value is None else str(value)
