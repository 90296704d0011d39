"""Fidelity of policy/progress/hd-ecology/2025-10-23-bulletin.yaml to the 邯郸市生态环境局 bulletin of 2025-10-23.

Every expected value below was read off the bulletin by hand. The bulletin is not part of the
repository, so the passages the report quotes (【工作动态】 and the first article of 【情况交流】) are
copied into BULLETIN_EXCERPT as extracted from the PDF, line breaks included; every quote must occur
in that copy when whitespace is ignored. Only the `load_policy` fixture is used; no checker code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from tests.support import REPOSITORY

REPORT_PATH = "progress/hd-ecology/2025-10-23-bulletin.yaml"

BULLETIN_EXCERPT = """\
邯郸市生态环境局 2025年 10月 23日
【工作动态】
武安市分局持续推进钢铁企业一氧化碳专项整治。紧扣钢铁
行业一氧化碳治理任务，强化攻坚推进，目前 6台烧结机一氧化
碳治理任务已完成 3台，剩余 3台正在推进中。针对煤气调节能
力弱、放散频繁的龙凤山铸业、烘熔钢铁，通过新建大容量发电
项目增强煤气平衡能力，目前烘熔 50MW发电项目正土建施工，
部分设备到场，预计 11月底建成，龙凤山 80MW超高温亚临界
煤气发电项目处于可研阶段。同时坚持试点试验同步发力，华丰
焦炉干熄焦烟气治理经 6次催化剂迭代（采用粒状保护剂+催化
剂模式），CO小时排放由 22000mg/m³降至 9000mg/m³左右，待
数据理想后将推广应用；联合第三方在普阳开展活性焦工艺烧结
机蓄热式燃烧实验，着力突破技术瓶颈，形成可复制技术方案助
力区域空气质量改善。
（武安市生态环境分局提供）
【情况交流】
我市扎实推进“退后十”攻坚
“十四五”期间大气环境治理成效显著
“十四五”期间，邯郸市上下坚持以习近平生态文明思想
为指导，把空气质量综合指数“退后十”作为重大政治任务，
锚定目标、拼搏进取，大气指标年年有新进步，年年上新台阶。
2021年首次退出全国后十位；2024年历史性退出全国后二十位；
2025年前三季度，倒排全国第 49，美丽邯郸颜值更“靓”。
一、强化结构调整减排。加快传统产业绿色低碳转型，推
动落后产能关停淘汰，实施钢铁、焦化、水泥、煤炭洗选等传
统行业绿色低碳发展三年行动计划，完成邯钢老区和邯郸热电
退城搬迁，全市 1000 立方米以下高炉、100 吨以下转炉、步进
式烧结机、4.3 米以下焦炉全部退出，整合退出煤炭洗选企业
97 家、炭素企业 36 家、燃煤石灰窑 177 座。平原地区散煤清零，
扎实推进西部山区清洁取暖改造。大力实施柴油货车新能源替
代，全市新能源重型货车注册保有量达到 6784 辆，域内承担大
宗物料和产品运输的新能源重型货车达到 1.2 万辆。
二、提升治理能力水平。聚焦“结果导向、流程再造、数
字孪生”思路目标，在 7 家重点企业开展烧结机脱硝设施智能
喷氨、轧钢加热炉智能燃烧等 9 个场景大模型试点应用。完成
11 台烧结机 CO 深度治理，CO 排放浓度稳定达到 2800 毫克/立
方米以下，治理技术和排放水平全国领先。33 家重点行业企业
环保绩效创 A，累计创建率 76.7%，全省第 1，在产钢铁企业全
部实现环保绩效创 A。争取国家农村黑臭水体治理试点城市，获
得中央财政支持资金 1 亿元。大力优化营商环境，争取全国优
化环评分类管理试点，对 15个行业豁免环评审批，缩减项目审
批 45 天；大力推进“非现场”执法，全市 3616 家涉气企业实
现在线监测监控联网，2024 年入企检查次数同比减少 36.42%，
累计免罚 135 起、2630 万元。
三、强化创新理念撬动。在全省率先完成 17家钢铁企业产
品碳足迹核算，在全国率先发布钢铁产品碳足迹核算地方标准。
完成 30家企业 ESG 试点评价，连续两年在生态环境部 ESG 论坛
上作典型发言。印发《邯郸市生态产品价值实现工作方案》，
编制《生态产品目录（第一批）》，评选 6个生态产品价值实
现典型案例，着力打造推广特色农林产品“一品一播”、工业遗
址开发、生态文旅等实现路径。强化绿色金融赋能，全国首创
的企业绿色账户模式，初步完成绿色账户服务平台开发，500余
家企业绿色完成账户注册。市农行基于绿色账户给予曲周中驰
新材料有限公司 1000万元贷款，解决了企业资金短缺的燃眉之
急。我市绿色账户服务企业模式被生态环境部作为典型案例全
国推广。成功争取了全国农村黑臭水体治理、产业园区减污降
碳协同创新等多个国家和省级试点示范。
如今的邯郸从曾经的“十面霾伏”到“蓝天常在”，空气
质量综合指数排名连续四年稳定退出全国后十，2024年，全市
空气质量综合指数 4.467，全国排倒 24，历史性退出全国后二十，
较 2020 年下降 23.77%，改善率全省正 2；PM2.5浓度 46 微克/
立方米，较 2020年下降 19.30%，改善率全省正 4；优良天 248
天，较 2020年增加 27天；重污染天数 9天，较 2020年减少 8
天。2025年前三季度，邯郸市空气质量综合指数 3.681，为历史
同期最好，同比改善 13.39%；PM2.5浓度 31微克/立方米，首次
达到国家二级标准；重污染天气仅有 1天，同比减少 6天，较
2020年同期减少 13天。
"""


def _squeeze(text: str) -> str:
    """Remove all whitespace, including the ideographic space, as the verbatim convention does."""
    return re.sub(r"\s+", "", text.replace("\u3000", ""))


@pytest.fixture(scope="module")
def report(load_policy: Callable[[str], Any]) -> dict[str, Any]:
    data: dict[str, Any] = load_policy(REPORT_PATH)
    return data


@pytest.fixture(scope="module")
def updates(report: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = report["updates"]
    return found


@pytest.fixture(scope="module")
def observations(report: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = report["observations"]
    return found


def _only(items: list[dict[str, Any]], **wanted: Any) -> dict[str, Any]:
    matches = [item for item in items if all(item.get(key) == value for key, value in wanted.items())]
    assert len(matches) == 1, f"expected exactly one entry with {wanted}, found {len(matches)}"
    return matches[0]


# --------------------------------------------------------------------------- header


def test_header_names_the_issuing_bureau_and_date(report: dict[str, Any]) -> None:
    """Pins reporter (= folder), report date and the source block: issuer, date, file, masthead title."""
    assert report["reporter"] == "hd-ecology"
    assert report["date"] == "2025-10-23"
    assert report["source"] == {
        "title": "邯郸市生态环境局2025年10月23日",
        "date": "2025-10-23",
        "issuer": "hd-ecology",
        "file": "000_864b953936c46c7f.txt",
    }


def test_file_starts_with_the_schema_line() -> None:
    """Pins the editor schema header every data file starts with."""
    text = (REPOSITORY / "policy" / REPORT_PATH).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../schemas/progress.schema.json"


# --------------------------------------------------------------------------- counts

TASK_COUNTS = {
    "hd-eco-14th/s4-2-1": 5,
    "hd-eco-14th/s4-1-1": 2,
    "hd-eco-14th/s4-1-2": 2,
    "hd-eco-14th/s4-2-2": 2,
    "hd-eco-14th/box2-3": 2,
    "hd-eco-14th/s4-3-1-b": 2,
    "hd-eco-14th/s3-3-1": 2,
    "hd-eco-14th/s3-1-2": 1,
    "hd-eco-14th/s3-2-1": 1,
    "hd-eco-14th/s3-2-3": 1,
    "hd-eco-14th/s3-4-2": 1,
    "hd-eco-14th/s4-3-1-a": 1,
    "hd-eco-14th/s4-3-3-b": 1,
    "hd-eco-14th/s6-4-3": 1,
    "hd-eco-14th/s9-3-4": 1,
    "hd-eco-14th/s9-3-5": 1,
    "hd-eco-14th/s9-4-1": 1,
    "hd-eco-14th/s9-4-2": 1,
    "hd-air-2023/a1-16": 1,
    "hd-air-2023/a5-05": 1,
    "hd-air-2023/a5-10": 1,
}
# Attachment 1 of hd-air-2023, read off the plan: nine blast furnaces of 510–700 m³ and six
# converters of 50–60 t (industry 钢铁, rows 1–15), and the 2×220 MW units of the thermal plant (row 16).
STEEL_ROWS = tuple(f"hd-air-2023/a1-{row:02d}" for row in range(1, 16))
ATTACHMENT_1_ROWS = (*STEEL_ROWS, "hd-air-2023/a1-16")


def test_update_and_observation_counts(updates: list[dict[str, Any]], observations: list[dict[str, Any]]) -> None:
    """Pins 32 entries: 31 naming one task (21 tasks) and one naming the steel rows of Attachment 1; 4 observations."""
    assert len(updates) == 32
    assert dict(Counter(update["task"] for update in updates if "task" in update)) == TASK_COUNTS
    groups = [update for update in updates if "task" not in update]
    assert groups == [_only(updates, rows_of="hd-air-2023/attachment-1")]
    assert groups[0]["where"] == {"industry": "钢铁"}
    assert len(observations) == 4


def _expand(entry: dict[str, Any], plans: dict[str, Any]) -> list[str]:
    """The tasks an entry names, resolved by hand from the plan data (no checker code)."""
    if "task" in entry:
        return [entry["task"]]
    plan_id, _, parent = entry["rows_of"].partition("/")
    number = int(parent.removeprefix("attachment-"))
    where = entry.get("where", {})
    return [
        f"{plan_id}/{task['id']}" for task in plans[plan_id]["tasks"]
        if task.get("source", {}).get("attachment") == number
        and all(task.get("project", {}).get(field) == value for field, value in where.items())
    ]


@pytest.fixture(scope="module")
def plans(load_policy: Callable[[str], Any]) -> dict[str, Any]:
    return {plan_id: load_policy(f"plans/{plan_id}.yaml") for plan_id in ("hd-air-2023", "hd-eco-14th")}


def test_the_bulletin_links_exactly_these_tasks(updates: list[dict[str, Any]], plans: dict[str, Any]) -> None:
    """Every linked task, by ID: 18 of the 14th FYP, 18 of hd-air-2023 (16 Attachment 1 rows, a5-05, a5-10)."""
    linked = {task for update in updates for task in _expand(update, plans)}
    assert linked == set(TASK_COUNTS) | set(STEEL_ROWS)
    assert sorted(task for task in linked if task.startswith("hd-air-2023/")) == sorted(
        [*ATTACHMENT_1_ROWS, "hd-air-2023/a5-05", "hd-air-2023/a5-10"]
    )


def test_the_16_attachment_1_rows_are_done_without_a_completion_date(
    updates: list[dict[str, Any]], plans: dict[str, Any]
) -> None:
    """全部退出 / 完成……退城搬迁: each of the 16 rows done, and no completed_on (the bulletin gives no date)."""
    entries = {task: update for update in updates for task in _expand(update, plans) if task in ATTACHMENT_1_ROWS}
    assert sorted(entries) == sorted(ATTACHMENT_1_ROWS)
    for task, update in entries.items():
        assert update["status"] == "done", task
        assert "completed_on" not in update, task
    steel = _only(updates, rows_of="hd-air-2023/attachment-1")
    assert _squeeze(steel["quote"]) == "全市1000立方米以下高炉、100吨以下转炉、步进式烧结机、4.3米以下焦炉全部退出"
    assert _only(updates, task="hd-air-2023/a1-16")["quote"] == "完成邯钢老区和邯郸热电退城搬迁"


def test_done_entries_carry_no_completion_date(updates: list[dict[str, Any]]) -> None:
    """Done: the Attachment 1 rows, a5-05 and the steel-all-a milestone; the bulletin dates none of them."""
    done = [(u.get("task", u.get("rows_of")), u.get("milestone")) for u in updates if u["status"] == "done"]
    assert done == [
        ("hd-eco-14th/s4-2-2", "steel-all-a"), ("hd-eco-14th/box2-3", "steel-all-a"),
        ("hd-air-2023/attachment-1", None), ("hd-air-2023/a1-16", None), ("hd-air-2023/a5-05", None),
    ]
    assert all("completed_on" not in update for update in updates)


def test_partial_statements_on_2023_tasks_are_not_linked_as_unfinished(updates: list[dict[str, Any]]) -> None:
    """The only 2023 task reported unfinished is a5-10, whose work the bulletin says is still under way (扎实推进)."""
    unfinished = [u["task"] for u in updates if u.get("task", "").startswith("hd-air-2023/") and u["status"] != "done"]
    assert unfinished == ["hd-air-2023/a5-10"]
    assert _only(updates, task="hd-air-2023/a5-10")["quote"] == "扎实推进西部山区清洁取暖改造。"


# --------------------------------------------------------------------------- 【工作动态】


def test_wuan_sintering_machines_three_of_six(updates: list[dict[str, Any]]) -> None:
    """目前6台烧结机一氧化碳治理任务已完成3台 → done 3 of 6 台, still in progress."""
    update = _only(updates, done=3)
    assert update["task"] == "hd-eco-14th/s4-2-1"
    assert update["total"] == 6
    assert update["count_unit"] == "台"
    assert update["status"] == "in_progress"
    assert update["section"] == "【工作动态】"


def test_hongrong_50mw_plant_forecast_end_of_november(updates: list[dict[str, Any]]) -> None:
    """预计11月底建成 (bulletin of October 2025) → forecast 2025-11-30."""
    update = _only(updates, task="hd-eco-14th/s4-2-1", forecast={"date": "2025-11-30", "text": "预计11月底建成"})
    assert update["status"] == "in_progress"
    assert "烘熔50MW发电项目" in update["quote"]


def test_longfengshan_80mw_plant_not_started(updates: list[dict[str, Any]]) -> None:
    """处于可研阶段 → not started."""
    update = _only(updates, status="not_started")
    assert update["task"] == "hd-eco-14th/s4-2-1"
    assert "龙凤山80MW" in update["quote"]


def test_city_wide_co_update_is_last_for_s4_2_1(updates: list[dict[str, Any]]) -> None:
    """The checker reads the last update of a task as its state: the city-wide 11台 statement, in progress."""
    s4_2_1 = [update for update in updates if update.get("task") == "hd-eco-14th/s4-2-1"]
    last = s4_2_1[-1]
    assert last["quote"].startswith("完成11台烧结机CO深度治理")
    assert last["status"] == "in_progress"
    assert "done" not in last


# --------------------------------------------------------------------------- 【情况交流】 tasks


def test_steel_all_a_milestone_on_task_and_box(updates: list[dict[str, Any]]) -> None:
    """在产钢铁企业全部实现环保绩效创A → milestone steel-all-a done on s4-2-2 and its 专栏 twin box2-3."""
    for task in ("hd-eco-14th/s4-2-2", "hd-eco-14th/box2-3"):
        update = _only(updates, task=task, milestone="steel-all-a")
        assert update["status"] == "done"
        assert _squeeze(update["quote"]) == "在产钢铁企业全部实现环保绩效创A。"
        grading = _only(updates, task=task, status="in_progress")
        assert "33家重点行业企业环保绩效创A，累计创建率76.7%" in grading["quote"]
        assert "percent" not in grading


def test_nev_trucks_quote_without_quantities(updates: list[dict[str, Any]]) -> None:
    """6784辆 is a holding; s3-4-2's quantities are shares of new vehicles, so no quantities are given."""
    update = _only(updates, task="hd-eco-14th/s3-4-2")
    assert "新能源重型货车注册保有量达到6784辆" in update["quote"]
    assert "quantities" not in update


def test_online_monitoring_and_eia_exemptions(updates: list[dict[str, Any]]) -> None:
    """3616家 online monitoring (s9-4-1, s9-4-2) and 15个行业豁免环评审批 (s3-1-2)."""
    assert "3616家涉气企业实现在线监测监控联网" in _only(updates, task="hd-eco-14th/s9-4-2")["quote"]
    assert "3616家涉气企业" in _only(updates, task="hd-eco-14th/s9-4-1")["quote"]
    assert "对15个行业豁免环评审批，缩减项目审批45天" in _only(updates, task="hd-eco-14th/s3-1-2")["quote"]


# --------------------------------------------------------------------------- observations


def test_pm25_2024_is_46(observations: list[dict[str, Any]]) -> None:
    """PM2.5浓度46微克/立方米 for the full year 2024."""
    observation = _only(observations, indicator="hd-eco-14th/i01-pm25", period={"year": 2024})
    assert observation["value"] == 46


def test_good_days_2024_as_a_share_of_366_days(observations: list[dict[str, Any]]) -> None:
    """优良天248天 in leap year 2024 → 248/366 = 67.76 %, with the conversion in the note."""
    observation = _only(observations, indicator="hd-eco-14th/i02-good-days")
    assert observation["period"] == {"year": 2024}
    assert observation["value"] == 67.76
    assert round(248 / 366 * 100, 2) == observation["value"]
    assert "366" in observation["note"]
    assert "248" in observation["note"]


def test_pm25_first_three_quarters_of_2025(observations: list[dict[str, Any]]) -> None:
    """2025年前三季度 PM2.5 31 → a partial period through September."""
    observation = _only(observations, indicator="hd-eco-14th/i01-pm25", value=31)
    assert observation["period"] == {"year": 2025, "through_month": 9, "text": "2025年前三季度"}


def test_four_consecutive_years_outside_bottom_ten_cover_2023(observations: list[dict[str, Any]]) -> None:
    """连续四年稳定退出全国后十 (2021–2024) → hd-air-2023's 2023 rank target assessed met."""
    observation = _only(observations, indicator="hd-air-2023/aqi-rank")
    assert observation["period"] == {"year": 2023}
    assert observation["assessment"] == "met"
    assert "rank" not in observation
    assert "value" not in observation


# --------------------------------------------------------------------------- verbatim


def test_every_quote_occurs_in_the_bulletin(updates: list[dict[str, Any]], observations: list[dict[str, Any]]) -> None:
    """quote, forecast.text and period.text are verbatim modulo whitespace."""
    source = _squeeze(BULLETIN_EXCERPT)
    texts = [entry["quote"] for entry in updates + observations]
    texts += [update["forecast"]["text"] for update in updates if "forecast" in update]
    texts += [o["period"]["text"] for o in observations if "text" in o["period"]]
    texts.append(_squeeze("邯郸市生态环境局2025年10月23日"))
    missing = [text for text in texts if _squeeze(text) not in source]
    assert missing == []


def test_every_entry_names_its_column(updates: list[dict[str, Any]], observations: list[dict[str, Any]]) -> None:
    """section is one of the bulletin's two 栏目 (optionally followed by the article or heading)."""
    for entry in updates + observations:
        assert entry["section"].startswith(("【工作动态】", "【情况交流】")), entry["quote"]


# --------------------------------------------------------------------------- not linked


def test_unlinked_statements_are_listed_at_the_end() -> None:
    """Statements without a matching task or indicator are kept as '# not linked:' comments."""
    text = (REPOSITORY / "policy" / REPORT_PATH).read_text(encoding="utf-8")
    unlinked = [line for line in text.splitlines() if line.startswith("# not linked: ")]
    assert len(unlinked) == 21
    for keyword in ("华丰焦炉", "普阳", "大模型", "碳足迹", "ESG", "97家", "6784辆", "倒数97位", "强化政治引领",
                    "步进式烧结机", "a5-01", "a5-11", "s3-2-2", "a5-75"):
        assert any(keyword in line for line in unlinked), keyword
    assert all(" — " in line for line in unlinked), "each unlinked statement gives its reason after “ — ”"
