"""Read the source texts that progress reports name (`source.text`), confined to the policy tree.

An edge step, run after validation on the reports the model accepted: the comparison itself is
pure (checker/validate/quotes.py). A report's `source.text` is a path relative to the report's
folder, normally the bare name of a UTF-8 .txt committed beside it. Untrusted input, so:

- the path may not be absolute or contain `..`, and what it resolves to (symlinks followed) must
  lie inside the policy tree (PC221);
- it must exist (PC220), be a regular file (never a FIFO or device, which could block the read),
  be no larger than the limit for any input file, and decode as UTF-8 (PC222). A leading UTF-8
  byte-order mark is dropped: Windows Notepad writes one, and it is not part of the wording.

Each problem is a finding at the report's `source.text`. A text file read this way is not
reported as a stray non-YAML file (PC022).
"""

from __future__ import annotations

import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from checker.findings import Finding
from checker.load.document import Document
from checker.load.limits import DEFAULT_LIMITS, Limits
from checker.load.walk import display_path
from checker.model.records import Model

_UTF8_BOM = "\ufeff"


@dataclass(frozen=True)
class SourceTexts:
    """The texts read, by the report file that names them, and the findings of reading them."""

    texts: dict[str, tuple[str, str]]  # report file (as findings show it) -> (source.text as written, its text)
    findings: list[Finding]
    files: set[str]  # the text files read, as findings show them


def read_source_texts(model: Model, root: Path, documents: Mapping[str, Document],
                      limits: Limits = DEFAULT_LIMITS) -> SourceTexts:
    """The texts the model's reports name; `documents` are the loaded files, by the name findings show them by."""
    texts: dict[str, tuple[str, str]] = {}
    findings: list[Finding] = []
    files: set[str] = set()
    for report in model.reports:
        if report.source_text is None:
            continue
        try:
            document = documents[report.origin.file]
            path, text = _read(document.path, report.source_text, root.resolve(), limits)
        except _RefusedError as refusal:
            findings.append(document.locator.place(report.origin.at(refusal.code, refusal.message, "source", "text")))
        else:
            texts[report.origin.file] = (report.source_text, text)
            files.add(display_path(path))
    return SourceTexts(texts, findings, files)


class _RefusedError(Exception):
    """Why a named text cannot be used: a finding's code and message (caught just above)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _read(report_file: Path, name: str, root: Path, limits: Limits) -> tuple[Path, str]:
    """(the text file's path as named, its text), for the report at report_file."""
    written = PurePosixPath(name)
    if written.is_absolute() or ".." in written.parts:
        raise _RefusedError("PC221", f"原文文件“{name}”须写相对于本文件所在文件夹的路径，不能是绝对路径或含“..”。")
    path = report_file.parent.joinpath(*written.parts)
    try:
        resolved = path.resolve(strict=True)
        status = resolved.stat()
    except FileNotFoundError:
        raise _RefusedError("PC220", f"找不到原文文件“{name}”（{display_path(path)}）。") from None
    except (OSError, RuntimeError) as error:  # a symlink loop, a permission problem
        raise _RefusedError("PC222", f"原文文件“{name}”无法读取：{error.__class__.__name__}。") from None
    if not resolved.is_relative_to(root):
        raise _RefusedError("PC221", f"原文文件“{name}”指向 policy 目录之外。")
    if not stat.S_ISREG(status.st_mode):
        raise _RefusedError("PC222", f"原文文件“{name}”不是普通文件。")
    return path, _decoded(resolved, name, limits)


def _decoded(path: Path, name: str, limits: Limits) -> str:
    try:
        with path.open("rb") as stream:
            raw = stream.read(limits.max_bytes + 1)
    except OSError as error:
        raise _RefusedError("PC222", f"原文文件“{name}”无法读取：{error.__class__.__name__}。") from None
    if len(raw) > limits.max_bytes:
        raise _RefusedError("PC222", f"原文文件“{name}”超过大小上限 {limits.max_bytes / 1024 / 1024:.0f} MiB。")
    try:
        return raw.decode("utf-8").removeprefix(_UTF8_BOM)
    except UnicodeDecodeError as error:
        message = f"原文文件“{name}”第 {error.start} 字节不是有效的 UTF-8，可能是 GBK 编码，请另存为 UTF-8。"
        raise _RefusedError("PC222", message) from None
