"""The generated block of docs/dev/benchmarks.md: tables, verdicts against the targets, hand-written text kept."""

from __future__ import annotations

from benchmarks.scale_doc import BEGIN, END, render, replace_block, targets
from tests.benchmarks.samples import MACHINE, site_result, workload_result


def test_targets_are_judged_on_the_measured_ratios() -> None:
    """1.2x the parse and 6x faster than check-jsonschema meet; a 60 s national run and a 2.5 s PR check do not."""
    fast = workload_result("national", parse=50, validate=30, check=30, jsonschema=360, memory=3 * 10**9,
                           pr_check=2.5)
    measured = {target: (text, met) for target, text, met in targets([fast], [])}
    assert {target: met for target, (_, met) in measured.items()} == {
        "validate + check (CI order: cache empty, then filled) ≤ 1.5× bare libyaml parse": True,
        "≥ 5× faster than check-jsonschema (CI order)": True,
        "national validate + check under 60 s": False,
        "national peak memory under 4 GB": True,
        "one-file PR check under 2 s (national)": False,
        "task page ≤ 15 KB": None,
        "site build within 1.5× plain MkDocs": None,
    }
    assert measured["validate + check (CI order: cache empty, then filled) ≤ 1.5× bare libyaml parse"][0] == (
        "national 1.20× (CPU 1.20×); without the cache: national 2.40×")
    assert measured["national validate + check under 60 s"][0] == "60.00 s (no cache: 120 s)"


def test_site_targets_and_growth() -> None:
    """Bytes per task page and the build ratio are judged per size; growth compares the two sizes."""
    small, large = site_result(1000, 10, 5, 30_000_000, 16_000), site_result(5000, 40, 20, 110_000_000, 14_000)
    verdicts = {target: (measured, met) for target, measured, met in targets([], [small, large])}
    assert verdicts["task page ≤ 15 KB"] == ("1,000 tasks 16.00 KB, 5,000 tasks 14.00 KB", False)
    assert verdicts["site build within 1.5× plain MkDocs"] == ("1,000 tasks 2.00×, 5,000 tasks 2.00×", False)
    block = render(MACHINE, "python -m benchmarks.scale", [], [small, large])
    assert "each task added between the two costs 20.0 KB: linear or better." in block


def test_the_block_names_the_machine_and_the_command() -> None:
    """CPU count, Python version and date are part of every run's record."""
    block = render(MACHINE, "python -m benchmarks.scale --repeat 1", [workload_result("city", 1, 1, 1, 4)], [])
    assert block.startswith(BEGIN) and block.rstrip().endswith(END)
    assert "Measured on 2026-01-02 03:04 UTC with `python -m benchmarks.scale --repeat 1`." in block
    assert "Machine: 2 CPUs (Test CPU)" in block and "Python 3.11.7" in block
    speed = "| city | 1.00 s | 0.50 s | 2.00 s | 2.00 s | 4.00 s | 3.00 s | 4.00 s | 1.00 s | 1.00 s | 2.00 s | 0.50 s"
    assert speed in block
    assert "| city | 2.00× | 4.00× | 4.00× | 2.00× | 1.00× | 0.500× |" in block


def test_only_the_generated_block_is_replaced() -> None:
    """Analysis written by hand around the markers survives a new run; a new file gets the skeleton."""
    document = f"# Title\n\nBefore.\n\n{BEGIN}\nold tables\n{END}\n\n## Where the time goes\n\nAfter.\n"
    updated = replace_block(document, f"{BEGIN}\nnew tables\n{END}\n", "unused {generated}")
    assert updated == f"# Title\n\nBefore.\n\n{BEGIN}\nnew tables\n{END}\n\n## Where the time goes\n\nAfter.\n"
    assert replace_block(None, "BLOCK\n", "# Skeleton\n\n{generated}\n") == "# Skeleton\n\nBLOCK\n"
