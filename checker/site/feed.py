"""feed.xml: an Atom feed of what changed since the previous report date. Pure.

The previous report date is the latest date before the newest report on or before the as-of date.
Entries: every report dated after it (who reported, how many entries; linked to the report's page),
and every task whose status as of the previous report date differs from its status now: the same
data evaluated at both dates, so a change is exactly what the site would have shown then and shows
now. Newest first.

Identifiers are name-based UUIDs (RFC 4122 §4.3) of the report file or the task and the two
dates, so an entry keeps its ID from one build to the next. Links are relative to the feed, or
absolute under `site_url` when policy/settings.yaml sets it. Everything is written through
ElementTree, which escapes every value.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from checker.evaluate.results import Evaluation
from checker.model.records import Model, Report
from checker.site.markup import relative
from checker.site.pages import task_page
from checker.site.report_pages import report_page

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
FEED_TITLE = "生态环境规划任务进展：更新"
MOST_ENTRIES = 500
_NAMESPACE = uuid.UUID("6f1d5d8e-2f0a-4c59-9d0e-7a1b8c3e4f50")  # plancheck's feed IDs, fixed forever


@dataclass(frozen=True)
class Entry:
    key: str  # stable across builds: the UUID is derived from it
    title: str
    updated: date
    page: str  # docs-relative Markdown path the entry links to
    summary: str


def previous_report_date(model: Model, as_of: date) -> date | None:
    dates = sorted({r.reported_on for r in model.reports if r.reported_on <= as_of})
    return dates[-2] if len(dates) >= 2 else None


def changes(now: Evaluation, before: Evaluation | None, model: Model) -> list[Entry]:
    """Reports after `before.as_of` and status changes between the two evaluations, newest first."""
    since = before.as_of if before is not None else date.min
    entries = [_report_entry(report, model) for report in model.reports
               if since < report.reported_on <= now.as_of]
    if before is not None:
        then = {result.key: result.status for result in before.tasks}
        for result in now.tasks:
            old = then.get(result.key)
            if old is not None and old is not result.status:
                entries.append(Entry(
                    f"status:{result.key}:{before.as_of}:{now.as_of}",
                    f"{result.key} {result.title}：{old.label} → {result.status.label}",
                    now.as_of, task_page(result.key), result.explanation,
                ))
    entries.sort(key=lambda e: (e.updated, e.key), reverse=True)
    return entries[:MOST_ENTRIES]


def _report_entry(report: Report, model: Model) -> Entry:
    unit = model.unit_name(report.reporter)
    counts = f"任务进展{len(report.selections)}条、指标数据{len(report.observations)}条"
    return Entry(f"report:{report.origin.file}", f"{unit}报送：{report.title}", report.reported_on,
                 report_page(report), f"{report.reported_on} {unit}报送《{report.title}》，{counts}。")


def atom_feed(entries: list[Entry], as_of: date, site_url: str | None) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", _urn(f"feed:{site_url or ''}"))
    _text(feed, "title", FEED_TITLE)
    _text(feed, "updated", _timestamp(max((e.updated for e in entries), default=as_of)))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "plancheck")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=_href(FEED_PATH, site_url))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=_href("index.md", site_url))
    for entry in entries:
        element = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(element, "id", _urn(entry.key))
        _text(element, "title", entry.title)
        _text(element, "updated", _timestamp(entry.updated))
        ET.SubElement(element, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                      href=_href(entry.page, site_url))
        _text(element, "summary", entry.summary)
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _urn(key: str) -> str:
    return uuid.uuid5(_NAMESPACE, key).urn


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00+08:00"  # report dates are dates in China Standard Time


def _href(page: str, site_url: str | None) -> str:
    path = relative(FEED_PATH, page)
    return f"{site_url}{path}" if site_url else path
