"""The reference the checker is compared with: PyYAML's C loader on every file, nothing else.

    python -m benchmarks.bare_parse [--pause-gc] POLICY_DIR

Run as a child process, like the commands it is compared with, so interpreter start-up, reading the
files and peak memory count the same way on both sides. The parsed documents are kept until the end,
as a checker that reads the whole tree must keep them.

`--pause-gc` pauses Python's cyclic garbage collector while parsing, as plancheck does (see
checker/workspace.py): the same floor without the collector's rescans of the growing tree.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import yaml


def parse_all(policy: Path) -> list[Any]:
    return [
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for path in sorted(policy.rglob("*.yaml"))
    ]


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--pause-gc"]:
        arguments.pop(0)
        gc.disable()
    if len(arguments) != 1:
        sys.stderr.write("usage: python -m benchmarks.bare_parse [--pause-gc] POLICY_DIR\n")
        return 2
    print(f"{len(parse_all(Path(arguments[0])))} files parsed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
