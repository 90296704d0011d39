"""The code stays lint-clean and type-checked: ruff and mypy --strict run as part of the tests."""

from __future__ import annotations

import subprocess
import sys

from tests.support import REPOSITORY


def run_tool(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *argv], capture_output=True, text=True, check=False, cwd=REPOSITORY)


def test_ruff_is_clean() -> None:
    """ruff finds nothing in the package, the tests, the benchmarks and the tools."""
    result = run_tool("ruff", "check", "checker", "tests", "benchmarks", "tools", "dev.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    """The package type-checks under mypy --strict."""
    result = run_tool("mypy", "--strict", "checker")
    assert result.returncode == 0, result.stdout + result.stderr
