"""The kinds of input file. A leaf: the folder a file sits in decides its kind, and its kind its schema."""

from __future__ import annotations

import enum


class Kind(enum.Enum):
    ORGANIZATIONS = "organizations"
    PLAN = "plan"
    PROGRESS = "progress"
    SETTINGS = "settings"

    @property
    def schema_name(self) -> str:
        return f"{self.value}.schema.json"
