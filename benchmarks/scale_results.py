"""One run of `benchmarks.scale` as JSON, so its tables can be rendered again without measuring again."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from benchmarks.child import Measurement
from benchmarks.scale_doc import Machine
from benchmarks.site_compare import SiteResult
from benchmarks.workloads import Tree, Workload, WorkloadResult

_MEASURED = ("parse", "parse_paused", "validate", "check", "check_json", "jsonschema", "ci_validate", "ci_check",
             "pr_check")


@dataclass(frozen=True)
class ScaleRun:
    command: str
    machine: Machine
    workloads: list[WorkloadResult]
    sites: list[SiteResult]

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ScaleRun:
        data = json.loads(text)
        return cls(data["command"], Machine(**data["machine"]), [_workload(item) for item in data["workloads"]],
                   [_site(item) for item in data["sites"]])


def _workload(data: dict[str, Any]) -> WorkloadResult:
    measured = {name: Measurement(**data[name]) for name in _MEASURED}
    return WorkloadResult(Workload(**data["workload"]), Tree(**data["tree"]), **measured)


def _site(data: dict[str, Any]) -> SiteResult:
    return SiteResult(**{**data, "ours": Measurement(**data["ours"]), "plain": Measurement(**data["plain"])})
