"""Bytes to a file's complete result, one file at a time or on every core.

`parse_file` is the one place a file's bytes become what they alone decide: its text, its value,
the findings of reading and parsing it, and the findings of checking it against the schema of its
kind (checker.schemas). That result depends on the bytes, the kind and the file's name only
(checker.load.cache relies on that), so files can be handled in any order and in other processes,
and the cache stores the result as soon as it is made. Parsing a large tree in worker processes
divides the dominant cost of a cold run by the number of cores. Results come back in the order given.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from checker.findings import Finding
from checker.load.cache_entry import Parsed, Subject, decode, encode
from checker.load.kinds import Kind
from checker.load.limits import Limits
from checker.load.locate import Locator
from checker.load.reader import read_text
from checker.load.yaml_loader import YamlValue, parse_yaml
from checker.schemas import schema_problems

# Below this much YAML to parse, starting worker processes costs more than it saves.
PARALLEL_FROM_BYTES = 1024 * 1024
_CHUNK_FILES = 8


@dataclass(frozen=True)
class Unparsed:
    """A file read but not yet parsed."""

    path: Path
    display: str
    kind: Kind | None
    raw: bytes
    subject: Subject | None = None  # what its cache entry answers for, when there is a cache


def parse_bytes(raw: bytes, display: str, limits: Limits) -> tuple[str | None, YamlValue, tuple[Finding, ...]]:
    """The file's text, its value (any YAML value, None when unparsable) and the findings of reading them."""
    text, findings = read_text(raw, display, limits)
    data = None
    if text is not None:
        data, parse_findings = parse_yaml(text, display, limits)
        findings += parse_findings
    return text, data, tuple(findings)


def parse_file(item: Unparsed, limits: Limits) -> Parsed:
    """A file's complete result: parsed, then checked against the schema of its kind when it has both.

    A file of no known kind, or one that could not be parsed, has no schema findings (None).
    """
    text, data, findings = parse_bytes(item.raw, item.display, limits)
    return Parsed(text, data, findings, schema_findings(item.kind, text, data, item.display))


def schema_findings(kind: Kind | None, text: str | None, data: YamlValue,
                    display: str) -> tuple[Finding, ...] | None:
    """The findings of checking a parsed value against the schema of its kind, placed in its text."""
    if data is None or kind is None:
        return None
    locator = Locator(text)
    return tuple(locator.place(problem) for problem in schema_problems(kind, data, display))


def worker_count(files: Sequence[Unparsed]) -> int:
    """How many processes to parse these files with: one unless there is enough work to share."""
    if sum(len(item.raw) for item in files) < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))


def parse_many(files: Sequence[Unparsed], limits: Limits, workers: int) -> list[tuple[Parsed, bytes | None]]:
    """Every file's complete result. From a worker process, a file with a cache subject comes with
    its cache entry, ready to be written as it is."""
    if workers <= 1 or len(files) < 2:
        return [(parse_file(item, limits), None) for item in files]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=gc.disable) as pool:
            results = pool.map(_parse_and_check, [(item, limits) for item in files], chunksize=_CHUNK_FILES)
            return [_received(item, result, limits) for item, result in zip(files, results, strict=True)]
    except (BrokenProcessPool, OSError):  # a worker died or none could start: do it here, as for a small tree
        return parse_many(files, limits, workers=1)


def _received(item: Unparsed, result: Parsed | bytes, limits: Limits) -> tuple[Parsed, bytes | None]:
    """A worker's result. A cache entry is decoded here (JSON decodes faster than a pickle of the same value)."""
    if isinstance(result, Parsed):
        return result, None
    parsed = decode(result, item.subject) if item.subject is not None else None
    if parsed is None:  # cannot happen for an entry just made; parse here rather than trust it
        return parse_file(item, limits), None
    return parsed, result


def _parse_and_check(job: tuple[Unparsed, Limits]) -> Parsed | bytes:
    """In a worker: one file's complete result; as its cache entry when it has a subject."""
    item, limits = job
    parsed = parse_file(item, limits)
    if item.subject is None or (parsed.schema_findings is None and parsed.data is not None):
        return parsed
    return encode(item.subject, parsed) or parsed
