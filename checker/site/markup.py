"""Turning data into page text safely: every string from YAML is escaped or rendered without HTML.

Three ways in, and nothing else:
- `md(text)`: a string placed in Markdown prose or a heading; HTML-escaped and with every Markdown
  punctuation character backslash-escaped, so it can neither open a tag nor a link, emphasis,
  table cell or attribute list (`{: onclick=...}`).
- `esc(text)`: a string placed inside our own HTML (table cells, attributes); HTML-escaped.
Both render formula markup from the data (PM_{2.5} → PM₂.₅, checker.site.formula) on the way.
- `free_text(text)`: a note that may use Markdown; rendered by markdown-it-py with raw HTML off,
  so `<script>` comes out as text, and links other than http(s) and relative ones are dropped.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re

from markdown_it import MarkdownIt

from checker.site.formula import render_formulas

# The characters Python-Markdown (with the tables extension) unescapes after a backslash; escaping any
# other character (such as ~) would show the backslash.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def esc(text: object) -> str:
    value = str(text)
    return _escaped(value) if len(value) <= _CACHED_LENGTH else _escape(value)


def _escape(text: str) -> str:
    return html.escape(render_formulas(text), quote=True)


# A site writes the same names, statuses and dates over and over (3 million calls at 20,000 tasks).
# Only short strings are kept, and only so many: no data can make the cache large (at most about
# 16,384 × 200 characters).
_CACHED_LENGTH = 200
_escaped = functools.lru_cache(maxsize=1 << 14)(_escape)


def md(text: object) -> str:
    """Plain text for Markdown: one line, no markup, no HTML."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(render_formulas(" ".join(str(text).split())), quote=False))


def _safe_link(url: str) -> bool:
    scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    return scheme in ("", "http", "https")


_RENDERER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")
_RENDERER.validateLink = _safe_link  # type: ignore[method-assign]


def free_text(text: str) -> str:
    """A note's Markdown as HTML: no raw HTML, no images, no javascript:/data: links."""
    rendered: str = _RENDERER.render(text)
    return rendered.replace("<a href=", '<a rel="nofollow noopener" href=')


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for clean docs-relative paths, without its os.getcwd() per call: a unit
    page links hundreds of tasks, and relpath was 7 % of a site build's profile."""
    folders = start.split("/") if start else []
    parts = target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(folders) - common) + parts[common:])


def relative(from_page: str, to_page: str) -> str:
    """The link from one generated page to another, both given as docs-relative .md paths."""
    target = to_page[:-3] + ".html" if to_page.endswith(".md") else to_page
    return _relpath(target, posixpath.dirname(from_page))


def relative_md(from_page: str, to_page: str) -> str:
    """The same link for Markdown syntax, which MkDocs checks (--strict) and rewrites itself."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
