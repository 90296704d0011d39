"""The site's downloads and search index, made by a second process while MkDocs renders the pages.

The workbooks, the CSV, the check JSON, the feed, the form's unit data and the search index take
about as long as MkDocs takes to render every page, and need nothing MkDocs makes. So the hook
starts this module as a child process once the data is valid (`start`), MkDocs renders meanwhile
on another core, and the hook copies the child's files into the site after the build (`finish`).
The child evaluates the same validated tree (from the parse cache the hook has just filled) with
the same pure functions `plancheck site` calls in one process, so the files are byte for byte the
same (tests/unit/site/side_build_test.py compares them). The child reads its request as JSON from
a file in the folder the hook made for it, and writes only into that folder; the hook removes it
afterwards. A file rather than a pipe: the request holds every page (4 MB at 1,000 tasks), and a
pipe would hold the hook until the child had imported its modules and read it all, about 0.3 s.
"""

from __future__ import annotations

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
    pages: dict[str, str]  # docs-relative path → Markdown of every page, hand-written and generated, for the index
    aliases: dict[str, list[str]]  # docs-relative path → whole terms the page is known by
    folder: str  # where the child writes; made and removed by the parent


@dataclass
class SideBuild:
    process: subprocess.Popen[bytes]
    folder: Path
    errors: Path


def start(policy: Path, checked_on: date, as_of: date, pages: dict[str, str],
          aliases: dict[str, list[str]]) -> SideBuild:
    """Start the child on the same code as this process, and hand it the request.

    The pages travel with the request rather than being made again: the index is then built from
    exactly the Markdown MkDocs renders, and the child saves the time it would take.
    """
    folder = Path(tempfile.mkdtemp(prefix="plancheck-site-"))
    errors = folder / "stderr"
    request = Request(str(policy), checked_on.isoformat(), as_of.isoformat(), pages, aliases, str(folder / "files"))
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding checker/
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root,
                                                                             os.environ.get("PYTHONPATH")]))}
    request_file = folder / "request.json"
    request_file.write_text(json.dumps(asdict(request), ensure_ascii=False), encoding="utf-8")
    with errors.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "checker.site.side_build", str(request_file)],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
                                   env=environment)
    return SideBuild(process, folder, errors)


def finish(side: SideBuild, site_dir: Path, expected: set[str]) -> list[str]:
    """Wait for the child, copy its files into the site, and clean up; the paths copied.

    Raises PlancheckError when the child failed or did not write every expected download.
    """
    try:
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
    if side.process.poll() is None:
        side.process.kill()
        side.process.wait()
    shutil.rmtree(side.folder, ignore_errors=True)


def build(request: Request) -> dict[str, bytes]:
    """The downloads and the search-index files, as the one-process build makes them."""
    workspace = open_workspace([Path(request.policy)], date.fromisoformat(request.checked_on),
                               CachePolicy(home=default_cache_home(os.environ)))
    validation = workspace.validation
    if not validation.valid:
        raise PlancheckError("policy/ 中的数据在生成网站期间发生了变化，且未通过校验；请重新生成。")
    evaluation = evaluate(validation.model, date.fromisoformat(request.as_of))
    files = site_downloads(evaluation, ReportContext(validation.model))
    files.update(build_index(request.pages, request.aliases))
    return files


def _plain_relative(path: str) -> bool:
    """A path that stays below the folder it is joined to: relative, no empty, . or .. parts."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not path.startswith("/") and all(part not in ("", ".", "..") for part in parts)


def main(arguments: list[str]) -> int:
    request = Request(**json.loads(Path(arguments[0]).read_text(encoding="utf-8")))
    folder = Path(request.folder)
    for relative, data in build(request).items():
        if not _plain_relative(relative):  # names come from validated IDs; this only guards that rule
            raise PlancheckError(f"生成的文件名不在网站目录内：{relative!r}")
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
