"""MkDocs glue, kept thin: run the checker once, hand its pages and downloads to MkDocs.

mkdocs.yml names this file under `hooks:`. The as-of date is today unless PLANCHECK_AS_OF
(YYYY-MM-DD) says otherwise; the data is the policy/ folder next to mkdocs.yml unless
PLANCHECK_POLICY names another. Invalid data stops the build with the validator's findings.
Everything else is in checker.site.build and checker.site.tree, which know nothing about MkDocs;
`plancheck site OUT_DIR` writes the same files without it.

A `mkdocs build` uses a second core where it may (checker.site.forking), through forked copies:
one makes the downloads once the tree is evaluated, one the search index once MkDocs knows every
page (checker.site.side_build), and one writes about half of the pages once they are converted
(checker.site.mkdocs_fork). The downloads and the index are moved into the site after the build;
until then each download is registered with MkDocs as an empty file, so that links to it are
checked (--strict) like any other.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from checker.errors import PlancheckError
from checker.evaluate import evaluate
from checker.load.cache import default_cache_home
from checker.model.records import SiteInfo
from checker.report.findings import report_text
from checker.report.views import ReportContext
from checker.site import forking
from checker.site.build import SiteContent, download_paths, site_content, site_downloads
from checker.site.chrome import footer_html, head_and_language
from checker.site.finished_html import FinishedPage, finished_page
from checker.site.html_whitespace import CollapsedTemplates, collapse_indentation
from checker.site.mkdocs_fork import Fork, join, split, stop
from checker.site.raw_blocks import Stash, restore_blocks, stash_blocks
from checker.site.search.index import build_index
from checker.site.side_build import SideBuild, cancel, finish, start, write_files
from checker.workspace import CachePolicy, open_workspace


@dataclass(frozen=True)
class _Build:
    """What on_config learns for the later events of the same build."""

    content: SiteContent
    downloads: set[str]  # the download paths the side build will write
    forks: bool  # whether this build forks its copies (checker.site.forking)
    plain_markdown: bool  # whether Python-Markdown is set up as finished_page writes pages


_build: dict[str, _Build] = {}  # "current" → this build; MkDocs calls the events of one build in order
# "downloads" (from on_config) and "index" (from on_files) → the copy making them, until on_post_build;
# in a build that does not fork, the files themselves
_side: dict[str, SideBuild | dict[str, bytes]] = {}
_blocks: dict[str, Stash] = {}  # page → its HTML blocks, between on_page_markdown and on_page_content
_command: dict[str, str] = {}  # "current" → build, serve or dirty, from on_startup (see forking)
_nav: dict[str, Navigation] = {}  # "current" → the navigation, from on_nav to on_env
_fork: dict[str, Fork] = {}  # "current" → the copy writing half the pages, from on_env to on_post_build


def on_startup(command: str, dirty: bool, **_: Any) -> None:
    _command["current"] = "dirty" if dirty else command


def as_of_date(environ: Mapping[str, str] = os.environ) -> date:
    text = environ.get("PLANCHECK_AS_OF")
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise PluginError(f"PLANCHECK_AS_OF 须为 YYYY-MM-DD 格式的日期，现为“{text}”。") from error


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    as_of = as_of_date()
    policy = Path(os.environ.get("PLANCHECK_POLICY") or root / "policy")
    try:
        # Reports after a past as-of date are not yet known (evaluate ignores them); only a report
        # dated after today, the real date, is invalid.
        workspace = open_workspace([policy], date.today(), CachePolicy(home=default_cache_home(os.environ)))
    except PlancheckError as error:
        raise PluginError(error.message) from error
    validation = workspace.validation
    if not validation.valid:
        findings = io.StringIO()
        report_text(validation.findings, len(workspace.documents), findings)
        raise PluginError("policy/ 中的数据未通过校验，网站未生成：\n" + findings.getvalue())
    evaluation, context = evaluate(validation.model, as_of), ReportContext(validation.model)
    forks = forking.allowed(_command.get("current", ""))
    _on_the_side("downloads", functools.partial(site_downloads, evaluation, context), "下载文件", forks)
    _site_information(config, validation.model.settings.site)
    _build["current"] = _Build(site_content(evaluation, context), download_paths(evaluation, context), forks,
                               _plain_markdown(config))
    return config


def _on_the_side(name: str, make: Callable[[], dict[str, bytes]], what: str, forks: bool) -> None:
    """Files made by a forked copy while the build goes on, or here and now where it does not fork."""
    _side[name] = start(make, what) if forks else make()


def _site_information(config: MkDocsConfig, info: SiteInfo) -> None:
    """Footer from settings.yaml instead of the theme's "Made with" link; site_url enables the sitemap."""
    config["copyright"] = footer_html(info) or None
    config["extra"]["generator"] = False
    if info.site_url:
        config["site_url"] = info.site_url


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    build = _build["current"]
    content = build.content
    handwritten = {file.src_uri: file.content_string for file in files.documentation_pages()
                   if file.src_uri not in content.pages}
    placeholders = dict.fromkeys(build.downloads, b"")  # filled in by on_post_build
    for path, data in {**{p: m.encode("utf-8") for p, m in content.pages.items()}, **placeholders}.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=data))
    pages = {**handwritten, **content.pages}  # the index is built from exactly the Markdown MkDocs renders
    _on_the_side("index", functools.partial(build_index, pages, content.search_aliases), "搜索索引", build.forks)
    return files


def on_nav(nav: Navigation, **_: Any) -> Navigation:
    _nav["current"] = nav
    return nav


@event_priority(-100)  # last, so that the copy has the theme's environment as every plugin left it
def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files, **_: Any) -> jinja2.Environment:
    if env.loader is not None:
        env.loader = CollapsedTemplates(env.loader)
    if _build["current"].forks:
        _fork["current"] = split(env, config, files, _nav.pop("current"))
    return env


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    build = _build["current"]
    if page.file.src_uri not in build.content.pages:
        return markdown
    markdown, stash = stash_blocks(markdown)
    finished = finished_page(markdown, stash) if "title" in page.meta and build.plain_markdown else None
    if finished is not None:  # written by finished_page: no Python-Markdown for this page at all
        page.render = functools.partial(_render_finished, page, finished)  # type: ignore[method-assign]
        return markdown
    _blocks[page.file.src_uri] = stash
    return markdown


def _render_finished(page: Page, finished: FinishedPage, config: MkDocsConfig, files: Files) -> None:
    """What Page.render sets, from finished_page instead of a Markdown instance: MkDocs made one per
    page (0.15 ms) even for a page with nothing left to convert."""
    page.content = finished.html
    page.toc = get_toc(finished.toc_tokens)
    page.present_anchor_ids = finished.anchors
    page.links_to_anchors = {}  # finished pages have no Markdown links


def _plain_markdown(config: MkDocsConfig) -> bool:
    """Whether Python-Markdown is set up as finished_page writes pages: our mkdocs.yml's extensions
    (and MkDocs's built-in ones), the toc extension without permalinks, anchors or another slugify."""
    extensions = {name for name in config.markdown_extensions if isinstance(name, str)}
    toc = config.mdx_configs.get("toc", {})
    return (len(extensions) == len(config.markdown_extensions) and extensions <= _KNOWN_EXTENSIONS
            and set(toc) <= {"permalink"} and not toc.get("permalink"))


_KNOWN_EXTENSIONS = {"admonition", "attr_list", "tables", "toc", "fenced_code"}


def on_page_content(html: str, page: Page, **_: Any) -> str:
    return restore_blocks(html, _blocks.pop(page.file.src_uri, Stash()))


# Material's offline plugin adds this shim for its own search worker from file://. Our search needs
# no worker, and the host is often blocked in mainland China: a page must request nothing elsewhere.
_OFFLINE_SHIM = '<script src="https://unpkg.com/iframe-worker/shim"></script>'


def on_post_page(output: str, page: Page, **_: Any) -> str:
    if not output:  # a page the forked copy writes
        return output
    return head_and_language(collapse_indentation(output.replace(_OFFLINE_SHIM, "")), page.url or "index.html")


@event_priority(100)  # first, so that other plugins see every page written
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """The forked copy's pages written, and the downloads and the search index moved in."""
    fork = _fork.pop("current", None)
    failure = join(fork) if fork is not None else None
    if failure is not None:
        raise PluginError(failure)
    try:
        for name, expected in (("downloads", _build["current"].downloads), ("index", set[str]())):
            side = _side.pop(name)
            if isinstance(side, SideBuild):
                finish(side, Path(config.site_dir), expected)
            else:
                write_files(Path(config.site_dir), side)
    except PlancheckError as error:
        raise PluginError(error.message) from error


def on_build_error(**_: Any) -> None:
    fork = _fork.pop("current", None)
    if fork is not None:
        stop(fork)
    for side in _side.values():
        if isinstance(side, SideBuild):
            cancel(side)
    _side.clear()


# The theme's 404 page says it in English; a reader here reads Chinese.
_NOT_FOUND = ("<h1>404 - Not found</h1>",
              "<h1>404 - 找不到该页面</h1><p>页面可能已移动或删除，请用上方的搜索或左侧的导航查找。</p>")


def on_post_template(output_content: str, template_name: str, **_: Any) -> str:
    """Static templates (404.html) carry the same shim, and an HTML one is collapsed as a page is."""
    output = output_content.replace(_OFFLINE_SHIM, "")
    if template_name == "404.html":
        output = output.replace(*_NOT_FOUND)
    return collapse_indentation(output) if template_name.endswith(".html") else output
