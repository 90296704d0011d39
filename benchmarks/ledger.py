"""Ledger build time on the bundled data (or any policy tree): rows, the whole workbook, per-unit files, CSV.

    python -m benchmarks.ledger [--policy policy] [--as-of 2025-12-22] [--repeat 3]

Prints the median CPU time of each stage over --repeat runs, the number of rows and sheets, and the bytes
written. The tree is loaded and evaluated once, outside the timings: what is measured is what the
site build adds for the ledger downloads.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from checker.evaluate import evaluate
from checker.ledger.rows import ledger_rows, unit_rows
from checker.ledger.text import ledger_csv
from checker.ledger.workbook import ledger_xlsx, unit_xlsx
from checker.report.views import ReportContext
from checker.workspace import CachePolicy, open_workspace


def _median(repeat: int, work: Callable[[], Any]) -> tuple[float, Any]:
    """Median CPU time of this process (time.process_time): on a machine shared with other jobs the
    wall clock measured the load more than the work (the same build took 5.8 s and 10.6 s)."""
    times, result = [], None
    for _ in range(repeat):
        started = time.process_time()
        result = work()
        times.append(time.process_time() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", type=Path, default=Path("policy"))
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2025, 12, 22))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    model = open_workspace([args.policy], args.as_of, CachePolicy(enabled=False)).validation.model
    evaluation = evaluate(model, args.as_of)
    context = ReportContext(model)
    palette = model.settings.lights
    rows_time, rows = _median(args.repeat, lambda: ledger_rows(evaluation, context))
    units_select_time, units = _median(args.repeat, lambda: unit_rows(rows, context))
    rows_time += units_select_time
    whole_time, whole = _median(args.repeat, lambda: ledger_xlsx(rows, units, args.as_of, palette))
    units_time, files = _median(args.repeat, lambda: [unit_xlsx(unit, args.as_of, palette) for unit in units])
    csv_time, text = _median(args.repeat, lambda: ledger_csv(rows))
    unit_row_count = sum(len(unit.rows) for unit in units)
    print(f"{len(rows)} tasks, {len(units)} units, {unit_row_count} unit rows (median CPU time of {args.repeat})")
    print(f"rows + unit selection  {rows_time:7.3f} s")
    print(f"whole workbook         {whole_time:7.3f} s  {len(whole):>10,} bytes  {len(units) + 2} sheets")
    print(f"per-unit files         {units_time:7.3f} s  {sum(map(len, files)):>10,} bytes  {len(files)} files")
    print(f"CSV                    {csv_time:7.3f} s  {len(text):>10,} bytes")
    print(f"total                  {rows_time + whole_time + units_time + csv_time:7.3f} s")


if __name__ == "__main__":
    main()
