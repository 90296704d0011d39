"""Formula markup from the data shown as readers expect: PM_{2.5} → PM₂.₅."""

from __future__ import annotations

from checker.site.formula import render_formulas
from checker.site.markup import esc, md


def test_subscripts_and_superscripts_become_unicode_and_a_dot_keeps_its_place() -> None:
    """PM_{2.5}, NO_{x}, m^{3} become PM₂.₅, NOₓ, m³."""
    assert render_formulas("细颗粒物（PM_{2.5}）") == "细颗粒物（PM₂.₅）"
    assert render_formulas("NO_{x}、SO_{2}、O_{3}、m^{3}") == "NOₓ、SO₂、O₃、m³"


def test_markup_unicode_cannot_show_is_left_as_written() -> None:
    """A subscript Unicode has no character for, or braces that are not markup, stay as written."""
    assert render_formulas("C_{Q}") == "C_{Q}"
    assert render_formulas("{not markup}") == "{not markup}"


def test_every_escaped_string_on_the_site_is_rendered() -> None:
    """esc and md are the only ways data reaches a page, so titles, tables and headings all get PM₂.₅."""
    assert esc("PM_{2.5}<") == "PM₂.₅&lt;"
    assert md("PM_{2.5}") == "PM₂\\.₅"  # the dot Markdown-escaped, shown as a dot
