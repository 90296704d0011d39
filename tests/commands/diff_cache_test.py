"""plancheck diff reads its revision through the parse cache, like the working tree.

The revision is exported into a new scratch folder on every run; a second diff against the same
revision still finds every entry the first one left, and reads none of the files again.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from checker.cli import main
from checker.load.cache import root_folder
from tests.commands.diff_support import AS_OF, append, committed_base, diff
from tests.support import run_cli

_MARK = 1_000_000_000  # a modification time no entry written by a run can have (2001-09-09)


@pytest.fixture
def policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base tree committed in a fresh repository, one report given a comment; the working directory is its top."""
    policy = committed_base(tmp_path)
    monkeypatch.chdir(policy.parent)
    report = next((policy / "progress").glob("*/*.yaml"))
    append(report, "# 补充说明\n")
    return policy


def revision_entries(cache: Path) -> dict[str, int]:
    """The entries of the revision's cache folder (`base/` in a named one): name -> modification time."""
    return {path.name: path.stat().st_mtime_ns for path in (cache / "base").glob("*/*.json")}


def test_the_second_diff_reads_the_revision_from_the_cache(policy: Path, tmp_path: Path) -> None:
    """Entries are made on the first run and read on the second: each is left as it is, except one damaged
    on purpose, which is a miss and is replaced. The report is the same every time.

    A file missed is parsed again and its entry rewritten, with a new modification time; the damaged
    entry shows that the second run does look the revision's files up in the cache.
    """
    cache = tmp_path / "cache"
    uncached = diff("--no-cache")
    assert diff("--cache-dir", str(cache)) == uncached
    made = revision_entries(cache)
    assert len(made) == len(list(policy.rglob("*.yaml")))
    damaged, *kept = sorted((cache / "base").glob("*/*.json"))
    damaged.write_bytes(damaged.read_bytes()[:-20])
    for entry in (damaged, *kept):
        os.utime(entry, ns=(_MARK, _MARK))
    assert diff("--cache-dir", str(cache)) == uncached
    after = revision_entries(cache)
    assert after.keys() == made.keys()
    assert [after[entry.name] == _MARK for entry in (damaged, *kept)] == [False] + [True] * len(kept)


def test_the_revision_leaves_the_working_trees_entries_alone(policy: Path, tmp_path: Path) -> None:
    """The revision's entries go to a folder of their own: pruning after it is read keeps what `validate` cached,
    including the entry of the report the working tree changed."""
    cache = tmp_path / "cache"
    assert run_cli("validate", "policy", "--cache-dir", str(cache))[0] == 0
    working_tree = sorted(path.name for path in cache.glob("*/*.json"))
    assert diff("--cache-dir", str(cache))[0] == 0
    assert sorted(path.name for path in cache.glob("*/*.json")) == working_tree
    assert revision_entries(cache).keys() - set(working_tree)  # the changed report's base version


def test_by_default_the_revision_is_cached_beside_the_working_tree_outside_the_checkout(
        policy: Path, tmp_path: Path) -> None:
    """$XDG_CACHE_HOME/plancheck/tree-<hash>-revision/ next to the working tree's folder; nothing in the checkout."""
    home = tmp_path / "xdg"
    argv = ["diff", "HEAD", "policy", "--as-of", AS_OF]
    assert main(argv, stdout=io.StringIO(), stderr=io.StringIO(), environ={"XDG_CACHE_HOME": str(home)}) == 0
    folders = [root_folder(home / "plancheck", policy.resolve(), revision=flag) for flag in (False, True)]
    assert [folder.name for folder in folders] == [folders[0].name, folders[0].name + "-revision"]
    assert all(len(list(folder.glob("*/*.json"))) == 3 for folder in folders)
    assert sorted(path.name for path in policy.parent.iterdir()) == [".git", "policy", "schemas"]
