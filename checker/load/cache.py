"""A cache of parsed files, keyed by content: an unchanged file is not parsed or schema-checked again.

What a file's cached result is: its decoded text, the parsed value, the findings of reading and
parsing it, and the findings of checking it against its schema. Each of these is a function of
the file's bytes and of nothing else but the code, so an entry answers for

- the SHA-256 of the file's bytes, its path below the policy root and its kind (the folder it
  sits in decides the schema). Not where the tree is: findings are stored without the path they
  are shown by and given the reading run's (checker.load.cache_entry), so a tree exported into a
  new scratch folder on every run (plancheck diff's revision) finds the entries it left;
- the limits it was read with;
- a fingerprint of the checker: every source file of the `checker` package, every schema, the
  Python version, whether PyYAML's C parser is present, and the installed files of PyYAML,
  jsonschema and jsonschema_rs (their code, not their version strings, so that no upgrade or
  reinstall can slip through).

The entry's file name is a hash of all of these, and the entry repeats them in its header, which
is compared before anything in it is used (checker.load.cache_entry): a changed byte, a moved
file, an edited rule or schema, an upgraded library, or one entry's bytes copied over another's,
gives a miss. The cache can miss; it cannot answer for a content it did not see. What depends on
other files (references, permissions, duplicate IDs, the first-line schema pointer, whose target
file may appear or disappear) is never cached and is checked on every run.

Trust: entries are JSON, read with `json.loads`; nothing in the cache can run code. And the cache
lives outside the working tree by default (`$XDG_CACHE_HOME/plancheck/<hash of the tree's root>/`,
or `~/.cache/plancheck/...`; a revision compared with that tree has a folder of its own beside it),
so a checkout cannot bring entries with it. An entry made from a hostile file answers only for
those exact bytes at that path, and says what our code made of them; docs/dev/reliability.md
has the argument. The folder is opened without following links and pruned of our own files only
(checker.load.cache_folder).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import platform
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from checker.load import cache_folder
from checker.load.cache_entry import Parsed, Subject, decode, encode
from checker.load.cache_folder import NotACacheError, entry_name
from checker.load.limits import Limits
from checker.schema_files import schema_files

__all__ = ["LoadCache", "NotACacheError", "Parsed", "Pending", "default_cache_home", "fingerprint", "root_folder"]

_PACKAGE = Path(__file__).resolve().parent.parent


def default_cache_home(environ: Mapping[str, str]) -> Path | None:
    """$XDG_CACHE_HOME/plancheck, else $HOME/.cache/plancheck; None when neither is an absolute path."""
    for variable, below in (("XDG_CACHE_HOME", ("plancheck",)), ("HOME", (".cache", "plancheck"))):
        value = environ.get(variable, "")
        if Path(value).is_absolute():
            return Path(value).joinpath(*below)
    return None


def root_folder(home: Path, root: Path, *, revision: bool = False) -> Path:
    """The cache folder of one policy tree below the cache home: one folder per tree root.

    revision: the folder for the revisions `plancheck diff` compares the tree at root with; apart
    from the tree's own, so that neither run prunes the entries the other uses.
    """
    digest = hashlib.sha256(os.fsencode(root.absolute())).hexdigest()[:24]
    return home / (f"tree-{digest}-revision" if revision else f"tree-{digest}")


@dataclass(frozen=True)
class Pending:
    """A file's complete result made in this run, to be written when the run saves the cache."""

    subject: Subject
    parsed: Parsed
    entry: bytes | None = None  # the entry itself, when a worker process made it


@dataclass
class LoadCache:
    """The cache in one folder, for one run. Open it with `LoadCache.open`."""

    directory: Path
    limits: Limits
    handle: int | None = None  # the open cache folder (None: caching is off)
    entries: int | None = None  # its fingerprint folder, when it exists
    used: set[str] = field(default_factory=set)
    pending: list[Pending] = field(default_factory=list)
    hits: int = 0

    @classmethod
    def open(cls, directory: Path, limits: Limits) -> LoadCache:
        """Open (or create) the folder. Raises NotACacheError for a folder that is not a plancheck cache."""
        try:
            handle = cache_folder.open_cache_folder(directory)
        except OSError:  # cannot be created or opened: the run is only slower
            return cls(directory, limits)
        entries = cache_folder.open_subfolder(handle, fingerprint(), create=False)
        return cls(directory, limits, handle, entries)

    def subject(self, raw: bytes, relative: str, display: str, kind: str) -> Subject:
        """What the entry of a file answers for. relative: its path below the policy root, with `/`."""
        return Subject(fingerprint(), hashlib.sha256(raw).hexdigest(), relative, kind, repr(self.limits), display)

    def get(self, subject: Subject) -> Parsed | None:
        key = _key(subject)
        self.used.add(key)
        if self.entries is None:
            return None
        raw = cache_folder.read_regular(self.entries, entry_name(key))
        entry = None if raw is None else decode(raw, subject)
        if entry is None or (entry.schema_findings is None and entry.data is not None):
            return None
        self.hits += 1
        return entry

    def remember(self, pending: Pending) -> None:
        self.pending.append(pending)

    def save(self) -> None:
        """Write what this run parsed, prune, and close. A cache that cannot be written is only slower."""
        try:
            if self.handle is None:
                return
            if self.entries is None:
                self.entries = cache_folder.open_subfolder(self.handle, fingerprint(), create=True)
            if self.entries is None:
                return
            for item in self.pending:
                content = item.entry
                if content is None and (item.parsed.schema_findings is not None or item.parsed.data is None):
                    content = encode(item.subject, item.parsed)  # a value of no known kind is never kept
                if content is not None:
                    cache_folder.write_atomically(self.entries, entry_name(_key(item.subject)), content)
            self.pending.clear()
            cache_folder.prune(self.handle, fingerprint(), self.used)
        except OSError:
            return
        finally:
            self.close()

    def close(self) -> None:
        for handle in (self.entries, self.handle):
            if handle is not None:
                os.close(handle)
        self.entries = self.handle = None


def _key(subject: Subject) -> str:
    digest = hashlib.sha256()
    for part in subject.fields().values():
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


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
