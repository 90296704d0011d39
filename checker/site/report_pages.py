"""Submissions on the site: one page per progress report, and the list of a unit's reports.

Pure, like checker/site/pages.py: the model in, Markdown out. A report's page
(`reports/<reporter>/<file stem>.md`) shows what it is (date, title, source, issue number, the
source's sections) and every entry: each task update with its task, status, counts, section,
quote and note, each indicator observation with its period and value. A unit's page lists the
reports it submitted, newest first, with their issue number, sections and entry counts, each
linking to its page. Every string from the data is escaped (checker/site/markup.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence

from checker.evaluate.labels import label
from checker.evaluate.progress import number, update_detail
from checker.model.records import Model, Observation, Report, SelectionKind, Update
from checker.site.markup import esc, free_text, md, relative
from checker.site.tables import html_table
from checker.wording import period

_TITLE_SAFE = str.maketrans("<>&", "＜＞＆")
_TASKS_SHOWN = 5  # an entry naming a whole attachment lists its first rows, then how many
_SAFE_STEM = re.compile(r"[a-z0-9][a-z0-9._-]{0,80}")


def report_page(report: Report) -> str:
    return report_page_of(report.reporter, report.origin.file_name)


def report_page_of(reporter: str, file_name: str) -> str:
    """reports/<reporter>/<stem>.md; a file name unfit for a URL gets a stable hashed name instead."""
    stem, _, suffix = file_name.rpartition(".")
    if not _SAFE_STEM.fullmatch(stem) or suffix not in ("yaml", "yml"):
        stem = "report-" + hashlib.sha256(file_name.encode()).hexdigest()[:12]
    return f"reports/{reporter}/{stem}{'-yml' if suffix == 'yml' else ''}.md"


def report_pages(model: Model) -> dict[str, str]:
    """Every report's page, keyed by its path under docs/."""
    return {report_page(report): _page(model, report) for report in model.reports}


def reports_by_reporter(model: Model) -> dict[str, list[Report]]:
    """Each unit's reports, newest first (one pass: a national tree has 100,000 reports and thousands of units)."""
    found: dict[str, list[Report]] = {}
    for report in sorted(model.reports, key=lambda r: (r.reported_on, r.origin.file), reverse=True):
        found.setdefault(report.reporter, []).append(report)
    return found


def unit_reports_section(reports: Sequence[Report], page: str) -> list[str]:
    """The Markdown lines of a unit page's 进展报送 section, given the unit's reports newest first."""
    lines = ["## 进展报送", ""]
    if not reports:
        return [*lines, "本单位尚无进展报送。", ""]
    rows = [[esc(r.reported_on), _link(page, report_page(r), r.title), esc(r.source_number or "—"),
             esc("、".join(sections(r)) or "—"), esc(_entry_count(r))] for r in reports]
    return [*lines, f"本单位报送 {len(reports)} 次，最近的在前：", "",
            _table(("日期", "标题", "期号", "栏目", "条目"), rows)]


def sections(report: Report) -> list[str]:
    """The source's sections the report's entries quote, in order of first appearance."""
    found = [update.section for update in report.updates] + [item.section for item in report.observations]
    return list(dict.fromkeys(section for section in found if section))


def _entry_count(report: Report) -> str:
    """1条任务进展（涉及16项任务），2条指标数据: entries as written, as on the home page."""
    parts = []
    if report.selections:
        tasks = len({update.task_key for update in report.updates})
        several = any(selection.kind is not SelectionKind.TASK for selection in report.selections)
        parts.append(f"{len(report.selections)}条任务进展" + (f"（涉及{tasks}项任务）" if several else ""))
    if report.observations:
        parts.append(f"{len(report.observations)}条指标数据")
    return "，".join(parts) or "无条目"


def _page(model: Model, report: Report) -> str:
    page = report_page(report)
    facts = [
        ["报送单位", _unit_link(model, page, report.reporter)],
        ["报送日期", esc(report.reported_on)],
        ["依据材料", esc(report.source_title)],
        ["材料日期", esc(report.source_date)],
        ["期号或文号", esc(report.source_number or "—")],
        ["发布单位", _unit_link(model, page, report.source_issuer) if report.source_issuer else "—"],
        ["栏目", esc("、".join(sections(report)) or "—")],
        ["条目", esc(_entry_count(report))],
        ["数据文件", esc(report.origin.file)],
    ]
    if report.source_text:
        facts.append(["原文文本", esc(f"{report.source_text}（检查时逐字核对摘录）")])
    lines = [_front_matter(f"{report.reported_on} {report.title}"), f"# {md(report.title)}", "",
             _table(("项目", "内容"), facts, css="pc-facts")]
    if report.updates:
        rows = [_update_row(model, page, entry) for entry in _entries(report.updates)]
        lines += ["## 任务进展", "", _table(("任务", "报送内容", "栏目", "原文摘录", "说明"), rows)]
    if report.observations:
        rows = [_observation_row(model, observation) for observation in report.observations]
        lines += ["## 指标数据", "", _table(("指标", "时段", "数据", "栏目", "原文摘录", "说明"), rows)]
    return "\n".join(lines)


def _entries(updates: Sequence[Update]) -> list[list[Update]]:
    """Updates grouped by the entry they come from: an entry naming several tasks is one row."""
    entries: dict[tuple[str | int, ...], list[Update]] = {}
    for update in updates:
        entries.setdefault(update.origin.path, []).append(update)
    return list(entries.values())


def _update_row(model: Model, page: str, entry: list[Update]) -> list[str]:
    first = entry[0]
    links = [_task_link(model, page, update.task_key) for update in entry[:_TASKS_SHOWN]]
    more = f"等{len(entry)}项任务" if len(entry) > _TASKS_SHOWN else ""
    return ["、".join(links) + esc(more), esc(update_detail(first)), esc(first.section or "—"), _quote(first.quote),
            _note(first.note)]


def _task_link(model: Model, page: str, key: str) -> str:
    task = model.tasks.get(key)
    return _link(page, f"tasks/{key}.md", f"{key} {task.title}") if task is not None else esc(key)


def _observation_row(model: Model, observation: Observation) -> list[str]:
    indicator = model.indicators.get(observation.indicator_key)
    name = f"{observation.indicator_key} {indicator.name}" if indicator is not None else observation.indicator_key
    unit = indicator.unit if indicator is not None and indicator.unit else ""
    return [esc(name), esc(period(observation)), esc(_datum(observation, unit)), esc(observation.section or "—"),
            _quote(observation.quote), _note(observation.note)]


def _quote(text: str) -> str:
    return f"<blockquote>{esc(text)}</blockquote>"


def _note(text: str | None) -> str:
    return free_text(text) if text else "—"


def _datum(observation: Observation, unit: str) -> str:
    parts = []
    if observation.value is not None:
        parts.append(f"{number(observation.value)}{unit}")
    if observation.rank_from_bottom is not None:
        parts.append(f"倒数第{observation.rank_from_bottom}（共{observation.ranked_cities}个城市）")
    if observation.assessment is not None:
        parts.append(label(observation.assessment))
    return "，".join(parts)


def _unit_link(model: Model, page: str, unit_id: str) -> str:
    name = model.unit_name(unit_id)
    return _link(page, f"units/{unit_id}.md", name) if unit_id in model.organizations else esc(name)


def _link(page: str, target: str, text: str) -> str:
    return f'<a href="{esc(relative(page, target))}">{esc(text)}</a>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """An HTML table of escaped cells in the theme's scroll region, as on every page (checker.site.tables)."""
    return html_table(headers, rows, css=css)


def _front_matter(title: str) -> str:
    """The page title with < > & in full-width forms (the theme prints <title> unescaped)."""
    safe = " ".join(title.translate(_TITLE_SAFE).split())
    return f"---\ntitle: {json.dumps(safe, ensure_ascii=False)}\n---\n"
