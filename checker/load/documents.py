"""The load stage: find the files of a policy tree, read and parse each one.

A policy tree is a folder holding `organizations/`, `plans/` and `progress/<unit-id>/` (and
optionally `settings.yaml`). The folder a file sits in decides its kind. Every file is loaded
independently: one broken file yields findings and never stops the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from checker.codes import finding
from checker.findings import Finding
from checker.load.cache import LoadCache, Parsed, Pending
from checker.load.document import Document
from checker.load.kinds import Kind
from checker.load.limits import DEFAULT_LIMITS, Limits
from checker.load.parsing import Unparsed, parse_many, worker_count
from checker.load.walk import PolicyTree, canonical, display_path, list_tree, read_policy_file

__all__ = ["Document", "Kind", "PolicyTree", "display_path", "find_root", "kind_of", "list_tree", "load_documents",
           "select"]


_FOLDER_KINDS = {"organizations": Kind.ORGANIZATIONS, "plans": Kind.PLAN, "progress": Kind.PROGRESS}
_YAML_SUFFIXES = (".yaml", ".yml")
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above start that holds organizations/, plans/ or progress/."""
    folder = start if start.is_dir() and not start.is_symlink() else start.parent
    for candidate in (folder, *folder.parents):
        if any((candidate / name).is_dir() for name in _FOLDER_KINDS):
            return candidate
    return None


def kind_of(root: Path, path: Path) -> Kind | None:
    relative = path.relative_to(root).parts
    if relative == ("settings.yaml",):
        return Kind.SETTINGS
    kind = _FOLDER_KINDS.get(relative[0]) if relative else None
    expected_depth = 3 if kind is Kind.PROGRESS else 2
    return kind if len(relative) == expected_depth else None


def load_documents(tree: PolicyTree, limits: Limits = DEFAULT_LIMITS, cache: LoadCache | None = None,
                   workers: int | None = 1) -> list[Document]:
    """Load every YAML file of the tree; non-YAML files become warnings.

    workers: processes to parse with; None decides from the amount of YAML not found in the cache.
    """
    slots = [_slot(tree, path, cache, limits) for path in tree.files]
    unparsed = [slot for slot in slots if isinstance(slot, Unparsed)]
    parsed = iter(parse_many(unparsed, limits, worker_count(unparsed) if workers is None else workers))
    documents = []
    for slot in slots:
        if isinstance(slot, Document):
            documents.append(slot)
            continue
        result, entry = next(parsed)
        document = _document(slot.path, slot.kind, slot.display, result)
        if cache is not None and slot.subject is not None:
            cache.remember(Pending(slot.subject, result, entry))
        documents.append(document)
    return documents


def _slot(tree: PolicyTree, path: Path, cache: LoadCache | None, limits: Limits) -> Document | Unparsed:
    refused = tree.refused.get(path)
    if refused is not None:
        return Document(path, refused.file, kind_of(tree.root, path), None, None, (refused,))
    if path.suffix.lower() not in _YAML_SUFFIXES:
        return _non_yaml(path)
    return _read(tree.root, path, cache, limits)


def _read(root: Path, path: Path, cache: LoadCache | None, limits: Limits) -> Document | Unparsed:
    """The file's bytes to parse, or its document when it cannot be read or is in the cache."""
    display, kind = display_path(path), kind_of(root, path)
    raw = read_policy_file(path, limits)
    if isinstance(raw, Finding):
        return Document(path, display, kind, None, None, (raw,))
    if cache is None:
        return Unparsed(path, display, kind, raw)
    relative = path.relative_to(root).as_posix()
    subject = cache.subject(raw, relative, display, kind.value if kind is not None else "")
    cached = cache.get(subject)
    return Unparsed(path, display, kind, raw, subject) if cached is None else _document(path, kind, display, cached)


def _document(path: Path, kind: Kind | None, display: str, parsed: Parsed) -> Document:
    """The document of a parsed file, with what its path and neighbours add (checked every time)."""
    findings = list(parsed.findings)
    if kind is None:
        findings.append(finding("PC021", _placement_message(path), display, 1, 1))
    elif parsed.data is not None and parsed.text is not None:
        findings += _modeline_findings(path, parsed.text, kind, display)
    return Document(path, display, kind, parsed.text, parsed.data, tuple(findings), parsed.schema_findings)


def _non_yaml(path: Path) -> Document:
    display = display_path(path)
    message = f"“{path.name}”不是 .yaml 文件，不会被读取。"
    return Document(path, display, None, None, None, (finding("PC022", message, display, 1, 1),))


def _placement_message(path: Path) -> str:
    if path.parent.name == "progress":
        return "进展文件须放在 progress/<报送单位ID>/ 文件夹下，不能直接放在 progress/ 中。"
    return "文件不在 organizations/、plans/ 或 progress/<单位ID>/ 中，无法判断其类型。"


def _modeline_findings(path: Path, text: str, kind: Kind, display: str) -> list[Finding]:
    first_line = text.split("\n", 1)[0].rstrip("\r")
    match = _MODELINE.match(first_line)
    if match is None:
        message = f"第一行应为 # yaml-language-server: $schema=…/schemas/{kind.schema_name}。"
        return [finding("PC020", message, display, 1, 1)]
    target = match.group(1)
    if Path(target).name != kind.schema_name or not (path.parent / target).is_file():
        message = f"第一行指向的“{target}”不是本文件对应的 schemas/{kind.schema_name}。"
        return [finding("PC020", message, display, 1, match.start(1) + 1)]
    return []


def select(documents: Iterable[Document], paths: Sequence[Path]) -> list[Document]:
    """The documents at or below any of the given paths (a document's path is never resolved: it may be a link)."""
    resolved = [canonical(path) for path in paths]
    chosen = []
    for document in documents:
        where = document.path
        if any(where == p or p in where.parents for p in resolved):
            chosen.append(document)
    return chosen
