"""Display titles for tasks: distinct within a plan, without the source's own numbering. Pure.

The source numbers its items ("1.", "（一）", "3、") and attachment 5 repeats its category as the
title of every row beneath it, so four rows read "1.大力实施VOCs治理。" and differ only in their
target. A reader needs one title per task: the category with the numbering and the closing 。
dropped, then, where two tasks of a plan would still share it, the task's content (its target's
first clause that says more than when, or a project's company and content) after a colon. A
plan-level task keeps the bare category when its breakdown rows share it. Whatever still
collides gets its source location. The data keeps the verbatim title; this is for display only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from checker.evaluate.results import TaskResult
from checker.model.records import TaskKind

# "1." "1．" "1、" "（一）" "(3)" "一、" "①" and runs of them ("三（一）1."), at the start only.
_NUMBERING = re.compile(
    r"^(?:\s*(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+[、.．]|\d+(?:[、.．]|\s)|[①-⑳]))+\s*"
)
_CLOSING = "。；;，,、 "
_CLAUSE = re.compile(r"[，,。；;：:]")
# A short clause that only says when ("到2023年底", "臭氧攻坚战期间", "2023年10月前") tells rows apart badly.
_WHEN_ONLY = re.compile(r"(\d{4}年|\d+月|期间|[前起底]$)")
_SHORT = 12
MAX_CONTENT = 28


def strip_numbering(title: str) -> str:
    """The title without the source's leading numbering or closing punctuation."""
    stripped = _NUMBERING.sub("", title).rstrip(_CLOSING).strip()
    return stripped or title.strip()


def _content(result: TaskResult, clauses: int) -> str:
    """What tells a row from its siblings: a project's company and content, else the target's first clauses."""
    project = result.task.project
    if project is not None and (project.company or project.content):
        return " ".join(part for part in (project.company, project.content) if part)
    target = " ".join((result.target or "").split())
    parts = [part for part in _CLAUSE.split(target) if part.strip()]
    telling = [part for part in parts if len(part) > _SHORT or not _WHEN_ONLY.search(part)]
    parts = telling or parts
    text = "，".join(part.strip() for part in parts[:clauses])
    return text if len(text) <= MAX_CONTENT * clauses else text[: MAX_CONTENT * clauses] + "…"


def _with_content(base: str, content: str) -> str:
    return base if not content or content in base else f"{base}：{content}"


def display_titles(results: Iterable[TaskResult]) -> dict[str, str]:
    """task key → a display title no other task of the same plan shares."""
    results = list(results)
    titles = {r.key: strip_numbering(r.title) for r in results}
    for clauses in (1, 2, 3):
        for group in _collisions(results, titles):
            main = [r for r in group if r.task.kind is TaskKind.TASK]
            keep = main[0].key if len(main) == 1 else None
            for result in group:
                if result.key != keep:
                    titles[result.key] = _with_content(strip_numbering(result.title), _content(result, clauses))
    for group in _collisions(results, titles):
        for result in group:
            titles[result.key] = f"{titles[result.key]}（{result.task.source.describe()}）"
    for group in _collisions(results, titles):  # two rows at the same source location: the ID decides
        for result in group:
            titles[result.key] = f"{titles[result.key]} {result.task.id}"
    return titles


def _collisions(results: list[TaskResult], titles: dict[str, str]) -> list[list[TaskResult]]:
    groups: dict[tuple[str, str], list[TaskResult]] = defaultdict(list)
    for result in results:
        groups[(result.task.plan, titles[result.key])].append(result)
    return [group for group in groups.values() if len(group) > 1]
