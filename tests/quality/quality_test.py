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
    """The package, the tests, the benchmarks, the tools and dev.py type-check under mypy --strict.

    The files and settings (strict, explicit package bases) come from pyproject.toml's [tool.mypy].
    """
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_architecture_page_shows_the_import_graph_as_it_is() -> None:
    """docs/dev/architecture.md's Mermaid graph is what tools/import_graph.py reads from the source today."""
    graph = run_tool("tools.import_graph")
    assert graph.returncode == 0, graph.stderr
    page = (REPOSITORY / "docs" / "dev" / "architecture.md").read_text(encoding="utf-8")
    shown = page.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert shown == graph.stdout.strip(), "regenerate with: python3 tools/import_graph.py"


def test_no_import_circle() -> None:
    """No module of the package imports itself back through others (imports inside functions count)."""
    result = run_tool("tools.import_graph", "--cycles")
    assert result.returncode == 0, result.stdout


def test_no_module_is_over_300_lines() -> None:
    """A module that grows past 300 lines holds two ideas (STYLE.md); split it before it lands."""
    sizes = {path.relative_to(REPOSITORY).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in (REPOSITORY / "checker").rglob("*.py")}
    assert {path: lines for path, lines in sizes.items() if lines > 300} == {}
