"""Parsing in worker processes gives exactly what parsing in one process gives, hostile files included."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from checker.load import parsing
from checker.load.cache import LoadCache
from checker.load.documents import list_tree, load_documents
from checker.load.kinds import Kind
from checker.load.limits import DEFAULT_LIMITS
from checker.load.parsing import PARALLEL_FROM_BYTES, Unparsed, worker_count
from checker.validate import validate
from tests.acceptance.corpus_test import CORPUS, MANIFEST, PLACES
from tests.support import copy_base

AS_OF = date(2024, 1, 1)


@pytest.fixture(scope="module")
def hostile_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base tree with every corpus case in it at once."""
    policy = copy_base(tmp_path_factory.mktemp("parallel"))
    for number, case in enumerate(sorted(MANIFEST)):
        shutil.copyfile(CORPUS / case, policy / PLACES[MANIFEST[case]["place"]] / f"zz-{number:03d}-{Path(case).name}")
    return policy


def outcome(policy: Path, workers: int, cache: LoadCache | None = None) -> list[tuple[object, ...]]:
    documents = load_documents(list_tree(policy), DEFAULT_LIMITS, cache, workers=workers)
    validation = validate(documents, AS_OF)
    return [(d.display, d.text, d.data, d.findings, d.schema_findings) for d in documents] + [
        tuple(validation.findings)]


def test_two_workers_load_and_validate_the_corpus_exactly_as_one(hostile_tree: Path) -> None:
    """Parsing the hostile corpus in two worker processes gives exactly the findings of one process."""
    serial = outcome(hostile_tree, workers=1)
    assert len(serial) > len(MANIFEST)
    assert outcome(hostile_tree, workers=2) == serial


def test_results_parsed_in_workers_are_cached_like_any_other(hostile_tree: Path, tmp_path: Path) -> None:
    """Files parsed in workers go into the parse cache, and a warm run in one process reads them from it."""
    cold_cache = LoadCache.open(tmp_path / "cache", DEFAULT_LIMITS)
    cold = outcome(hostile_tree, workers=2, cache=cold_cache)
    cold_cache.save()
    warm_cache = LoadCache.open(tmp_path / "cache", DEFAULT_LIMITS)
    assert outcome(hostile_tree, workers=1, cache=warm_cache) == cold
    assert warm_cache.hits >= len(MANIFEST)


def test_workers_start_only_for_enough_yaml() -> None:
    """A little YAML is parsed in the process itself; workers start only from PARALLEL_FROM_BYTES."""
    small = [Unparsed(Path("a.yaml"), "a.yaml", None, b"a: 1\n")]
    large = [Unparsed(Path("b.yaml"), "b.yaml", None, b"#" * PARALLEL_FROM_BYTES)]
    assert worker_count(small) == 1
    assert worker_count(large) >= 1  # one per core this machine has, up to eight


def test_a_worker_that_dies_costs_time_not_results(hostile_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-parse (out of memory, a crash) must not hang the run or lose a file."""
    serial = outcome(hostile_tree, workers=1)
    monkeypatch.setattr(parsing, "_parse_and_check", _die)
    assert outcome(hostile_tree, workers=2) == serial


def _die(_: object) -> object:
    os._exit(9)


def test_one_step_gives_a_file_its_complete_result_with_or_without_a_cache() -> None:
    """Parse and schema check happen together, so a result is complete (and cacheable) when it is made."""
    text = b"id: x\nperiod: 2023\n"
    parsed = parsing.parse_file(Unparsed(Path("p.yaml"), "p.yaml", Kind.PLAN, text), DEFAULT_LIMITS)
    assert parsed.schema_findings is not None and parsed.schema_findings
    assert {item.file for item in parsed.schema_findings} == {"p.yaml"}
    placed = [item for item in parsed.schema_findings if item.code == "PC103"]
    assert [(item.line, item.column) for item in placed] == [(2, 9)]  # `2023` where a mapping belongs
    unknown = parsing.parse_file(Unparsed(Path("x.yaml"), "x.yaml", None, text), DEFAULT_LIMITS)
    assert unknown.schema_findings is None and unknown.data == {"id": "x", "period": 2023}
