"""What every builder shares: the parsed value's type, optional dates, origins and source references."""

from __future__ import annotations

from datetime import date
from typing import Any

from checker.model.records import Origin, SourceRef

Data = dict[str, Any]  # a mapping the schema has checked: its values' shapes are the schema's to say


def optional_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def origin_of(file: str, path: tuple[str | int, ...], data: Any) -> Origin:
    return Origin(file, path, getattr(data, "line", 1))  # a mapping knows its line (PositionedDict)


def source_ref(data: Data | None) -> SourceRef:
    if not data:
        return SourceRef()
    return SourceRef(
        data.get("section"), data.get("attachment"), data.get("table"),
        data.get("row"), data.get("quote"), data.get("note"),
    )
