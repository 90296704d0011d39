"""Footer from settings, lang="zh-CN" and the feed link in every page's head."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from checker.model.records import SiteInfo
from checker.site.chrome import _UNNAMED_DIALOG, _name_dialogs, feed_link, footer_html, head_and_language
from checker.workspace import open_workspace
from tests.support import copy_base


def test_the_footer_shows_what_is_configured_escaped() -> None:
    """The footer shows the configured host, contact and record number, escaped, with no link."""
    footer = footer_html(SiteInfo(host="<示例>局", contact="0310-1234567", record_number="冀ICP备1号"))
    assert "主办单位：&lt;示例&gt;局" in footer and "联系方式：0310-1234567" in footer and "冀ICP备1号" in footer
    assert "href" not in footer


def test_an_unconfigured_footer_is_empty() -> None:
    """No site settings, no footer; no record number, no 备案 line."""
    assert footer_html(SiteInfo()) == ""
    assert "备案" not in footer_html(SiteInfo(host="某局"))


def test_the_feed_link_is_relative_to_the_page() -> None:
    """The Atom feed link is relative to the page it is on."""
    assert 'href="feed.xml"' in feed_link("index.html")
    assert 'href="../../feed.xml"' in feed_link("tasks/hd-air-2023/a1-01.html")


def test_language_and_feed_link_are_written_into_the_page() -> None:
    """Each page gets lang=zh-CN and a feed link in its head."""
    page = '<!doctype html><html lang="zh" class="no-js"><head><title>x</title></head><body></body></html>'
    result = head_and_language(page, "units/a.html")
    assert result.startswith('<!doctype html><html lang="zh-CN" class="no-js">')
    assert '<link rel="alternate" type="application/atom+xml"' in result and 'href="../feed.xml"' in result


def test_the_search_dialog_gets_a_name_once() -> None:
    """The search dialog gets an accessible name, once even when the page passes twice."""
    page = '<html lang="zh"><head></head><body><div class="md-search" data-md-component="search" role="dialog">'
    result = head_and_language(page, "index.html")
    assert 'role="dialog" aria-label="搜索">' in result
    assert head_and_language(result, "index.html").count("aria-label") == 1


def test_settings_yaml_gives_the_site_block_and_site_url_ends_with_a_slash(tmp_path: Path) -> None:
    """policy/settings.yaml `site:` is validated by the schema and reaches the model; site_url gains its "/"."""
    policy = copy_base(tmp_path)
    settings = policy / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") if settings.exists() else "", encoding="utf-8")
    with settings.open("a", encoding="utf-8") as stream:
        stream.write("\nsite:\n  host: 某市生态环境局\n  record_number: 冀ICP备1号\n  site_url: https://example.gov.cn/pc\n")
    validation = open_workspace([policy], date(2023, 11, 20)).validation
    assert [f.code for f in validation.findings if f.is_error] == []
    assert validation.model.settings.site == SiteInfo("某市生态环境局", None, "冀ICP备1号", "https://example.gov.cn/pc/")


def test_dialogs_are_named_as_the_expression_over_the_whole_page_names_them() -> None:
    """On 20,000 random pages of tags and attributes, the windowed pass gives what one pass over the
    page gave (it only saves the work)."""
    pieces = ["<div", " ", 'role="dialog"', " aria-label=x", ">", "<", "a", "-", '"', "\n", "<divx", "</div>"]
    generator = random.Random(18)
    for _ in range(20000):
        html = "".join(generator.choices(pieces, k=generator.randint(0, 14)))
        assert _name_dialogs(html) == _UNNAMED_DIALOG.sub(r'\1 aria-label="搜索"', html), html
