"""feed.xml: valid Atom with the reports and status changes since the previous report date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import build_site
from checker.workspace import open_workspace
from tests.unit.evaluate.scenario import Scenario, deadline_task

A = "{http://www.w3.org/2005/Atom}"
AS_OF = date(2023, 11, 20)
_DONE = "updates:\n  - {task: demo-2023/t2, status: done, completed_on: 2023-11-15, quote: 已完成。}\n"
_STARTED = "updates:\n  - {task: demo-2023/t2, status: in_progress, quote: 正在推进。}\n"


def _feed(tmp_path: Path) -> ET.Element:
    scenario = (Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-15") + deadline_task("t2", "2023-12-10"))
                .report("2023-11-01", _STARTED).report("2023-11-16", _DONE))
    scenario.model()
    model = open_workspace([scenario.policy], AS_OF).validation.model
    content = build_site(evaluate(model, AS_OF), ReportContext(model))
    return ET.fromstring(content.downloads["feed.xml"])


def test_the_feed_has_every_element_atom_requires(tmp_path: Path) -> None:
    """RFC 4287: feed id, title, updated and an author; each entry id, title, updated and a link."""
    feed = _feed(tmp_path)
    assert feed.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert (feed.findtext(f"{A}{tag}") or "").strip(), tag
    assert feed.findtext(f"{A}author/{A}name")
    entries = feed.findall(f"{A}entry")
    assert entries
    for entry in entries:
        assert (entry.findtext(f"{A}id") or "").startswith("urn:uuid:")
        assert entry.findtext(f"{A}title") and entry.findtext(f"{A}updated")
        assert entry.find(f"{A}link").get("href")  # type: ignore[union-attr]
    assert len({e.findtext(f"{A}id") for e in entries}) == len(entries)


def test_entries_are_the_new_report_and_the_status_changes_since_the_previous_report_date(tmp_path: Path) -> None:
    """The 11-01 report is older than the previous report date; t2 was 推进中 on 11-01 and is 已完成 now;
    t1 passed its deadline (11-15) in between."""
    entries = _feed(tmp_path).findall(f"{A}entry")
    titles = [e.findtext(f"{A}title") or "" for e in entries]
    assert sum("报送：" in title for title in titles) == 1  # the 11-16 report; the 11-01 one is older
    assert any(title.startswith("demo-2023/t2") and title.endswith("→ 已完成") for title in titles)
    assert any(title.startswith("demo-2023/t1") for title in titles)
    links = [e.find(f"{A}link").get("href") or "" for e in entries]  # type: ignore[union-attr]
    assert "tasks/demo-2023/t2.html" in links
    assert any(link.startswith("reports/city-ecology/") for link in links)  # the report's own page
