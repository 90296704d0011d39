"""City, province and national workloads: the checker against a bare parse and check-jsonschema.

Every command runs in a fresh child process on the same generated tree (`benchmarks.child`), in
rounds: each round runs every command once, so a burst of load on a shared machine hits all of
them alike and the ratios stay meaningful even when the seconds do not.
"""

from __future__ import annotations

import itertools
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.child import Measurement, Run, run_once
from benchmarks.generate import generate

AS_OF = "2024-01-01"  # after the last generated report, so every update counts
BIN = Path(sys.executable).parent
BARE_PARSE = Path(__file__).resolve().with_name("bare_parse.py")
MAX_ARGUMENT_BYTES = 1_000_000  # below Linux's ARG_MAX (2 MB with the default 8 MB stack)
SCHEMAS = (("organizations", "organizations/*.yaml"), ("plan", "plans/*.yaml"), ("progress", "progress/*/*.yaml"))


@dataclass(frozen=True)
class Workload:
    name: str
    tasks: int
    updates: int
    plans: int  # 500 tasks per plan: a large annual work plan, well under the 8 MB file limit
    updates_per_file: int = 100


WORKLOADS = {
    workload.name: workload
    for workload in (
        Workload("city", tasks=2_000, updates=20_000, plans=4),
        Workload("province", tasks=20_000, updates=200_000, plans=40),
        Workload("national", tasks=100_000, updates=1_000_000, plans=200),
    )
}


@dataclass(frozen=True)
class Tree:
    files: int
    unit_folders: int
    yaml_bytes: int

    @classmethod
    def of(cls, policy: Path) -> Tree:
        files = sorted(policy.rglob("*.yaml"))
        folders = [path for path in (policy / "progress").iterdir() if path.is_dir()]
        return cls(len(files), len(folders), sum(path.stat().st_size for path in files))


@dataclass(frozen=True)
class WorkloadResult:
    """Medians of each command. Without the parse cache (`--no-cache`) every command reads every file;
    `ci_*` is the order CI runs them on a fresh checkout (cache empty, `validate` fills it, `check` reuses
    it); `pr_check` is `check` after one progress file changed, with the rest of the cache warm."""

    workload: Workload
    tree: Tree
    parse: Measurement
    parse_paused: Measurement
    validate: Measurement
    check: Measurement
    check_json: Measurement
    jsonschema: Measurement
    ci_validate: Measurement
    ci_check: Measurement
    pr_check: Measurement

    @property
    def uncached(self) -> Measurement:
        """`plancheck validate` then `plancheck check`, each reading every file."""
        return Measurement.total([self.validate, self.check])

    @property
    def checker(self) -> Measurement:
        """`plancheck validate` then `plancheck check` (text report) on a fresh checkout, as CI runs them."""
        return Measurement.total([self.ci_validate, self.ci_check])


def commands(policy: Path) -> dict[str, Callable[[float | None], Run]]:
    """What is measured, in the order of a round, each a function of the timeout."""
    root = policy.parent
    plancheck = str(BIN / "plancheck")
    validate = [plancheck, "validate", "policy", "--as-of", AS_OF, "--format", "text"]
    check = [plancheck, "check", "policy", "--as-of", AS_OF, "--fail-on", "never", "--format"]
    cache = ["--cache-dir", str(root.parent / f"{root.name}-cache")]  # outside the tree, as the default is
    changed = _pr_file(policy)
    original = changed.read_text(encoding="utf-8")
    rounds = itertools.count(1)

    def fresh_checkout(timeout: float | None) -> Run:
        shutil.rmtree(cache[1], ignore_errors=True)
        return run_once([*validate, *cache], root, timeout=timeout)

    def one_file_changed(timeout: float | None) -> Run:
        changed.write_text(original.replace("quote: ", f"quote: 第{next(rounds)}次复核，", 1), encoding="utf-8")
        return run_once([*check, "text", *cache], root, timeout=timeout)

    return {
        "parse": lambda timeout: run_once([sys.executable, str(BARE_PARSE), "policy"], root, timeout=timeout),
        "parse_paused": lambda timeout: run_once([sys.executable, str(BARE_PARSE), "--pause-gc", "policy"], root,
                                                 timeout=timeout),
        "validate": lambda timeout: run_once([*validate, "--no-cache"], root, timeout=timeout),
        "check": lambda timeout: run_once([*check, "text", "--no-cache"], root, timeout=timeout),
        "check_json": lambda timeout: run_once([*check, "json", "--no-cache"], root, timeout=timeout),
        "jsonschema": lambda timeout: _check_jsonschema(root, timeout),
        "ci_validate": fresh_checkout,
        "ci_check": lambda timeout: run_once([*check, "text", *cache], root, timeout=timeout),
        "pr_check": one_file_changed,
    }


def _pr_file(policy: Path) -> Path:
    """The progress file a one-file pull request edits: the newest report of the last unit folder."""
    return sorted((policy / "progress").glob("*/*.yaml"))[-1]


def _check_jsonschema(root: Path, timeout: float | None) -> Run:
    """check-jsonschema once per schema with all its files (split only to fit the argument limit)."""
    runs = []
    for schema, pattern in SCHEMAS:
        files = sorted(str(path.relative_to(root)) for path in (root / "policy").glob(pattern))
        for batch in batches(files, MAX_ARGUMENT_BYTES):
            argv = [str(BIN / "check-jsonschema"), "--schemafile", f"schemas/{schema}.schema.json", *batch]
            runs.append(run_once(argv, root, timeout=timeout))
    return Run(sum(run.seconds for run in runs), sum(run.cpu_seconds for run in runs),
               max(run.max_rss_bytes for run in runs), any(run.timed_out for run in runs))


def batches(items: Sequence[str], limit: int) -> list[list[str]]:
    """Consecutive groups whose total length (plus a separator each) stays within limit."""
    groups: list[list[str]] = [[]]
    size = 0
    for item in items:
        if groups[-1] and size + len(item) + 1 > limit:
            groups.append([])
            size = 0
        groups[-1].append(item)
        size += len(item) + 1
    return [group for group in groups if group]


def measure_workload(workload: Workload, scratch: Path, repeat: int, timeout: float | None = None,
                     progress: Callable[[str], None] = lambda _: None) -> WorkloadResult:
    """Generate the workload's tree under scratch and measure every command repeat times."""
    policy = generate(scratch / workload.name, workload.tasks, workload.plans, updates=workload.updates,
                      updates_per_file=workload.updates_per_file)
    tree = Tree.of(policy)
    progress(f"{workload.name}: {tree.files} files, {tree.yaml_bytes / 1e6:.1f} MB generated")
    measured_commands = commands(policy)
    runs: dict[str, list[Run]] = {name: [] for name in measured_commands}
    for round_ in range(repeat):
        for name, command in measured_commands.items():
            if runs[name] and runs[name][-1].timed_out:
                continue
            runs[name].append(command(timeout))
            progress(f"{workload.name} round {round_ + 1}/{repeat}: {name} {runs[name][-1].seconds:.2f} s")
    measured = {name: Measurement.of(items) for name, items in runs.items()}
    return WorkloadResult(workload, tree, **measured)
