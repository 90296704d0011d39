"""Formula markup in the sources' text rendered for readers: PM_{2.5} → PM₂.₅, m^{3} → m³. Pure.

The plans are entered with TeX-like markup where the printed source has a subscript. Unicode has
sub- and superscript digits and a few letters, so the result is plain text that works in a page
title, an attribute, an SVG label and a search index alike. A dot keeps its place (there is no
subscript dot). Markup holding a character Unicode cannot lower or raise is left as written.
"""

from __future__ import annotations

import re

_SUB = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUP = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_MARKUP = re.compile(r"([_^])\{([^{}]{1,12})\}")


def _render(match: re.Match[str]) -> str:
    table = _SUB if match.group(1) == "_" else _SUP
    text = match.group(2)
    shifted = text.translate(table)
    if any(ch == unshifted and ch != "." for ch, unshifted in zip(shifted, text, strict=True)):
        return match.group(0)
    return shifted


def render_formulas(text: str) -> str:
    """The text with every _{…} and ^{…} Unicode can show turned into sub- or superscript characters."""
    return _MARKUP.sub(_render, text) if "{" in text else text
