"""Task page facts for readers: the company by its registry name, the source's misspelling marked."""

from __future__ import annotations

from checker.model.records import Project
from checker.site.task_facts import project_facts


def _project(company: str) -> Project:
    return Project(name=None, company=company, industry="钢铁", content="退城搬迁", adjustment=None, category=None,
                   park=None, enterprise="hd-ent-handan-power")


def _link(unit: str) -> str:
    return f'<a href="{unit}.html">河北邯郸热电股份有限公司</a>'


def test_a_misspelt_company_is_shown_by_its_registry_name_and_the_source_spelling_marked() -> None:
    """A company misspelt in the source links to its registry entry and shows the source's spelling as 原文如此."""
    rows = project_facts(_project("河北邯鄹热电股份有限公司"), _link)
    assert rows[0] == ["企业", f"{_link('hd-ent-handan-power')}（原文作“河北邯鄹热电股份有限公司”，原文如此）"]
    assert ["内容", "退城搬迁"] in rows and ["行业", "钢铁"] in rows


def test_a_half_width_variant_is_not_a_misspelling() -> None:
    """A half-width variant of the registry's spelling is not a misspelling: the link alone is shown."""
    rows = project_facts(_project("河北邯郸热电股份有限公司"), _link)
    assert rows[0] == ["企业", _link("hd-ent-handan-power")]


def test_a_company_outside_the_registry_is_shown_as_written() -> None:
    """A company the registry does not know is shown as written, without a link."""
    rows = project_facts(_project("某公司"), lambda unit: None)
    assert rows[0] == ["企业", "某公司"]
