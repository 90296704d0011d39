"""Checking generated pages as a browser would meet them: what MkDocs renders, which tags, links and table rows.

`render` is Python-Markdown with the extensions mkdocs.yml enables (read from it, so the two stay
in step); `problems_in` lists live markup a page must never carry: script-capable elements, event
handler attributes, links whose scheme is not http(s) (as a browser reads it, ignoring tabs and
newlines), and tables whose rows do not close or do not match the header.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import markdown
import yaml

from tests.support import REPOSITORY

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "img", "style", "link", "meta", "base", "form", "frame"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def scheme(url: str) -> str | None:
    """The scheme a browser would read: it ignores surrounding controls and spaces, and tabs and newlines inside."""
    cleaned = re.sub(r"[\t\n\r]", "", url.strip(_C0_AND_SPACE))
    match = _SCHEME.match(cleaned.lower())
    return match.group(1) if match else None


class HtmlScan(HTMLParser):
    """Start tags, attributes and table shapes of a page; collects what must never be there."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tables: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name in URL_ATTRIBUTES and scheme(value or "") not in (None, "http", "https"):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "table":
            self.tables.append({"open": 0, "closed": 0, "head": 0, "cells": [], "in_head": False})
        elif self.tables:
            self._table_start(tag, self.tables[-1])

    def _table_start(self, tag: str, table: dict[str, Any]) -> None:
        if tag == "thead":
            table["in_head"] = True
        elif tag == "tr":
            table["open"] += 1
            if not table["in_head"]:
                table["cells"].append(0)
        elif tag == "th" and table["in_head"]:
            table["head"] += 1
        elif tag == "td" and table["cells"]:
            table["cells"][-1] += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        if tag == "thead":
            table["in_head"] = False
        elif tag == "tr":
            table["closed"] += 1
        elif tag == "table":
            self.tables.pop()
            if table["open"] != table["closed"]:
                self.problems.append(f"table with {table['open']} <tr> and {table['closed']} </tr>")
            if table["head"] and any(cells != table["head"] for cells in table["cells"]):
                self.problems.append(f"table rows with {table['cells']} cells under {table['head']} headers")


def problems_in(markup: str) -> list[str]:
    scan = HtmlScan()
    scan.feed(markup)
    scan.close()
    return scan.problems + [f"unclosed table {table}" for table in scan.tables]


class _MkDocsYaml(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` tags do not matter here."""


_MkDocsYaml.add_constructor("!ENV", lambda loader, node: None)


def _markdown_extensions() -> tuple[list[str], dict[str, Any]]:
    config = yaml.load((REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsYaml)
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if settings:
            options[name] = settings
    return names, options


EXTENSIONS, EXTENSION_OPTIONS = _markdown_extensions()


def render(body: str) -> str:
    """The page body as MkDocs' Markdown engine turns it into HTML."""
    html: str = markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_OPTIONS)
    return html


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def text_and_tags(markup: str) -> tuple[str, list[str]]:
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    return "".join(parser.text).strip(), parser.tags
