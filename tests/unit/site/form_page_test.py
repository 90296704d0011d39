"""The form page: its embedded configuration, the repository link setting, and the unit pages' links to it."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.model.records import Model
from checker.report.views import ReportContext
from checker.site.form_page import form_config, form_link, form_page
from checker.site.pages import build_pages, unit_page
from checker.workspace import open_workspace
from tests.support import REPOSITORY, copy_base

AS_OF = date(2025, 10, 23)


def _model() -> Model:
    return open_workspace([REPOSITORY / "policy"], AS_OF).validation.model


def _config(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="pc-form-config">(.*?)</script>', page)
    assert match
    config: dict[str, object] = json.loads(match.group(1))
    return config


def test_the_page_embeds_units_statuses_and_rules_but_no_tasks() -> None:
    """Tasks load per unit; the page itself carries only the registry, the vocabulary and the rules."""
    model = _model()
    page = form_page(model)
    config = _config(page)
    assert config == form_config(model)
    assert config["statuses"] == [["done", "已完成"], ["in_progress", "推进中"], ["not_started", "未开工"]]
    assert config["repository"] is None
    assert "hd-eco-14th/s4-2-1" not in page
    assert '<script src="assets/form.js"></script>' in page


def test_a_repository_in_settings_reaches_the_form(tmp_path: Path) -> None:
    """repository: {url, branch} in settings.yaml is read, validated and handed to the form."""
    policy = copy_base(tmp_path)
    settings = policy / "settings.yaml"
    before = settings.read_text(encoding="utf-8") if settings.exists() else ""
    settings.write_text(before + "\nrepository:\n  url: https://github.com/example/policy\n", encoding="utf-8")
    validation = open_workspace([policy], AS_OF).validation
    assert validation.valid, validation.findings
    assert form_config(validation.model)["repository"] == {"url": "https://github.com/example/policy", "branch": "main"}


def test_a_repository_url_must_be_https_without_a_query(tmp_path: Path) -> None:
    """A URL that could smuggle a query or another scheme into the link is a schema error."""
    policy = copy_base(tmp_path)
    settings = policy / "settings.yaml"
    before = settings.read_text(encoding="utf-8") if settings.exists() else ""
    settings.write_text(before + "\nrepository:\n  url: javascript:alert(1)\n", encoding="utf-8")
    assert not open_workspace([policy], AS_OF).validation.valid


def test_a_unit_name_cannot_break_out_of_the_embedded_json() -> None:
    """Names reach the page inside a JSON <script>; "<" is escaped there."""
    model = _model()
    unit = next(iter(model.organizations.values()))
    hostile = dataclasses.replace(unit, name="</script><script>alert(1)</script>")
    page = form_page(dataclasses.replace(model, organizations={**model.organizations, unit.id: hostile}))
    assert "<script>alert(1)" not in page
    assert _config(page)["units"][0] == [unit.id, "</script><script>alert(1)</script>"]  # type: ignore[index]


def test_unit_pages_link_to_the_form_with_the_unit_chosen() -> None:
    """From units/<id>.md the link is ../form.html?unit=<id>."""
    assert 'href="../form.html?unit=hd-wuan"' in form_link("units/hd-wuan.md", "hd-wuan")


def test_each_unit_page_carries_the_link() -> None:
    """The generated unit pages link to the form with their unit chosen."""
    model = _model()
    pages = build_pages(evaluate(model, AS_OF), ReportContext(model))
    assert all(f'form.html?unit={unit}"' in pages[unit_page(unit)] for unit in model.organizations)
