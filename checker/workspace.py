"""The edge between the command line and the pipeline: which tree, which files, loaded once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from checker.errors import PlancheckError
from checker.findings import Finding
from checker.load.documents import Document, find_root, list_tree, load_documents, select
from checker.validate import Validation, validate

DEFAULT_POLICY = Path("policy")


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


def open_workspace(paths: Sequence[Path], as_of: date) -> Workspace:
    """Load the policy tree the paths belong to and validate all of it."""
    targets = list(paths) or [DEFAULT_POLICY]
    for target in targets:
        if not target.exists():
            raise PlancheckError(f"找不到“{target}”。请在项目根目录运行，或给出 policy/ 中的文件或文件夹。")
    roots = {find_root(target.resolve()) for target in targets}
    if None in roots:
        raise PlancheckError("给出的路径不在任何 policy 目录中（须包含 organizations/、plans/ 或 progress/ 文件夹）。")
    if len(roots) > 1:
        raise PlancheckError("一次只能检查一个 policy 目录中的文件。")
    root = roots.pop()
    assert root is not None
    documents = load_documents(list_tree(root))
    return Workspace(root, documents, select(documents, targets), validate(documents, as_of))
