"""plancheck diff: what the working tree changes compared with a git revision.

Both sides are loaded, validated and evaluated as of the same date; `checker.changes` compares
them. The revision's tree is exported into a scratch folder that is removed afterwards, and
loaded the way the working tree is (checker.workspace.load_workspace): parsed with workers,
checked against the source texts its reports quote, and through the parse cache, in a folder of
its own beside the working tree's. An entry does not depend on where the tree was exported, so
the next diff against the same revision reads the unchanged files from the cache.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TextIO

from checker import revision
from checker.changes import Side, compare
from checker.commands.common import open_valid_workspace
from checker.errors import ExitCode
from checker.evaluate import evaluate
from checker.findings import has_errors
from checker.report.diff_report import DIFF_REPORTERS
from checker.report.views import ReportContext
from checker.validate import Validation, validate
from checker.workspace import DEFAULT_CACHE, CachePolicy, load_workspace


@dataclass(frozen=True)
class DiffOptions:
    base: str
    paths: tuple[Path, ...]
    as_of: date  # the evaluation date of both sides
    checked_on: date  # reports after a past as_of are ignored by evaluate(), not rejected; after this date they are
    format: str
    cache: CachePolicy = DEFAULT_CACHE


def run(options: DiffOptions, stdout: TextIO) -> int:
    workspace = open_valid_workspace(options.paths, options.checked_on, stdout, options.format, options.cache)
    if workspace is None:
        return ExitCode.INVALID
    head_model = workspace.validation.model
    head = Side(head_model, workspace.root, evaluate(head_model, options.as_of), workspace.validation.positions)
    top = revision.repository_top(workspace.root)
    commit = revision.resolve(top, options.base)
    relative = PurePosixPath(workspace.root.resolve().relative_to(top.resolve()).as_posix())
    with tempfile.TemporaryDirectory(prefix="plancheck-diff-") as scratch:
        export_root = Path(scratch)
        revision.export(top, commit, [relative, relative.parent / "schemas"], export_root)
        base_root = export_root / relative
        base_validation = _revision(base_root, workspace.root, options)
        base_model = base_validation.model
        base_evaluation = evaluate(base_model, options.as_of) if base_validation.valid else None
        changes = compare(Side(base_model, base_root, base_evaluation, base_validation.positions), head, options.as_of)
    context = ReportContext(head_model)
    DIFF_REPORTERS[options.format](changes, options.base, base_evaluation is not None, context, stdout)
    return ExitCode.INVALID if has_errors(changes.findings) else ExitCode.OK


def _revision(base_root: Path, head_root: Path, options: DiffOptions) -> Validation:
    """The revision's tree validated like the working tree; an empty tree when it has no such folder."""
    if not base_root.is_dir():
        return validate([], options.checked_on)
    cache = options.cache.for_revision_of(head_root)
    return load_workspace(base_root, [base_root], options.checked_on, cache).validation
