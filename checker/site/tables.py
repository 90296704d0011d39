"""HTML tables for the site: the theme's look, a keyboard-reachable scroll region, cells that never break. Pure.

Material wraps a Markdown table in `.md-typeset__scrollwrap > .md-typeset__table` from its script
and styles only `table:not([class])`. Our tables are HTML (every value escaped, rows carry filter
data), so they carry the class `pc-table`, which docs/assets/plancheck.css styles as the theme
does, and come with the wrapper already around them: it works without JavaScript, Material's
script leaves a table with a class alone (no second wrapper), and the wrapper is a labelled
region with tabindex="0", so a keyboard user can scroll a table wider than the page.

Every cell carries its column's header as data-label: below a phone's width a table with the
`pc-cards` class is laid out as one card per row with labelled fields (CSS only). Columns holding
IDs, dates and day counts never wrap (`pc-nowrap`): "a1-01" split one character per line is
unreadable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from checker.evaluate.labels import Role, label
from checker.site.markup import esc

# Headers whose cells hold an ID, a date, a day count or a small number.
NOWRAP_HEADERS = frozenset({
    "编号", "序号", "截止", "截止日期", "时间", "日期", "报送日期", "印发日期", "逾期", "点名任务", label(Role.DEFAULT),
    "修订项数", "任务进展", "指标数据",
})


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    label: str | None = None,
    css: str = "",
    row_attrs: Sequence[str] = (),
    table_id: str | None = None,
    cards: bool = False,
) -> str:
    """A table whose cells are already escaped HTML, inside the theme's scroll wrapper.

    A blank line before and after keeps Markdown out; `label` names the scroll region for screen
    readers (default: the first columns' headers)."""
    nowrap = [header in NOWRAP_HEADERS for header in headers]
    # Headers never wrap (tables.css); they carry no class, as checker.site.search.text recognises
    # task listings by their bare 编号 | 任务 headers.
    head = "".join(f'<th scope="col">{esc(header)}</th>' for header in headers)
    body = []
    for index, row in enumerate(rows):
        attrs = f" {row_attrs[index]}" if index < len(row_attrs) and row_attrs[index] else ""
        cells = "".join(
            f'<td data-label="{esc(header)}"{_nowrap(wrap)}>{cell}</td>'
            for header, wrap, cell in zip(headers, nowrap, row, strict=True)
        )
        body.append(f"<tr{attrs}>{cells}</tr>")
    classes = " ".join(["pc-table", *(["pc-cards"] if cards else []), *([css] if css else [])])
    inner = "md-typeset__table pc-cards-wrap" if cards else "md-typeset__table"
    identity = f' id="{esc(table_id)}"' if table_id else ""
    region = label or "表格：" + "、".join(headers[:3])
    return (
        f'\n<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-label="{esc(region)}">'
        f'<div class="{inner}"><table class="{classes}"{identity}><thead><tr>{head}</tr></thead><tbody>\n'
        + "\n".join(body)
        + "\n</tbody></table></div></div>\n\n"
    )


def _nowrap(wrap: bool) -> str:
    return ' class="pc-nowrap"' if wrap else ""
