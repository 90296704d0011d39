"""The synthetic tree is valid and deterministic, so benchmark runs are comparable."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from benchmarks.generate import generate
from tests.support import run_cli


def test_the_synthetic_tree_validates_and_checks(tmp_path: Path) -> None:
    """A generated tree of 200 tasks in 2 plans is valid and `check` counts all 200 tasks."""
    policy = generate(tmp_path / "tree", tasks=200, plans=2)
    assert run_cli("validate", str(policy), "--as-of", "2024-06-01")[0] == 0
    code, stdout, _ = run_cli("check", str(policy), "--as-of", "2023-10-01", "--fail-on", "never")
    assert code == 0 and "任务 200 项" in stdout


def test_the_same_arguments_give_the_same_bytes(tmp_path: Path) -> None:
    """The generator is deterministic: the same arguments write the same files, byte for byte."""
    first, second = generate(tmp_path / "a", tasks=100, plans=2), generate(tmp_path / "b", tasks=100, plans=2)
    files = sorted(path.relative_to(first) for path in first.rglob("*.yaml"))
    assert files == sorted(path.relative_to(second) for path in second.rglob("*.yaml"))
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)


def _digest(policy: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(policy.rglob("*.yaml")):
        digest.update(path.relative_to(policy).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_the_default_layout_keeps_its_bytes(tmp_path: Path) -> None:
    """Timings from benchmarks.run stay comparable with older commits: the default tree is pinned."""
    policy = generate(tmp_path / "tree", tasks=100, plans=2)
    assert _digest(policy) == "86f9e397d1d20f0c955e38937b27749d59632d263a680b13c2c1cc8ea5ce2b5e"


def test_spread_updates_are_valid_and_counted_exactly(tmp_path: Path) -> None:
    """With updates=N there are exactly N updates, each file from the folder of the task's lead unit."""
    policy = generate(tmp_path / "tree", tasks=20, plans=2, updates=50, updates_per_file=5)
    assert run_cli("validate", str(policy), "--as-of", "2024-01-01")[0] == 0
    code, stdout, _ = run_cli("check", str(policy), "--as-of", "2024-01-01", "--fail-on", "never")
    assert code == 0 and "任务 20 项" in stdout
    reports = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in policy.glob("progress/*/*.yaml")]
    assert sum(len(report.get("updates", [])) for report in reports) == 50
    assert max(len(report.get("updates", [])) for report in reports) == 5
    folders = sorted(path.name for path in (policy / "progress").iterdir())
    assert folders == ["dept-00", "dept-01", "dept-02", "dept-03", "synth-office"]


def test_spread_updates_give_the_same_bytes(tmp_path: Path) -> None:
    """The large layout is as deterministic as the default one."""
    first = generate(tmp_path / "a", tasks=40, plans=2, updates=120, updates_per_file=10)
    second = generate(tmp_path / "b", tasks=40, plans=2, updates=120, updates_per_file=10)
    assert _digest(first) == _digest(second)
