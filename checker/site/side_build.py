"""The site's downloads and search index, made by a second process while MkDocs builds the pages.

The workbooks, the CSV, the check JSON, the feed, the form's unit data and the search index take
about as long as MkDocs takes to render every page, and need nothing MkDocs makes but the pages'
Markdown. So the hook starts this module as a child process as soon as the build starts (`start`,
in on_config): the child loads, validates and evaluates the tree and writes the downloads while
the hook does the same to make the pages. Once MkDocs knows every page the hook hands them over
(`hand_pages`, in on_files), the child builds the search index from them, and after the build the
hook copies the child's files into the site (`finish`). The child evaluates the same tree with the
same pure functions `plancheck site` calls in one process, so the files are byte for byte the same
(tests/unit/site/side_build_test.py compares them).

The child reads its request, and later the pages, as JSON from files in the folder the hook made
for it, and writes only into that folder; the hook removes it afterwards. The pages are announced
by one byte on the child's stdin, which never blocks the hook; a hook that ends without handing
them over closes stdin, and the child stops.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from checker.errors import PlancheckError
from checker.evaluate import evaluate
from checker.load.cache import default_cache_home
from checker.report.views import ReportContext
from checker.site.build import site_downloads
from checker.site.search.index import build_index
from checker.workspace import CachePolicy, open_workspace

_STDERR_SHOWN = 4000  # characters of a failed child's error output shown in the build error


@dataclass(frozen=True)
class Request:
    policy: str
    checked_on: str  # reports dated after it are errors (the real date)
    as_of: str  # the evaluation date of the site
    folder: str  # where the child writes; made and removed by the parent


@dataclass(frozen=True)
class Pages:
    pages: dict[str, str]  # docs-relative path → Markdown of every page, hand-written and generated, for the index
    aliases: dict[str, list[str]]  # docs-relative path → whole terms the page is known by


_PAGES_FILE = "pages.json"
_GO = b"\n"  # on the child's stdin: the pages file is complete


@dataclass
class SideBuild:
    process: subprocess.Popen[bytes]
    folder: Path
    errors: Path


def start(policy: Path, checked_on: date, as_of: date) -> SideBuild:
    """Start the child on the same code as this process; it makes the downloads and then waits for
    the pages (`hand_pages`)."""
    folder = Path(tempfile.mkdtemp(prefix="plancheck-site-"))
    errors = folder / "stderr"
    request_file = folder / "request.json"
    request = Request(str(policy), checked_on.isoformat(), as_of.isoformat(), str(folder / "files"))
    request_file.write_text(json.dumps(asdict(request), ensure_ascii=False), encoding="utf-8")
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding checker/
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root,
                                                                             os.environ.get("PYTHONPATH")]))}
    with errors.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "checker.site.side_build", str(request_file)],
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=stderr,
                                   env=environment)
    return SideBuild(process, folder, errors)


def hand_pages(side: SideBuild, pages: dict[str, str], aliases: dict[str, list[str]]) -> None:
    """Give the child every page for the search index. The pages travel rather than being made
    again: the index is then built from exactly the Markdown MkDocs renders."""
    written = side.folder / (_PAGES_FILE + ".part")
    written.write_text(json.dumps(asdict(Pages(pages, aliases)), ensure_ascii=False), encoding="utf-8")
    written.replace(side.folder / _PAGES_FILE)
    assert side.process.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # the child has failed already; finish reports it
        side.process.stdin.write(_GO)
    _close_stdin(side)


def _close_stdin(side: SideBuild) -> None:
    if side.process.stdin is not None:
        with contextlib.suppress(BrokenPipeError):
            side.process.stdin.close()


def finish(side: SideBuild, site_dir: Path, expected: set[str]) -> list[str]:
    """Wait for the child, copy its files into the site, and clean up; the paths copied.

    Raises PlancheckError when the child failed or did not write every expected download.
    """
    try:
        _close_stdin(side)  # a child still waiting for pages stops rather than hanging the build
        if side.process.wait() != 0:
            shown = side.errors.read_text(encoding="utf-8", errors="replace")[-_STDERR_SHOWN:]
            raise PlancheckError(f"生成下载文件和搜索索引的子进程失败（退出码 {side.process.returncode}）：\n{shown}")
        files = side.folder / "files"
        written = sorted(path.relative_to(files).as_posix() for path in files.rglob("*") if path.is_file())
        missing = expected - set(written)
        if missing:
            raise PlancheckError("生成下载文件的子进程缺少文件：" + "、".join(sorted(missing)))
        for relative in written:
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(files / relative, target)
        return written
    finally:
        cancel(side)


def cancel(side: SideBuild) -> None:
    """Stop the child if it still runs, and remove what was made for it."""
    _close_stdin(side)
    if side.process.poll() is None:
        side.process.kill()
        side.process.wait()
    shutil.rmtree(side.folder, ignore_errors=True)


def downloads(request: Request) -> dict[str, bytes]:
    """The downloads, as the one-process build makes them."""
    workspace = open_workspace([Path(request.policy)], date.fromisoformat(request.checked_on),
                               CachePolicy(home=default_cache_home(os.environ)))
    validation = workspace.validation
    if not validation.valid:
        raise PlancheckError("policy/ 中的数据未通过校验，下载文件未生成。")
    evaluation = evaluate(validation.model, date.fromisoformat(request.as_of))
    return site_downloads(evaluation, ReportContext(validation.model))


def _plain_relative(path: str) -> bool:
    """A path that stays below the folder it is joined to: relative, no empty, . or .. parts."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not path.startswith("/") and all(part not in ("", ".", "..") for part in parts)


def main(arguments: list[str]) -> int:
    """Downloads first, then, once the hook says the pages are there, the search index."""
    request_file = Path(arguments[0])
    request = Request(**json.loads(request_file.read_text(encoding="utf-8")))
    _write(Path(request.folder), downloads(request))
    if sys.stdin.buffer.read(1) != _GO:  # the build ended before it had the pages
        return 3
    pages = Pages(**json.loads((request_file.parent / _PAGES_FILE).read_text(encoding="utf-8")))
    _write(Path(request.folder), build_index(pages.pages, pages.aliases))
    return 0


def _write(folder: Path, files: dict[str, bytes]) -> None:
    for relative, data in files.items():
        if not _plain_relative(relative):  # names come from validated IDs; this only guards that rule
            raise PlancheckError(f"生成的文件名不在网站目录内：{relative!r}")
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
