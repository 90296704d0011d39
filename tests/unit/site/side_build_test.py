"""The downloads and search index made by the side process are the one-process build's, byte for byte."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from checker.errors import PlancheckError
from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import download_paths, site_downloads
from checker.site.side_build import _plain_relative, cancel, finish, hand_pages, start
from checker.workspace import open_workspace
from tests.built_site import AS_OF
from tests.support import BASE, REPOSITORY, run_cli


def test_the_built_site_has_the_downloads_and_index_plancheck_site_writes(site: Path, tmp_path: Path) -> None:
    """mkdocs build (side process) and `plancheck site` (one process) give the same bytes for each such file."""
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
    """The hook registers these names before the side process has made the files."""
    model = open_workspace([BASE / "policy"], as_of).validation.model
    evaluation, context = evaluate(model, as_of), ReportContext(model)
    assert download_paths(evaluation, context) == set(site_downloads(evaluation, context))


def test_a_failing_side_process_is_reported_and_leaves_nothing(tmp_path: Path) -> None:
    """A child that fails (here: no policy folder) gives a Chinese error with its output; its folder goes."""
    side = start(tmp_path / "missing", date.today(), date.today())
    hand_pages(side, {"index.md": "# 首页\n"}, {})
    with pytest.raises(PlancheckError) as raised:
        finish(side, tmp_path / "site", {"downloads/ledger.csv"})
    assert "生成下载文件和搜索索引的子进程失败" in raised.value.message and "找不到" in raised.value.message
    assert not side.folder.exists() and not (tmp_path / "site").exists()


def test_the_child_makes_the_downloads_before_it_has_the_pages(tmp_path: Path) -> None:
    """Started with the build, the child writes every download while the hook is still making pages,
    and the search index only once it has them."""
    side = start(REPOSITORY / "policy", date.today(), date.fromisoformat(AS_OF))
    try:
        files = side.folder / "files"
        ledger = files / "downloads" / "ledger.csv"
        deadline = time.monotonic() + 120
        while not ledger.exists() and side.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ledger.exists() and side.process.poll() is None  # waiting for the pages
        assert not (files / "search").exists()
        hand_pages(side, {"index.md": "# 首页\n\n大气污染防治\n"}, {})
        written = finish(side, tmp_path / "site", {"downloads/ledger.csv"})
    finally:
        cancel(side)
    assert any(path.startswith("search/") for path in written) and (tmp_path / "site" / "downloads").is_dir()


def test_a_child_never_given_the_pages_stops_instead_of_hanging_the_build(tmp_path: Path) -> None:
    """finish without hand_pages (the hook failed between the two) closes the child's stdin: it stops, and
    the build reports it rather than waiting for ever."""
    side = start(REPOSITORY / "policy", date.today(), date.fromisoformat(AS_OF))
    with pytest.raises(PlancheckError) as raised:
        finish(side, tmp_path / "site", set())
    assert "退出码 3" in raised.value.message and not side.folder.exists()


def test_cancel_stops_the_child_and_removes_its_folder(tmp_path: Path) -> None:
    """A build error on the MkDocs side stops the side process at once."""
    side = start(REPOSITORY / "policy", date.today(), date.fromisoformat(AS_OF))
    cancel(side)
    assert side.process.returncode is not None and not side.folder.exists()


@pytest.mark.parametrize(("path", "plain"), [("downloads/units/a.xlsx", True), ("search/shard-0.js", True),
                                             ("../x", False), ("/etc/x", False), ("a/../../x", False), ("", False)])
def test_only_plain_relative_names_are_written(path: str, plain: bool) -> None:
    """The child writes a file only below its own folder, whatever a name turned out to be."""
    assert _plain_relative(path) is plain
