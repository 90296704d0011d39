"""The site's downloads and search index, made by a forked copy of the build while MkDocs builds the pages.

The workbooks, the CSV, the check JSON, the feed, the form's unit data and the search index take
about as long as MkDocs takes to render every page, and need nothing MkDocs makes but the pages'
Markdown. So once the hook has evaluated the tree (on_config) it forks (`start`): the copy has the
evaluation already, makes the downloads at once while the hook makes the pages, and waits. Once
MkDocs knows every page the hook hands them over (`hand_pages`, in on_files) and the copy builds the
search index from them; after the build the hook copies the copy's files into the site (`finish`).
The copy calls the same pure functions `plancheck site` calls in one process, so the files are byte
for byte the same (tests/unit/site/side_build_test.py compares them).

The copy writes only into a folder the hook made for it, and the hook removes that folder
afterwards. The pages travel as a JSON file in that folder, announced by one byte on a pipe, which
never blocks the hook; a hook that ends without handing them over closes the pipe, and the copy
stops. Where a build does not fork (checker.site.forking), `one_process` makes the same files in
the hook's own process.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import NoReturn

from checker.errors import PlancheckError
from checker.evaluate.results import Evaluation
from checker.report.views import ReportContext
from checker.site import forking
from checker.site.build import site_downloads
from checker.site.search.index import build_index

_STDERR_SHOWN = 4000  # characters of a failed copy's error output shown in the build error
_PAGES_FILE = "pages.json"
_ERRORS_FILE = "stderr"
_GO = b"\n"  # on the pipe: the pages file is complete


@dataclass(frozen=True)
class Pages:
    pages: dict[str, str]  # docs-relative path → Markdown of every page, hand-written and generated, for the index
    aliases: dict[str, list[str]]  # docs-relative path → whole terms the page is known by


@dataclass
class SideBuild:
    pid: int
    go: int | None  # the pipe's end the hook writes _GO into; None once closed
    folder: Path


def start(evaluation: Evaluation, context: ReportContext) -> SideBuild:
    """Fork; the copy makes the downloads, then waits for the pages (`hand_pages`)."""
    folder = Path(tempfile.mkdtemp(prefix="plancheck-site-"))
    wait_end, go_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the forked copy, which never returns)
        os.close(go_end)
        _make_and_exit(evaluation, context, folder, wait_end)
    os.close(wait_end)
    return SideBuild(pid, go_end, folder)


def _make_and_exit(evaluation: Evaluation, context: ReportContext, folder: Path,
                   wait_end: int) -> NoReturn:  # pragma: no cover (the forked copy)
    status = 1
    try:
        write_files(folder / "files", site_downloads(evaluation, context))
        with os.fdopen(wait_end, "rb") as waiting:
            handed = waiting.read(1) == _GO
        if handed:
            pages = Pages(**json.loads((folder / _PAGES_FILE).read_text(encoding="utf-8")))
            write_files(folder / "files", build_index(pages.pages, pages.aliases))
        status = 0 if handed else 3  # 3: the build ended before it had the pages
    except BaseException:
        with contextlib.suppress(OSError):
            (folder / _ERRORS_FILE).write_text(traceback.format_exc(), encoding="utf-8")
    finally:
        os._exit(status)


def hand_pages(side: SideBuild, pages: dict[str, str], aliases: dict[str, list[str]]) -> None:
    """Give the copy every page for the search index. The pages travel rather than being made
    again: the index is then built from exactly the Markdown MkDocs renders."""
    written = side.folder / (_PAGES_FILE + ".part")
    written.write_text(json.dumps(asdict(Pages(pages, aliases)), ensure_ascii=False), encoding="utf-8")
    written.replace(side.folder / _PAGES_FILE)
    if side.go is not None:
        with contextlib.suppress(BrokenPipeError):  # the copy has failed already; finish reports it
            os.write(side.go, _GO)
    _close_pipe(side)


def one_process(evaluation: Evaluation, context: ReportContext, pages: dict[str, str],
                aliases: dict[str, list[str]]) -> dict[str, bytes]:
    """The same files in this process, for a build that does not fork."""
    return {**site_downloads(evaluation, context), **build_index(pages, aliases)}


def finish(side: SideBuild, site_dir: Path, expected: set[str]) -> list[str]:
    """Wait for the copy, copy its files into the site, and clean up; the paths copied.

    Raises PlancheckError when the copy failed or did not write every expected download.
    """
    try:
        _close_pipe(side)  # a copy still waiting for pages stops rather than hanging the build
        code = forking.wait(side.pid)
        if code != 0:
            errors = side.folder / _ERRORS_FILE
            shown = errors.read_text(encoding="utf-8", errors="replace")[-_STDERR_SHOWN:] if errors.exists() else ""
            raise PlancheckError(f"生成下载文件和搜索索引的子进程失败（退出码 {code}）：\n{shown}")
        files = side.folder / "files"
        written = sorted(path.relative_to(files).as_posix() for path in files.rglob("*") if path.is_file())
        missing = expected - set(written)
        if missing:
            raise PlancheckError("生成下载文件的子进程缺少文件：" + "、".join(sorted(missing)))
        for relative in written:
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _move(files / relative, target)
        return written
    finally:
        cancel(side)


def _move(source: Path, target: Path) -> None:
    """Renamed into the site where the temporary folder is on the same file system (60 MB of
    downloads at 20,000 tasks), copied where it is not. Either way the placeholder MkDocs wrote is
    replaced."""
    try:
        source.replace(target)
    except OSError:
        shutil.copyfile(source, target)


def cancel(side: SideBuild) -> None:
    """Stop the copy if it still runs, and remove what was made for it."""
    _close_pipe(side)
    forking.stop(side.pid)
    shutil.rmtree(side.folder, ignore_errors=True)


def _close_pipe(side: SideBuild) -> None:
    if side.go is not None:
        os.close(side.go)
        side.go = None


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Each file under folder, by its relative name."""
    for relative, data in files.items():
        if not _plain_relative(relative):  # names come from validated IDs; this only guards that rule
            raise PlancheckError(f"生成的文件名不在网站目录内：{relative!r}")
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)



def _plain_relative(path: str) -> bool:
    """A path that stays below the folder it is joined to: relative, no empty, . or .. parts."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not path.startswith("/") and all(part not in ("", ".", "..") for part in parts)
