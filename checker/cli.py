"""The command line: parse arguments into option records, run a command, map the outcome to an exit code.

The clock, the environment and the output streams are read here and passed in, so every command
is deterministic for a given as-of date.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO

from checker.errors import ExitCode, PlancheckError

_ARGPARSE_IN_CHINESE = (
    ("unrecognized arguments", "无法识别的参数"),
    ("the following arguments are required", "缺少必需的参数"),
    ("invalid choice", "无效的选项"),
    ("expected one argument", "缺少参数值"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese error messages and exit status 2 for usage errors."""

    def error(self, message: str) -> NoReturn:
        for english, chinese in _ARGPARSE_IN_CHINESE:
            message = message.replace(english, chinese)
        raise PlancheckError(f"用法错误：{message}\n{self.format_usage().strip()}")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效日期，须写作 YYYY-MM-DD") from None


def build_parser(default_format: str) -> argparse.ArgumentParser:
    parser = _Parser(prog="plancheck", description="规划任务、进展与指标的检查工具。")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = commands.add_parser("validate", help="检查数据文件，指出每个问题所在的文件、行和列")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="文件或文件夹（默认 policy/）")
    validate.add_argument("--format", choices=("text", "json", "github"), default=default_format,
                          help="输出格式（在 GitHub Actions 中默认 github）")
    validate.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                          help="检查日期（默认今天），报送日期不得晚于此日")
    return parser


Runner = Callable[[argparse.Namespace, date, TextIO], int]


def _run_validate(args: argparse.Namespace, today: date, stdout: TextIO) -> int:
    from checker.commands.validate import ValidateOptions, run  # noqa: PLC0415 (fast --help)

    return run(ValidateOptions(tuple(args.paths), args.format, args.as_of or today), stdout)


_RUNNERS: dict[str, Runner] = {"validate": _run_validate}


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
    today: date | None = None,
) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    environ = os.environ if environ is None else environ
    default_format = "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
    try:
        args = build_parser(default_format).parse_args(argv)
        return _RUNNERS[args.command](args, today or date.today(), stdout)
    except PlancheckError as error:
        stderr.write(f"plancheck: {error.message}\n")
        return error.exit_code
    except KeyboardInterrupt:
        stderr.write("plancheck: 已中断。\n")
        return ExitCode.INTERRUPTED
    except Exception:
        stderr.write("plancheck: 内部错误，这是 plancheck 的缺陷，请把以下信息报告给维护者。\n")
        if environ.get("PLANCHECK_DEBUG"):
            traceback.print_exc(file=stderr)
        else:
            last_line = traceback.format_exc().strip().splitlines()[-1]
            stderr.write(f"{last_line}\n（设置 PLANCHECK_DEBUG=1 可显示完整调用栈）\n")
        return ExitCode.INTERNAL


def console_main() -> NoReturn:
    """Entry point of the `plancheck` console script."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    raise SystemExit(main())
