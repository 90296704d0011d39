"""Text from a pull request (file names, titles, names) cannot add lines, markup or mentions to any output.

A CI log reads a line that starts with `::` as a workflow command, so a newline in a file name or
a title must never reach text output as a line break; Markdown output must not turn data into
markup, HTML, entities or @-mentions.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.changes import ChangeSet, Entry, EntryChange, PlanEdit
from checker.report.diff_report import DIFF_REPORTERS
from tests.support import copy_base, run_cli

HOSTILE_TITLE = '"关停\\n::error title=伪造::注入\\n::warning::再注入 @city/team &lt;b&gt; <i>x</i>"'


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    """The base tree with a hostile project title (valid data: a title may hold line breaks)."""
    policy = copy_base(tmp_path)
    plan = policy / "plans" / "demo-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: 关停1#高炉", f"title: {HOSTILE_TITLE}"),
                    encoding="utf-8")
    return policy


def _injected(output: str, allowed: tuple[str, ...] = ()) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::") and not line.startswith(allowed)]


@pytest.mark.parametrize("output_format", ["text", "markdown", "github"])
def test_a_title_with_newlines_cannot_start_a_workflow_command(policy: Path, output_format: str) -> None:
    """The overdue project is listed with its title on one line, in every format."""
    code, stdout, stderr = run_cli("check", str(policy), "--as-of", "2024-06-01", "--format", output_format)
    assert (code, stderr) == (1, "")
    assert "::error title=伪造::注入" in stdout  # shown, as text
    annotations = ("::error file=", "::warning file=")
    assert _injected(stdout, annotations if output_format == "github" else ()) == []


def test_markdown_escapes_mentions_entities_and_html(policy: Path) -> None:
    """@team would notify people and &lt; would show as "<": both are escaped like markup."""
    _, stdout, _ = run_cli("check", str(policy), "--as-of", "2024-06-01", "--format", "markdown")
    assert "再注入 \\@city/team \\&lt;b\\&gt; \\<i\\>x\\</i\\>" in stdout


def test_a_file_name_with_a_newline_cannot_start_a_workflow_command(tmp_path: Path) -> None:
    """validate --format text prints such a name with its newline as <U+000A>, on the finding's line."""
    policy = copy_base(tmp_path)
    (policy / "plans" / "x\n::error title=伪造::注入.yaml").write_text("id: [a\n", encoding="utf-8")
    for output_format in ("text", "github"):
        code, stdout, stderr = run_cli("validate", str(policy), "--format", output_format)
        assert (code, stderr) == (2, "")
        assert _injected(stdout, ("::error file=", "::warning file=")) == []
    assert "x<U+000A>::error title=伪造::注入.yaml:1:5: PC009" in run_cli("validate", str(policy))[1]


@pytest.mark.parametrize("output_format", ["text", "markdown", "github"])
def test_diff_output_keeps_file_names_and_edits_on_their_lines(output_format: str) -> None:
    """plancheck diff prints entry files, subjects and before/after text from the change: one line each."""
    hostile = "x\n::error title=伪造::注入"
    changes = ChangeSet(
        date(2024, 1, 1), (),
        (EntryChange(Entry.ADDED, f"policy/progress/a/{hostile}.yaml", 3, f"demo/{hostile}", hostile, hostile),),
        (PlanEdit("demo", hostile, "title", hostile, f"{hostile} @team", hostile, 4, None),),
        (),
    )
    stream = io.StringIO()
    context: Any = None  # no status rows, so the reporters never look at the model
    DIFF_REPORTERS[output_format](changes, f"origin/main\n{hostile}", True, context, stream)
    assert _injected(stream.getvalue()) == []
    if output_format == "markdown":
        assert "\\@team" in stream.getvalue()
