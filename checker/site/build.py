"""Everything the site needs from one checker run: pages, downloads and search terms. Pure."""

from __future__ import annotations

import io
from dataclasses import dataclass

from checker.evaluate.results import Evaluation
from checker.report.json_report import report_json
from checker.report.views import ReportContext
from checker.site.codes_page import finding_codes_page
from checker.site.form_data import unit_scripts
from checker.site.form_page import FORM, form_page
from checker.site.ledger import ledger_csv, ledger_rows, ledger_xlsx
from checker.site.pages import build_pages
from checker.site.search_terms import search_terms

CODES = "codes.md"


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]  # docs-relative path → Markdown
    downloads: dict[str, bytes]  # docs-relative path → file content
    search_terms: list[str]


def build_site(evaluation: Evaluation, context: ReportContext) -> SiteContent:
    pages = build_pages(evaluation, context)
    pages[CODES] = finding_codes_page()
    pages[FORM] = form_page(context.model)
    check_json = io.StringIO()
    report_json(evaluation, context, check_json)
    rows = ledger_rows(evaluation, context)
    downloads = {
        "downloads/check.json": check_json.getvalue().encode("utf-8"),
        "downloads/ledger.csv": ledger_csv(rows),
        "downloads/ledger.xlsx": ledger_xlsx(rows, evaluation.as_of),
        **unit_scripts(context.model, evaluation),
    }
    return SiteContent(pages, downloads, search_terms(context.model))
