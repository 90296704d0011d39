"""Half of the pages written by a forked copy of the MkDocs build, on a second core.

MkDocs writes the pages one after another: the theme's Jinja template, the `on_post_page` events
and the file, the larger half of a build. Once every page is read and converted to HTML (the `env`
event: all data is gathered and no page is written yet), the hook forks. The copy writes about
half the pages and exits; the original writes the others, and gives the copy's pages an empty
template, which MkDocs skips (its "Generated empty output" note for them is filtered out of the
log). Both run the same code on the same data, so each page is written exactly as one process
would write it; tests/unit/site/mkdocs_fork_test.py holds a forked build byte-equal to a build in
one process.

The copy writes only its own pages into the site folder and shares nothing else with the original.
It counts its own warnings, as strict mode counts the original's: its exit status is 0 only if it
wrote every page without one (in strict mode) and without an error, and `on_post_build` waits for
it and fails the build otherwise. A failed build kills it. When a build forks at all is decided in
checker.site.forking, for this copy and the side build's alike.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.utils import CountHandler

from checker.site import forking

EMPTY_TEMPLATE = "plancheck-written-by-the-fork.html"
# The copy writes 13 pages in every 25, spread evenly: the original also copies the static files,
# renders the sitemap and 404 page, passes over the copy's pages and checks every page's anchors,
# and finished last by 1.6 s of 48 at 20,000 tasks with half each.
_COPY_SLOTS = frozenset(range(0, 25, 2))


@dataclass(frozen=True)
class Fork:
    """The copy of the build and the pages it writes."""

    pid: int
    outputs: tuple[str, ...]  # the file of every page the copy writes
    quiet: logging.Filter  # drops MkDocs' note that this process skipped those pages


class _Skipped(logging.Filter):
    def __init__(self, pages: Sequence[File]) -> None:
        super().__init__()
        self.notes = {f"Page skipped: '{file.src_uri}'. Generated empty output." for file in pages}

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.notes


def split(env: jinja2.Environment, config: MkDocsConfig, files: Files, nav: Navigation) -> Fork:
    """Fork; in the copy, write 13 pages in 25 and exit. In the original, the copy's pages get
    the empty template, and the template is added to the theme's loader."""
    pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
    theirs = [file for index, file in enumerate(pages) if index % 25 in _COPY_SLOTS]
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({EMPTY_TEMPLATE: ""}), *_loaders(env)])
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (runs in the forked copy, which never returns)
        _write_and_exit(theirs, config, pages, nav, env)
    for file in theirs:
        assert file.page is not None
        file.page.meta["template"] = EMPTY_TEMPLATE
    quiet = _Skipped(theirs)
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    return Fork(pid, tuple(file.abs_dest_path for file in theirs), quiet)


def _loaders(env: jinja2.Environment) -> list[jinja2.BaseLoader]:
    return [env.loader] if env.loader is not None else []


def _write_and_exit(theirs: Sequence[File], config: MkDocsConfig, pages: Sequence[File], nav: Navigation,
                    env: jinja2.Environment) -> None:  # pragma: no cover (the forked copy)
    status = 1
    counter = CountHandler()  # what strict mode counts in the original, counted here for the copy
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        for file in theirs:
            assert file.page is not None
            _build_page(file.page, config, pages, nav, env)  # only included pages: none is a draft
        status = 1 if config.strict and counter.get_counts() else 0
    except BaseException:  # MkDocs has logged which page failed and why
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def join(fork: Fork) -> str | None:
    """Wait for the copy; None when it wrote all its pages, else what went wrong, in Chinese."""
    logging.getLogger("mkdocs.commands.build").removeFilter(fork.quiet)
    code = forking.wait(fork.pid)
    if code != 0:
        return f"分担页面生成的子进程失败（退出码 {code}），原因见上方的日志。"
    missing = [path for path in fork.outputs if not Path(path).is_file()]
    if missing:
        return "分担页面生成的子进程缺少页面：" + "、".join(missing[:10])
    return None


def stop(fork: Fork) -> None:
    """Kill the copy if it still runs (a failed build), and reap it."""
    logging.getLogger("mkdocs.commands.build").removeFilter(fork.quiet)
    forking.stop(fork.pid)
