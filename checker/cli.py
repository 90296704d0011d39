"""The command line: parse arguments into option records, run a command, map the outcome to an exit code.

The clock, the environment and the output streams are read here and passed in, so every command
is deterministic for a given as-of date.

The parser is checker/arguments.py; commands are imported when they run. Neither the loader nor the
validator is imported by `--help`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from checker.arguments import build_parser
from checker.commands.dates import validation_date
from checker.errors import ExitCode, PlancheckError
from checker.evaluate.vocabulary import FailOn

if TYPE_CHECKING:
    from checker.workspace import CachePolicy

def _cache(args: argparse.Namespace) -> CachePolicy:
    from checker.workspace import CachePolicy  # noqa: PLC0415 (fast --help)

    return CachePolicy(enabled=not args.no_cache, directory=args.cache_dir, home=args.cache_home)


def _cache_home(environ: Mapping[str, str]) -> Path | None:
    from checker.load.cache import default_cache_home  # noqa: PLC0415 (fast --help)

    return default_cache_home(environ)


Runner = Callable[[argparse.Namespace, date, TextIO], int]


def _wants_color(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR on (https://no-color.org)."""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _run_validate(args: argparse.Namespace, today: date, stdout: TextIO) -> int:
    from checker.commands.validate import ValidateOptions, run  # noqa: PLC0415 (fast --help)

    # --as-of decides nothing in validate: a report after a past as-of date is valid (check ignores
    # it), and only one dated after today is an error. The option stays so scripts keep working.
    return run(ValidateOptions(tuple(args.paths), args.format, validation_date(today), _cache(args)), stdout)


def _run_check(args: argparse.Namespace, today: date, stdout: TextIO) -> int:
    from checker.commands.check import CheckOptions, run  # noqa: PLC0415 (fast --help)

    color = args.format == "text" and bool(args.color)
    options = CheckOptions(
        paths=tuple(args.paths), as_of=args.as_of or today, checked_on=validation_date(today), format=args.format,
        fail_on=FailOn(args.fail_on), plans=tuple(args.plan), unit=args.unit, color=color, cache=_cache(args),
        with_default=args.with_default,
    )
    return run(options, stdout)


def _run_diff(args: argparse.Namespace, today: date, stdout: TextIO) -> int:
    from checker.commands.diff import DiffOptions, run  # noqa: PLC0415 (fast --help)

    options = DiffOptions(args.base, tuple(args.paths), args.as_of or today, validation_date(today), args.format,
                          _cache(args))
    return run(options, stdout)


def _run_codeowners(args: argparse.Namespace, today: date, stdout: TextIO) -> int:
    from checker.commands.codeowners import CodeownersOptions, run  # noqa: PLC0415 (fast --help)

    return run(CodeownersOptions(tuple(args.paths), args.output, args.check, validation_date(today), _cache(args)),
               stdout)


def _run_new_report(args: argparse.Namespace, today: date, stdout: TextIO) -> int:
    from checker.commands.new_report import NewReportOptions, run  # noqa: PLC0415 (fast --help)

    if args.all and (args.task or args.match):
        raise PlancheckError("--all 列出全部，不能与 --task 或 --match 同时使用。")
    report_date = args.date or today
    options = NewReportOptions(args.unit, report_date, tuple(args.plan), tuple(args.paths), args.update,
                               validation_date(today, report_date), _cache(args), tuple(args.task), tuple(args.match),
                               args.all)
    return run(options, stdout)


def _run_import_xlsx(args: argparse.Namespace, today: date, stdout: TextIO) -> int:
    from checker.commands.import_xlsx import ImportOptions, run  # noqa: PLC0415 (fast --help)

    options = ImportOptions(args.file, args.unit, args.date, args.output, args.sheet, tuple(args.paths),
                            validation_date(today), _cache(args))
    return run(options, stdout)


def _run_site(args: argparse.Namespace, today: date, stdout: TextIO) -> int:
    from checker.commands.site import SiteOptions, run  # noqa: PLC0415 (fast --help)

    options = SiteOptions(args.output, tuple(args.paths), args.as_of or today, validation_date(today), args.docs,
                          _cache(args))
    return run(options, stdout)


_RUNNERS: dict[str, Runner] = {
    "site": _run_site,
    "validate": _run_validate, "check": _run_check, "diff": _run_diff, "codeowners": _run_codeowners,
    "new-report": _run_new_report, "import-xlsx": _run_import_xlsx,
}


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
        args.color = _wants_color(stdout, environ)
        args.cache_home = _cache_home(environ)
        output = _HeldOutput()  # written at the end: a failing command prints no half report
        exit_code = _RUNNERS[args.command](args, today or date.today(), output)
        _emit(output.pieces, stdout)
        return exit_code
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


class _HeldOutput(io.TextIOBase, TextIO):
    """What a command writes, held in the pieces it was written in until the command has finished.

    Not joined into one string: a national JSON report is about a gigabyte of text, and joining
    it (then encoding the whole of it at once) would hold two more copies. A text stream with no
    buffer of its own (io.StringIO would keep an empty one beside the pieces).
    """

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []

    def write(self, text: str) -> int:
        self.pieces.append(text)
        return len(text)


def _emit(pieces: list[str], stdout: TextIO) -> None:
    """Write the report; a reader that went away (`plancheck check | head`) is not an error."""
    try:
        for piece in pieces:
            stdout.write(piece)
        stdout.flush()
    except BrokenPipeError:
        if stdout is sys.stdout:  # keep the interpreter's final flush from complaining again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def console_main() -> NoReturn:
    """Entry point of the `plancheck` console script.

    Ends the process without tearing the interpreter down or freeing the loaded tree: freeing a
    large tree object by object takes seconds (about 2 s for 100,000 tasks) and nothing is left to
    clean up; the output streams are flushed first, and every file was written and closed by the
    command.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    from checker.workspace import keep_until_exit  # noqa: PLC0415 (fast --help)

    keep_until_exit()
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader that went away, a stream closed
            stream.flush()
    os._exit(code)
