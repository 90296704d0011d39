"""Entries naming several tasks (`tasks`, `rows_of` + `where`): findings at the exact name, on the base tree.

Base plan demo-2023: s3-1-1 (body task, led by city-ecology) has two rows, the project a1-01
(Attachment 1, industry 钢铁, county-a) and the breakdown row a5-01 (Attachment 5). The plan has
no Attachment 9. Positions below are counted by hand from the texts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support import copy_base, findings_in, messages_in, run_validate, write

_HEADER = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: {reporter}
date: 2023-06-01
source: {{title: 工作动态, date: 2023-06-01}}
updates:
"""
_NAME = "2023-06-01-group.yaml"


def _validate(tmp_path: Path, body: str, reporter: str = "city-ecology") -> tuple[int, dict[str, Any]]:
    policy = copy_base(tmp_path)
    write(policy, f"progress/{reporter}/{_NAME}", _HEADER.format(reporter=reporter) + body)
    code, report, stderr = run_validate(policy)
    assert stderr == ""
    return code, report


def test_one_wrong_id_in_a_flow_list_is_pc203_at_that_item(tmp_path: Path) -> None:
    """[a1-01, a9-99, a5-01]: the second item starts at column 30 of line 6 (12 + 1 + 15 + 2)."""
    body = "  - tasks: [demo-2023/a1-01, demo-2023/a9-99, demo-2023/a5-01]\n    status: done\n    quote: 已完成。\n"
    code, report = _validate(tmp_path, body)
    assert findings_in(report, _NAME) == ["PC203 6:30"]
    assert messages_in(report) == ["任务“demo-2023/a9-99”不存在。"]
    assert code == 2


def test_one_wrong_id_in_a_block_list_is_pc203_at_its_line(tmp_path: Path) -> None:
    """The unknown task is the third item, on line 9 after its dash (column 9)."""
    body = (
        "  - tasks:\n      - demo-2023/a1-01\n      - demo-2023/a5-01\n      - demo-2023/a1-99\n"
        "    status: in_progress\n    quote: 正在推进。\n"
    )
    _code, report = _validate(tmp_path, body)
    assert findings_in(report, _NAME) == ["PC203 9:9"]


def test_a_task_listed_twice_is_pc214_at_the_second_mention(tmp_path: Path) -> None:
    """The repeated a1-01 is the second item, column 30."""
    body = "  - tasks: [demo-2023/a1-01, demo-2023/a1-01]\n    status: in_progress\n    quote: 正在推进。\n"
    _code, report = _validate(tmp_path, body)
    assert findings_in(report, _NAME) == ["PC214 6:30"]


def test_a_filter_matching_no_row_is_pc213_at_the_filter_value(tmp_path: Path) -> None:
    """s3-1-1 has two rows, neither in 焦化: PC213 at the value of `industry` (line 7, column 23)."""
    body = "  - rows_of: demo-2023/s3-1-1\n    where: {industry: 焦化}\n    status: done\n    quote: 已完成。\n"
    code, report = _validate(tmp_path, body)
    assert findings_in(report, _NAME) == ["PC213 7:23"]
    assert messages_in(report) == ["“demo-2023/s3-1-1”的2行中，没有符合筛选条件的行（industry：焦化）。"]
    assert code == 2


def test_the_first_field_that_empties_the_selection_is_named(tmp_path: Path) -> None:
    """industry 钢铁 keeps a1-01; responsible county-b then leaves nothing: PC213 at that value (line 9, column 20)."""
    body = (
        "  - rows_of: demo-2023/s3-1-1\n    where:\n      industry: 钢铁\n      responsible: county-b\n"
        "    status: done\n    quote: 已完成。\n"
    )
    _code, report = _validate(tmp_path, body)
    assert findings_in(report, _NAME) == ["PC213 9:20"]


def test_a_row_without_rows_is_pc213_at_rows_of(tmp_path: Path) -> None:
    """a1-01 is a row itself and has none under it: PC213 at the value of rows_of (line 6, column 14)."""
    body = "  - rows_of: demo-2023/a1-01\n    status: done\n    quote: 已完成。\n"
    _code, report = _validate(tmp_path, body)
    assert findings_in(report, _NAME) == ["PC213 6:14"]


def test_an_unknown_parent_or_attachment_is_pc212_and_an_unknown_plan_pc206(tmp_path: Path) -> None:
    """attachment-9 is not in demo-2023 (PC212); no-plan does not exist (PC206); both at rows_of."""
    body = (
        "  - rows_of: demo-2023/attachment-9\n    status: done\n    quote: 已完成。\n"
        "  - rows_of: no-plan/attachment-1\n    status: done\n    quote: 已完成。\n"
    )
    _code, report = _validate(tmp_path, body)
    assert findings_in(report, _NAME) == ["PC206 9:14", "PC212 6:14"]


def test_each_expanded_task_must_be_reportable_by_the_reporter(tmp_path: Path) -> None:
    """county-b may report a5-01 (default responsible) but not county-a's a1-01: PC402 at rows_of, once."""
    body = "  - rows_of: demo-2023/s3-1-1\n    status: in_progress\n    quote: 正在推进。\n"
    code, report = _validate(tmp_path, body, reporter="county-b")
    assert findings_in(report, _NAME) == ["PC402 6:14"]
    assert "demo-2023/a1-01" in messages_in(report)[0]
    assert code == 2


def test_valid_group_entries_validate_cleanly(tmp_path: Path) -> None:
    """A list, a parent with a filter and an attachment: no finding."""
    body = (
        "  - tasks: [demo-2023/a1-01, demo-2023/a5-01]\n    status: in_progress\n    quote: 正在推进。\n"
        "  - rows_of: demo-2023/s3-1-1\n    where: {industry: [钢铁, 焦化]}\n    status: done\n    quote: 已完成。\n"
        "  - rows_of: demo-2023/attachment-1\n    status: done\n    quote: 已完成。\n"
    )
    code, report = _validate(tmp_path, body)
    assert report["findings"] == []
    assert code == 0


def test_a_group_entry_may_not_carry_one_tasks_counts(tmp_path: Path) -> None:
    """done/total belong to one task: with `tasks` they are refused (PC109 at the entry, line 6 column 5)."""
    body = "  - tasks: [demo-2023/a1-01]\n    status: in_progress\n    done: 1\n    total: 2\n    quote: 正在推进。\n"
    _code, report = _validate(tmp_path, body)
    assert findings_in(report, _NAME) == ["PC109 6:5"]
