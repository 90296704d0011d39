"""The edge between the command line and the pipeline: which tree, which files, loaded once.

Two things here are about the process rather than the data. The parse cache (checker.load.cache)
lives in the user's cache folder, outside the working tree (`$XDG_CACHE_HOME/plancheck/`, else
`~/.cache/plancheck/`, one folder per tree, and one beside it for the revisions `plancheck diff`
compares the tree with), unless the command line names another folder.
And Python's cyclic garbage collector is paused while the tree is loaded and validated, then the
loaded objects are frozen out of its reach: they are acyclic and live until the process ends,
yet a collector left running rescans all of them again and again as they pile up (about 40% of
the load time of a 20,000-task tree).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from checker.errors import PlancheckError
from checker.findings import Finding
from checker.load.cache import LoadCache, NotACacheError, root_folder
from checker.load.documents import Document, find_root, list_tree, load_documents, select
from checker.load.limits import DEFAULT_LIMITS
from checker.load.source_texts import read_source_texts
from checker.load.walk import canonical
from checker.repeats import cap_repeats
from checker.validate import Validation, validate
from checker.validate.quotes import check_quotes

DEFAULT_POLICY = Path("policy")


@dataclass(frozen=True)
class CachePolicy:
    """Whether to use the parse cache, and where.

    directory: the folder the user named (`--cache-dir`); one that is not a plancheck cache is refused.
    home: the user's cache home (checker.load.cache.default_cache_home), for a folder per tree below
    it; a folder there that is not ours only turns the cache off. Neither: no cache.
    revision_of: set for a git revision of the tree at this root (see `for_revision_of`).
    """

    enabled: bool = True
    directory: Path | None = None
    home: Path | None = None
    revision_of: Path | None = None

    def for_revision_of(self, root: Path) -> CachePolicy:
        """The cache of a revision of the tree at root, exported into a new scratch folder (plancheck diff).

        Its own folder (`base/` in a named one), so that pruning after the revision is read never
        drops the working tree's entries, and the other way round; its entries do not depend on
        where the revision was exported (checker.load.cache).
        """
        return replace(self, directory=None if self.directory is None else self.directory / "base",
                       revision_of=root)

    def open(self, root: Path) -> LoadCache | None:
        if not self.enabled or (self.directory is None and self.home is None):
            return None
        if self.directory is not None:
            try:
                return LoadCache.open(self.directory, DEFAULT_LIMITS)
            except NotACacheError as error:
                raise PlancheckError(f"--cache-dir 指定的“{self.directory}”{error}，不能用作解析缓存。"
                                     "请指定一个新的或空的文件夹，或省略 --cache-dir。") from None
        assert self.home is not None
        try:
            folder = root_folder(self.home, self.revision_of or root, revision=self.revision_of is not None)
            return LoadCache.open(folder, DEFAULT_LIMITS)
        except NotACacheError:
            return None


DEFAULT_CACHE = CachePolicy()

# Workspaces kept alive until the process ends, when the console script asks for it: freeing a
# national tree object by object takes about 2 s after the work is done, and the console script
# ends with os._exit, so the system reclaims the memory at once. Off in-process (tests, MkDocs).
_kept_until_exit: list[Workspace] | None = None


def keep_until_exit() -> None:
    global _kept_until_exit  # noqa: PLW0603 (a process-wide setting, made once by the console script)
    _kept_until_exit = []


@dataclass(frozen=True)
class Workspace:
    root: Path
    documents: list[Document]
    selected: list[Document]
    validation: Validation

    @property
    def selected_findings(self) -> list[Finding]:
        """Findings in the files the user named (the whole tree is still read for context)."""
        files = {document.display for document in self.selected}
        return [finding for finding in self.validation.findings if finding.file in files]


def open_workspace(paths: Sequence[Path], today: date, cache: CachePolicy = DEFAULT_CACHE) -> Workspace:
    """Load the policy tree the paths belong to and validate all of it; reports after `today` are errors."""
    targets = list(paths) or [DEFAULT_POLICY]
    for target in targets:
        if not os.path.lexists(target):
            raise PlancheckError(f"找不到“{target}”。请在项目根目录运行，或给出 policy/ 中的文件或文件夹。")
    roots = {find_root(canonical(target)) for target in targets}
    if None in roots:
        raise PlancheckError("给出的路径不在任何 policy 目录中（须包含 organizations/、plans/ 或 progress/ 文件夹）。")
    if len(roots) > 1:
        raise PlancheckError("一次只能检查一个 policy 目录中的文件。")
    root = roots.pop()
    assert root is not None
    return load_workspace(root, targets, today, cache)


def load_workspace(root: Path, targets: Sequence[Path], today: date, cache: CachePolicy = DEFAULT_CACHE) -> Workspace:
    """Load and validate the policy tree at root, with the cache and the workers; `targets` select files."""
    load_cache = cache.open(root)
    try:
        with collector_paused():
            documents = load_documents(list_tree(root), DEFAULT_LIMITS, load_cache, workers=None)
            validation = _with_source_texts(validate(documents, today), root, documents)
        if load_cache is not None:
            load_cache.save()
    finally:
        if load_cache is not None:
            load_cache.close()
    workspace = Workspace(root, documents, select(documents, targets), validation)
    if _kept_until_exit is not None:
        _kept_until_exit.append(workspace)
    return workspace


def _with_source_texts(validation: Validation, root: Path, documents: list[Document]) -> Validation:
    """Quotes checked against the source texts reports name: read here at the edge, compared in the core."""
    sources = read_source_texts(validation.model, root, {document.display: document for document in documents})
    if not sources.texts and not sources.findings:
        return validation
    kept = [item for item in validation.findings if not (item.code == "PC022" and item.file in sources.files)]
    quotes = check_quotes(validation.model, sources.texts, validation.positions)
    return Validation(validation.model, cap_repeats([*kept, *sources.findings, *quotes]), validation.positions)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, then freeze what was built (see the module docstring)."""
    was_enabled = gc.isenabled()
    gc.collect()  # what is garbage now must not be frozen for good
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
