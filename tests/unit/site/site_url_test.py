"""A real `mkdocs build --strict` with policy/settings.yaml `site:`: footer, sitemap, canonical links."""

from __future__ import annotations

from pathlib import Path

from tests.built_site import build_site
from tests.support import copy_base


def test_site_settings_fill_the_footer_the_sitemap_and_canonical_links(tmp_path: Path) -> None:
    """With site_url the sitemap lists the pages and each page names its canonical URL; the footer shows the
    host, the contact and the record number, and no longer links to the theme's host."""
    policy = copy_base(tmp_path)
    settings = policy / "settings.yaml"
    existing = settings.read_text(encoding="utf-8") if settings.exists() else ""
    block = ("\nsite:\n  host: 示例市生态环境局\n  contact: 0310-0000000\n"
             "  record_number: 冀ICP备00000001号\n  site_url: https://example.gov.cn/pc/\n")
    settings.write_text(existing + block, encoding="utf-8")
    result = build_site(tmp_path / "site", policy=policy, as_of="2023-11-20")
    assert result.returncode == 0, result.stderr
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.gov.cn/pc/overdue.html</loc>" in sitemap
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.gov.cn/pc/' in home
    assert "主办单位：示例市生态环境局" in home and "0310-0000000" in home and "冀ICP备00000001号" in home
    assert "squidfunk" not in home and "Made with" not in home
    feed = (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert 'href="https://example.gov.cn/pc/feed.xml"' in feed
