"""policy/settings.yaml to `Settings`, over the default palette."""

from __future__ import annotations

from checker.model.build.common import Data, origin_of
from checker.model.records import LightStyle, Settings, SiteInfo, StatusStyle

DEFAULT_LIGHTS = {
    "red": LightStyle("红灯", "#c62828", "✖"),
    "yellow": LightStyle("黄灯", "#ad7600", "▲"),  # 3.9:1 on white, 3.3:1 on its badge tint; #f9a825 was 1.9:1
    "green": LightStyle("绿灯", "#2e7d32", "✔"),
    "grey": LightStyle("灰灯", "#757575", "●"),
}


DEFAULT_SETTINGS = Settings(due_soon_days=30, reporting_interval_days=90, lights=DEFAULT_LIGHTS)


def build_settings(file: str, data: Data) -> Settings:
    """The settings of policy/settings.yaml; without that file the model has DEFAULT_SETTINGS."""
    lights = dict(DEFAULT_LIGHTS)
    for name, light in (data.get("lights") or {}).items():
        base = DEFAULT_LIGHTS[name]
        lights[name] = LightStyle(
            light.get("label", base.label), light.get("color", base.color), light.get("icon", base.icon)
        )
    statuses = {name: StatusStyle(style.get("light"), style.get("icon"))
                for name, style in (data.get("statuses") or {}).items()}
    return Settings(
        data.get("due_soon_days", DEFAULT_SETTINGS.due_soon_days),
        data.get("reporting_interval_days", DEFAULT_SETTINGS.reporting_interval_days),
        lights, statuses,
        data.get("approximate_tolerance_percent", DEFAULT_SETTINGS.approximate_tolerance_percent),
        registry_team=data.get("registry_team"),
        origin=origin_of(file, (), data),
        site=_site_info(data.get("site") or {}),
        repository_url=(data.get("repository") or {}).get("url"),
        repository_branch=(data.get("repository") or {}).get("branch", DEFAULT_SETTINGS.repository_branch),
    )


def _site_info(data: Data) -> SiteInfo:
    url = data.get("site_url")
    return SiteInfo(data.get("host"), data.get("contact"), data.get("record_number"),
                    url if url is None or url.endswith("/") else url + "/")
