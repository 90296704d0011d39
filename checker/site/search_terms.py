"""The jieba user dictionary for Chinese search, generated from the data.

jieba segments page text at build time; without these entries it cuts 烧结机 or 退后十 into
meaningless pieces and a search for the term finds unrelated pages. Short names and aliases of
units and groups, industries and plan short titles go in, plus the domain terms below. Document
numbers stay out for the reason given at SHORT_NAME: 邯气领办〔2023〕5号 is found when jieba cuts
it. Entries containing whitespace cannot be expressed in jieba's format and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.model.records import Model

# Domain terms that appear across plans and bulletins (see the glossary in docs/dev/data-model.md).
DOMAIN_TERMS = (
    "烧结机", "球团", "高炉", "转炉", "焦炉", "散煤", "创A", "A级", "绩效分级", "退后十", "退后二十", "公转铁",
    "超低排放", "深度治理", "一氧化碳", "挥发性有机物", "VOCs", "国六", "国6b", "新能源", "重型货车", "清洁取暖",
    "煤改气", "煤改电", "秸秆", "扬尘", "重污染天气", "优良天数", "综合指数", "细颗粒物", "臭氧", "黑臭水体",
    "任务分解表", "牵头单位", "配合单位", "责任单位", "完成时限", "序时进度", "逾期", "临期", "台账",
)
# Full names (邯郸市生态环境局, 武安市裕华钢铁有限公司) are deliberately not entries. Material's browser
# side splits a Chinese query into the longest tokens it finds in the index, but never the whole
# query, and matches each piece as a prefix: a name kept whole as one token can then only be matched
# by its first piece, and its own page ranks below every page that mentions the name in parts
# (measured: 邯郸市生态环境局 not in the first five). Left to jieba, a full name splits into real words
# (邯郸市/生态/环境局, 武安市/裕华/钢铁/有限公司) that query pieces match one for one, and a partial query
# (裕华钢铁) works too. Short forms and terms that jieba would cut into meaningless characters stay
# whole: 市大气办, 开发区, 武安市, 烧结机, 散煤, 退后十.
SHORT_NAME = 5
# Frequency high enough that jieba keeps the entry whole rather than splitting it.
FREQUENCY = 200_000


def search_terms(model: Model) -> list[str]:
    terms: list[str] = list(DOMAIN_TERMS)
    for organization in model.organizations.values():
        terms += [alias for alias in organization.aliases if len(alias) <= SHORT_NAME]
    for group in model.groups.values():
        terms += [alias for alias in group.aliases if len(alias) <= SHORT_NAME]
    for plan in model.plans.values():
        terms += [plan.short_title] if plan.short_title else []
        for task in plan.tasks:
            if task.project is not None and task.project.industry:
                terms.append(task.project.industry)
    return sorted({term for term in terms if term and not any(ch.isspace() for ch in term)})


def jieba_user_dictionary(terms: Iterable[str]) -> str:
    """jieba's format: one `word frequency` per line."""
    return "".join(f"{term} {FREQUENCY}\n" for term in terms)
