"""Shared by the diff tests: a base tree committed in a fresh git repository, and edits to it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.support import copy_base, run_cli

AS_OF = "2023-06-15"
_GIT_IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                 "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(repository: Path, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(repository), *arguments], check=True, capture_output=True,
                   env={**os.environ, **_GIT_IDENTITY})


def committed_base(tmp_path: Path) -> Path:
    """The base tree committed in a fresh repository; returns its policy/ folder."""
    policy = copy_base(tmp_path)
    git(policy.parent, "init", "-q", "-b", "main")
    git(policy.parent, "add", "-A")
    git(policy.parent, "commit", "-q", "-m", "base")
    return policy


def diff(*extra: str) -> tuple[int, str, str]:
    """`plancheck diff HEAD policy` as of AS_OF, run in the current directory."""
    return run_cli("diff", "HEAD", "policy", "--as-of", AS_OF, *extra)


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
