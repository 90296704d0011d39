"""Numbers as the site and the reports write them. A leaf: every stage may use it."""

from __future__ import annotations


def number(value: float) -> str:
    """At most two decimals, no trailing zeros: 45, 67.76, 0.5."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(share: float) -> str:
    return f"{number(share * 100)}%"
