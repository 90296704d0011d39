"""The setup the commands share: a valid workspace, its findings in the command's format, the plans and units."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from checker.commands.common import (
    open_valid_workspace,
    report_findings,
    require_plans,
    require_unit,
)
from checker.errors import PlancheckError
from checker.model.records import Model
from checker.report.findings import FINDINGS_REPORTERS
from checker.workspace import CachePolicy, open_workspace
from tests.support import copy_base

TODAY = date(2024, 1, 1)
NO_CACHE = CachePolicy(enabled=False)


@pytest.fixture
def model(tmp_path: Path) -> Model:
    return open_workspace([copy_base(tmp_path)], TODAY, NO_CACHE).validation.model


def test_a_valid_workspace_is_opened_and_prints_nothing(tmp_path: Path) -> None:
    """A valid tree comes back as a workspace; nothing is written."""
    stdout = io.StringIO()
    workspace = open_valid_workspace([copy_base(tmp_path)], TODAY, stdout, cache=NO_CACHE)
    assert workspace is not None and workspace.validation.valid
    assert stdout.getvalue() == ""


@pytest.mark.parametrize(("output_format", "shown_as"), [("json", "json"), ("markdown", "text"), ("github", "github")])
def test_an_invalid_workspace_prints_its_findings_in_the_format_or_as_text(
    tmp_path: Path, output_format: str, shown_as: str,
) -> None:
    """Findings use the command's format when findings have it (markdown does not: text instead)."""
    policy = copy_base(tmp_path)
    (policy / "plans" / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    stdout = io.StringIO()
    assert open_valid_workspace([policy], TODAY, stdout, output_format, NO_CACHE) is None
    workspace = open_workspace([policy], TODAY, NO_CACHE)
    expected = io.StringIO()
    FINDINGS_REPORTERS[shown_as](workspace.validation.findings, len(workspace.documents), expected)
    assert stdout.getvalue() == expected.getvalue()
    assert "PC009" in stdout.getvalue()


def test_report_findings_falls_back_to_text() -> None:
    """A format findings have no reporter for prints the text summary."""
    stdout = io.StringIO()
    report_findings([], 3, "markdown", stdout)
    assert stdout.getvalue() == "全部通过：检查了 3 个文件，未发现问题。\n"


def test_known_plans_and_units_pass(model: Model) -> None:
    """Plans and units in the tree (an organization) are accepted."""
    require_plans(model, ["demo-2023"])
    require_unit(model, "city-ecology")


def test_an_unknown_plan_lists_the_plans_there_are(model: Model) -> None:
    """A mistyped plan names the plans the tree has."""
    with pytest.raises(PlancheckError) as raised:
        require_plans(model, ["demo-2024"])
    assert raised.value.message == "规划“demo-2024”不存在。可选：demo-2023。"


def test_an_unknown_unit_suggests_close_ids(model: Model) -> None:
    """A mistyped unit gets the close IDs; check's message names none."""
    with pytest.raises(PlancheckError) as raised:
        require_unit(model, "city-ecolgy")
    assert raised.value.message == "单位“city-ecolgy”不在单位名录中。是否应为：city-ecology、city-gov？"
    with pytest.raises(PlancheckError) as raised:
        require_unit(model, "zzz")
    assert raised.value.message == "单位“zzz”不在单位名录中。单位 ID 见网站“单位”页或 policy/organizations/。"
    with pytest.raises(PlancheckError) as raised:
        require_unit(model, "city-ecolgy", suggest=False)
    assert raised.value.message == "单位“city-ecolgy”不在单位名录中。"
