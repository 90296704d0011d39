"""Fidelity of policy/plans/hd-eco-14th.yaml to 邯郸市生态环境保护“十四五”规划 (邯政字〔2023〕7号).

Every expected value below was read off the source document by hand, so a dropped item, a
mistyped number or a moved deadline makes a test fail. Only the `load_policy` fixture is used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

PLAN_FILE = "plans/hd-eco-14th.yaml"


@pytest.fixture(scope="module")
def plan(load_policy: Callable[[str], Any]) -> dict[str, Any]:
    data: dict[str, Any] = load_policy(PLAN_FILE)
    return data


@pytest.fixture(scope="module")
def tasks(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {task["id"]: task for task in plan["tasks"]}


@pytest.fixture(scope="module")
def indicators(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {indicator["id"]: indicator for indicator in plan["indicators"]}


def _quantity(task: dict[str, Any], quantity_id: str) -> dict[str, Any]:
    matches = [q for q in task.get("quantities", []) if q["id"] == quantity_id]
    assert len(matches) == 1, f"{task['id']}: quantity {quantity_id} missing or repeated"
    found: dict[str, Any] = matches[0]
    return found


# --------------------------------------------------------------------------- header


def test_header_matches_the_issuing_document(plan: dict[str, Any]) -> None:
    """Pins plan id, verbatim title, kind, document number, issuer, date and period."""
    assert plan["id"] == "hd-eco-14th"
    assert plan["title"] == "邯郸市生态环境保护“十四五”规划"
    assert plan["kind"] == "five_year_plan"
    assert plan["jurisdiction"] == "handan"
    document = plan["document"]
    assert document["number"] == "邯政字〔2023〕7号"
    assert document["issuer"] == "hd-gov"
    assert document["issued"] == "2023-06-29"
    assert document["source_file"] == "002_9ffc85d78fc57c24.txt"
    assert document["notice_title"] == "邯郸市人民政府关于印发邯郸市生态环境保护“十四五”规划的通知"
    assert plan["period"] == {"start": "2021-01-01", "end": "2025-12-31", "text": "“十四五”"}


def test_default_responsible_is_the_counties_clause_of_3_1_1(plan: dict[str, Any]) -> None:
    """Pins the plan-wide responsible units (all counties) and their wording in 三（一）1."""
    default = plan["default_responsible"]
    assert default["units"] == ["hd-counties"]
    assert (
        default["text"] == "以下均含各县<市、区>政府，邯郸经济技术开发区、冀南新区管委会，不再列出"
    )
    assert default["source"]["section"] == "三（一）1"


def test_sections_list_every_chapter_and_subheading_of_3_to_9(plan: dict[str, Any]) -> None:
    """Pins the 34 section headings of chapters 三–九 with their numbers."""
    sections = {section["number"]: section["title"] for section in plan["sections"]}
    assert len(plan["sections"]) == 34
    expected_subsections = {"三": 5, "四": 4, "五": 4, "六": 4, "七": 2, "八": 4, "九": 4}
    for chapter, count in expected_subsections.items():
        assert chapter in sections
        subs = [number for number in sections if number.startswith(chapter + "（")]
        assert len(subs) == count, chapter
    assert sections["四（三）"] == "集中打好三大标志性战役"
    assert sections["五（四）"] == "持续提升饮用水安全保障水平"
    assert sections["九（四）"] == "提升生态环境监测监管能力"


# --------------------------------------------------------------------------- indicators

# id, number, name, category, unit, binding, direction,
# baseline (text, value or None), target (kind, text, value or None, change or None)
INDICATORS = [
    (
        "i01-pm25",
        "1",
        "细颗粒物（PM2.5）浓度",
        "环境治理",
        "ug/m3",
        "binding",
        "at_most",
        ("57", 57),
        ("absolute", "42", 42, None),
    ),
    (
        "i02-good-days",
        "2",
        "空气质量优良天数比率",
        "环境治理",
        "%",
        "binding",
        "at_least",
        ("60.4", 60.4),
        ("absolute", "70", 70, None),
    ),
    (
        "i03-surface-water-good",
        "3",
        "地表水达到或好于Ⅲ类水体比例",
        "环境治理",
        "%",
        "binding",
        "at_least",
        ("60", 60),
        ("qualitative", "达到省要求", None, None),
    ),
    (
        "i04-surface-water-worst",
        "4",
        "地表水劣Ⅴ类水体比例",
        "环境治理",
        "%",
        "binding",
        "eliminate",
        ("全部消除", None),
        ("eliminate", "全部消除", None, None),
    ),
    (
        "i05-black-odorous",
        "5",
        "县级及以上城市建成区黑臭水体比例",
        "环境治理",
        "%",
        "expected",
        "eliminate",
        ("--", None),
        ("eliminate", "全部消除", None, None),
    ),
    (
        "i06-groundwater-v",
        "6",
        "地下水Ⅴ类水体比例",
        "环境治理",
        "%",
        "expected",
        "at_most",
        ("--", None),
        ("absolute", "27.27", 27.27, None),
    ),
    (
        "i07-rural-sewage",
        "7",
        "农村生活污水治理率",
        "环境治理",
        "%",
        "expected",
        "at_least",
        ("--", None),
        ("absolute", "60", 60, None),
    ),
    (
        "i08-cod",
        "8",
        "化学需氧量重点工程减排量",
        "环境治理",
        "万吨",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "1.65", 1.65, None),
    ),
    (
        "i08-ammonia",
        "8",
        "氨氮重点工程减排量",
        "环境治理",
        "万吨",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "0.075", 0.075, None),
    ),
    (
        "i08-nox",
        "8",
        "氮氧化物重点工程减排量",
        "环境治理",
        "万吨",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "1.75", 1.75, None),
    ),
    (
        "i08-vocs",
        "8",
        "挥发性有机物（VOCs）重点工程减排量",
        "环境治理",
        "万吨",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "0.85", 0.85, None),
    ),
    (
        "i09-carbon-intensity",
        "9",
        "单位地区生产总值二氧化碳排放量降低",
        "应对气候变化",
        "%",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "22", 22, None),
    ),
    (
        "i10-energy-intensity",
        "10",
        "单位地区生产总值能源消耗降低",
        "应对气候变化",
        "%",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "18", 18, None),
    ),
    (
        "i11-non-fossil",
        "11",
        "非化石能源占能源消费总量比例",
        "应对气候变化",
        "%",
        "expected",
        "at_least",
        ("--", None),
        ("absolute", "4", 4, None),
    ),
    (
        "i12-farmland",
        "12",
        "受污染耕地治理和管控措施覆盖率",
        "环境风险防控",
        "%",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "100", 100, None),
    ),
    (
        "i13-construction-land",
        "13",
        "建设用地土壤污染修复和风险管控措施覆盖率",
        "环境风险防控",
        "%",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "100", 100, None),
    ),
    (
        "i14-eco-redline",
        "14",
        "生态保护红线面积",
        "生态保护",
        "万平方千米",
        "binding",
        "at_least",
        ("--", None),
        ("absolute", "0.1255", 0.1255, None),
    ),
    (
        "i15-eqi",
        "15",
        "生态质量指数（EQI）",
        "生态保护",
        None,
        "expected",
        "qualitative",
        ("--", None),
        ("qualitative", "稳中向好", None, None),
    ),
    (
        "i16-forest-cover",
        "16",
        "森林覆盖率",
        "生态保护",
        "%",
        "binding",
        "at_least",
        ("--", None),
        ("delta", "净增1.5个百分点以上", None, 1.5),
    ),
]


def test_indicator_table_has_16_numbers_and_19_entries(plan: dict[str, Any]) -> None:
    """Pins the indicator count: 16 table numbers, number 8 split into four sub-indicators."""
    numbers = [indicator["number"] for indicator in plan["indicators"]]
    assert len(plan["indicators"]) == 19
    assert len(set(numbers)) == 16
    assert set(numbers) == {str(n) for n in range(1, 17)}
    assert Counter(numbers)["8"] == 4
    assert [i["id"] for i in plan["indicators"]] == [row[0] for row in INDICATORS]


@pytest.mark.parametrize("row", INDICATORS, ids=[row[0] for row in INDICATORS])
def test_indicator_matches_the_table_row(
    indicators: dict[str, dict[str, Any]], row: tuple[Any, ...]
) -> None:
    """Pins name, category, unit, binding, direction, baseline and target of one table row."""
    ident, number, name, category, unit, binding, direction, baseline, target = row
    indicator = indicators[ident]
    assert indicator["number"] == number
    assert indicator["name"] == name
    assert indicator["category"] == category
    assert indicator.get("unit") == unit
    assert indicator["binding"] == binding
    assert indicator["direction"] == direction
    assert "parent" not in indicator
    assert indicator["source"] == {"table": "主要指标表", "row": int(number)}
    base_text, base_value = baseline
    assert indicator["baseline"]["year"] == 2020
    assert indicator["baseline"]["text"] == base_text
    assert indicator["baseline"].get("value") == base_value
    kind, text, value, change = target
    assert indicator["target"]["year"] == 2025
    assert indicator["target"]["kind"] == kind
    assert indicator["target"]["text"] == text
    assert indicator["target"].get("value") == value
    assert indicator["target"].get("change") == change


# --------------------------------------------------------------------------- tasks

CHAPTER_TASK_COUNTS = {"3": 14, "4": 15, "5": 12, "6": 11, "7": 7, "8": 14, "9": 15}


def test_task_ids_are_unique(plan: dict[str, Any]) -> None:
    """Pins that no task id appears twice."""
    ids = [task["id"] for task in plan["tasks"]]
    assert len(ids) == len(set(ids))


def test_body_task_count_per_chapter(plan: dict[str, Any]) -> None:
    """Pins the number of body tasks in chapters 三–九 (88 in all, 四（三） split by paragraph)."""
    body = [task for task in plan["tasks"] if task["kind"] == "task"]
    counts = Counter(task["id"].split("-")[0][1:] for task in body)
    assert dict(counts) == CHAPTER_TASK_COUNTS
    assert len(body) == 88


def test_every_numbered_item_is_present(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins the exact id of every numbered item 三（一）1 … 九（四）3."""
    items = {
        "3-1": 3,
        "3-2": 3,
        "3-3": 3,
        "3-4": 2,
        "3-5": 3,
        "4-1": 2,
        "4-2": 2,
        "4-4": 3,
        "5-1": 3,
        "5-2": 5,
        "5-3": 3,
        "6-1": 3,
        "6-2": 2,
        "6-3": 2,
        "6-4": 4,
        "7-1": 4,
        "7-2": 3,
        "8-1": 4,
        "8-2": 5,
        "8-3": 2,
        "8-4": 3,
        "9-1": 5,
        "9-2": 2,
        "9-3": 5,
        "9-4": 3,
    }
    expected = {f"s{section}-{n}" for section, count in items.items() for n in range(1, count + 1)}
    expected |= {
        "s4-3-1-a",
        "s4-3-1-b",
        "s4-3-2-a",
        "s4-3-2-b",
        "s4-3-3-a",
        "s4-3-3-b",
        "s4-3-3-c",
        "s4-3-3-d",
        "s5-4",
    }
    body = {ident for ident, task in tasks.items() if task["kind"] == "task"}
    assert body == expected


def test_multi_paragraph_items_share_the_heading(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins that each paragraph of 四（三）1–3 carries its item's heading and number."""
    headings = {
        "s4-3-1": ("四（三）1", "打好重污染天气消除攻坚战役", "ab"),
        "s4-3-2": ("四（三）2", "打好臭氧污染防治攻坚战役", "ab"),
        "s4-3-3": ("四（三）3", "打好柴油货车污染治理攻坚战役", "abcd"),
    }
    for prefix, (number, title, letters) in headings.items():
        for letter in letters:
            task = tasks[f"{prefix}-{letter}"]
            assert task["title"] == title
            assert task["source"]["section"] == number


def test_every_body_task_has_a_lead_and_box_items_have_none(plan: dict[str, Any]) -> None:
    """Pins that every body task names its lead units and no 专栏 project invents one."""
    for task in plan["tasks"]:
        if task["id"].startswith("box"):
            assert task["kind"] == "project"
            assert "lead" not in task, task["id"]
        else:
            assert task["kind"] == "task"
            assert task.get("lead"), task["id"]
            assert task.get("units_text"), task["id"]


def test_no_task_overrides_the_default_responsible(plan: dict[str, Any]) -> None:
    """Pins that every task relies on the plan-wide county default."""
    assert all("responsible" not in task for task in plan["tasks"])


@pytest.mark.parametrize(
    ("task_id", "lead"),
    [
        ("s3-1-1", ["hd-natural-resources", "hd-ecology", "hd-agriculture", "hd-approval"]),
        ("s3-5-1", ["hd-drc", "hd-carbon-group-members"]),
        ("s4-1-1", ["hd-ecology"]),
        (
            "s4-3-1-a",
            ["hd-ecology", "hd-drc", "hd-agriculture", "hd-urban", "hd-market", "hd-meteorology"],
        ),
        ("s5-2-1", ["hd-investment", "hd-ecology"]),
        ("s5-2-3", ["hd-urban"]),
        ("s5-3-1", ["hd-water"]),
        (
            "s7-1-3",
            [
                "hd-ecology",
                "hd-natural-resources",
                "hd-water",
                "hd-agriculture",
                "hd-forestry",
                "hd-discipline",
                "hd-police",
            ],
        ),
        ("s9-1-2", ["hd-city-departments"]),
        ("s9-1-3", ["hd-ecology", "hd-approval"]),
        ("s9-2-1", ["hd-npc-legal", "hd-npc-urban", "hd-justice", "hd-ecology"]),
        ("s9-3-5", ["hd-cbirc", "hd-local-finance", "hd-finance"]),
    ],
)
def test_lead_units_spot_checks(
    tasks: dict[str, dict[str, Any]], task_id: str, lead: list[str]
) -> None:
    """Pins the lead units, in source order, of selected tasks."""
    assert tasks[task_id]["lead"] == lead


def test_lead_counts_follow_the_unit_lists(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins the 18 “牵头负责” tasks: 15 市生态环境局, 2 市城管执法局, 1 市水利局."""
    sole = Counter(
        t["lead"][0] for t in tasks.values() if t.get("units_text", "").endswith("牵头负责）")
    )
    assert sole == Counter({"hd-ecology": 15, "hd-urban": 2, "hd-water": 1})


# --------------------------------------------------------------------------- 专栏


def test_box_project_count(plan: dict[str, Any]) -> None:
    """Pins the 12 key projects of 专栏2–5 (three per box) and that 专栏1 is not a task."""
    boxes = [task for task in plan["tasks"] if task["id"].startswith("box")]
    assert len(boxes) == 12
    assert Counter(task["source"]["table"] for task in boxes) == Counter(
        {"专栏2": 3, "专栏3": 3, "专栏4": 3, "专栏5": 3}
    )
    assert not any(task["source"].get("table") == "专栏1" for task in plan["tasks"])


@pytest.mark.parametrize(
    ("task_id", "title", "parent"),
    [
        ("box2-1", "NOx深度治理工程", "s4-2-1"),
        ("box2-2", "VOCs综合治理工程", "s4-3-2-a"),
        ("box2-3", "大力实施重点行业环保绩效创A行动", "s4-2-2"),
        ("box3-1", "城镇污水处理厂升级改造工程", "s5-2-3"),
        ("box3-2", "重要河湖生态保护治理工程", "s5-3-3"),
        ("box3-3", "饮用水安全保障工程", "s5-4"),
        ("box4-1", "土壤污染防治工程", "s6-1-2"),
        ("box4-2", "地下水污染防治工程", "s6-3-2"),
        ("box4-3", "农村污染防治工程", "s6-4-4"),
        ("box5-1", "矿山环境修复与保护工程", "s7-1-2"),
        ("box5-2", "水土保持工程", "s7-1-2"),
        ("box5-3", "生物多样性保护重大工程", None),
    ],
)
def test_box_project_titles_and_parents(
    tasks: dict[str, dict[str, Any]], task_id: str, title: str, parent: str | None
) -> None:
    """Pins each 专栏 project's verbatim name and the body task it elaborates."""
    task = tasks[task_id]
    assert task["title"] == title
    assert task["project"]["name"] == title
    assert task.get("parent") == parent


# --------------------------------------------------------------------------- schedules

DEADLINE_2025 = {
    "s3-3-2",
    "s3-3-3",
    "s3-4-1",
    "s3-4-2",
    "s3-5-1",
    "s4-2-1",
    "s4-3-1-b",
    "s4-4-2",
    "s4-4-3",
    "s5-1-1",
    "s5-1-3",
    "s6-1-3",
    "s6-2-1",
    "s6-2-2",
    "s6-3-1",
    "s6-4-1",
    "s6-4-4",
    "s7-1-2",
    "s8-1-2",
}


def test_only_tasks_due_by_2025_have_a_deadline(plan: dict[str, Any]) -> None:
    """Pins the 19 tasks due 到2025年 (2025-12-31); every other task runs for the plan period."""
    for task in plan["tasks"]:
        schedule = task["schedule"]
        if task["id"] in DEADLINE_2025:
            assert schedule == {"kind": "deadline", "text": "到2025年", "deadline": "2025-12-31"}, (
                task["id"]
            )
        else:
            assert schedule["kind"] == "plan_period", task["id"]


def test_all_milestones(plan: dict[str, Any]) -> None:
    """Pins every dated checkpoint earlier than the plan end (2023 and 2024 goals)."""
    found = {
        (task["id"], m["id"]): (m["date"], m["text"], m.get("quantity"))
        for task in plan["tasks"]
        for m in task.get("milestones", [])
    }
    steel = {
        "measure": "全市钢铁企业环保绩效创A比例",
        "comparison": "at_least",
        "value": 100,
        "unit": "%",
    }
    assert found == {
        ("s4-2-2", "steel-all-a"): ("2024-12-31", "到2024年全市钢铁企业全部创A", steel),
        ("box2-3", "steel-all-a"): ("2024-12-31", "到2024年全市钢铁企业全部创A", steel),
        ("s5-2-3", "interim-limits"): (
            "2023-12-31",
            "2023年底前，达到邯郸市水污染排放指标暂行限值要求",
            None,
        ),
        ("box3-1", "plants-upgraded-2023"): (
            "2023-12-31",
            "2022—2023年，分两批完成53座污水处理厂提标改造",
            {
                "measure": "完成提标改造的污水处理厂",
                "comparison": "at_least",
                "value": 53,
                "unit": "座",
            },
        ),
        ("s6-3-1", "survey-2023"): (
            "2023-12-31",
            "2023年，完成市级地下水型饮用水水源补给区、市级化工园区、重点危险废物处置场、重点垃圾填埋场地下水环境状况调查评估",
            None,
        ),
        ("s8-4-1", "plans-revised-2023"): (
            "2023-12-31",
            "2023年，完成县级及以上突发环境事件应急预案修编",
            None,
        ),
    }


# --------------------------------------------------------------------------- quantities

# task id, quantity id, value, unit, comparison
QUANTITIES = [
    ("s3-3-2", "coal-washing-rate", 90, "%", "at_least"),
    ("s3-3-2", "prefab-building-share", 30, "%", "at_least"),
    ("s3-3-2", "green-building-share", 100, "%", "at_least"),
    ("s3-3-2", "passive-building-area", 76, "万平方米", "at_least"),
    ("s3-3-2", "energy-intensity-cut", 18, "%", "at_least"),
    ("s3-3-3", "biogas-capacity", 1.8, "亿立方米", "at_least"),
    ("s3-3-3", "pv-capacity", 290, "万千瓦", "at_least"),
    ("s3-3-3", "non-fossil-share", 4, "%", "at_least"),
    ("s3-4-1", "new-rail-sidings", 8, "条", "at_least"),
    ("s3-4-1", "rail-freight-share", 85, "%", "at_least"),
    ("s3-4-2", "nev-public-fleet-share", 80, "%", "at_least"),
    ("s3-4-2", "nev-sales-share", 20, "%", "at_least"),
    ("s3-5-1", "carbon-intensity-cut", 22, "%", "at_least"),
    ("s4-4-2", "straw-utilization", 96, "%", "at_least"),
    ("s4-4-3", "noise-night-compliance", 85, "%", "at_least"),
    ("s5-1-1", "water-intensity-cut", 15.4, "%", "at_least"),
    ("s5-2-3", "plants-upgraded", 53, "家", "at_least"),
    ("s5-2-4", "sludge-safe-disposal", 100, "%", "at_least"),
    ("s5-4", "source-isolation-facilities", 20, "个", "at_least"),
    ("s5-4", "rural-source-signs", 153, "个", "at_least"),
    ("s6-2-1", "farmland-coverage", 100, "%", "at_least"),
    ("s6-2-2", "construction-land-coverage", 100, "%", "at_least"),
    ("s6-4-1", "fertilizer-efficiency", 43, "%", "at_least"),
    ("s6-4-1", "pesticide-efficiency", 43, "%", "at_least"),
    ("s6-4-1", "film-recovery", 90, "%", "at_least"),
    ("s6-4-1", "manure-facility-rate", 100, "%", "at_least"),
    ("s6-4-1", "manure-utilization", 85, "%", "at_least"),
    ("s6-4-4", "villages-treated", 1585, "个", "at_least"),
    ("s7-1-2", "forest-cover-gain", 1.5, "个百分点", "at_least"),
    ("s7-1-2", "county-green-space-ratio", 42, "%", "at_least"),
    ("s7-1-2", "park-area-per-capita", 12, "平方米", "at_least"),
    ("s7-1-2", "soil-erosion-control", 750, "平方公里", "at_least"),
    ("s7-2-1", "eco-survey-frequency", 1, "次/5年", "at_least"),
    ("s8-1-2", "msw-recycling-rate", 60, "%", "at_least"),
    ("s8-1-3", "tailings-level1-visits", 2, "次/年", "at_least"),
    ("s8-1-3", "tailings-level1-preflood", 1, "次/年", "at_least"),
    ("s8-1-3", "tailings-level2-visits", 1, "次/年", "at_least"),
    ("s8-2-4", "township-transfer-stations", 1, "个/乡镇（街道）", "at_least"),
    ("s8-2-4", "supervision-coverage", 100, "%", "at_least"),
    ("s8-2-4", "collection-disposal", 100, "%", "at_least"),
    ("box3-3", "source-isolation-facilities", 20, "个", "at_least"),
    ("box3-3", "rural-source-signs", 153, "个", "at_least"),
    ("box4-1", "hazard-screening-rounds", 1, "轮", "at_least"),
    ("box4-3", "villages-treated", 1585, "个", "at_least"),
    ("box5-2", "soil-erosion-control", 750, "平方公里", "at_least"),
]


def test_quantity_inventory_is_complete(plan: dict[str, Any]) -> None:
    """Pins the full set of 45 task quantities, so none can be added or dropped unnoticed."""
    found = {(task["id"], q["id"]) for task in plan["tasks"] for q in task.get("quantities", [])}
    assert found == {(row[0], row[1]) for row in QUANTITIES}
    assert len(found) == 45


@pytest.mark.parametrize("row", QUANTITIES, ids=[f"{row[0]}/{row[1]}" for row in QUANTITIES])
def test_quantity_value(tasks: dict[str, dict[str, Any]], row: tuple[Any, ...]) -> None:
    """Pins the value, unit and comparison of one numeric target."""
    task_id, quantity_id, value, unit, comparison = row
    quantity = _quantity(tasks[task_id], quantity_id)
    assert quantity["value"] == value
    assert quantity["unit"] == unit
    assert quantity["comparison"] == comparison


def test_forest_cover_gain_by_2025(
    tasks: dict[str, dict[str, Any]], indicators: dict[str, Any]
) -> None:
    """Pins 2025 forest cover 净增1.5个百分点以上 in both the task 七（一）2 and indicator 16."""
    task = tasks["s7-1-2"]
    assert task["schedule"]["deadline"] == "2025-12-31"
    assert task["indicator"] == "i16-forest-cover"
    assert _quantity(task, "forest-cover-gain")["text"] == "森林覆盖率净增1.5个百分点以上"
    assert indicators["i16-forest-cover"]["target"]["change"] == 1.5


def test_53_wastewater_plants_by_2023(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins 专栏3's 53座 plants done in 2022—2023 and the body's 53家 with its 2023 milestone."""
    box = tasks["box3-1"]["milestones"][0]
    assert box["date"] == "2023-12-31"
    assert box["quantity"]["value"] == 53
    body = tasks["s5-2-3"]
    assert _quantity(body, "plants-upgraded")["text"] == "完成全市53家城镇污水处理厂提标改造"
    assert body["milestones"][0]["date"] == "2023-12-31"


def test_all_steel_companies_a_rated_by_2024(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins the 2024 milestone 全市钢铁企业全部创A in 四（二）2 and 专栏2."""
    for task_id in ("s4-2-2", "box2-3"):
        milestone = tasks[task_id]["milestones"][0]
        assert milestone["date"] == "2024-12-31"
        assert milestone["text"] == "到2024年全市钢铁企业全部创A"


def test_1585_villages_by_2025(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins 1585 villages' sewage treated by 2025 (六（四）4) and the same figure in 专栏4."""
    task = tasks["s6-4-4"]
    assert task["schedule"]["deadline"] == "2025-12-31"
    assert _quantity(task, "villages-treated")["value"] == 1585
    assert _quantity(tasks["box4-3"], "villages-treated")["value"] == 1585


def test_tasks_that_repeat_an_indicator_link_to_it(plan: dict[str, Any]) -> None:
    """Pins the task→indicator links where a task restates an indicator target."""
    links = {task["id"]: task["indicator"] for task in plan["tasks"] if "indicator" in task}
    assert links == {
        "s3-3-2": "i10-energy-intensity",
        "s3-3-3": "i11-non-fossil",
        "s3-5-1": "i09-carbon-intensity",
        "s5-1-3": "i03-surface-water-good",
        "s5-2-5": "i05-black-odorous",
        "s6-2-1": "i12-farmland",
        "s6-2-2": "i13-construction-land",
        "s7-1-2": "i16-forest-cover",
    }


# --------------------------------------------------------------------------- discrepancies


def test_discrepancies_are_recorded(plan: dict[str, Any]) -> None:
    """Pins the five recorded disagreements, their subjects and both readings."""
    found = {d["id"]: d for d in plan["discrepancies"]}
    assert set(found) == {
        "non-fossil-share",
        "surface-water-target-wording",
        "wastewater-plant-upgrade",
        "groundwater-pilot-verb",
        "culter-spelling",
    }
    pilot = found["groundwater-pilot-verb"]
    assert pilot["subjects"] == ["s6-3-2", "box4-2"]
    assert [r["text"][:2] for r in pilot["readings"]] == ["完成", "实施"]
    assert [r["source"] for r in pilot["readings"]] == [{"section": "六（三）2"}, {"table": "专栏4", "row": 2}]
    assert found["non-fossil-share"]["subjects"] == ["i11-non-fossil", "s3-3-3"]
    texts = [r["text"] for r in found["non-fossil-share"]["readings"]]
    assert any("4%左右" in text for text in texts)
    assert any(
        r["source"].get("table") == "主要指标表" for r in found["non-fossil-share"]["readings"]
    )
    assert found["culter-spelling"]["subjects"] == ["s7-2-2", "box5-3"]
    spellings = [r["text"] for r in found["culter-spelling"]["readings"]]
    assert "红鳍原鲌" in spellings[0] and "红鳍原鲐" in spellings[1]
    assert found["wastewater-plant-upgrade"]["subjects"] == ["s5-2-3", "box3-1"]
    plant_texts = [r["text"] for r in found["wastewater-plant-upgrade"]["readings"]]
    assert "53家" in plant_texts[0] and "53座" in plant_texts[1]
    assert found["surface-water-target-wording"]["subjects"] == ["i03-surface-water-good", "s5-1-3"]
    for discrepancy in found.values():
        assert len(discrepancy["readings"]) >= 2


def test_verbatim_spellings_are_kept(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins that the two spellings of the fish stay as printed in body and box."""
    assert "红鳍原鲌" in tasks["s7-2-2"]["target"]
    assert "红鳍原鲐" in tasks["box5-3"]["target"]


def test_approximate_targets_are_marked_and_only_they(plan: dict[str, Any]) -> None:
    """Every quantity worded “左右” is approximate (judged with the settings' tolerance), and no other is."""
    quantities = {(t["id"], q["id"]): q for t in plan["tasks"] for q in t.get("quantities", [])}
    approximate = {key for key, q in quantities.items() if q.get("approximate")}
    assert approximate == {key for key, q in quantities.items() if "左右" in q["text"]}
    assert approximate == {
        ("s3-3-3", "non-fossil-share"), ("s3-4-2", "nev-sales-share"), ("s8-1-2", "msw-recycling-rate"),
    }
