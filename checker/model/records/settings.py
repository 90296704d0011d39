"""The records of policy/settings.yaml: how lights and statuses look, and the checker's thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.model.records.origin import Origin


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """Who publishes the site: the footer and, when site_url is set, the sitemap and canonical links."""

    host: str | None = None
    contact: str | None = None
    record_number: str | None = None  # 备案号 (ICP filing), shown only when given
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class LightStyle:
    label: str
    color: str
    icon: str


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """A status's own light and icon, where policy/settings.yaml overrides the vocabulary's."""

    light: str | None
    icon: str | None


@dataclass(frozen=True, slots=True)
class Settings:
    due_soon_days: int
    reporting_interval_days: int
    lights: dict[str, LightStyle]
    statuses: dict[str, StatusStyle] = field(default_factory=dict)
    approximate_tolerance_percent: float = 5.0
    registry_team: str | None = None  # who owns organizations/ in CODEOWNERS
    origin: Origin | None = None  # None: no settings.yaml, the defaults apply
    site: SiteInfo = field(default_factory=SiteInfo)
    repository_url: str | None = None  # where the site's form offers to open a prefilled new file
    repository_branch: str = "main"
