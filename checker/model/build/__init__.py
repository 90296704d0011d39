"""Schema-valid values to typed records. Pure: no I/O, no findings (the schema ran first).

Each builder takes a file's name (as findings show it) and its parsed value; one module per kind
of input file (plan, progress, registry, settings).
"""

from __future__ import annotations

from checker.model.build.plan import build_plan
from checker.model.build.progress import build_report
from checker.model.build.registry import build_registry
from checker.model.build.settings import DEFAULT_LIGHTS, DEFAULT_SETTINGS, build_settings

__all__ = ["DEFAULT_LIGHTS", "DEFAULT_SETTINGS", "build_plan", "build_registry", "build_report", "build_settings"]
