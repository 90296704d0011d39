"""The parse cache: a warm run says exactly what a cold run says, and a changed input is never answered from it.

And the cache is no channel into the machine: nothing in it can run code, it lives outside the
working tree, it never follows a link, and it removes nothing it did not write.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main
from checker.load import cache as cache_module
from checker.load.cache import LoadCache, root_folder
from checker.load.cache_folder import TAG_NAME
from checker.load.documents import display_path as display
from checker.load.documents import kind_of, list_tree, load_documents
from checker.load.limits import DEFAULT_LIMITS
from checker.schema_files import CHECKOUT_SCHEMAS, schema_files
from tests.acceptance.corpus_test import CORPUS, MANIFEST, PLACES
from tests.support import REPOSITORY, copy_base, run_cli

PROGRESS = "progress/city-ecology/2023-05-10-report.yaml"


def validate_json(policy: Path, *options: str, environ: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["validate", str(policy), "--format", "json", "--as-of", "2024-01-01", *options]
    code = main(argv, stdout=stdout, stderr=stderr, environ=environ or {})
    assert stderr.getvalue() == ""
    return code, json.loads(stdout.getvalue())


def cached(policy: Path, cache: Path) -> tuple[int, dict[str, Any]]:
    return validate_json(policy, "--cache-dir", str(cache))


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/*.json"))


def broken_tree(tmp_path: Path) -> Path:
    """The base tree with a syntax error, a schema error, a misplaced file and a cross-file error."""
    policy = copy_base(tmp_path)
    progress = next((policy / "progress").glob("*/*.yaml"))
    progress.write_text(progress.read_text(encoding="utf-8").replace("date:", "date: [", 1), encoding="utf-8")
    plan = next((policy / "plans").glob("*.yaml"))
    plan.write_text(plan.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    (policy / "progress" / "stray.yaml").write_text("a: 1\n", encoding="utf-8")
    return policy


@pytest.mark.parametrize("make_tree", [copy_base, broken_tree], ids=["valid", "broken"])
def test_a_warm_run_reports_exactly_what_a_cold_run_reports(tmp_path: Path, make_tree: Any) -> None:
    """Uncached, cold and warm runs print the same report, for a valid tree and a broken one."""
    policy = make_tree(tmp_path)
    uncached = validate_json(policy, "--no-cache")
    cold = cached(policy, tmp_path / "cache")
    assert entries(tmp_path / "cache")
    warm = cached(policy, tmp_path / "cache")
    assert uncached == cold == warm
    assert uncached[0] == (2 if make_tree is broken_tree else 0)


def test_every_corpus_case_is_reported_alike_cold_and_warm(tmp_path: Path) -> None:
    """All corpus cases in one tree: the uncached, the cold and the warm run give the same report."""
    policy = copy_base(tmp_path)
    for number, case in enumerate(sorted(MANIFEST)):
        shutil.copyfile(CORPUS / case, policy / PLACES[MANIFEST[case]["place"]] / f"zz-{number:03d}-{Path(case).name}")
    uncached = validate_json(policy, "--no-cache")
    cold = cached(policy, tmp_path / "cache")
    warm = cached(policy, tmp_path / "cache")
    assert uncached == cold == warm
    assert len(entries(tmp_path / "cache")) >= len(MANIFEST)


def test_by_default_the_cache_lives_outside_the_working_tree(tmp_path: Path) -> None:
    """$XDG_CACHE_HOME/plancheck/<one folder per tree>, marked with a CACHEDIR.TAG; nothing in the checkout."""
    policy = copy_base(tmp_path)
    home = tmp_path / "xdg"
    assert validate_json(policy, environ={"XDG_CACHE_HOME": str(home)})[0] == 0
    folder = root_folder(home / "plancheck", policy.resolve())
    assert folder.joinpath(TAG_NAME).read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    assert len(entries(folder)) == len(list_tree(policy).files)
    assert sorted(path.name for path in policy.parent.iterdir()) == ["policy", "schemas"]
    assert validate_json(policy, environ={"HOME": str(tmp_path / "home")})[0] == 0
    assert entries(root_folder(tmp_path / "home" / ".cache" / "plancheck", policy.resolve()))
    assert validate_json(policy, environ={"XDG_CACHE_HOME": "relative", "HOME": ""})[0] == 0  # no home: no cache
    assert not (Path.cwd() / "relative").exists()


def test_a_pickle_in_the_old_or_new_cache_folder_never_runs(tmp_path: Path) -> None:
    """A checkout may carry `.plancheck-cache/` with pickles named as the old cache named them; nothing reads
    pickles any more, there or over the new entries."""
    policy = broken_tree(tmp_path)
    expected = validate_json(policy, "--no-cache")
    cached(policy, tmp_path / "cache")
    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_RunsCode(marker))
    for entry in entries(tmp_path / "cache"):
        entry.write_bytes(payload)
    for path in old_pickle_names(policy):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)
    assert cached(policy, tmp_path / "cache") == expected
    assert validate_json(policy) == expected
    assert validate_json(policy, environ={"XDG_CACHE_HOME": str(tmp_path / "xdg")}) == expected
    assert not marker.exists()


def old_pickle_names(policy: Path) -> list[Path]:
    """Where the cache before issue 14 looked for each file's pickle (`.plancheck-cache/<fingerprint>/<key>.pickle`)."""
    folder = policy.parent / ".plancheck-cache" / cache_module.fingerprint()
    names = []
    for path in list_tree(policy).files:
        kind = kind_of(policy, path)
        digest = hashlib.sha256()
        for part in (str(path.absolute()), display(path), kind.value if kind else "", repr(DEFAULT_LIMITS)):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes())
        names.append(folder / f"{digest.hexdigest()}.pickle")
    return names


class _RunsCode:
    """Unpickling this creates the marker file: what a hostile pickle would do with os.system."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


def test_an_entry_answers_only_for_the_bytes_it_was_made_from(tmp_path: Path) -> None:
    """Every entry's bytes moved to another entry's name: each is seen to answer for another file."""
    policy = broken_tree(tmp_path)
    expected = validate_json(policy, "--no-cache")
    cached(policy, tmp_path / "cache")
    files = entries(tmp_path / "cache")
    contents = [path.read_bytes() for path in files]
    assert len(set(contents)) == len(files) >= 3
    for path, content in zip(files, contents[1:] + contents[:1], strict=True):
        path.write_bytes(content)
    assert cached(policy, tmp_path / "cache") == expected
    assert sorted(path.read_bytes() for path in entries(tmp_path / "cache")) == sorted(contents)


def test_a_symlinked_cache_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    """A --cache-dir that is a link is refused (exit 2) and the folder it points at is left untouched."""
    policy = copy_base(tmp_path)
    victim = tmp_path / "someone-elses"
    victim.mkdir()
    victim.joinpath("notes.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "link").symlink_to(victim)
    code, stdout, stderr = run_cli("validate", str(policy), "--cache-dir", str(tmp_path / "link"))
    assert (code, stdout) == (2, "")
    assert "符号链接" in stderr and "--cache-dir" in stderr
    home = tmp_path / "xdg"
    folder = root_folder(home / "plancheck", policy.resolve())
    folder.parent.mkdir(parents=True)
    folder.symlink_to(victim)
    assert validate_json(policy, environ={"XDG_CACHE_HOME": str(home)})[0] == 0  # the default: only no cache
    assert sorted(path.name for path in victim.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("content", ["a file", "a folder of other files"])
def test_a_cache_dir_that_is_not_a_plancheck_cache_is_refused(tmp_path: Path, content: str) -> None:
    """A --cache-dir that is a file or a folder of other files is refused and left untouched."""
    policy = copy_base(tmp_path)
    chosen = tmp_path / "chosen"
    if content == "a file":
        chosen.write_text("data", encoding="utf-8")
    else:
        chosen.mkdir()
        chosen.joinpath("thesis.docx").write_text("data", encoding="utf-8")
    code, stdout, stderr = run_cli("validate", str(policy), "--cache-dir", str(chosen))
    assert (code, stdout) == (2, "")
    assert stderr.startswith("plancheck: --cache-dir 指定的") and "不能用作解析缓存" in stderr
    assert not (chosen / TAG_NAME).exists()


def test_pruning_removes_only_what_plancheck_wrote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stale entries and other versions' folders go; foreign files, folders and look-alikes stay."""
    policy = copy_base(tmp_path)
    cache = tmp_path / "cache"
    cached(policy, cache)
    old_version = entries(cache)[0].parent
    foreign = [cache / "notes.txt", cache / ("f" * 24) / "mine.txt", cache / "keep" / "x.json",
               old_version / (("a" * 64) + ".json")]
    for path in foreign:
        path.parent.mkdir(exist_ok=True)
        path.write_text("not plancheck's", encoding="utf-8")
    cache_module.fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "e" * 24)
    assert cached(policy, cache)[0] == 0
    assert {entry.parent.name for entry in entries(cache)} == {"e" * 24, "keep", old_version.name}
    assert all(path.read_text(encoding="utf-8") == "not plancheck's" for path in foreign)
    assert sorted(path.name for path in old_version.iterdir()) == [("a" * 64) + ".json"]  # ours went


def test_special_files_in_the_cache_folder_are_not_read(tmp_path: Path) -> None:
    """An entry replaced by a FIFO or a link is a miss: never opened for reading, never followed."""
    policy = copy_base(tmp_path)
    expected = cached(policy, tmp_path / "cache")
    first, second, *_ = entries(tmp_path / "cache")
    first.unlink()
    os.mkfifo(first)
    outside = tmp_path / "outside.json"
    shutil.copyfile(second, outside)
    second.unlink()
    second.symlink_to(outside)
    assert cached(policy, tmp_path / "cache") == expected
    assert first.is_file() and not second.is_symlink()  # both rewritten as ours


def test_cached_values_keep_their_positions(tmp_path: Path) -> None:
    """Documents read from the cache keep every value's position."""
    policy = copy_base(tmp_path)
    tree = list_tree(policy)
    cold_cache = LoadCache.open(tmp_path / "cache", DEFAULT_LIMITS)
    cold = load_documents(tree, DEFAULT_LIMITS, cold_cache)
    cold_cache.save()
    warm_cache = LoadCache.open(tmp_path / "cache", DEFAULT_LIMITS)
    warm = load_documents(tree, DEFAULT_LIMITS, warm_cache)
    warm_cache.close()
    assert warm_cache.hits == len(tree.files)
    for before, after in zip(cold, warm, strict=True):
        assert (after.text, after.data, after.findings) == (before.text, before.data, before.findings)
        assert (after.data.line, after.data.column) == (before.data.line, before.data.column)


def test_an_edit_that_keeps_size_and_time_is_seen(tmp_path: Path) -> None:
    """An edit that keeps the file's size and modification time is still seen: entries are keyed by content."""
    policy = copy_base(tmp_path)
    assert cached(policy, tmp_path / "cache")[0] == 0
    report = policy / PROGRESS
    before = report.stat()
    text = report.read_text(encoding="utf-8")
    edited = text.replace("date: 2023-05-10", "date: 2023-13-10", 1)
    assert edited != text and len(edited) == len(text)
    report.write_text(edited, encoding="utf-8")
    os.utime(report, ns=(before.st_atime_ns, before.st_mtime_ns))
    code, result = cached(policy, tmp_path / "cache")
    assert code == 2
    assert [item["code"] for item in result["findings"]] == ["PC106"]


def test_a_moved_file_is_read_again_under_its_new_name(tmp_path: Path) -> None:
    """A renamed file is read under its new name and leaves no temporary file in the cache."""
    policy = copy_base(tmp_path)
    cached(policy, tmp_path / "cache")
    report = policy / PROGRESS
    report.rename(report.with_name("2023-05-11-report.yaml"))
    code, result = cached(policy, tmp_path / "cache")
    assert code == 0, result
    assert all(not entry.name.startswith(".") for entry in entries(tmp_path / "cache"))
    assert len(entries(tmp_path / "cache")) == len(list_tree(policy).files)  # the old name's entry was pruned


def test_what_depends_on_other_files_is_checked_every_time(tmp_path: Path) -> None:
    """The first-line schema pointer names a file outside the cached one; removing it must show."""
    policy = copy_base(tmp_path)
    assert cached(policy, tmp_path / "cache")[0] == 0
    (policy.parent / "schemas" / "progress.schema.json").unlink()
    code, result = cached(policy, tmp_path / "cache")
    assert code == 0  # a warning
    assert [(item["code"], item["file"]) for item in result["findings"]] == [("PC020", display(policy / PROGRESS))]


def test_a_new_checker_version_does_not_read_old_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another checker version writes and reads its own folder, not the old entries."""
    policy = copy_base(tmp_path)
    cached(policy, tmp_path / "cache")
    old_folder = entries(tmp_path / "cache")[0].parent
    cache_module.fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "0123456789abcdef01234567")
    assert cached(policy, tmp_path / "cache")[0] == 0
    assert {entry.parent.name for entry in entries(tmp_path / "cache")} == {"0123456789abcdef01234567"}
    assert not old_folder.exists()


def test_the_fingerprint_covers_the_code_and_the_schemas_the_checker_uses() -> None:
    """In a checkout the schemas read are schemas/ itself (an installed wheel reads its package data)."""
    assert [Path(str(item)) for item in schema_files()] == sorted(CHECKOUT_SCHEMAS.glob("*.json"))
    assert cache_module._PACKAGE == REPOSITORY / "checker"


@pytest.mark.parametrize("damage", [b"", b"not json", b'{"format":"plancheck-cache-entry/1",}\n1\n'],
                         ids=["empty", "garbage", "truncated"])
def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path: Path, damage: bytes) -> None:
    """A damaged entry is a miss: the report is unchanged and the entry is written again."""
    policy = broken_tree(tmp_path)
    expected = cached(policy, tmp_path / "cache")
    for entry in entries(tmp_path / "cache"):
        entry.write_bytes(damage)
    assert cached(policy, tmp_path / "cache") == expected
    assert all(entry.stat().st_size > len(damage) for entry in entries(tmp_path / "cache"))


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    """A cache that cannot be created changes nothing but the time."""
    policy = copy_base(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    assert cached(policy, blocked / "cache") == validate_json(policy, "--no-cache")


def test_an_empty_folder_becomes_a_cache_and_the_check_command_uses_it(tmp_path: Path) -> None:
    """An empty --cache-dir becomes a tagged cache, and `check` fills it too."""
    policy = copy_base(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    code, stdout, _ = run_cli("check", str(policy), "--as-of", "2024-01-01", "--cache-dir", str(tmp_path / "elsewhere"))
    assert code in (0, 1), stdout
    assert entries(tmp_path / "elsewhere")
    assert (tmp_path / "elsewhere" / TAG_NAME).is_file()
