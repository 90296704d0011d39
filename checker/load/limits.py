"""Hard limits on one input file: generous for real data, fatal for hostile input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 8 * 1024 * 1024
    max_line_chars: int = 5000
    max_depth: int = 64
    max_findings_per_kind: int = 20


DEFAULT_LIMITS = Limits()
