"""The downloads and search index made by the side builds' forked copies are the one-process build's, byte for byte."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import download_paths, site_downloads
from checker.site.side_build import _plain_relative
from checker.workspace import open_workspace
from tests.built_site import AS_OF
from tests.support import BASE, REPOSITORY, run_cli


def test_the_built_site_has_the_downloads_and_index_plancheck_site_writes(site: Path, tmp_path: Path) -> None:
    """mkdocs build (forked copies) and `plancheck site` (one process) give the same bytes for each such file."""
    code, _, stderr = run_cli("site", str(tmp_path / "tree"), str(REPOSITORY / "policy"), "--as-of", AS_OF,
                              "--docs", str(REPOSITORY / "docs"))
    assert code == 0, stderr
    tree = tmp_path / "tree"
    made = sorted(path.relative_to(tree).as_posix() for folder in ("downloads", "search", "assets/form-units")
                  for path in (tree / folder).rglob("*") if path.is_file())
    made.append("feed.xml")
    assert len(made) > 20
    different = [path for path in made if (site / path).read_bytes() != (tree / path).read_bytes()]
    assert different == []


@pytest.mark.parametrize("as_of", [date(2023, 6, 1), date(2025, 12, 31)])
def test_download_paths_names_every_download_and_nothing_else(as_of: date) -> None:
    """The hook registers these names before the side build has made the files."""
    model = open_workspace([BASE / "policy"], as_of).validation.model
    evaluation, context = evaluate(model, as_of), ReportContext(model)
    assert download_paths(evaluation, context) == set(site_downloads(evaluation, context))


def _in_a_fresh_process(body: str, tmp_path: Path) -> str:
    """Run body after `side`, `evaluation` and `context` are set up, in a new interpreter: forking
    is for a process without threads (checker.site.forking), and pytest may have some by now."""
    script = tmp_path / "side.py"
    script.write_text(textwrap.dedent(f"""
        import sys, time
        from datetime import date
        from pathlib import Path
        from checker.errors import PlancheckError
        from checker.evaluate import evaluate
        from checker.report.views import ReportContext
        from checker.site import side_build
        from checker.workspace import open_workspace
        model = open_workspace([Path({str(REPOSITORY / "policy")!r})], date.today()).validation.model
        evaluation, context = evaluate(model, date.fromisoformat({AS_OF!r})), ReportContext(model)
        site = Path({str(tmp_path / "site")!r})
    """) + textwrap.dedent(body), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=REPOSITORY, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_copy_writes_what_it_makes_and_the_hook_moves_it_into_the_site(tmp_path: Path) -> None:
    """The downloads, made by a forked copy from the evaluation it inherited, land in the site as
    the one-process build writes them; the copy's folder goes."""
    output = _in_a_fresh_process("""
        from checker.site.build import download_paths, site_downloads
        expected = site_downloads(evaluation, context)
        side = side_build.start(lambda: site_downloads(evaluation, context), "下载文件")
        moved = side_build.finish(side, site, download_paths(evaluation, context))
        same = all((site / path).read_bytes() == data for path, data in expected.items())
        print("moved:", sorted(moved) == sorted(expected), "same:", same, "folder gone:", not side.folder.exists())
    """, tmp_path)
    assert "moved: True same: True folder gone: True" in output


def test_a_failing_copy_is_reported_with_its_error_and_leaves_nothing(tmp_path: Path) -> None:
    """A copy that fails gives a Chinese error with its traceback; its folder goes, the site is untouched."""
    output = _in_a_fresh_process("""
        def broken():
            raise ValueError("工作簿写不出来")
        side = side_build.start(broken, "下载文件")
        try:
            side_build.finish(side, site, {"downloads/ledger.csv"})
        except PlancheckError as error:
            print(error.message)
        print("folder gone:", not side.folder.exists(), "site untouched:", not site.exists())
    """, tmp_path)
    assert "生成下载文件的子进程失败（退出码 1）" in output and "ValueError: 工作簿写不出来" in output
    assert "folder gone: True site untouched: True" in output


def test_a_copy_that_left_a_file_out_is_reported(tmp_path: Path) -> None:
    """Exit status 0 is not enough: every download the hook registered must be there."""
    output = _in_a_fresh_process("""
        side = side_build.start(lambda: {"downloads/ledger.csv": b"x"}, "下载文件")
        try:
            side_build.finish(side, site, {"downloads/ledger.csv", "downloads/ledger.xlsx"})
        except PlancheckError as error:
            print(error.message)
    """, tmp_path)
    assert "生成下载文件的子进程缺少文件：downloads/ledger.xlsx" in output


def test_cancel_stops_the_copy_and_removes_its_folder(tmp_path: Path) -> None:
    """A build error on the MkDocs side stops the copy at once."""
    output = _in_a_fresh_process("""
        import os
        side = side_build.start(lambda: time.sleep(60) or {}, "搜索索引")
        started = time.monotonic()
        side_build.cancel(side)
        try:
            os.kill(side.pid, 0)
            print("still there")
        except ProcessLookupError:
            print("stopped, folder gone:", not side.folder.exists(), time.monotonic() - started < 30)
    """, tmp_path)
    assert "stopped, folder gone: True True" in output


@pytest.mark.parametrize(("path", "plain"), [("downloads/units/a.xlsx", True), ("search/shard-0.js", True),
                                             ("../x", False), ("/etc/x", False), ("a/../../x", False), ("", False)])
def test_only_plain_relative_names_are_written(path: str, plain: bool) -> None:
    """The child writes a file only below its own folder, whatever a name turned out to be."""
    assert _plain_relative(path) is plain
