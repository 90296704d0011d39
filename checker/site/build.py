"""Everything the site needs from one checker run: pages, downloads and search aliases. Pure."""

from __future__ import annotations

import io
from dataclasses import dataclass

from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.ledger.rows import ledger_rows, unit_rows
from checker.ledger.text import ledger_csv
from checker.report.json_report import report_json
from checker.report.views import ReportContext
from checker.site.codes_page import finding_codes_page
from checker.site.feed import FEED_PATH, atom_feed, changes, previous_report_date
from checker.site.form_data import unit_script_paths, unit_scripts
from checker.site.form_page import FORM, form_page
from checker.site.pages import HOME, build_pages, unit_download
from checker.site.pages.home import home_page
from checker.site.progress import history
from checker.site.report_pages import report_pages
from checker.site.search.aliases import search_aliases

CODES = "codes.md"


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]  # docs-relative path → Markdown
    downloads: dict[str, bytes]  # docs-relative path → file content
    search_aliases: dict[str, list[str]]  # docs-relative path → whole terms the page is known by


def site_pages(evaluation: Evaluation, context: ReportContext) -> dict[str, str]:
    """Every Markdown page of the site, keyed by its path under docs/."""
    progress = history(context.model, evaluation)
    pages = build_pages(evaluation, context, progress) | report_pages(context.model)
    pages[HOME] = home_page(evaluation, context, progress)
    return dict(sorted(pages.items()))


def site_content(evaluation: Evaluation, context: ReportContext) -> SiteContent:
    """The pages and search aliases, without the downloads (see site_downloads)."""
    pages = site_pages(evaluation, context)
    pages[CODES] = finding_codes_page()
    pages[FORM] = form_page(context.model)
    return SiteContent(pages, {}, search_aliases(context.model))


def site_downloads(evaluation: Evaluation, context: ReportContext) -> dict[str, bytes]:
    """docs-relative path → content of every download: ledgers, check JSON, feed, form data."""
    # openpyxl is imported here, not with this module: a site build makes the workbooks in its side
    # build's copy (checker.site.side_build), which then imports it on the other core.
    from checker.ledger.workbook import ledger_xlsx, unit_xlsx  # noqa: PLC0415

    check_json = io.StringIO()
    report_json(evaluation, context, check_json)
    rows = ledger_rows(evaluation, context)
    units = unit_rows(rows, context)
    palette = context.model.settings.lights
    downloads = {
        "downloads/check.json": check_json.getvalue().encode("utf-8"),
        "downloads/ledger.csv": ledger_csv(rows),
        "downloads/ledger.xlsx": ledger_xlsx(rows, units, evaluation.as_of, palette),
        FEED_PATH: _feed(evaluation, context),
        **unit_scripts(context.model, evaluation),
    }
    for unit in units:
        downloads[unit_download(unit.unit)] = unit_xlsx(unit, evaluation.as_of, palette)
    return downloads


def download_paths(evaluation: Evaluation, context: ReportContext) -> set[str]:
    """The paths site_downloads writes, without making the files (tests hold the two equal)."""
    units = unit_rows(ledger_rows(evaluation, context), context)
    return {"downloads/check.json", "downloads/ledger.csv", "downloads/ledger.xlsx", FEED_PATH,
            *unit_script_paths(context.model), *(unit_download(unit.unit) for unit in units)}


def build_site(evaluation: Evaluation, context: ReportContext) -> SiteContent:
    """Pages, downloads and aliases in one: what `plancheck site` writes."""
    content = site_content(evaluation, context)
    return SiteContent(content.pages, site_downloads(evaluation, context), content.search_aliases)


def _feed(evaluation: Evaluation, context: ReportContext) -> bytes:
    """The Atom feed: what changed since the previous report date, the same data evaluated then."""
    model = context.model
    previous = previous_report_date(model, evaluation.as_of)
    before = evaluate(model, previous) if previous is not None else None
    return atom_feed(changes(evaluation, before, model), evaluation.as_of, model.settings.site.site_url)
