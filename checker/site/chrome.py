"""What every page carries around its content: the footer, the language and the feed link. Pure.

The footer names the host organisation, a contact and the record number (备案号) from
policy/settings.yaml (`site:`); nothing is shown for what is not configured, and there is no link
to a foreign host. `head_and_language` rewrites a rendered page: `lang="zh-CN"` on <html> (the
theme writes its own language code, `zh`), a <link rel="alternate"> to the Atom feed, and an
accessible name on the theme's search dialog.
"""

from __future__ import annotations

import posixpath
import re

from checker.model.records import SiteInfo
from checker.site.feed import FEED_PATH as FEED
from checker.site.feed import FEED_TITLE
from checker.site.markup import esc

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=\"[^\"]*\"", re.IGNORECASE)
# The theme's search dialog has no accessible name (axe: aria-dialog-name, serious).
_UNNAMED_DIALOG = re.compile(r'(<div\b(?![^>]*\baria-label)[^>]*\brole="dialog")')
_DIALOG = 'role="dialog"'


def footer_html(info: SiteInfo) -> str:
    """The footer line, escaped: 主办单位：… · 联系方式：… · 备案号; "" when nothing is configured."""
    parts = []
    if info.host:
        parts.append(f"主办单位：{esc(info.host)}")
    if info.contact:
        parts.append(f"联系方式：{esc(info.contact)}")
    if info.record_number:
        parts.append(f'<span class="pc-record-number">{esc(info.record_number)}</span>')
    return '<span class="pc-footer">' + "　·　".join(parts) + "</span>" if parts else ""


def feed_link(page_url: str) -> str:
    """The <link> to the Atom feed, relative to a page's URL (tasks/plan/a1.html → ../../feed.xml)."""
    href = posixpath.relpath(FEED, posixpath.dirname(page_url) or ".")
    return f'<link rel="alternate" type="application/atom+xml" title="{esc(FEED_TITLE)}" href="{esc(href)}">'


def head_and_language(html: str, page_url: str) -> str:
    """lang="zh-CN" on <html>, the feed link before </head>, and a name for the search dialog."""
    html = _HTML_LANG.sub(lambda m: m.group(0)[: m.group(0).rfind("lang=")] + 'lang="zh-CN"', html, count=1)
    return _name_dialogs(html).replace("</head>", feed_link(page_url) + "\n</head>", 1)


def _name_dialogs(html: str) -> str:
    """_UNNAMED_DIALOG applied only around each role="dialog": over the whole page it tried every <div,
    a fifth of our per-page work. A match cannot reach past a '>', so the window from the '>' before
    to the '>' after holds every match the whole page would give."""
    parts, done = [], 0
    at = html.find(_DIALOG)
    while at != -1:
        start, end = html.rfind(">", done, at) + 1, html.find(">", at)
        end = len(html) if end == -1 else end + 1
        parts += [html[done:max(start, done)], _UNNAMED_DIALOG.sub(r'\1 aria-label="搜索"', html[max(start, done):end])]
        done = end
        at = html.find(_DIALOG, done)
    return "".join([*parts, html[done:]])
