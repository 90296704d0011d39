"""Scale and speed at city, province and national size, with ratios against peers measured in the same run.

    python -m benchmarks.scale [--workloads city,province,national] [--sites 1000,5000]
                               [--repeat 5] [--repeat national=1] [--timeout 1200] [--output docs/dev/benchmarks.md]
                               [--save run.json | --render run.json]

Generates each workload's tree under a temporary folder (in /tmp unless --scratch says otherwise),
runs `plancheck validate`, `plancheck check`, a bare libyaml parse and check-jsonschema on it in
child processes, builds the site against a plain MkDocs site, and rewrites the generated block of
--output with medians, peak memory and the targets met or missed. Never pass/fail.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.scale_doc import Machine, render, replace_block
from benchmarks.scale_results import ScaleRun
from benchmarks.site_compare import measure_site
from benchmarks.workloads import WORKLOADS, measure_workload

REPOSITORY = Path(__file__).resolve().parent.parent
SKELETON = """\
# Benchmarks: scale and speed

Developer document (English; not part of the public site). The tables are written by
`python -m benchmarks.scale`; the text outside them is not.

{generated}
"""


def repeat_counts(values: Sequence[str], names: Sequence[str], default: int = 5) -> dict[str, int]:
    """`--repeat 5 --repeat national=1`: a plain number for all, NAME=N for one workload or site size."""
    counts = dict.fromkeys(names, default)
    for value in values:
        name, _, number = value.rpartition("=")
        if name and name not in counts:
            raise argparse.ArgumentTypeError(f"--repeat {value}: no workload or site size called {name}")
        for key in [name] if name else names:
            counts[key] = int(number)
    return counts


def revision() -> str:
    """The commit measured, and whether checker/ differs from it (another engineer may be editing it)."""
    commit = _git("rev-parse", "--short", "HEAD") or "unknown revision"
    return commit + (" with uncommitted changes in checker/" if _git("status", "--porcelain", "--", "checker") else "")


def machine(load_before: float, revision_before: str) -> Machine:
    model = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    revision_after = revision()
    if revision_after != revision_before:
        revision_after = f"{revision_before} at the start and {revision_after} at the end (it changed during the run)"
    return Machine(
        cpus=os.cpu_count() or 0, cpu_model=model,
        memory_bytes=os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"),
        python=platform.python_version(), system=f"{platform.system()} {platform.release()}",
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), revision=revision_after,
        load_before=load_before, load_after=os.getloadavg()[0],
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _git(*argv: str) -> str:
    result = subprocess.run(["git", *argv], cwd=REPOSITORY, capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workloads", default="city,province,national", help="comma-separated; '' for none")
    parser.add_argument("--sites", default="1000,5000", help="task counts of the site builds; '' for none")
    parser.add_argument("--repeat", action="append", default=[], metavar="N|NAME=N",
                        help="runs per median (default 5); NAME=N for one workload or site size, e.g. national=1")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds before one command is stopped")
    parser.add_argument("--output", type=Path, default=REPOSITORY / "docs" / "dev" / "benchmarks.md")
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()), help="where trees are generated")
    parser.add_argument("--save", type=Path, default=None, metavar="JSON", help="also keep the measurements here")
    parser.add_argument("--render", type=Path, default=None, metavar="JSON",
                        help="write the tables of a saved run instead of measuring")
    return parser


def measure_all(args: argparse.Namespace, arguments: Sequence[str]) -> ScaleRun:
    workloads = [WORKLOADS[name] for name in args.workloads.split(",") if name]
    sites = [int(tasks) for tasks in args.sites.split(",") if tasks]
    repeats = repeat_counts(args.repeat, [w.name for w in workloads] + [f"site-{tasks}" for tasks in sites])
    load_before, revision_before = os.getloadavg()[0], revision()

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="plancheck-scale-", dir=args.scratch) as scratch:
        results = [measure_workload(w, Path(scratch), repeats[w.name], args.timeout, progress) for w in workloads]
        site_results = [
            measure_site(tasks, Path(scratch), repeats[f"site-{tasks}"], args.timeout, progress) for tasks in sites
        ]
    command = " ".join(["python -m benchmarks.scale", *arguments])
    return ScaleRun(command, machine(load_before, revision_before), results, site_results)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(arguments)
    if args.render is not None:
        run = ScaleRun.from_json(args.render.read_text(encoding="utf-8"))
    else:
        run = measure_all(args, arguments)
        if args.save is not None:
            args.save.write_text(run.to_json(), encoding="utf-8")
    block = render(run.machine, run.command, run.workloads, run.sites)
    existing = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    args.output.write_text(replace_block(existing, block, SKELETON), encoding="utf-8")
    print(block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
