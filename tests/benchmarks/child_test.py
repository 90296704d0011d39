"""Each measured command gets its own peak memory, a failing command stops the benchmark, a hung one is stopped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.child import CommandFailedError, Measurement, Run, measure, run_once
from tests.support import REPOSITORY

ALLOCATE = "block = bytearray(200 * 2**20); block[::4096] = b'x' * len(block[::4096])"


def test_peak_memory_belongs_to_the_run_that_used_it(tmp_path: Path) -> None:
    """A small child measured after a large one reports its own peak, not the largest so far.

    Measured from a fresh interpreter: Linux carries the parent's resident size into a forked
    child's peak (it survives exec), so from inside a pytest process grown large by earlier tests
    even `python -c pass` would look big. The benchmarks themselves run as small processes.
    """
    script = (
        "import sys; from pathlib import Path; from benchmarks.child import run_once\n"
        f"large = run_once([sys.executable, '-c', {ALLOCATE!r}], Path({str(tmp_path)!r}))\n"
        f"small = run_once([sys.executable, '-c', 'pass'], Path({str(tmp_path)!r}))\n"
        "print(large.max_rss_bytes, small.max_rss_bytes)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            cwd=REPOSITORY)
    large, small = map(int, result.stdout.split())
    assert large > 200 * 2**20
    assert small < 100 * 2**20


def test_an_unexpected_exit_status_raises(tmp_path: Path) -> None:
    """Timing a command that failed would report nonsense, so it is an error."""
    with pytest.raises(CommandFailedError, match="exited 3"):
        run_once([sys.executable, "-c", "import sys; print('broken', file=sys.stderr); sys.exit(3)"], tmp_path)


def test_a_command_past_the_timeout_is_stopped_and_ends_the_series(tmp_path: Path) -> None:
    """A timed-out run is recorded as such, and the series stops rather than waiting again."""
    result = measure([sys.executable, "-c", "import time; time.sleep(60)"], tmp_path, repeat=3, timeout=0.3)
    assert result.timed_out and result.runs == 1


def test_medians_and_totals() -> None:
    """Median of the runs, largest memory; commands in sequence add their times."""
    runs = [Run(3.0, 2.0, 10), Run(1.0, 1.0, 30), Run(2.0, 4.0, 20)]
    assert Measurement.of(runs) == Measurement(2.0, 2.0, 30, 3)
    total = Measurement.total([Measurement(2.0, 1.0, 30, 3), Measurement(1.0, 1.0, 50, 5)])
    assert total == Measurement(3.0, 2.0, 50, 3)
