"""A deterministic synthetic policy tree for the benchmarks.

    python -m benchmarks.generate OUT_DIR [--tasks 10000] [--plans 10] [--updates-per-task 1]

The same arguments always produce byte-identical files (no randomness, no clock), so timings can be
compared across commits. The tree is valid: `plancheck validate OUT_DIR/policy` exits 0, and it
exercises the same paths the real data does (milestones, quantities, groups, project rows, progress
updates with counts and forecasts, indicator observations).
"""

from __future__ import annotations

import argparse
import shutil
from datetime import date, timedelta
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
COUNTIES = 20
DEPARTMENTS = 30
START = date(2023, 1, 1)


def _organizations(plans: int) -> str:
    # The office reports on every plan, so it must oversee them all (PC402 otherwise).
    overseen = ", ".join(f"synth-{plan:02d}" for plan in range(plans))
    lines = [
        "# yaml-language-server: $schema=../../schemas/organizations.schema.json",
        "jurisdiction: {id: synth, name: 合成市, province: 示例省}",
        "organizations:",
        "  - {id: synth-office, name: 合成市大气污染防治工作领导小组办公室, kind: leading_group_office,",
        f"     oversees: [{overseen}]}}",
    ]
    lines += [f"  - {{id: dept-{i:02d}, name: 合成市第{i}局, kind: department}}" for i in range(DEPARTMENTS)]
    lines += [f"  - {{id: county-{i:02d}, name: 第{i}县人民政府, kind: county}}" for i in range(COUNTIES)]
    lines += ["groups:", "  - id: synth-counties", "    name: 各县人民政府", "    members:"]
    lines += [f"      - county-{i:02d}" for i in range(COUNTIES)]
    return "\n".join(lines) + "\n"


def _task(plan: int, index: int) -> str:
    deadline = START + timedelta(days=30 + (index * 7) % 700)
    wording = f"{deadline.year}年{deadline.month}月{deadline.day}日"
    lead, cooperating = f"dept-{index % DEPARTMENTS:02d}", f"dept-{(index + 1) % DEPARTMENTS:02d}"
    text = f"""\
  - id: t{index:05d}
    kind: task
    number: "{index + 1}"
    title: 推进第{index + 1}项重点行业深度治理
    lead: [{lead}]
    cooperating: [{cooperating}]
    responsible: [county-{index % COUNTIES:02d}]
    schedule: {{kind: deadline, text: {wording}, deadline: {deadline.isoformat()}}}
    quantities:
      - {{id: projects, text: 完成{index % 50 + 10}项工程, unit: 项, comparison: at_least, value: {index % 50 + 10}}}
    source: {{row: {index + 1}}}
"""
    if index % 4 == 0:
        milestone = min(deadline - timedelta(days=20), START + timedelta(days=119))
        text += f"""\
    milestones:
      - {{id: m1, text: 阶段节点完成率不低于75%, date: {milestone.isoformat()}, share: 0.75}}
"""
    return text


def _plan(plan: int, tasks: int) -> str:
    header = f"""\
# yaml-language-server: $schema=../../schemas/plan.schema.json
id: synth-{plan:02d}
title: 合成市第{plan}号大气污染综合治理工作方案
kind: annual_work_plan
jurisdiction: synth
document: {{number: 合气领办〔2023〕{plan}号, issuer: synth-office, issued: 2023-01-01}}
period: {{start: 2023-01-01, end: 2024-12-31}}
default_responsible: {{units: [synth-counties], text: 以下均需各县人民政府落实，不再一一列出}}
indicators:
  - id: pm25
    name: 细颗粒物（PM2.5）浓度
    unit: 微克/立方米
    direction: at_most
    baseline: {{year: 2022, value: 50, text: "50"}}
    target: {{year: 2024, kind: absolute, value: 42, text: "42"}}
    source: {{table: 主要指标表, row: 1}}
tasks:
"""
    return header + "".join(_task(plan, index) for index in range(tasks))


def _report(plan: int, tasks: int, day: int, per_task: int) -> str:
    reported = START + timedelta(days=60 + day * 90)
    lines = [
        "# yaml-language-server: $schema=../../../schemas/progress.schema.json",
        "reporter: synth-office",
        f"date: {reported.isoformat()}",
        f"source: {{title: 合成市工作动态第{day + 1}期, date: {reported.isoformat()}}}",
        "updates:",
    ]
    for index in range(day % per_task, tasks, per_task):
        total = index % 50 + 10
        done = min(total, (day + 1) * total // 4)
        status = "done" if done == total else "in_progress"
        lines.append(
            f"  - {{task: synth-{plan:02d}/t{index:05d}, status: {status}, done: {done}, total: {total}, "
            f"count_unit: 项, quote: 已完成{done}项。}}"
        )
    lines += [
        "observations:",
        f"  - {{indicator: synth-{plan:02d}/pm25, period: {{year: 2023, through_month: {reported.month - 1}}}, "
        "value: 46, quote: PM2.5浓度46。}",
    ]
    return "\n".join(lines) + "\n"


def generate(out: Path, tasks: int = 10_000, plans: int = 10, reports_per_plan: int = 3) -> Path:
    """Writes OUT/policy and OUT/schemas; returns OUT/policy."""
    if out.exists():
        shutil.rmtree(out)
    policy = out / "policy"
    (policy / "organizations").mkdir(parents=True)
    (policy / "plans").mkdir()
    (policy / "progress" / "synth-office").mkdir(parents=True)
    shutil.copytree(REPOSITORY / "schemas", out / "schemas")
    (policy / "organizations" / "synth.yaml").write_text(_organizations(plans), encoding="utf-8")
    per_plan = tasks // plans
    for plan in range(plans):
        (policy / "plans" / f"synth-{plan:02d}.yaml").write_text(_plan(plan, per_plan), encoding="utf-8")
        for day in range(reports_per_plan):
            report = _report(plan, per_plan, day, reports_per_plan)
            name = f"{(START + timedelta(days=60 + day * 90)).isoformat()}-synth-{plan:02d}.yaml"
            (policy / "progress" / "synth-office" / name).write_text(report, encoding="utf-8")
    return policy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--plans", type=int, default=10)
    args = parser.parse_args()
    policy = generate(args.out, args.tasks, args.plans)
    size = sum(path.stat().st_size for path in policy.rglob("*.yaml"))
    print(f"{policy}: {args.tasks} tasks, {size / 1e6:.1f} MB of YAML")


if __name__ == "__main__":
    main()
