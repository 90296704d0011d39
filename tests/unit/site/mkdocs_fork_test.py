"""A build that forks writes the pages a build in one process writes, and a copy that fails fails it."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from checker.site.mkdocs_fork import Fork, _Skipped, join, stop
from tests.built_site import build_site

pytestmark = pytest.mark.slow


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but the sitemap's archive, whose gzip header carries the build time."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file() and path.name != "sitemap.xml.gz"}


def test_a_forked_build_writes_every_file_as_one_process_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte for byte, page for page, download for download (the side build's copy, or the hook itself),
    and without MkDocs' note for each page the other process wrote."""
    monkeypatch.setenv("PLANCHECK_BUILD_PROCESSES", "2")
    forked = build_site(tmp_path / "forked")
    monkeypatch.setenv("PLANCHECK_BUILD_PROCESSES", "1")
    single = build_site(tmp_path / "single")
    assert forked.returncode == 0 and single.returncode == 0, forked.stderr + single.stderr
    assert "Page skipped" not in forked.stderr
    one, two = _files(tmp_path / "single"), _files(tmp_path / "forked")
    assert len(one) > 400 and sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []


def _spawn(code: str) -> int:
    """A child process running code, as the fork would be; posix_spawn, so that pytest's threads do not
    make os.fork warn."""
    return os.posix_spawn(sys.executable, [sys.executable, "-c", code], os.environ)


def _fork(pid: int, outputs: tuple[str, ...] = ()) -> Fork:
    return Fork(pid, outputs, _Skipped([]))


def test_a_copy_that_failed_fails_the_build() -> None:
    """Its exit status is in the Chinese message; the log above it says which page and why."""
    failure = join(_fork(_spawn("raise SystemExit(3)")))
    assert failure is not None and "失败（退出码 3）" in failure


def test_a_copy_that_left_a_page_unwritten_fails_the_build(tmp_path: Path) -> None:
    """Exit status 0 is not enough: every page it was given must be there."""
    written, unwritten = tmp_path / "a.html", tmp_path / "b.html"
    written.write_text("<html></html>", encoding="utf-8")
    failure = join(_fork(_spawn("pass"), (str(written), str(unwritten))))
    assert failure is not None and "缺少页面" in failure and str(unwritten) in failure
    assert join(_fork(_spawn("pass"), (str(written),))) is None


def test_a_failed_build_kills_the_copy() -> None:
    """stop does not wait for a copy still writing pages."""
    started = time.monotonic()
    stop(_fork(_spawn("import time; time.sleep(60)")))
    assert time.monotonic() - started < 30
