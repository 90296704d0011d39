"""Fidelity tests for the encoding of 邯气领办〔2023〕5号 (plan hd-air-2023).

Every expected value below was read off the source document (seed 001_0bb27a1841eb647c.txt), not
off the encoding, so a dropped row, a mistyped number or a shifted deadline makes a test fail.
Only the `load_policy` fixture is used; no checker code.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from typing import Any

import pytest

PLAN_FILE = "plans/hd-air-2023.yaml"
ENTERPRISE_FILE = "organizations/handan-enterprises.yaml"

BODY_TASK_IDS = [
    "s3-1-1",
    "s3-1-2",
    "s3-2-1",
    "s3-2-2",
    "s3-2-3",
    "s3-2-4",
    "s3-2-5",
    "s3-2-6",
    "s3-3-1",
    "s3-3-2",
    "s3-3-3",
    "s3-3-4",
    "s3-3-5",
    "s3-4-1",
    "s3-4-2",
    "s3-4-3",
    "s3-4-4",
    "s3-5-1",
    "s3-5-2",
    "s3-5-3",
    "s3-5-4",
    "s3-6-1",
    "s3-6-2",
    "s3-6-3",
    "s3-6-4",
    "s3-6-5",
    "s3-7-1",
    "s3-7-2",
    "s3-7-3",
    "s3-7-4",
    "s3-8-1",
    "s3-8-2",
]
A5_ROWS = 76  # physical rows of 任务分解表 (five rows of “2. 推进柴油车(机)淘汰更新。” included)


@pytest.fixture(scope="module")
def plan(load_policy: Any) -> dict[str, Any]:
    loaded: dict[str, Any] = load_policy(PLAN_FILE)
    return loaded


@pytest.fixture(scope="module")
def tasks(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {task["id"]: task for task in plan["tasks"]}


def _ids(plan: dict[str, Any], prefix: str) -> list[str]:
    return [task["id"] for task in plan["tasks"] if task["id"].startswith(prefix)]


def _month_end(month: int) -> str:
    return f"2023-{month:02d}-{calendar.monthrange(2023, month)[1]:02d}"


def test_header_matches_document(plan: dict[str, Any]) -> None:
    """Pins plan id, kind, document number, issuer, issue date, period and default responsible units."""
    assert plan["id"] == "hd-air-2023"
    assert plan["kind"] == "annual_work_plan"
    assert plan["jurisdiction"] == "handan"
    assert plan["title"] == "邯郸市2023年大气污染综合治理暨全面巩固空气质量“退后十”成果工作方案"
    assert plan["document"]["number"] == "邯气领办〔2023〕5号"
    assert plan["document"]["issuer"] == "hd-air-office"
    assert plan["document"]["issued"] == "2023-04-28"
    assert plan["document"]["source_file"] == "001_0bb27a1841eb647c.txt"
    assert (plan["period"]["start"], plan["period"]["end"]) == ("2023-01-01", "2023-12-31")
    default = plan["default_responsible"]
    assert default["units"] == ["hd-counties"]
    assert default["text"] == "以下均需各县〈市、区〉人民政府〈管委会〉落实，不再一一列出"
    assert default["source"]["section"] == "三（一）1"


def test_sections_and_attachments(plan: dict[str, Any]) -> None:
    """Pins the eight headings of 三 and the five attachment titles as printed on the attachment pages."""
    sections = {s["number"]: s["title"] for s in plan["sections"]}
    assert [n for n in sections if n.startswith("三（")] == [f"三（{c}）" for c in "一二三四五六七八"]
    assert sections["三（二）"] == "大力推进结构优化调整"
    assert sections["三（八）"] == "加快推动重污染天气消除"
    titles = {a["number"]: a["title"] for a in plan["attachments"]}
    assert titles == {
        1: "邯郸市2023年工业企业关停淘汰、转型升级、退城搬迁项目清单",
        2: "邯郸市2023年工业企业重点治理项目清单",
        3: "邯郸市2023年VOCs重点治理项目任务清单",
        4: "邯郸市2023年拟建集中污染治理设施重点项目清单",
        5: "邯郸市2023年大气污染防治综合治理工作任务分解表",
    }


def test_indicators_of_section_two(plan: dict[str, Any]) -> None:
    """Pins the four targets of 二: PM2.5 and good days improve, outside bottom 10 of 168, county rank."""
    inds = {i["id"]: i for i in plan["indicators"]}
    assert set(inds) == {"pm25", "good-days", "aqi-rank", "county-aqi-rank"}
    assert (inds["pm25"]["target"]["kind"], inds["pm25"]["direction"]) == ("improve", "at_most")
    assert (inds["good-days"]["target"]["kind"], inds["good-days"]["direction"]) == ("improve", "at_least")
    assert inds["aqi-rank"]["target"]["kind"] == "rank"
    assert inds["aqi-rank"]["target"]["rank"] == {"outside_bottom": 10, "of": 168}
    assert inds["county-aqi-rank"]["target"]["kind"] == "qualitative"
    for ind in inds.values():
        assert ind["target"]["year"] == 2023
        assert "baseline" not in ind


def test_item_counts_per_part(plan: dict[str, Any]) -> None:
    """Pins the number of encoded items: 32 body tasks, 16 + 50 + 1 project rows, 76 breakdown rows, 20 county rows."""
    kinds = Counter(task["kind"] for task in plan["tasks"])
    assert kinds == {"task": 32, "project": 67, "breakdown": A5_ROWS}
    assert _ids(plan, "s3-") == BODY_TASK_IDS
    assert _ids(plan, "a1-") == [f"a1-{n:02d}" for n in range(1, 17)]
    assert _ids(plan, "a2-") == [f"a2-{n:02d}" for n in range(1, 51)]
    assert _ids(plan, "a4-") == ["a4-01"]
    assert _ids(plan, "a5-") == [f"a5-{n:02d}" for n in range(1, A5_ROWS + 1)]
    assert len(plan["tables"]) == 1
    assert len(plan["tables"][0]["rows"]) == 20


def test_task_ids_unique(plan: dict[str, Any]) -> None:
    """Pins that no task id is used twice."""
    ids = [task["id"] for task in plan["tasks"]]
    assert len(ids) == len(set(ids))


def test_body_tasks_shape(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins that every body task has title, target, units_text, leads, its section and no own deadline."""
    for tid in BODY_TASK_IDS:
        task = tasks[tid]
        assert task["kind"] == "task"
        assert task["title"] and task["target"] and task["lead"]
        assert task["units_text"].startswith(("（责任部门：", "（责任单位："))
        _, section, item = tid.split("-")
        assert task["source"]["section"] == f"三（{'一二三四五六七八'[int(section) - 1]}）{item}"
        assert task["schedule"] == {"kind": "plan_period"}
        assert "responsible" not in task
    assert tasks["s3-2-5"]["title"] == "积极推进交通运输结构优化"
    assert tasks["s3-2-5"]["lead"] == ["hd-transport", "hd-drc", "hd-natural-resources", "hd-ecology"]
    assert tasks["s3-6-5"]["lead"] == [
        "hd-market",
        "hd-commerce",
        "hd-police",
        "hd-ecology",
        "hd-drc",
        "hd-transport",
        "hd-natural-resources",
    ]
    assert tasks["s3-5-1"]["table"] == "a3-voc-projects"
    assert tasks["s3-7-1"]["milestones"] == [
        {"id": "dust-enforcement", "text": "6月底前开展一次扬尘污染防治专项执法检查行动", "date": "2023-06-30"}
    ]


def test_nine_blast_furnaces_and_six_converters(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins Attachment 1: 9 blast furnaces due 2023-11-15, 6 converters due 2023-12-31, the power plant."""
    furnaces = [tasks[f"a1-{n:02d}"] for n in range(1, 10)]
    converters = [tasks[f"a1-{n:02d}"] for n in range(10, 16)]
    for row in furnaces:
        assert "高炉" in row["project"]["content"]
        assert row["schedule"] == {"kind": "deadline", "text": "2023年11月15日", "deadline": "2023-11-15"}
        assert row["parent"] == "s3-2-2"
    for row in converters:
        assert "转炉" in row["project"]["content"]
        assert row["schedule"] == {"kind": "deadline", "text": "2023年12月", "deadline": "2023-12-31"}
        assert row["parent"] == "s3-2-2"
    assert [r["project"]["content"] for r in furnaces] == [
        "关停1#600m³高炉",
        "关停2#600m³高炉",
        "关停3#600m³高炉",
        "关停1#550m³高炉",
        "关停3#550m³高炉",
        "关停510m³高炉",
        "关停620m³高炉",
        "关停3#700m³高炉",
        "关停4#700m³高炉",
    ]
    assert [r["project"]["content"] for r in converters] == [
        "关停2#50t转炉",
        "关停2#50t转炉",
        "关停3#50t转炉",
        "关停4#50t转炉",
        "关停1#60t转炉",
        "关停2#60t转炉",
    ]
    assert Counter(r["responsible"][0] for r in furnaces + converters) == {"hd-wuan": 13, "hd-shexian": 2}
    last = tasks["a1-16"]
    assert last["project"]["company"] == "河北邯鄹热电股份有限公司"
    assert last["project"]["content"] == "关停2台220MW机组"
    assert last["project"]["adjustment"] == "退城搬迁"
    assert last["responsible"] == ["hd-congtai"]
    assert last["schedule"]["deadline"] == "2023-12-31"
    a5_furnaces = {q["id"]: q["value"] for q in tasks["a5-05"]["quantities"]}
    assert a5_furnaces == {"blast-furnaces": 9, "converters": 6}


def test_attachment_two_rows_complete(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins that every Attachment 2 row has county, industry, company, content, enterprise and a real deadline."""
    for n in range(1, 51):
        row = tasks[f"a2-{n:02d}"]
        assert row["kind"] == "project"
        assert (row["source"]["attachment"], row["source"]["row"]) == (2, n)
        assert len(row["responsible"]) == 1
        for column in ("industry", "company", "content", "enterprise"):
            assert row["project"][column], (n, column)
        assert row["schedule"]["kind"] == "deadline"
        assert re.fullmatch(r"2023-\d\d-\d\d", row["schedule"]["deadline"])


def test_attachment_two_counties_and_deadlines(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins the Attachment 2 distribution of rows over counties and over deadline dates."""
    rows = [tasks[f"a2-{n:02d}"] for n in range(1, 51)]
    assert Counter(r["responsible"][0] for r in rows) == {
        "hd-congtai": 6,
        "hd-hanshan": 1,
        "hd-shexian": 4,
        "hd-feixiang": 1,
        "hd-fengfeng": 1,
        "hd-wuan": 3,
        "hd-fuxing": 2,
        "hd-cixian": 3,
        "hd-weixian": 1,
        "hd-daming": 1,
        "hd-guantao": 1,
        "hd-yongnian": 26,
    }
    assert Counter(r["schedule"]["deadline"] for r in rows) == {
        "2023-06-30": 32,
        "2023-10-31": 1,
        "2023-12-31": 14,
        "2023-03-31": 2,
        "2023-08-31": 1,
    }
    assert sum(r["project"]["content"] == "废气脱硝深度治理" for r in rows) == 29


def test_attachment_two_spot_checks(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins exact values of a few Attachment 2 rows (a2-13, a2-07, a2-10, a2-11, a2-33)."""
    a13 = tasks["a2-13"]
    assert a13["project"] == {
        "industry": "钢铁",
        "company": "河北太行钢铁集团有限公司",
        "content": "高速线材加热炉深度减排",
        "enterprise": "hd-ent-taihang-steel",
    }
    assert a13["schedule"] == {"kind": "deadline", "text": "2023年8月底前", "deadline": "2023-08-31"}
    assert a13["responsible"] == ["hd-wuan"]
    assert tasks["a2-07"]["project"]["company"] == "邯郸国际陆港有限公司"
    assert tasks["a2-07"]["schedule"]["deadline"] == "2023-10-31"
    assert tasks["a2-10"]["project"]["content"] == "电动重卡代替柴油车辆50辆"
    assert tasks["a2-10"]["quantities"][0]["value"] == 50
    assert tasks["a2-11"]["schedule"] == {"kind": "deadline", "text": "2023年3月底前", "deadline": "2023-03-31"}
    assert tasks["a2-33"]["project"]["company"] == "邯郸市兆恒紧固件制造有限公司永年段庄分公司"
    assert tasks["a2-16"]["project"]["content"] == "360m²烧结机成品仓除尘系统改造"


def test_attachment_three_totals_and_rows_add_up(plan: dict[str, Any]) -> None:
    """Pins Attachment 3: printed columns (incl. 末端提), totals 20/239/112/61 = 432, rows add up."""
    table = plan["tables"][0]
    assert table["id"] == "a3-voc-projects"
    assert table["unit"] == "项"
    assert [c["name"] for c in table["columns"]] == ["源头替代", "无组织提升改造", "末端提", "深度治理"]
    assert table["totals"] == {"values": [20, 239, 112, 61], "total": 432}
    rows = table["rows"]
    assert [r["row"] for r in rows] == list(range(1, 21))
    for r in rows:
        assert sum(r["values"]) == r["total"], r
    assert [sum(r["values"][i] for r in rows) for i in range(4)] == [20, 239, 112, 61]
    assert sum(r["total"] for r in rows) == 432
    by_unit = {r["unit"]: (r["values"], r["total"]) for r in rows}
    assert len(by_unit) == 20
    assert by_unit["hd-chengan"] == ([3, 24, 12, 4], 43)
    assert by_unit["hd-etdz"] == ([0, 3, 11, 6], 20)
    assert by_unit["hd-yongnian"] == ([0, 4, 2, 32], 38)
    assert by_unit["hd-quzhou"] == ([0, 44, 0, 1], 45)


def test_attachment_four_row(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins the single Attachment 4 project (万合 spraying centre in 邯山区, due 2023年9月)."""
    row = tasks["a4-01"]
    assert row["project"] == {
        "name": "邯郸市万合喷涂中心",
        "company": "万合集团股份有限公司",
        "category": "集中喷涂中心",
        "park": "邯山经济开发区",
        "enterprise": "hd-ent-wanhe-group",
    }
    assert row["responsible"] == ["hd-hanshan"]
    assert row["schedule"] == {"kind": "deadline", "text": "2023年9月", "deadline": "2023-09-30"}


def test_breakdown_rows_in_table_order(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins that Attachment 5 rows are 1..76 in table order with title, target, lead and a body parent."""
    for n in range(1, A5_ROWS + 1):
        row = tasks[f"a5-{n:02d}"]
        assert row["kind"] == "breakdown"
        assert row["source"]["attachment"] == 5 and row["source"]["row"] == n
        assert row["title"] and row["target"] and row["lead"]
        assert row["parent"] in BODY_TASK_IDS
        assert not set(row.get("cooperating", [])) & set(row["lead"])
    parents = Counter(tasks[f"a5-{n:02d}"]["parent"] for n in range(1, A5_ROWS + 1))
    assert parents["s3-2-6"] == 8
    assert parents["s3-6-2"] == 5
    assert "s3-4-4" not in parents  # 三（四）4 has no row in Attachment 5


def test_breakdown_spot_checks(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins exact leads, deadlines and targets of selected Attachment 5 rows, including garbled ones."""
    assert tasks["a5-01"]["lead"] == ["hd-air-office"]
    assert tasks["a5-02"]["schedule"]["deadline"] == "2023-06-30"
    assert tasks["a5-10"]["schedule"] == {"kind": "deadline", "text": "2023年10月底", "deadline": "2023-10-31"}
    assert tasks["a5-12"]["target"].startswith("加快“公转铁”项目建设，完成邯钢龙山、邯鄹东郊热电和邯鄹国际陆港")
    assert tasks["a5-19"]["lead"] == ["hd-ecology"]
    assert tasks["a5-19"]["cooperating"] == ["hd-transport", "hd-industry"]
    assert tasks["a5-35"]["schedule"]["deadline"] == "2023-04-30"
    assert tasks["a5-37"]["schedule"]["deadline"] == "2023-09-30"
    assert tasks["a5-44"]["target"].startswith("实施沥青铺路")
    assert "每日8时-18时错峰施工" in tasks["a5-44"]["target"]
    assert tasks["a5-48"]["target"].startswith("严格执行机动车强制报废标准规定")
    assert tasks["a5-48"]["lead"] == ["hd-police"] and tasks["a5-48"]["cooperating"] == ["hd-commerce"]
    assert tasks["a5-52"]["lead"] == ["hd-transport"]
    assert tasks["a5-53"]["schedule"]["deadline"] == "2023-04-30"
    assert tasks["a5-54"]["schedule"]["deadline"] == "2023-06-30"
    assert tasks["a5-56"]["schedule"] == {"kind": "deadline", "text": "2023年10月底", "deadline": "2023-10-31"}
    assert tasks["a5-62"]["schedule"]["deadline"] == "2023-10-31"
    assert tasks["a5-63"]["schedule"]["deadline"] == "2023-09-30"
    assert tasks["a5-66"]["schedule"]["deadline"] == "2023-06-30"
    assert tasks["a5-75"]["lead"] == ["hd-ecology"] and tasks["a5-75"]["cooperating"] == ["hd-meteorology"]


def test_breakdown_schedules_follow_deadline_column(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins 全年 → all_year, 2023年7月1日起 → ongoing, empty → plan_period, the rest dated."""
    schedules = {tid: t["schedule"] for tid, t in tasks.items() if tid.startswith("a5-")}
    all_year = sorted(tid for tid, s in schedules.items() if s["kind"] == "all_year")
    assert all_year == ["a5-41", "a5-42", "a5-48"]
    for tid in all_year:
        assert schedules[tid] == {"kind": "all_year", "text": "全年", "start": "2023-01-01", "deadline": "2023-12-31"}
    assert schedules["a5-46"] == {"kind": "ongoing", "text": "2023年7月1日起", "start": "2023-07-01"}
    assert sorted(tid for tid, s in schedules.items() if s["kind"] == "plan_period") == ["a5-43", "a5-44", "a5-45"]
    dated = {tid: s for tid, s in schedules.items() if s["kind"] == "deadline"}
    assert len(dated) == A5_ROWS - 7
    assert Counter(s["deadline"] for s in dated.values()) == {
        "2023-12-31": 58,
        "2023-06-30": 3,
        "2023-10-31": 3,
        "2023-09-30": 2,
        "2023-04-30": 2,
        "2023-05-31": 1,
    }


def test_every_dated_task_has_matching_deadline(plan: dict[str, Any]) -> None:
    """Pins that every task whose source gives a date has a deadline equal to that wording (月底/月/日/全年)."""
    for task in plan["tasks"]:
        schedule = task["schedule"]
        text = schedule.get("text")
        if task["kind"] == "project":
            assert schedule["kind"] == "deadline", task["id"]
        if text is None:
            assert schedule["kind"] == "plan_period", task["id"]
            continue
        if text == "全年":
            assert schedule["deadline"] == "2023-12-31"
            continue
        if m := re.fullmatch(r"2023年(\d+)月(\d+)日起", text):
            assert schedule["start"] == f"2023-{int(m[1]):02d}-{int(m[2]):02d}"
            continue
        if m := re.fullmatch(r"2023年(\d+)月(\d+)日", text):
            assert schedule["deadline"] == f"2023-{int(m[1]):02d}-{int(m[2]):02d}", task["id"]
            continue
        m = re.fullmatch(r"2023年(\d+)月(?:底|底前)?", text)
        assert m, (task["id"], text)
        assert schedule["deadline"] == _month_end(int(m[1])), task["id"]


def test_quantities_and_milestones_on_breakdown_rows(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins Attachment 5 figures: 432 VOCs projects with 75%/100% milestones, 3000/5000 trucks, checks."""
    voc = tasks["a5-34"]
    q = voc["quantities"][0]
    assert (q["value"], q["unit"]) == (432, "项")
    assert [s["value"] for s in q["sub_quotas"]] == [20, 239, 112, 61]
    assert [(m["date"], m["share"]) for m in voc["milestones"]] == [("2023-04-30", 0.75), ("2023-05-31", 1)]
    assert voc["schedule"]["deadline"] == "2023-05-31"
    trucks = tasks["a5-22"]["quantities"][0]
    assert (trucks["value"], trucks["stretch"], trucks["unit"]) == (3000, 5000, "辆")
    checks = {x["id"]: x for x in tasks["a5-46"]["quantities"]}
    assert checks["roadside-checks"]["value"] == 10000
    assert checks["roadside-checks"]["sub_quotas"][0]["value"] == 2000
    assert checks["household-checks"]["value"] == 3000
    values = {
        ("a5-02", 20),
        ("a5-04", 20),
        ("a5-10", 12.17),
        ("a5-12", 3),
        ("a5-13", 80),
        ("a5-15", 100),
        ("a5-16", 30),
        ("a5-25", 11),
        ("a5-26", 430),
        ("a5-26", 99),
        ("a5-31", 12),
        ("a5-32", 350),
        ("a5-33", 3906),
        ("a5-33", 50),
        ("a5-38", 760),
        ("a5-57", 20),
        ("a5-60", 50),
        ("a5-65", 100),
        ("a5-75", 12),
    }
    for tid, value in values:
        assert value in [x["value"] for x in tasks[tid]["quantities"]], (tid, value)
    assert tasks["a5-57"]["quantities"][0]["sub_quotas"][0]["value"] == 5
    assert tasks["a5-75"]["quantities"][0]["comparison"] == "at_most"
    sampling = tasks["a5-61"]["milestones"][0]
    assert sampling["date"] == "2023-09-30" and sampling["quantity"]["value"] == 25


def test_no_quantities_duplicated_on_body_tasks(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins that quantities live on the most specific rows, never on the parent body tasks."""
    for tid in BODY_TASK_IDS:
        assert "quantities" not in tasks[tid], tid


def test_project_parents_exist(tasks: dict[str, dict[str, Any]]) -> None:
    """Pins that every project row points at an existing body task, and a few key links."""
    for tid, task in tasks.items():
        if task["kind"] == "project":
            assert task["parent"] in BODY_TASK_IDS, tid
    assert tasks["a2-08"]["parent"] == "s3-2-5"
    assert tasks["a2-21"]["parent"] == "s3-3-3"
    assert tasks["a4-01"]["parent"] == "s3-5-1"
    assert tasks["a1-16"]["parent"] == "s3-2-1"


def test_known_discrepancies_recorded(plan: dict[str, Any]) -> None:
    """Pins that each known disagreement is recorded with both readings and the affected ids."""
    found = {d["id"]: d for d in plan["discrepancies"]}
    expected = {
        "voc-project-count": (["432", "427"], {"s3-5-1", "a5-34", "a3-voc-projects"}),
        "outdoor-voc-hours": (["7时-20时", "8时-18时"], {"s3-5-4", "a5-44"}),
        "petrol-station-threshold": (["3000吨", "2000吨"], {"s3-6-5", "a5-62"}),
        "low-emission-zone-deadline": (["2023年10月前", "2023年10月底"], {"s3-6-4", "a5-56"}),
        "attachment-1-title": (["工业企业转型升级", "关停淘汰"], {"a1-01", "a1-16"}),
        "attachment-5-title": (
            ["大气污染综合治理工作任务分解表", "大气污染防治综合治理工作任务分解表"],
            {"a5-01", "a5-76"},
        ),
        "demo-zone-name": (["武安市工业园区新兴产业园", "邯郸市工业园区新兴产业园"], {"s3-5-2", "a5-40"}),
        "heavy-pollution-days": (["重度及以上", "重污染及以上"], {"s3-8-1", "a5-75"}),
        "truck-inspection-scope": (["燃油（气）", "柴油(气)"], {"s3-6-1", "a5-46"}),
        "ozone-precursor-list": (["活性前体物", "活性炭吸附体物"], {"s3-5-2", "a5-39"}),
        # Attachment 5 rows naming cooperating units their body task does not list.
        "units-s3-2-5": (["市工业和信息化局"], {"s3-2-5", "a5-14"}),
        "units-s3-3-4": (["市商务投资促进局"], {"s3-3-4", "a5-29"}),
        "units-s3-4-1": (["市建设局"], {"s3-4-1", "a5-31"}),
        "units-s3-5-1": (["市建设局", "市城管执法局"], {"s3-5-1", "a5-34"}),
    }
    for did, (fragments, subjects) in expected.items():
        assert did in found, did
        d = found[did]
        assert len(d["readings"]) >= 2
        joined = " | ".join(r["text"] for r in d["readings"])
        for fragment in fragments:
            assert fragment in joined, (did, fragment)
        assert subjects <= set(d["subjects"]), did
    assert len(found["attachment-1-title"]["subjects"]) == 16
    assert len(found["attachment-5-title"]["subjects"]) == A5_ROWS


def test_discrepancy_subjects_exist(plan: dict[str, Any]) -> None:
    """Pins that every discrepancy subject names an existing task, indicator or table."""
    known = {t["id"] for t in plan["tasks"]} | {i["id"] for i in plan["indicators"]} | {t["id"] for t in plan["tables"]}
    for d in plan["discrepancies"]:
        assert set(d["subjects"]) <= known, d["id"]


def test_enterprise_registry(load_policy: Any, plan: dict[str, Any]) -> None:
    """Pins that every project company resolves to a registry enterprise; 邯鄹 spellings only as aliases."""
    registry = load_policy(ENTERPRISE_FILE)
    assert registry["jurisdiction"] == {"id": "handan", "name": "邯郸市", "province": "河北省"}
    orgs = {o["id"]: o for o in registry["organizations"]}
    assert len(orgs) == len(registry["organizations"])
    assert all(o["kind"] == "enterprise" and o["id"].startswith("hd-ent-") for o in orgs.values())
    for task in plan["tasks"]:
        if task["kind"] == "project":
            org = orgs[task["project"]["enterprise"]]
            spellings = {org["name"], *org.get("aliases", [])}
            assert task["project"]["company"] in {s.replace(" ", "") for s in spellings}, task["id"]
    distinct_companies = {t["project"]["company"] for t in plan["tasks"] if t["kind"] == "project"}
    assert len(distinct_companies) == 53  # 6 in Attachment 1, 46 in Attachment 2, 1 in Attachment 4
    for org in orgs.values():
        assert "邯鄹" not in org["name"]
    assert "河北邯鄹热电股份有限公司" in orgs["hd-ent-handan-thermal-power"]["aliases"]
    assert orgs["hd-ent-handan-thermal-power"]["name"] == "河北邯郸热电股份有限公司"
    assert {"邯郸东郊热电", "邯鄹东郊热电"} <= set(orgs["hd-ent-guodian-dongjiao-thermal"]["aliases"])
    assert {"邯郸国际陆港", "邯鄹国际陆港"} <= set(orgs["hd-ent-handan-dry-port"]["aliases"])
    assert "太行钢铁" in orgs["hd-ent-taihang-steel"]["aliases"]
    assert "普阳钢铁" in orgs["hd-ent-puyang-steel"]["aliases"]
