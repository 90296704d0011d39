"""Entries git cannot carry, or that a test must not commit: links, FIFOs, sockets, non-UTF-8 names.

Corpus cases under tests/acceptance/corpus/tree/ name one of these in `make:`; the case file is the content
the entry would lead to (for a link out of the tree, the file it points at).
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

NON_UTF8_NAME = os.fsdecode(b"non-utf8-\xff.yaml")


def make_entry(kind: str, source: Path, target: Path, outside: Path) -> Path:
    """Create the entry at target (or beside it, for a renamed one) and return its path."""
    outside.mkdir(parents=True, exist_ok=True)
    if kind == "link-outside":
        shutil.copyfile(source, outside / target.name)
        target.symlink_to(outside / target.name)
    elif kind == "link-folder-outside":
        (outside / "folder").mkdir()
        shutil.copyfile(source, outside / "folder" / "report.yaml")
        target.symlink_to(outside / "folder", target_is_directory=True)
    elif kind == "link-inside":
        sibling = sorted(path for path in target.parent.iterdir() if path.suffix == ".yaml")[0]
        target.symlink_to(sibling.name)
    elif kind == "link-loop":
        target.symlink_to(target.name)
    elif kind == "link-dangling":
        target.symlink_to("no-such-file.yaml")
    elif kind == "link-dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "socket":
        _bind_socket(target)
    elif kind == "non-utf8-name":
        target = target.with_name(NON_UTF8_NAME)
        shutil.copyfile(source, target)
    else:
        raise ValueError(kind)
    return target


def _bind_socket(target: Path) -> None:
    """Bind a Unix socket at target (by a relative name: socket paths are limited to about 100 bytes)."""
    here = Path.cwd()
    os.chdir(target.parent)
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(target.name)
    finally:
        os.chdir(here)
