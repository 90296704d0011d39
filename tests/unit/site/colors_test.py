"""Contrast of the default palette and the theme colours (WCAG 2.1), and badge tints."""

from __future__ import annotations

import re

import pytest

from checker.model.build import DEFAULT_LIGHTS
from checker.site.colors import WHITE, contrast, rgb, tint
from tests.support import REPOSITORY

CSS = (REPOSITORY / "docs" / "assets" / "plancheck.css").read_text(encoding="utf-8")


def test_contrast_matches_known_ratios() -> None:
    """Contrast ratios match the WCAG values: black on white 21, #777 on white 4.48."""
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#777777", WHITE) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("light", sorted(DEFAULT_LIGHTS))
def test_every_default_status_colour_reaches_3_to_1_on_white_and_on_its_tint(light: str) -> None:
    """Borders and bars are non-text graphics: 3:1 against the page and against the badge's own fill."""
    color = DEFAULT_LIGHTS[light].color
    assert contrast(color, WHITE) >= 3
    fill = tint(color, 0.14)
    assert fill is not None and contrast(color, fill) >= 3


@pytest.mark.parametrize("variable", ["--md-typeset-a-color", "--md-primary-fg-color"])
def test_links_and_the_header_reach_4_5_to_1(variable: str) -> None:
    """Link text on white, and the header's white text on the primary colour."""
    match = re.search(re.escape(variable) + r":\s*(#[0-9a-fA-F]{6})", CSS)
    assert match is not None
    assert contrast(match.group(1), WHITE) >= 4.5


def test_a_tint_mixes_with_white_and_ignores_named_colours() -> None:
    """A tint mixes a hex colour with white; a named colour gives no tint; short hex is expanded."""
    assert tint("#c62828", 0.25) == "#f1c9c9"
    assert tint("red", 0.5) is None
    assert rgb("#abc") == (0xAA, 0xBB, 0xCC)


def test_no_color_mix_without_a_fallback_declaration_before_it() -> None:
    """Where color-mix() is used, the same property is declared before it, for browsers without it."""
    for block in re.findall(r"\{[^}]*\}", CSS):
        for match in re.finditer(r"([\w-]+):\s*color-mix\(", block):
            assert block.count(f"{match.group(1)}:") >= 2, block
