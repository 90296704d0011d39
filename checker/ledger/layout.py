"""Where things sit in a ledger sheet: shared by the writer and the importer, so they cannot drift apart.

Row 1 is the title, row 2 a note (or, in a unit's fill-in file, the source fields), row 3 the header
and the tasks start on row 4. A fill-in file adds FILL_COLUMNS before the maintainer columns.
"""

from __future__ import annotations

from checker.evaluate.labels import Role, units_heading
from checker.ledger.rows import LEDGER_COLUMNS, TASK_ID

SHEET = "任务台账"
NOTES_SHEET = "说明"
TITLE_ROW = 1
NOTE_ROW = 2
HEADER_ROW = 3
FIRST_ROW = 4

STATUS = "本次进展"
DONE = "已完成数"
TOTAL = "总数"
WHEN = "完成或预计完成日期"
QUOTE = "原文摘录"
NOTE = "备注"
FILL_COLUMNS = (STATUS, DONE, TOTAL, WHEN, QUOTE, NOTE)

# The source fields of a fill-in file sit on NOTE_ROW: each label in the column of the first header
# named here, its value in the column of the second (wide enough to type into).
SOURCE_TITLE_LABEL = "依据材料标题"
SOURCE_DATE_LABEL = "材料日期"
SOURCE_TITLE_AT = ("规划", "任务")
SOURCE_DATE_AT = ("目标", units_heading(Role.LEAD))

_MAINTAINER_START = LEDGER_COLUMNS.index(TASK_ID)


def columns(fill_in: bool) -> tuple[str, ...]:
    """The header of a sheet: the ledger's columns, with the fill-in columns before 任务ID when asked."""
    if not fill_in:
        return LEDGER_COLUMNS
    return (*LEDGER_COLUMNS[:_MAINTAINER_START], *FILL_COLUMNS, *LEDGER_COLUMNS[_MAINTAINER_START:])


def column_number(header: tuple[str, ...], name: str) -> int:
    """1-based column of a header name."""
    return header.index(name) + 1
