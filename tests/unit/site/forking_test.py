"""A site build forks only as `mkdocs build`, in a process with no other thread, unless told not to."""

from __future__ import annotations

import os
import threading

import pytest

from checker.site.forking import allowed


def test_only_a_plain_build_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    """serve and dirty builds never fork, nor does a process with another thread; 1 turns it off, 2 on."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # pytest's own threads aside
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    assert allowed("build", {}) and allowed("build", {"PLANCHECK_BUILD_PROCESSES": "2"})
    assert not allowed("build", {"PLANCHECK_BUILD_PROCESSES": "1"})
    assert not allowed("serve", {}) and not allowed("dirty", {}) and not allowed("gh-deploy", {})
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0}, raising=False)
    assert not allowed("build", {}) and allowed("build", {"PLANCHECK_BUILD_PROCESSES": "2"})
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not allowed("build", {"PLANCHECK_BUILD_PROCESSES": "2"})
