"""Site build time, size and bytes per task page, on the synthetic tree; medians, never pass/fail.

    python -m benchmarks.site [--tasks 1000] [--repeat 3]

Runs `mkdocs build --strict` as a maintainer would, on the bundled data (the reference, measured in
the same run) and on a synthetic tree of --tasks tasks. Task pages are kept out of the navigation;
if they were listed, each page would carry the whole navigation and bytes per task page would grow
with the number of tasks (measured on this project's issue: 320 KB per page at 1,000 tasks listed,
10 KB when not listed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate

REPOSITORY = Path(__file__).resolve().parent.parent


def build(policy: Path | None, destination: Path, as_of: str) -> float:
    env = {**os.environ, "PLANCHECK_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1"}
    if policy is not None:
        env["PLANCHECK_POLICY"] = str(policy)
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q", "-d", str(destination)],
                   cwd=REPOSITORY, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def size(directory: Path, pattern: str = "*") -> tuple[int, int]:
    files = [path for path in directory.rglob(pattern) if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        policy = generate(root / "tree", args.tasks, plans=max(1, args.tasks // 1000))
        reference = statistics.median(build(None, root / "ref", "2025-10-23") for _ in range(args.repeat))
        synthetic = statistics.median(build(policy, root / "site", "2023-10-01") for _ in range(args.repeat))
        pages, total = size(root / "site")
        task_pages, task_bytes = size(root / "site" / "tasks", "*.html")
        ref_pages, ref_total = size(root / "ref")
    print(f"mkdocs build --strict, median of {args.repeat} runs")
    print(f"  reference (bundled data): {reference:6.1f} s, {ref_pages} files, {ref_total / 1e6:.1f} MB")
    print(f"  synthetic {args.tasks} tasks:   {synthetic:6.1f} s ({synthetic / reference:.2f}x reference), "
          f"{pages} files, {total / 1e6:.1f} MB")
    print(f"  task pages: {task_pages}, {task_bytes / max(task_pages, 1) / 1e3:.1f} KB per page")


if __name__ == "__main__":
    main()
