"""A cache of parsed files, keyed by content: an unchanged file is not parsed or schema-checked again.

What a file's cached result is: its decoded text, the parsed value, the findings of reading and
parsing it, and the findings of checking it against its schema. Each of these is a function of
the file's bytes and of nothing else but the code, so the key is a SHA-256 over

- the file's bytes, its absolute path, the path findings show it by and its kind (the folder it
  sits in decides the schema; the path is printed in every finding);
- the limits it was read with;
- a fingerprint of the checker: every source file of the `checker` package, every schema, the
  Python version, whether PyYAML's C parser is present, and the installed files of PyYAML,
  jsonschema and jsonschema_rs (their code, not their version strings, so that no upgrade or
  reinstall can slip through).

A changed byte, a moved file, an edited rule or schema, or an upgraded library gives another key:
the cache can miss, it cannot answer for a content it did not see. What depends on other files
(references, permissions, duplicate IDs, the first-line schema pointer, whose target file may
appear or disappear) is never cached and is checked on every run.

Layout: `<directory>/<fingerprint>/<key>.pickle`, one file per input file, written atomically. A
run prunes the entries it did not use and the folders of other fingerprints, so the cache holds
one tree's files for one version of the checker. An entry that cannot be read is a miss. The
folder must be as trusted as the code (entries are pickles); it is a local build artefact, like
`.mypy_cache`, and is never committed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import platform
import shutil
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker.atomic_file import replace_atomically
from checker.findings import Finding
from checker.load.limits import Limits
from checker.schema_files import schema_files

DEFAULT_FOLDER = ".plancheck-cache"
_PACKAGE = Path(__file__).resolve().parent.parent
_SUFFIX = ".pickle"


@dataclass(frozen=True)
class Parsed:
    """A file's cached result. `text` and `data` are None when the file could not be read or parsed."""

    text: str | None
    data: Any
    findings: tuple[Finding, ...]
    schema_findings: tuple[Finding, ...] | None


@dataclass
class Pending:
    """A file parsed in this run, written once its schema findings are known."""

    key: str
    parsed: Parsed  # without schema findings unless a worker process checked them
    document: Any  # the Document whose schema_findings the validate stage fills in
    entry: bytes | None = None  # the pickled entry itself, when a worker process made it


@dataclass
class LoadCache:
    """The cache in one folder, for one run."""

    directory: Path
    limits: Limits
    used: set[str] = field(default_factory=set)
    pending: list[Pending] = field(default_factory=list)
    hits: int = 0

    @property
    def folder(self) -> Path:
        return self.directory / fingerprint()

    def key(self, raw: bytes, path: Path, display: str, kind: str) -> str:
        digest = hashlib.sha256()
        for part in (str(path.absolute()), display, kind, repr(self.limits)):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str) -> Parsed | None:
        self.used.add(key)
        try:
            entry = pickle.loads((self.folder / (key + _SUFFIX)).read_bytes())
        except Exception:  # absent, truncated or foreign: a miss, never an error
            return None
        if not isinstance(entry, Parsed) or (entry.schema_findings is None and entry.data is not None):
            return None
        self.hits += 1
        return entry

    def remember(self, pending: Pending) -> None:
        self.pending.append(pending)

    def save(self) -> None:
        """Write what this run parsed, and prune. A cache that cannot be written is only slower."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _ignore_in_git(self.directory)
            for item in self.pending:
                if item.entry is not None:
                    replace_atomically(self.folder / (item.key + _SUFFIX), item.entry)
                    continue
                schema = item.document.schema_findings
                if schema is None and item.parsed.data is not None:
                    continue  # never schema-checked (the run stopped early): nothing complete to keep
                entry = replace(item.parsed, schema_findings=None if schema is None else tuple(schema))
                replace_atomically(self.folder / (item.key + _SUFFIX), pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))
            self.pending.clear()
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        for entry in os.scandir(self.directory):
            if entry.is_dir(follow_symlinks=False) and entry.name != self.folder.name:
                shutil.rmtree(entry.path, ignore_errors=True)
        for entry in os.scandir(self.folder):
            if entry.name.removesuffix(_SUFFIX) not in self.used:
                Path(entry.path).unlink(missing_ok=True)


def _ignore_in_git(directory: Path) -> None:
    marker = directory / ".gitignore"
    if not marker.exists():
        marker.write_text("# Created by plancheck: a local cache, never committed.\n*\n", encoding="utf-8")


@cache
def fingerprint() -> str:
    """What the cached results depend on besides the files themselves (see the module docstring)."""
    digest = hashlib.sha256()
    versions = [platform.python_implementation(), platform.python_version(), str(hasattr(yaml, "CSafeLoader"))]
    digest.update("\0".join(versions).encode())
    for schema in schema_files():
        digest.update(schema.name.encode() + b"\0" + schema.read_bytes())
    sources = [(_PACKAGE, "**/*.py")]
    sources += [(folder, pattern) for folder in map(_package_folder, _LIBRARIES) for pattern in ("**/*.py", "**/*.so")]
    for base, pattern in sources:
        for source in sorted(base.glob(pattern)):
            digest.update(source.relative_to(base).as_posix().encode() + b"\0")
            digest.update(source.read_bytes())
    return digest.hexdigest()[:24]


_LIBRARIES = ("yaml", "jsonschema", "jsonschema_rs")


def _package_folder(name: str) -> Path:
    """Where an installed package's files are, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return _PACKAGE / "__nonexistent__"  # hashed as no files: absent is a state too
    return Path(next(iter(spec.submodule_search_locations)))
