"""The scale workloads are the issue's sizes, and the measuring machinery runs end to end on a tiny one."""

from __future__ import annotations

import pytest

from benchmarks.scale_doc import render
from benchmarks.workloads import WORKLOADS, Workload, WorkloadResult, batches, measure_workload
from tests.benchmarks.samples import MACHINE


def test_the_workloads_are_the_sizes_of_the_issue() -> None:
    """City 2,000 + 20,000, province 20,000 + 200,000, national 100,000 + 1,000,000, ~50-200 updates a file."""
    sizes = {name: (workload.tasks, workload.updates) for name, workload in WORKLOADS.items()}
    assert sizes == {"city": (2_000, 20_000), "province": (20_000, 200_000), "national": (100_000, 1_000_000)}
    for workload in WORKLOADS.values():
        assert workload.tasks % workload.plans == 0
        assert 50 <= workload.updates_per_file <= 200


def test_batches_stay_under_the_argument_limit() -> None:
    """check-jsonschema gets as many files per call as the command line holds, in order."""
    names = [f"file-{index:03d}.yaml" for index in range(100)]
    groups = batches(names, 200)
    assert [name for group in groups for name in group] == names
    assert all(sum(len(name) + 1 for name in group) <= 200 for group in groups)
    assert batches(names, 10_000) == [names]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> WorkloadResult:
    workload = Workload("tiny", tasks=20, updates=50, plans=2, updates_per_file=5)
    return measure_workload(workload, tmp_path_factory.mktemp("scale"), repeat=1)


@pytest.mark.slow
def test_every_command_is_measured_on_a_tiny_workload(tiny: WorkloadResult) -> None:
    """Every command ran once and was measured; the PR check edited one progress file."""
    for measurement in (tiny.parse, tiny.parse_paused, tiny.validate, tiny.check, tiny.check_json, tiny.jsonschema,
                        tiny.ci_validate, tiny.ci_check, tiny.pr_check):
        assert measurement.runs == 1 and not measurement.timed_out
        assert measurement.seconds > 0 and measurement.max_rss_bytes > 0
    assert tiny.checker.seconds == tiny.ci_validate.seconds + tiny.ci_check.seconds
    assert tiny.uncached.seconds == tiny.validate.seconds + tiny.check.seconds
    # 1 registry + 2 plans + 3 rounds x (4 departments + 1 office report)
    assert (tiny.tree.files, tiny.tree.unit_folders) == (18, 5)


@pytest.mark.slow
def test_the_tables_are_produced_from_a_measured_run(tiny: WorkloadResult) -> None:
    """The generated block holds a row per workload in every table and a verdict per target."""
    block = render(MACHINE, "python -m benchmarks.scale", [tiny], [])
    assert block.count("| tiny |") == 4
    assert "| 20 | 50 | 2 | 18 | 5 |" in block
    assert "| validate + check (CI order: cache empty, then filled) ≤ 1.5× bare libyaml parse | tiny " in block
