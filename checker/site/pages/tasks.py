"""One page per task: target, schedule, status and its grounds, progress, sources."""

from __future__ import annotations

from checker.evaluate.labels import Role, label, units_heading
from checker.evaluate.progress import update_detail
from checker.evaluate.quantities import describe as describe_target
from checker.evaluate.results import TaskResult
from checker.model.records import ChangeField
from checker.report.views import risk_order
from checker.site.markup import esc, free_text, md
from checker.site.pages.kit import (
    _TASK_HEADERS,
    _front_matter,
    _link,
    _plain_status_badge,
    _Site,
    _status_badge,
    _table,
    _task_rows,
    _unit_links,
)
from checker.site.pages.paths import plan_page, task_page, unit_page
from checker.site.report_pages import report_page_of
from checker.site.task_facts import entry_notes, project_facts


def _task(site: _Site, result: TaskResult) -> str:
    task, page = result.task, task_page(result.key)
    plan = site.model.plans[task.plan]
    facts = [
        ["规划", _link(page, plan_page(plan.id), plan.short_title or plan.title)],
        ["状态", _status_badge(site, result)],
        ["判定依据", esc(result.explanation)],
        ["目标", esc(result.target or "—")],
        [units_heading(Role.LEAD), _unit_links(site, page, result.lead)],
        [units_heading(Role.COOPERATING), _unit_links(site, page, result.cooperating)],
        [units_heading(Role.RESPONSIBLE), _unit_links(site, page, result.responsible)
         + (esc("（规划统一规定）") if task.responsible_is_default and result.responsible else "")],
        ["完成时限", esc(result.schedule_text or "原文未注明")],
        [label(ChangeField.DEADLINE), f'<span class="pc-nowrap">{esc(result.due or "—")}</span>'],
        ["来源位置", esc(f"{plan.short_title or plan.title} {task.source.describe()}")],
    ]
    if task.units_text:
        facts.insert(7, ["原文单位表述", esc(task.units_text)])
    if task.project is not None:
        facts += project_facts(task.project, lambda unit: _enterprise_link(site, page, unit))
    tolerance = site.model.settings.approximate_tolerance_percent
    facts += [[label(ChangeField.QUANTITIES), esc(describe_target(task, quantity, tolerance))]
              for quantity in task.quantities]
    if task.parent:
        parent_key = f"{task.plan}/{task.parent}"
        facts.append([label(ChangeField.PARENT), _link(page, task_page(parent_key), parent_key)])
    # The local ID leads the heading: people quote it ("a1-01"), and search finds it as a whole word.
    title = site.titles[result.key]
    lines = [_front_matter(f"{task.id} {title}"), f"# {md(task.id)} {md(title)}", "",
             _table(("项目", "内容"), facts, css="pc-facts"), entry_notes(result)]
    if result.children:
        children = [site.by_key[key] for key in result.children]
        lines += ["## 下属任务", "", _table(_TASK_HEADERS, _task_rows(site, page, sorted(children, key=risk_order)),
                                               css="pc-cards")]
    if result.milestones:
        rows = [[esc(m.text), esc(m.due), _plain_status_badge(site, m.status), esc(m.explanation)]
                for m in result.milestones]
        lines += ["## 阶段节点", "", _table(("节点", "日期", "状态", "说明"), rows)]
    lines += ["## 进展记录", ""]
    if result.updates:
        lines.append('<ol class="pc-timeline">')
        for update in reversed(result.updates):
            detail = esc(update_detail(update))
            note = (f'<details class="pc-entry-note"><summary>录入说明</summary><div class="pc-note">'
                    f"{free_text(update.note)}</div></details>") if update.note else ""
            lines.append(
                f"<li><p><strong>{esc(update.reported_on)}</strong> "
                f"{_link(page, report_page_of(update.reporter, update.origin.file_name), update.report_title)}"
                f"（{_unit_links(site, page, [update.reporter])}）：{detail}</p>"
                f"<blockquote>{esc(update.quote)}</blockquote>{note}</li>"
            )
        lines += ["</ol>", ""]
    else:
        lines += ["尚无进展报送。", ""]
    if result.history:
        rows = [[esc(h.date), esc(h.number), esc(label(h.field)), esc(h.before), esc(h.after)] for h in result.history]
        lines += ["## 修订记录", "", _table(("日期", "文号", "修订字段", "修订前", "修订后"), rows)]
    return "\n".join(lines)


def _enterprise_link(site: _Site, page: str, unit: str) -> str | None:
    return _link(page, unit_page(unit), site.model.unit_name(unit)) if unit in site.model.organizations else None
