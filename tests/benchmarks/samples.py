"""Made-up measurements for the pure parts of the benchmark report."""

from __future__ import annotations

from benchmarks.child import Measurement
from benchmarks.scale_doc import Machine
from benchmarks.site_compare import SiteResult
from benchmarks.workloads import Tree, Workload, WorkloadResult

MACHINE = Machine(cpus=2, cpu_model="Test CPU", memory_bytes=8 * 2**30, python="3.11.7", system="Linux 6",
                  date="2026-01-02 03:04 UTC", revision="abc1234", load_before=0.5, load_after=1.5)


def seconds(value: float, memory: int = 100 * 2**20, runs: int = 5) -> Measurement:
    return Measurement(value, value, memory, runs)


def workload_result(name: str, parse: float, validate: float, check: float, jsonschema: float, *,
                    memory: int = 100 * 2**20, pr_check: float = 0.5) -> WorkloadResult:
    """Without the cache validate and check take twice what they take in CI order."""
    workload = Workload(name, tasks=100_000, updates=1_000_000, plans=200)
    return WorkloadResult(workload, Tree(10_211, 1_001, 155_600_000), parse=seconds(parse),
                          parse_paused=seconds(parse / 2), validate=seconds(validate * 2),
                          check=seconds(check * 2, memory), check_json=seconds(check * 3),
                          jsonschema=seconds(jsonschema),
                          ci_validate=seconds(validate), ci_check=seconds(check, memory), pr_check=seconds(pr_check))


def site_result(tasks: int, ours: float, plain: float, total_bytes: int, page_bytes: int) -> SiteResult:
    return SiteResult(tasks, seconds(ours), seconds(plain), total_bytes, tasks, page_bytes * tasks, total_bytes // 2)
