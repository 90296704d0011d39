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
                    memory: int = 100 * 2**20) -> WorkloadResult:
    workload = Workload(name, tasks=100_000, updates=1_000_000, plans=200)
    return WorkloadResult(workload, Tree(10_211, 1_001, 155_600_000), seconds(parse), seconds(validate),
                          seconds(check, memory), seconds(check * 1.5), seconds(jsonschema))


def site_result(tasks: int, ours: float, plain: float, total_bytes: int, page_bytes: int) -> SiteResult:
    return SiteResult(tasks, seconds(ours), seconds(plain), total_bytes, tasks, page_bytes * tasks, total_bytes // 2)
