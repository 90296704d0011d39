"""A unit registry (organizations/<city>.yaml) to its organizations and groups."""

from __future__ import annotations

from checker.model.build.common import Data, origin_of
from checker.model.records import Group, Organization, UnitKind


def build_registry(file: str, data: Data) -> tuple[str, list[Organization], list[Group]]:
    city = data["jurisdiction"]["id"]
    organizations = [
        Organization(
            o["id"], o["name"], UnitKind(o["kind"]), tuple(o.get("aliases", ())), o.get("parent"),
            o.get("county"), tuple(o.get("oversees", ())), o.get("team"), o.get("note"), city,
            origin_of(file, ("organizations", index), o),
        )
        for index, o in enumerate(data["organizations"])
    ]
    groups = [
        Group(
            g["id"], g["name"], tuple(g.get("aliases", ())), tuple(g["members"]), g.get("note"),
            city, origin_of(file, ("groups", index), g),
        )
        for index, g in enumerate(data.get("groups", ()))
    ]
    return city, organizations, groups
