"""Colour arithmetic for the site: WCAG contrast ratios and light tints of the palette. Pure.

The badge fill is a tint of its status colour computed here, so it shows in browsers without CSS
`color-mix()`; the palette tests use `contrast` to hold the default colours to WCAG 2.1 (text
4.5:1, status borders and bars 3:1 against the page background).
"""

from __future__ import annotations

import functools
import re

WHITE = "#ffffff"
_HEX = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def rgb(color: str) -> tuple[int, int, int] | None:
    """#rrggbb or #rgb as three bytes; None for anything else (a named colour, say)."""
    match = _HEX.fullmatch(color.strip())
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _luminance(channels: tuple[int, int, int]) -> float:
    def linear(byte: int) -> float:
        value = byte / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours, 1 to 21."""
    a, b = rgb(first), rgb(second)
    if a is None or b is None:
        raise ValueError(f"not a hex colour: {first!r} or {second!r}")
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@functools.lru_cache(maxsize=256)  # a palette has a handful of colours; every badge asks again
def tint(color: str, share: float, background: str = WHITE) -> str | None:
    """`share` of color over background, as #rrggbb; None when color is not a hex colour."""
    fore, back = rgb(color), rgb(background)
    if fore is None or back is None:
        return None
    mixed = (round(f * share + b * (1 - share)) for f, b in zip(fore, back, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)
