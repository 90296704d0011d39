"""The synthetic tree is valid and deterministic, so benchmark runs are comparable."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate
from tests.support import run_cli


def test_the_synthetic_tree_validates_and_checks(tmp_path: Path) -> None:
    policy = generate(tmp_path / "tree", tasks=200, plans=2)
    assert run_cli("validate", str(policy), "--as-of", "2024-06-01")[0] == 0
    code, stdout, _ = run_cli("check", str(policy), "--as-of", "2023-10-01", "--fail-on", "never")
    assert code == 0 and "任务 200 项" in stdout


def test_the_same_arguments_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = generate(tmp_path / "a", tasks=100, plans=2), generate(tmp_path / "b", tasks=100, plans=2)
    files = sorted(path.relative_to(first) for path in first.rglob("*.yaml"))
    assert files == sorted(path.relative_to(second) for path in second.rglob("*.yaml"))
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)
