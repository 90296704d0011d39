"""Build-time cost of progress over time (checker.site.progress.history); medians, never pass/fail.

    python -m benchmarks.progress [--tasks 1000,5000] [--as-of 2024-12-31] [--repeat 3]

For each size, a synthetic tree (benchmarks.generate, with its default three reports per plan in
2023) is validated once, evaluated once at the as-of date (what the site builds anyway), and then
`history` is timed: one evaluation per month end since the plan start. The ratio to one evaluation
shows the cost is the number of month ends times an evaluation, linear in the number of tasks.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.generate import generate
from checker.evaluate import evaluate
from checker.site.progress import history
from checker.workspace import open_workspace


def measure(tasks: int, as_of: date, repeat: int) -> tuple[int, float, float]:
    """(month ends, one evaluation in seconds, history in seconds), medians of `repeat` rounds."""
    with tempfile.TemporaryDirectory() as folder:
        policy = generate(Path(folder) / "tree", tasks=tasks)
        model = open_workspace([policy], as_of).validation.model
    evaluations, histories, dates = [], [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        now = evaluate(model, as_of)
        evaluations.append(time.perf_counter() - started)
        started = time.perf_counter()
        dates = len(history(model, now).dates)
        histories.append(time.perf_counter() - started)
    return dates, statistics.median(evaluations), statistics.median(histories)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", default="1000,5000")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2024, 12, 31))
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    print("| tasks | dates | one evaluation | history (all dates) | per task and date |")
    print("|---:|---:|---:|---:|---:|")
    for tasks in (int(n) for n in options.tasks.split(",")):
        dates, one, whole = measure(tasks, options.as_of, options.repeat)
        print(f"| {tasks:,} | {dates} | {one:.2f} s | {whole:.2f} s | {whole / tasks / dates * 1e6:.1f} µs |")


if __name__ == "__main__":
    main()
