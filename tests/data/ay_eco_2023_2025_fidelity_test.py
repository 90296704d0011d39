"""Fidelity tests for the encoding of 安阳市推动生态环境质量稳定向好三年行动计划(2023—2025年).

Every expected value below was read off the source document (seed 003_b280fa0035bfd226.txt), not
off the encoding, so a dropped task, a wrong unit or a mistyped number or date makes a test fail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

PLAN_FILE = "plans/ay-eco-2023-2025.yaml"

C = ("ay-counties",)
RC = ("ay-relevant-counties",)
LTY = ("ay-linzhou", "ay-tangyin", "ay-yindu")
PP = None  # no date stated: kind plan_period

# number: (lead, cooperating, responsible, deadline or None for plan_period, section)
TASKS: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None, str]] = {
    1: (("ay-ecology",), ("ay-eco-committee-members",), C, "2025-12-31", "三（一）"),
    2: (
        ("ay-industry", "ay-drc", "ay-ecology", "ay-natural-resources"),
        ("ay-emergency", "ay-hrss", "ay-finance", "ay-financial-work", "ay-housing"),
        LTY,
        PP,
        "三（二）",
    ),
    3: (("ay-industry",), ("ay-drc", "ay-ecology"), LTY, "2024-12-31", "三（二）"),
    4: (("ay-ecology",), (), LTY, PP, "三（二）"),
    5: (
        ("ay-industry", "ay-urban", "ay-housing", "ay-transport"),
        (
            "ay-ecology",
            "ay-finance",
            "ay-commerce",
            "ay-affairs",
            "ay-postal",
            "ay-culture-tourism",
            "ay-railway",
            "ay-caac-henan",
        ),
        C,
        "2025-12-31",
        "三（三）",
    ),
    6: (
        ("ay-drc", "ay-transport"),
        ("ay-natural-resources", "ay-ecology", "ay-railway"),
        RC,
        "2025-12-31",
        "三（三）",
    ),
    7: (("ay-drc",), (), C, "2025-12-31", "三（四）"),
    8: (("ay-drc", "ay-ecology"), ("ay-industry",), C, "2024-12-31", "三（四）"),
    9: (("ay-ecology",), ("ay-drc", "ay-industry", "ay-transport"), C, "2025-09-30", "三（五）"),
    10: (("ay-ecology",), ("ay-industry",), C, PP, "三（五）"),
    11: (("ay-drc", "ay-industry", "ay-ecology"), (), C, "2025-12-31", "三（五）"),
    12: (
        ("ay-industry",),
        ("ay-drc", "ay-ecology", "ay-emergency", "ay-market"),
        RC,
        PP,
        "三（五）",
    ),
    13: (
        ("ay-ecology", "ay-urban", "ay-transport"),
        (),
        ("ay-anyang-county", "ay-wenfeng", "ay-beiguan", "ay-yindu", "ay-longan"),
        PP,
        "三（六）",
    ),
    14: (("ay-urban", "ay-housing", "ay-transport"), (), RC, "2024-12-31", "三（六）"),
    15: (("ay-urban", "ay-housing", "ay-transport"), (), RC, "2024-12-31", "三（六）"),
    16: (("ay-market",), (), C, PP, "三（六）"),
    17: (("ay-agriculture",), ("ay-finance", "ay-ecology"), C, PP, "三（六）"),
    18: (
        ("ay-police",),
        ("ay-emergency", "ay-transport", "ay-urban", "ay-market", "ay-ecology", "ay-supply-coop"),
        C,
        PP,
        "三（六）",
    ),
    19: (("ay-ecology",), (), C, PP, "三（六）"),
    20: (
        ("ay-housing", "ay-ecology"),
        ("ay-drc", "ay-water", "ay-agriculture"),
        C,
        "2025-12-31",
        "三（七）",
    ),
    21: (
        ("ay-housing", "ay-ecology"),
        ("ay-finance", "ay-agriculture"),
        C,
        "2025-12-31",
        "三（七）",
    ),
    22: (
        ("ay-water", "ay-ecology"),
        ("ay-finance", "ay-natural-resources", "ay-forestry"),
        C,
        "2025-12-31",
        "三（八）",
    ),
    23: (
        (
            "ay-ecology",
            "ay-finance",
            "ay-natural-resources",
            "ay-housing",
            "ay-water",
            "ay-forestry",
        ),
        (),
        C,
        "2025-12-31",
        "三（八）",
    ),
    24: (("ay-natural-resources", "ay-ecology"), (), C, "2025-12-31", "三（八）"),
    25: (
        ("ay-ecology", "ay-housing", "ay-agriculture"),
        ("ay-natural-resources", "ay-water", "ay-finance"),
        ("ay-tangyin", "ay-wenfeng", "ay-yindu", "ay-longan"),
        "2025-12-31",
        "三（九）",
    ),
    26: (("ay-agriculture",), ("ay-water", "ay-ecology"), C, "2025-12-31", "三（十）"),
    27: (
        ("ay-agriculture",),
        ("ay-ecology", "ay-housing", "ay-water", "ay-finance"),
        C,
        "2025-12-31",
        "三（十）",
    ),
    28: (
        ("ay-industry", "ay-housing", "ay-ecology", "ay-drc", "ay-relevant-departments"),
        (),
        ("ay-relevant-departments", "ay-counties"),
        PP,
        "三（十一）",
    ),
    29: (
        ("ay-drc", "ay-natural-resources", "ay-ecology", "ay-housing", "ay-water", "ay-relics"),
        (),
        C,
        PP,
        "三（十一）",
    ),
    30: (("ay-ecology",), ("ay-police", "ay-finance", "ay-market"), C, "2023-12-31", "三（十二）"),
    31: (("ay-ecology",), ("ay-finance",), C, "2025-12-31", "三（十二）"),
    32: (("ay-ecology",), ("ay-emergency-command-members",), C, PP, "三（十二）"),
}

TITLES = {
    1: "推进空气质量排名进位",
    2: "加快钢铁行业整合升级",
    3: "加快钢铁落后产能淘汰",
    4: "积极推进钢铁深度治理",
    5: "大力推广新能源汽车",
    6: "加快工矿企业、机场、物流园区铁路专用线建设",
    7: "大力发展清洁能源",
    8: "优化煤电项目布局",
    9: "推进重点行业超低排放改造",
    10: "持续推进重点行业“协商减排”",
    11: "开展传统产业集群升级改造",
    12: "加快淘汰落后低效产能",
    13: "加强重点区域精细化管理",
    14: "实现城区修复、养护施工项目“动态清零”",
    15: "实现重点区域内零散工地清零",
    16: "巩固散煤“动态清零”成果",
    17: "持续强化禁烧工作",
    18: "持续加强烟花爆竹管理",
    19: "加强高值热点问题溯源整改",
    20: "推进黑臭水体治理",
    21: "提升城乡污水处理成效",
    22: "建设美丽幸福河湖",
    23: "加强重点河湖保护治理",
    24: "推进矿山生态保护治理",
    25: "加强南水北调水环境保护",
    26: "加强农业节水和面源污染防治",
    27: "推进农村人居环境整治提升",
    28: "抓好突出问题整改",
    29: "开展常态化排查整治",
    30: "全面提升监测监控能力",
    31: "持续提升监督执法能力",
    32: "巩固提升应急处置能力",
}

# (task number, milestone date, a phrase its text must contain)
MILESTONES = [
    (9, "2024-12-31", "焦化企业有组织和无组织超低排放改造"),
    (11, "2024-12-31", "建立挥发性有机物管控平台"),
    (21, "2023-12-31", "乡镇政府驻地基本实现生活污水处理设施全覆盖"),
    (22, "2023-10-31", "入河排污口溯源"),
    (22, "2024-12-31", "入河排污口70%整治任务"),
    (30, "2023-10-31", "乡镇空气站升级改造"),
    (31, "2023-12-31", "市级执法机构达标"),
    (31, "2024-12-31", "县级执法机构大气、水等领域常用执法装备达标"),
]

# (task number, value, unit, comparison, a phrase the quantity text must contain)
QUANTITIES = [
    (4, 25, "%", "at_least", "烟气循环率不得低于25%"),
    (5, 100, "%", "at_least", "新能源化比例达到100%"),
    (6, 10, "个百分点", "at_least", "较2022年下降10个百分点"),
    (6, 80, "%", "at_least", "清洁运输比例达到80%以上"),
    (7, 16, "%", "at_least", "非化石能源消费占比提高到16%以上"),
    (7, 570, "万千瓦", "at_least", "570万千瓦以上"),
    (13, 2, "级", "at_most", "优于2级"),
    (13, 3, "级", "at_most", "优于3级"),
    (17, 93, "%", "at_least", "秸秆综合利用率达到93%以上"),
    (17, 0, "个", "at_most", "零火点"),
    (21, 70, "%", "at_least", "力争达到70%以上"),
    (21, 5, "个百分点", "at_least", "在2020年基础上提高5个百分点以上"),
    (21, 90, "%", "at_least", "高于100毫克/升的城市生活污水处理厂占比达到90%以上"),
    (22, 8, "条", "at_least", "建成8条省级、市级、县级美丽河湖"),
    (23, 9, "公里", "at_least", "缓冲带修复长度9公里"),
    (23, 1.5, "平方公里", "at_least", "面积1.5平方公里"),
    (23, 90, "%", "at_least", "生态流量达标率达到90%以上"),
    (24, 7095, "亩", "at_least", "7095亩历史遗留矿山"),
    (26, 43, "%", "at_least", "化肥利用率达到43%以上"),
    (26, 55, "%", "at_least", "绿色防控率达到55%以上"),
    (26, 45, "%", "at_least", "统防统治率达到45%以上"),
    (26, 83, "%", "at_least", "畜禽粪污综合利用率达到83%以上"),
    (26, 90, "%", "at_least", "农膜回收率达到90%以上"),
    (27, 44, "%", "at_least", "农村生活污水治理率达到44%"),
]


@pytest.fixture(scope="module")
def plan(load_policy: Callable[[str], Any]) -> dict[str, Any]:
    """The encoded plan as plain data."""
    loaded: dict[str, Any] = load_policy(PLAN_FILE)
    return loaded


def _task(plan: dict[str, Any], number: int) -> dict[str, Any]:
    matches: list[dict[str, Any]] = [t for t in plan["tasks"] if t.get("number") == str(number)]
    assert len(matches) == 1, f"task {number}: {len(matches)} entries"
    return matches[0]


def _indicator(plan: dict[str, Any], ident: str) -> dict[str, Any]:
    matches: list[dict[str, Any]] = [i for i in plan["indicators"] if i["id"] == ident]
    assert len(matches) == 1, ident
    return matches[0]


def test_header(plan: dict[str, Any]) -> None:
    """Pins plan id, verbatim title (half-width parentheses), issuer, date, period and no number."""
    assert plan["id"] == "ay-eco-2023-2025"
    assert plan["title"] == "安阳市推动生态环境质量稳定向好三年行动计划(2023—2025年)"
    assert plan["kind"] == "action_plan"
    assert plan["jurisdiction"] == "anyang"
    document = plan["document"]
    assert document["issuer"] == "ay-gov"
    assert document["issued"] == "2023-10-11"
    assert document["source_file"] == "003_b280fa0035bfd226.txt"
    assert "number" not in document
    assert plan["period"] == {"start": "2023-01-01", "end": "2025-12-31", "text": "2023—2025年"}
    assert "default_responsible" not in plan


def test_sections(plan: dict[str, Any]) -> None:
    """Pins the twelve action headings of section 三 in order."""
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    titles = [
        "空气质量提升进位行动",
        "钢铁行业高质量发展提升行动",
        "移动源减排行动",
        "能源绿色低碳发展行动",
        "工业行业升级改造行动",
        "面源污染防治提升行动",
        "黑臭水体消除行动",
        "美丽幸福河湖建设行动",
        "南水北调水质安全保障行动",
        "农业绿色发展及农村人居环境整治行动",
        "生态环境突出问题整治行动",
        "环境监管能力提升行动",
    ]
    assert [(s["number"], s["title"]) for s in plan["sections"]] == [
        (f"三（{n}）", t) for n, t in zip(numerals, titles, strict=True)
    ]


def test_exactly_32_tasks_in_order(plan: dict[str, Any]) -> None:
    """Pins that there are exactly 32 tasks t01…t32 numbered 1…32 in document order."""
    tasks = plan["tasks"]
    assert len(tasks) == 32
    assert [t["number"] for t in tasks] == [str(n) for n in range(1, 33)]
    assert [t["id"] for t in tasks] == [f"t{n:02d}" for n in range(1, 33)]
    assert all(t["kind"] == "task" for t in tasks)


def test_every_task_has_lead_responsible_target_units_text(plan: dict[str, Any]) -> None:
    """Pins that every task names lead and responsible units and keeps target and units_text."""
    for task in plan["tasks"]:
        assert task["lead"], task["id"]
        assert task["responsible"], task["id"]
        assert task["target"], task["id"]
        assert task["units_text"].startswith("牵头"), task["id"]
        assert "责任单位:" in task["units_text"], task["id"]


@pytest.mark.parametrize("number", sorted(TITLES))
def test_task_titles(plan: dict[str, Any], number: int) -> None:
    """Pins each task's verbatim title."""
    assert _task(plan, number)["title"] == TITLES[number]


@pytest.mark.parametrize("number", sorted(TASKS))
def test_task_units_schedule_source(plan: dict[str, Any], number: int) -> None:
    """Pins each task's lead, cooperating and responsible ids, its deadline and its section."""
    lead, cooperating, responsible, deadline, section = TASKS[number]
    task = _task(plan, number)
    assert tuple(task["lead"]) == lead
    assert tuple(task.get("cooperating", [])) == cooperating
    assert tuple(task["responsible"]) == responsible
    schedule = task["schedule"]
    if deadline is None:
        assert schedule == {"kind": "plan_period"}
    else:
        assert schedule["kind"] == "deadline"
        assert schedule["deadline"] == deadline
    assert task["source"] == {"section": section, "row": number}


def test_deadline_wordings(plan: dict[str, Any]) -> None:
    """Pins the verbatim deadline wording of the dated tasks."""
    expected = {
        1: "到2025年年底",
        3: "2024年年底前",
        8: "2024年年底前",
        9: "2025年9月底前",
        14: "2024年年底前",
        15: "2024年年底前",
        22: "2025年年底前",
        30: "2023年12月底前",
        31: "2025年年底前",
    }
    for number in (5, 6, 7, 11, 20, 21, 23, 24, 25, 26, 27):
        expected[number] = "到2025年"
    for number, text in expected.items():
        assert _task(plan, number)["schedule"]["text"] == text, number


@pytest.mark.parametrize(("number", "date", "phrase"), MILESTONES)
def test_milestones(plan: dict[str, Any], number: int, date: str, phrase: str) -> None:
    """Pins every earlier dated sub-target as a milestone with its exact date."""
    milestones = _task(plan, number).get("milestones", [])
    assert any(m["date"] == date and phrase in m["text"] for m in milestones), (number, date)


def test_no_unexpected_milestones(plan: dict[str, Any]) -> None:
    """Pins the total number of milestones and which tasks carry them."""
    counts = {
        t["number"]: len(t.get("milestones", [])) for t in plan["tasks"] if t.get("milestones")
    }
    assert counts == {"9": 1, "11": 1, "21": 1, "22": 2, "30": 1, "31": 2}


def test_outfall_milestone_quantity(plan: dict[str, Any]) -> None:
    """Pins task 22's 2024 milestone as at least 70% of outfall rectification."""
    milestone = next(m for m in _task(plan, 22)["milestones"] if m["date"] == "2024-12-31")
    quantity = milestone["quantity"]
    assert (quantity["comparison"], quantity["value"], quantity["unit"]) == ("at_least", 70, "%")


@pytest.mark.parametrize("case", QUANTITIES, ids=lambda case: f"t{case[0]:02d}-{case[1]}")
def test_quantities(plan: dict[str, Any], case: tuple[int, float, str, str, str]) -> None:
    """Pins each numeric task target: value, unit and comparison next to its wording."""
    number, value, unit, comparison, phrase = case
    quantities = _task(plan, number).get("quantities", [])
    assert any(
        phrase in q["text"]
        and q["value"] == value
        and q["unit"] == unit
        and q["comparison"] == comparison
        for q in quantities
    ), (number, phrase)


def test_county_sewage_collection_increase(plan: dict[str, Any]) -> None:
    """Pins task 21's five-county target of +5 percentage points over 2020."""
    quantities = _task(plan, 21)["quantities"]
    county = [q for q in quantities if q["text"].startswith("林州市、安阳县、滑县、内黄县、汤阴县")]
    assert len(county) == 1
    assert (county[0]["value"], county[0]["unit"]) == (5, "个百分点")


def test_township_air_stations_sub_quotas(plan: dict[str, Any]) -> None:
    """Pins task 30's township air stations: 16/14/8/1/2 by county, 41 in all, due 2023-10-31."""
    task = _task(plan, 30)
    quantity = next(q for q in task["quantities"] if "sub_quotas" in q)
    parts = {s["text"]: s["value"] for s in quantity["sub_quotas"]}
    assert parts == {
        "林州市16个": 16,
        "滑县14个": 14,
        "内黄县8个": 8,
        "汤阴县1个": 1,
        "殷都区2个": 2,
    }
    assert quantity["value"] == 41 == sum(parts.values())
    assert quantity["unit"] == "个"
    milestone = next(m for m in task["milestones"] if m["date"] == "2023-10-31")
    assert milestone["quantity"]["value"] == 41


def test_main_target_values(plan: dict[str, Any]) -> None:
    """Pins the 2025 main targets: PM2.5 47, good days 62.5%, heavy pollution 1.8%, farmland 95%."""
    expected = {
        "pm25": ("at_most", 47, "微克/立方米"),
        "good-days-ratio": ("at_least", 62.5, "%"),
        "heavy-pollution-days-ratio": ("at_most", 1.8, "%"),
        "farmland-safe-use": ("at_least", 95, "%"),
    }
    for ident, (direction, value, unit) in expected.items():
        indicator = _indicator(plan, ident)
        assert indicator["direction"] == direction, ident
        assert indicator["unit"] == unit, ident
        assert indicator["target"]["kind"] == "absolute", ident
        assert indicator["target"]["value"] == value, ident
        assert indicator["target"]["year"] == 2025, ident
        assert "baseline" not in indicator, ident
        assert indicator["source"] == {"section": "二"}, ident


def test_qualitative_and_eliminate_targets(plan: dict[str, Any]) -> None:
    """Pins the non-numeric main targets of section 二 and their kinds."""
    expected = {
        "fyp-targets": ("qualitative", "全面完成“十四五”生态环境质量和主要污染物总量减排目标"),
        "surface-water-sections": ("qualitative", "8个国、省控地表水断面水质达到省定目标"),
        "black-odorous-water": ("eliminate", "劣V类水体和县级城市、县城建成区黑臭水体基本消除"),
        "construction-land-safe-use": ("qualitative", "重点建设用地安全利用得到有效保障"),
    }
    for ident, (kind, text) in expected.items():
        target = _indicator(plan, ident)["target"]
        assert (target["kind"], target["text"], target["year"]) == (kind, text, 2025), ident


def test_rank_target_and_task_link(plan: dict[str, Any]) -> None:
    """Pins the ranking target (outside the bottom 10 of 168 by 2025) and task 1's link to it."""
    indicator = _indicator(plan, "air-quality-rank")
    target = indicator["target"]
    assert target["kind"] == "rank"
    assert target["rank"] == {"outside_bottom": 10, "of": 168}
    assert target["year"] == 2025
    assert _task(plan, 1)["indicator"] == "air-quality-rank"


def test_indicator_count(plan: dict[str, Any]) -> None:
    """Pins that exactly nine indicators are encoded."""
    assert len(plan["indicators"]) == 9


def test_no_discrepancies_recorded(plan: dict[str, Any]) -> None:
    """Pins that no discrepancy is recorded (none found in the source)."""
    assert plan.get("discrepancies", []) == []


def test_city_sewage_collection_is_an_either_or_pair(plan: dict[str, Any]) -> None:
    """“力争达到70%以上或在2020年基础上提高5个百分点以上”: two alternatives in one group, met when either is."""
    quantities = _task(plan, 21)["quantities"]
    grouped = {q["id"]: q["either_or"] for q in quantities if "either_or" in q}
    assert grouped == {
        "city-sewage-collection-rate": "city-sewage-collection",
        "city-sewage-collection-increase": "city-sewage-collection",
    }


def test_the_farmland_focus_is_not_a_quantity(plan: dict[str, Any]) -> None:
    """“以100万亩高标准农田示范区建设为重点” names a focus, not a binding 100万亩 target: kept in target only."""
    task = _task(plan, 26)
    assert "以100万亩高标准农田示范区建设为重点" in task["target"]
    assert [q for q in task["quantities"] if q["unit"] == "万亩" or "高标准农田" in q["text"]] == []
    assert [q["id"] for q in task["quantities"]] == [
        "fertilizer-use-efficiency", "green-pest-control", "unified-pest-control", "manure-utilization",
        "film-recovery",
    ]
