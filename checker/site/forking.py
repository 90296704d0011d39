"""When a site build may fork, and how its forked copies are waited for and stopped.

A `mkdocs build` forks twice: once the tree is evaluated, for the downloads and the search index
(checker.site.side_build), and once every page is converted, for half of the pages
(checker.site.mkdocs_fork). A fork copies the process as it is, so only a process with no other
thread may fork: `mkdocs serve` builds beside its web server's threads (and `mkdocs serve --clean`
says "build" too), and a thread holding a lock at the fork would leave it held in the copy.

PLANCHECK_BUILD_PROCESSES=1 keeps a build in one process; =2 forks even on one core (the tests use
both, and hold the two builds byte-equal). Without either, a build forks where there is a second
core to run the copies on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Mapping

SETTING = "PLANCHECK_BUILD_PROCESSES"


def allowed(command: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether this build forks: `mkdocs build`, where there is os.fork, no other thread, and a
    second core unless told."""
    setting = environ.get(SETTING, "").strip()
    if command != "build" or not hasattr(os, "fork") or threading.active_count() != 1 or setting == "1":
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return setting == "2" or cores > 1


def wait(pid: int) -> int:
    """The copy's exit code, once it has ended (negative: the signal that ended it)."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def stop(pid: int) -> None:
    """Kill the copy if it still runs, and reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
