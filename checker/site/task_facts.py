"""Parts of a task page a reader needs worded for them: a project's company, and what is for data entry.

The public page says what the task is, who answers for it and where the source says so. How it was
entered (the registry key, the data file and line, the encoder's note on a garbled source) helps
whoever maintains the data and is folded away under 录入说明. A company written in the source
differently from the registry's name is shown by that name, with the source's spelling marked
原文如此 when it is more than a half- or full-width variant (the registry keeps such spellings as
aliases, e.g. 邯鄹 for 邯郸).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from checker.evaluate.labels import Role, label
from checker.evaluate.results import TaskResult
from checker.model.records import Project
from checker.site.markup import esc


def project_facts(project: Project, link: Callable[[str], str | None]) -> list[list[str]]:
    """Rows (label, HTML) for a project: 企业 (linked to the registry), 行业, 内容 and the like."""
    rows = []
    company = _company(project, link)
    if company:
        rows.append([label(Role.ENTERPRISE), company])
    rows += [[heading, esc(value)] for heading, value in (
        ("行业", project.industry), ("内容", project.content), ("调整方式", project.adjustment),
        ("类别", project.category), ("园区", project.park),
    ) if value]
    return rows


def _company(project: Project, link: Callable[[str], str | None]) -> str:
    linked = link(project.enterprise) if project.enterprise else None
    if linked is None:
        return esc(project.company or "")
    if project.company and _differs(project.company, linked):
        return f"{linked}（原文作“{esc(project.company)}”，原文如此）"
    return linked


def _differs(written: str, linked: str) -> bool:
    """Whether the source's spelling differs from the registry name beyond full- and half-width forms."""
    return unicodedata.normalize("NFKC", written) not in unicodedata.normalize("NFKC", linked)


def entry_notes(result: TaskResult) -> str:
    """The collapsed 录入说明: registry key, data file and line, the encoder's note on the source."""
    task = result.task
    items = [("任务编号", task.key), ("数据文件", f"{task.origin.file} 第{task.origin.line}行")]
    if task.project is not None and task.project.enterprise:
        items.append(("企业编号", task.project.enterprise))
    if task.source.note:
        items.append(("录入说明", task.source.note))
    body = "".join(f"<dt>{esc(heading)}</dt><dd>{esc(value)}</dd>" for heading, value in items)
    return f'\n<details class="pc-entry"><summary>录入说明</summary><dl>{body}</dl></details>\n'
