"""Exit codes, documented once, and the one exception type the CLI maps to them.

Bad input is never an exception: it is findings. `PlancheckError` is for the environment
(no policy folder, a git revision that does not exist) and for usage mistakes.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0  # nothing at or above the threshold
    FINDINGS = 1  # policy findings at or above --fail-on (e.g. overdue tasks)
    INVALID = 2  # invalid input or usage
    INTERNAL = 3  # a bug in plancheck
    INTERRUPTED = 130  # Ctrl-C


class PlancheckError(Exception):
    """An environment or usage problem, with a Chinese message for the user."""

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.INVALID) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
