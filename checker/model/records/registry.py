"""The records of a unit registry (organizations/<city>.yaml): organizations and groups."""

from __future__ import annotations

from dataclasses import dataclass

from checker.model.records.origin import Origin


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    parent: str | None
    county: str | None
    oversees: tuple[str, ...]
    team: str | None
    note: str | None
    jurisdiction: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    note: str | None
    jurisdiction: str
    origin: Origin
