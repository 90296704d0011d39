"""The command line as users run it: exit statuses, formats, and no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.report.check import CHECK_REPORTERS
from checker.report.diff_report import DIFF_REPORTERS
from checker.report.findings import FINDINGS_REPORTERS
from tests.support import REPOSITORY, copy_base, run_cli

PLANCHECK = Path(sys.executable).parent / "plancheck"


def run(*argv: str, env: dict[str, str] | None = None, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    environment.pop("GITHUB_ACTIONS", None) if not env or "GITHUB_ACTIONS" not in env else None
    return subprocess.run(list(argv), capture_output=True, text=True, check=False, env=environment, cwd=cwd)


def test_bundled_policy_is_valid() -> None:
    """`plancheck validate` exits 0 on the repository's own data."""
    result = run(str(PLANCHECK), "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("全部通过")


def test_module_and_console_script_behave_the_same(tmp_path: Path) -> None:
    """`python -m checker` and `plancheck` print the same output and exit the same way."""
    policy = copy_base(tmp_path)
    (policy / "plans" / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    via_script = run(str(PLANCHECK), "validate", str(policy), "--as-of", "2024-01-01")
    via_module = run(sys.executable, "-m", "checker", "validate", str(policy), "--as-of", "2024-01-01")
    assert (via_script.returncode, via_script.stdout) == (via_module.returncode, via_module.stdout)
    assert via_script.returncode == 2
    assert "Traceback" not in via_script.stderr + via_module.stderr


def test_github_format_is_chosen_on_github_actions(tmp_path: Path) -> None:
    """With GITHUB_ACTIONS=true the findings become workflow annotations by default."""
    policy = copy_base(tmp_path)
    modeline = "# yaml-language-server: $schema=../../schemas/plan.schema.json\n"
    (policy / "plans" / "bad.yaml").write_text(modeline + "a: 1\na: 2\n")
    result = run(str(PLANCHECK), "validate", str(policy), env={"GITHUB_ACTIONS": "true"})
    assert "::error file=" in result.stdout and ",line=3,col=1,title=PC012" in result.stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["validate", "--format", "xml"], "无效的选项"),
        (["validate", "--as-of", "2023-02-30"], "不是有效日期"),
        (["validate", "no/such/path"], "找不到“no/such/path”"),
        (["frobnicate"], "无效的选项"),
    ],
)
def test_usage_errors_exit_2_in_chinese(argv: list[str], expected: str) -> None:
    """Mistyped commands get a Chinese message and exit status 2, never a traceback."""
    code, _stdout, stderr = run_cli(*argv)
    assert code == 2
    assert expected in stderr
    assert "Traceback" not in stderr


def test_path_outside_any_policy_tree(tmp_path: Path) -> None:
    """A folder that is not a policy tree is a usage error, not a crash."""
    code, _stdout, stderr = run_cli("validate", str(tmp_path))
    assert code == 2
    assert "不在任何 policy 目录中" in stderr


def test_selected_file_is_validated_in_the_context_of_its_tree(tmp_path: Path) -> None:
    """Naming one progress file checks its references against the whole tree, reports only it."""
    policy = copy_base(tmp_path)
    report = policy / "progress/city-ecology/2023-05-10-report.yaml"
    code, stdout, _ = run_cli("validate", str(report), "--as-of", "2024-01-01")
    assert code == 0
    assert stdout == "全部通过：检查了 1 个文件，未发现问题。\n"


def test_help_is_available() -> None:
    """--help prints usage and exits 0."""
    result = run(str(PLANCHECK), "validate", "--help")
    assert result.returncode == 0
    assert "YYYY-MM-DD" in result.stdout


@pytest.mark.parametrize(
    ("command", "registry"),
    [("validate", FINDINGS_REPORTERS), ("check", CHECK_REPORTERS), ("diff", DIFF_REPORTERS)],
)
def test_format_choices_are_the_registered_reporters(command: str, registry: dict[str, object]) -> None:
    """--format offers exactly the formats a reporter is registered for, in the registry's order."""
    base = ["HEAD"] if command == "diff" else []
    code, _stdout, stderr = run_cli(command, *base, "--format", "xml")
    assert code == 2
    assert f"(choose from {', '.join(repr(name) for name in registry)})" in stderr


def test_help_does_not_import_the_loader_or_the_validator() -> None:
    """Importing the command line (all --help needs) leaves the loader, the validator and the commands unloaded."""
    heavy = ("checker.load", "checker.validate", "checker.changes", "checker.workspace", "yaml", "openpyxl")
    probe = f"import sys, checker.cli; print([m for m in {heavy!r} if m in sys.modules])"
    result = run(sys.executable, "-c", probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
