"""Run a command in a fresh child process and record its wall time, CPU time and peak memory.

Peak memory is the child's own maximum resident set size, read from `os.wait4` (the rusage of that
one child), so commands measured one after another in the same benchmark do not mask each other as
`getrusage(RUSAGE_CHILDREN)` would (it keeps the largest child seen so far).
"""

from __future__ import annotations

import os
import resource
import signal
import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


class CommandFailedError(RuntimeError):
    """The measured command exited with an unexpected status: the figures would mean nothing."""


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    max_rss_bytes: int
    timed_out: bool = False


@dataclass(frozen=True)
class Measurement:
    """Median wall and CPU time of several runs, and the largest peak memory among them."""

    seconds: float
    cpu_seconds: float
    max_rss_bytes: int
    runs: int
    timed_out: bool = False

    @classmethod
    def of(cls, runs: Sequence[Run]) -> Measurement:
        return cls(
            seconds=statistics.median(run.seconds for run in runs),
            cpu_seconds=statistics.median(run.cpu_seconds for run in runs),
            max_rss_bytes=max(run.max_rss_bytes for run in runs),
            runs=len(runs),
            timed_out=any(run.timed_out for run in runs),
        )

    @classmethod
    def total(cls, parts: Sequence[Measurement]) -> Measurement:
        """Commands run one after another: times add up, memory is the largest of them."""
        return cls(
            seconds=sum(part.seconds for part in parts),
            cpu_seconds=sum(part.cpu_seconds for part in parts),
            max_rss_bytes=max(part.max_rss_bytes for part in parts),
            runs=min(part.runs for part in parts),
            timed_out=any(part.timed_out for part in parts),
        )


def run_once(argv: Sequence[str], cwd: Path, *, env: Mapping[str, str] | None = None,
             ok: Sequence[int] = (0,), timeout: float | None = None) -> Run:
    """Run argv once, output discarded; raise CommandFailedError on an exit status not in ok."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(list(argv), cwd=cwd, env=None if env is None else dict(env),
                                 stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True)
        pid, status, usage = _wait(child.pid, timeout)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status) if pid else -signal.SIGKILL
        if pid and child.returncode not in ok:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-2000:]
            raise CommandFailedError(f"{' '.join(argv[:3])} … exited {child.returncode}:\n{message}")
    rss = usage.ru_maxrss * 1024 if usage else 0  # Linux reports kilobytes
    cpu = usage.ru_utime + usage.ru_stime if usage else seconds
    return Run(seconds, cpu, rss, timed_out=not pid)


def _wait(pid: int, timeout: float | None) -> tuple[int, int, resource.struct_rusage | None]:
    """wait4 the child; past the timeout, kill its process group and report pid 0."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        found, status, usage = os.wait4(pid, 0 if deadline is None else os.WNOHANG)
        if found:
            return found, status, usage
        if deadline is not None and time.monotonic() > deadline:
            os.killpg(pid, signal.SIGKILL)
            os.wait4(pid, 0)
            return 0, 0, None
        time.sleep(0.005)


def measure(argv: Sequence[str], cwd: Path, repeat: int, *, env: Mapping[str, str] | None = None,
            ok: Sequence[int] = (0,), timeout: float | None = None) -> Measurement:
    """Median of repeat runs; a run that hits the timeout ends the series."""
    runs: list[Run] = []
    for _ in range(repeat):
        runs.append(run_once(argv, cwd, env=env, ok=ok, timeout=timeout))
        if runs[-1].timed_out:
            break
    return Measurement.of(runs)
