"""The overdue and at-risk list, with its filters."""

from __future__ import annotations

from checker.report.views import AT_RISK, risk_order
from checker.site.pages.kit import _filterable_table, _Site
from checker.site.pages.paths import OVERDUE


def _overdue(site: _Site) -> str:
    page = OVERDUE
    risky = sorted((r for r in site.evaluation.tasks if r.status in AT_RISK), key=risk_order)
    lines = [
        "# 逾期与风险任务",
        "",
        f"数据截至 **{site.evaluation.as_of}**。逾期的排在前面：逾期未完成（报送称尚未完成，需督办）在前，"
        "逾期未报送（截止后仍无任何报送，需催报）在后，各按逾期天数从多到少；"
        f"其后是临期（{site.model.settings.due_soon_days}天内截止）和滞后于序时进度的任务。"
        "状态来自下属任务的，标明“下属任务逾期×项”，时间一栏仍按本任务自己的截止日期计。",
        "",
    ]
    if not risky:
        return "\n".join([*lines, "目前没有逾期或临期的任务。", ""])
    lines.append("可按规划、状态、单位、县（市、区）和是否报送筛选；筛选条件写在网址中，可复制链接分享。")
    lines.append(_filterable_table(site, page, risky, "pc-overdue", why=True))
    return "\n".join(lines)
