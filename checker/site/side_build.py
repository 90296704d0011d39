"""The site's downloads and search index, made by forked copies of the build while MkDocs builds the pages.

The workbooks, the CSV, the check JSON, the feed and the form's unit data, and the search index,
need nothing MkDocs makes but the pages' Markdown, and take about as long as MkDocs's own work.
So the hook forks twice (`start`): once it has evaluated the tree (on_config), a copy makes the
downloads while the hook makes the pages; once MkDocs knows every page (on_files), a second copy
builds the search index from them. Each copy has what it needs in memory already: nothing is
handed over, nothing made twice. After the build the hook moves the copies' files into the site
(`finish`). The copies call the same pure functions `plancheck site` calls in one process, so the
files are byte for byte the same (tests/unit/site/mkdocs_fork_test.py compares the built sites).

A copy writes only into a temporary folder the hook made for it, and the hook removes that folder
afterwards. A copy that fails leaves its traceback there, and `finish` reports it. Where a build
does not fork (checker.site.forking), the hook calls the same functions in its own process.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NoReturn

from checker.errors import PlancheckError
from checker.site import forking

_STDERR_SHOWN = 4000  # characters of a failed copy's error output shown in the build error
_ERRORS_FILE = "stderr"


@dataclass(frozen=True)
class SideBuild:
    pid: int
    folder: Path
    what: str  # what it makes, in Chinese, for the error message


def start(make: Callable[[], dict[str, bytes]], what: str) -> SideBuild:
    """Fork; the copy writes what `make` returns into its folder and exits."""
    folder = Path(tempfile.mkdtemp(prefix="plancheck-site-"))
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the forked copy, which never returns)
        _make_and_exit(make, folder)
    return SideBuild(pid, folder, what)


def _make_and_exit(make: Callable[[], dict[str, bytes]], folder: Path) -> NoReturn:  # pragma: no cover
    status = 1
    try:
        write_files(folder / "files", make())
        status = 0
    except BaseException:
        with contextlib.suppress(OSError):
            (folder / _ERRORS_FILE).write_text(traceback.format_exc(), encoding="utf-8")
    finally:
        os._exit(status)


def finish(side: SideBuild, site_dir: Path, expected: set[str]) -> list[str]:
    """Wait for the copy, move its files into the site, and clean up; the paths moved.

    Raises PlancheckError when the copy failed or did not write every expected file.
    """
    try:
        code = forking.wait(side.pid)
        if code != 0:
            errors = side.folder / _ERRORS_FILE
            shown = errors.read_text(encoding="utf-8", errors="replace")[-_STDERR_SHOWN:] if errors.exists() else ""
            raise PlancheckError(f"生成{side.what}的子进程失败（退出码 {code}）：\n{shown}")
        files = side.folder / "files"
        written = sorted(path.relative_to(files).as_posix() for path in files.rglob("*") if path.is_file())
        missing = expected - set(written)
        if missing:
            raise PlancheckError(f"生成{side.what}的子进程缺少文件：" + "、".join(sorted(missing)))
        for relative in written:
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _move(files / relative, target)
        return written
    finally:  # the copy is reaped: its process ID may be another's by now, so it is not signalled
        shutil.rmtree(side.folder, ignore_errors=True)


def _move(source: Path, target: Path) -> None:
    """Renamed into the site where the temporary folder is on the same file system (60 MB of
    downloads at 20,000 tasks), copied where it is not. Either way the placeholder MkDocs wrote is
    replaced."""
    try:
        source.replace(target)
    except OSError:
        shutil.copyfile(source, target)


def cancel(side: SideBuild) -> None:
    """Stop a copy not yet waited for (a failed build), and remove what was made for it."""
    forking.stop(side.pid)
    shutil.rmtree(side.folder, ignore_errors=True)


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
