"""The pre-commit hook: the real pre-commit validates the definitions and runs the hook on a commit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPOSITORY, copy_base

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def _run(command: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300)


def test_hook_definitions_are_valid(tmp_path: Path) -> None:
    """pre-commit itself accepts .pre-commit-hooks.yaml and .pre-commit-config.yaml."""
    assert _run([*PRE_COMMIT, "validate-manifest", ".pre-commit-hooks.yaml"], REPOSITORY, tmp_path).returncode == 0
    assert _run([*PRE_COMMIT, "validate-config", ".pre-commit-config.yaml"], REPOSITORY, tmp_path).returncode == 0


@pytest.mark.slow
def test_hook_stops_a_commit_with_an_error_and_lets_a_valid_one_through(tmp_path: Path) -> None:
    """The repository's own config, unchanged, in a fresh repository whose .venv is this project's."""
    policy = copy_base(tmp_path)
    top = policy.parent
    (top / ".venv").symlink_to(REPOSITORY / ".venv")
    (top / ".pre-commit-config.yaml").write_text(
        (REPOSITORY / ".pre-commit-config.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (top / ".gitignore").write_text(".venv\n", encoding="utf-8")
    home = tmp_path / "pre-commit-home"
    for command in (["git", "init", "-q"], ["git", "add", "-A"], [*PRE_COMMIT, "install"]):
        assert _run(command, top, home).returncode == 0
    report = policy / "progress" / "city-ecology" / "2023-05-10-report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("    status: in_progress\n", "    status: 进行中\n"),
                      encoding="utf-8")
    _run(["git", "add", "-A"], top, home)
    refused = _run(["git", "commit", "-qm", "progress"], top, home)
    assert refused.returncode != 0
    assert "policy/progress/city-ecology/2023-05-10-report.yaml:9:13: PC104 错误" in refused.stdout + refused.stderr
    report.write_text(report.read_text(encoding="utf-8").replace("    status: 进行中\n", "    status: in_progress\n"),
                      encoding="utf-8")
    _run(["git", "add", "-A"], top, home)
    accepted = _run(["git", "commit", "-qm", "progress"], top, home)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
