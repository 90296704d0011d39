"""The names a page is known by, beyond its title."""

from __future__ import annotations

from checker.site.search.aliases import name_variants


def test_a_department_is_known_with_and_without_its_city() -> None:
    """邯郸市生态环境局 is also 市生态环境局 and 生态环境局."""
    assert name_variants("邯郸市生态环境局") == ["邯郸市生态环境局", "市生态环境局", "生态环境局"]


def test_a_prefixed_alias_is_known_without_its_prefix() -> None:
    """市大气办 is also 大气办; a county's own short name is left alone."""
    assert name_variants("市大气办") == ["市大气办", "大气办"]
    assert name_variants("武安市") == ["武安市"]
    assert name_variants("魏县") == ["魏县"]
