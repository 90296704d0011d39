"""Time each stage of plancheck on the synthetic tree; report medians and ratios, never pass/fail.

    python -m benchmarks.run [--tasks 10000] [--repeat 5] [--json]

Every figure is the median of --repeat runs in this process. Absolute seconds depend on the
machine, so each stage is also given as a ratio to a reference measured in the same run: PyYAML's
bare C loader (`yaml.load(text, CSafeLoader)`) reading the same files. A later change that makes a
stage slower shows up as a larger ratio on any machine. `linear` compares evaluating the full tree
with evaluating half of it: about 2.0 means the evaluation grows linearly with tasks and updates.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from benchmarks.generate import generate
from checker.cli import main as cli_main
from checker.evaluate import evaluate
from checker.load.documents import list_tree, load_documents
from checker.report.json_report import report_json
from checker.report.views import ReportContext
from checker.validate import validate

AS_OF = date(2023, 10, 1)


def median_seconds(action: Callable[[], Any], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def measure(root: Path, tasks: int, repeat: int) -> dict[str, Any]:
    policy = generate(root / f"tree-{tasks}", tasks)
    half = generate(root / f"tree-{tasks // 2}", tasks // 2)
    files = sorted(policy.rglob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    documents = load_documents(list_tree(policy))
    model = validate(documents, AS_OF).model
    half_model = validate(load_documents(list_tree(half)), AS_OF).model
    evaluation = evaluate(model, AS_OF)

    def check_command() -> None:
        code = cli_main(["check", str(policy), "--as-of", AS_OF.isoformat(), "--format", "json", "--no-cache"],
                        stdout=io.StringIO(), stderr=io.StringIO(), environ={})
        assert code in (0, 1)

    stages: dict[str, Callable[[], Any]] = {
        "reference: yaml.load(CSafeLoader)": lambda: [yaml.load(text, Loader=yaml.CSafeLoader) for text in texts],
        "load (read, screen, parse, schemas)": lambda: load_documents(list_tree(policy)),
        "validate (references, dates)": lambda: validate(documents, AS_OF),
        "evaluate": lambda: evaluate(model, AS_OF),
        "evaluate, half the tasks": lambda: evaluate(half_model, AS_OF),
        "report json": lambda: report_json(evaluation, ReportContext(model), io.StringIO()),
        "check command, end to end": check_command,
    }
    seconds = {name: median_seconds(action, repeat) for name, action in stages.items()}
    reference = seconds["reference: yaml.load(CSafeLoader)"]
    return {
        "tasks": tasks,
        "updates": sum(len(report.updates) for report in model.reports),
        "megabytes": round(sum(len(text.encode()) for text in texts) / 1e6, 2),
        "repeat": repeat,
        "seconds": {name: round(value, 4) for name, value in seconds.items()},
        "ratio_to_reference": {name: round(value / reference, 2) for name, value in seconds.items()},
        "linear": round(seconds["evaluate"] / seconds["evaluate, half the tasks"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        result = measure(Path(scratch), args.tasks, args.repeat)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"{result['tasks']} tasks, {result['updates']} updates, {result['megabytes']} MB of YAML; "
          f"median of {result['repeat']} runs")
    for name, value in result["seconds"].items():
        print(f"  {name:<40} {value:8.3f} s  {result['ratio_to_reference'][name]:6.2f}x reference")
    print(f"  evaluate(full) / evaluate(half)          {result['linear']:8.2f}  (2.0 = linear)")


if __name__ == "__main__":
    main()
