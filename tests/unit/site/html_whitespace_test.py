"""Built pages lose their indentation and nothing else."""

from __future__ import annotations

from checker.site.html_whitespace import collapse_indentation


def test_indentation_goes_and_a_line_break_stays_where_a_space_would_render() -> None:
    """Indentation and blank lines go; a line break stays where it renders as a space."""
    html = "<ul>\n    <li>\n      <a href=x>甲</a>\n    </li>\n  \n  <li>乙 丙</li>\n</ul>\n"
    assert collapse_indentation(html) == "<ul>\n<li>\n<a href=x>甲</a>\n</li>\n<li>乙 丙</li>\n</ul>\n"


def test_preformatted_content_is_kept_byte_for_byte() -> None:
    """pre, textarea, script and style keep their whitespace byte for byte."""
    verbatim = [
        "<pre><code>plancheck validate\n    policy/\n\n  x</code></pre>",
        "<PRE class=a>\n  b\n</PRE >",
        "<textarea>\n  c\n</textarea>",
        "<script>\n  if (a)\n    b();\n</script>",
        "<style>\n  .a {\n    color: red;\n  }\n</style>",
    ]
    for block in verbatim:
        assert collapse_indentation(f"<div>\n  {block}\n  </div>") == f"<div>\n{block}\n</div>"


def test_text_without_a_line_break_is_untouched() -> None:
    """Text without a line break is left exactly as it is, double spaces and tabs included."""
    html = "<p>PM2.5  ≤ 42 µg/m³\t（2025年）</p>"
    assert collapse_indentation(html) == html
