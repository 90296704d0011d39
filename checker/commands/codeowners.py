"""plancheck codeowners: write (or with --check, verify) .github/CODEOWNERS from the registry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TextIO

from checker.codeowners import codeowners
from checker.commands.common import open_valid_workspace
from checker.errors import ExitCode, PlancheckError
from checker.load.documents import display_path
from checker.output_file import write_whole
from checker.workspace import DEFAULT_CACHE, CachePolicy


@dataclass(frozen=True)
class CodeownersOptions:
    paths: tuple[Path, ...]
    output: Path | None
    check: bool
    checked_on: date
    cache: CachePolicy = DEFAULT_CACHE


def run(options: CodeownersOptions, stdout: TextIO) -> int:
    workspace = open_valid_workspace(options.paths, options.checked_on, stdout, cache=options.cache)
    if workspace is None:
        return ExitCode.INVALID
    top = workspace.root.parent  # the repository top: policy/ sits directly below it
    output = options.output or top / ".github" / "CODEOWNERS"
    shown = display_path(output)
    text = codeowners(workspace.validation.model, PurePosixPath(workspace.root.name))
    try:
        current = output.read_text(encoding="utf-8") if output.is_file() else None
    except (OSError, UnicodeDecodeError) as error:
        raise PlancheckError(f"无法读取“{output}”：{error}") from None
    if options.check:
        if current == text:
            stdout.write(f"{shown} 与单位名录一致。\n")
            return ExitCode.OK
        stdout.write(f"{shown} 已过期：单位名录中的 team 有变化。请运行 plancheck codeowners 重新生成并提交。\n")
        return ExitCode.FINDINGS
    if current == text:
        stdout.write(f"{shown} 已是最新，未改动。\n")
        return ExitCode.OK
    write_whole(output, text)
    units = text.count("/progress/")
    stdout.write(f"已写入 {shown}（{units} 个单位文件夹）。\n")
    return ExitCode.OK
