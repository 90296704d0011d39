"""The scale command: repeat counts per workload, and tables rendered again from a saved run."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from benchmarks.scale import main, repeat_counts
from benchmarks.scale_doc import BEGIN
from benchmarks.scale_results import ScaleRun
from tests.benchmarks.samples import MACHINE, site_result, workload_result


def test_repeat_counts_take_a_default_and_overrides() -> None:
    """`--repeat 5 --repeat national=1` lowers only the slow workload."""
    names = ["city", "national", "site-1000"]
    assert repeat_counts([], names) == {"city": 5, "national": 5, "site-1000": 5}
    assert repeat_counts(["3", "national=1"], names) == {"city": 3, "national": 1, "site-1000": 3}
    with pytest.raises(argparse.ArgumentTypeError, match="nowhere"):
        repeat_counts(["nowhere=2"], names)


def test_a_saved_run_renders_the_same_tables(tmp_path: Path) -> None:
    """--save keeps every figure; --render writes the document from it without measuring."""
    run = ScaleRun("python -m benchmarks.scale", MACHINE, [workload_result("city", 1, 2, 3, 20)],
                   [site_result(1000, 10, 5, 30_000_000, 15_000)])
    saved = tmp_path / "run.json"
    saved.write_text(run.to_json(), encoding="utf-8")
    assert ScaleRun.from_json(saved.read_text(encoding="utf-8")) == run
    output = tmp_path / "benchmarks.md"
    assert main(["--render", str(saved), "--output", str(output)]) == 0
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks: scale and speed") and BEGIN in text and "| city |" in text
