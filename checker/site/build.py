"""Everything the site needs from one checker run: pages, downloads and search aliases. Pure."""

from __future__ import annotations

import io
from dataclasses import dataclass

from checker.evaluate.results import Evaluation
from checker.ledger.rows import ledger_rows, unit_rows
from checker.ledger.text import ledger_csv
from checker.ledger.workbook import ledger_xlsx, unit_xlsx
from checker.report.json_report import report_json
from checker.report.views import ReportContext
from checker.site.codes_page import finding_codes_page
from checker.site.form_data import unit_scripts
from checker.site.form_page import FORM, form_page
from checker.site.pages import build_pages, unit_download
from checker.site.report_pages import report_pages
from checker.site.search.aliases import search_aliases

CODES = "codes.md"


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]  # docs-relative path → Markdown
    downloads: dict[str, bytes]  # docs-relative path → file content
    search_aliases: dict[str, list[str]]  # docs-relative path → whole terms the page is known by


def build_site(evaluation: Evaluation, context: ReportContext) -> SiteContent:
    pages = build_pages(evaluation, context) | report_pages(context.model)
    pages[CODES] = finding_codes_page()
    pages[FORM] = form_page(context.model)
    check_json = io.StringIO()
    report_json(evaluation, context, check_json)
    rows = ledger_rows(evaluation, context)
    units = unit_rows(rows, context)
    palette = context.model.settings.lights
    downloads = {
        "downloads/check.json": check_json.getvalue().encode("utf-8"),
        "downloads/ledger.csv": ledger_csv(rows),
        "downloads/ledger.xlsx": ledger_xlsx(rows, units, evaluation.as_of, palette),
        **unit_scripts(context.model, evaluation),
    }
    for unit in units:
        downloads[unit_download(unit.unit)] = unit_xlsx(unit, evaluation.as_of, palette)
    return SiteContent(pages, downloads, search_aliases(context.model))
