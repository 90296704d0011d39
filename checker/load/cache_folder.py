"""The parse cache's folder: opened without following links, marked as ours, pruned of our files only.

The folder is opened once, with O_NOFOLLOW, and every later step goes through that descriptor
(`dir_fd`), so a symbolic link put in its place, or in place of a subfolder or an entry, is never
followed. A folder is a plancheck cache when it holds a CACHEDIR.TAG (https://bford.info/cachedir/,
which backup tools honour) with our line in it; an empty or new folder becomes one. Any other
folder is refused: a cache that prunes must not prune someone else's files.

Inside: `<fingerprint>/<key>.json`, one entry per file (see checker.load.cache_entry). Pruning
removes only regular files whose names have our shape and whose bytes start with our format, and
then the fingerprint folders left empty; anything else in the folder stays where it is (such as
`base/` in a folder named with --cache-dir: diff's revision, a cache folder of its own).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from checker.load.cache_entry import MAGIC

TAG_NAME = "CACHEDIR.TAG"
TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
       b"# This file is a cache directory tag created by plancheck (a parse cache; safe to delete).\n"
       b"# For information about cache directory tags see https://bford.info/cachedir/\n")
_OURS = b"created by plancheck"
_FINGERPRINT = re.compile(r"[0-9a-f]{24}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.json")
_TEMPORARY = re.compile(r"\.[0-9a-f]{64}\.json\.[0-9a-f]{16}\.tmp")
_MAX_ENTRY_BYTES = 256 * 1024 * 1024  # an 8 MiB file's text, value and findings fit many times over
# Where a folder cannot be opened without following links and used through its descriptor
# (Windows), there is no cache rather than a cache that could be redirected.
SUPPORTED = os.open in os.supports_dir_fd and all(hasattr(os, flag) for flag in ("O_DIRECTORY", "O_NOFOLLOW"))
_NOFOLLOW, _CLOEXEC = getattr(os, "O_NOFOLLOW", 0), getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | _CLOEXEC
_FILE = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC


class NotACacheError(Exception):
    """The folder exists and is not a plancheck cache (the message says why, in Chinese)."""


def open_cache_folder(path: Path) -> int:
    """A descriptor of the cache folder, created (and tagged) when absent.

    Raises NotACacheError for a link, a non-folder or a folder of someone else's files, and OSError when
    the folder cannot be created or opened (or not safely, on this system).
    """
    if not SUPPORTED:
        raise OSError(errno.ENOTSUP, "no dir_fd support")
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        path.mkdir(parents=True, exist_ok=True)
        status = os.lstat(path)
    if stat.S_ISLNK(status.st_mode):
        raise NotACacheError("是符号链接；缓存文件夹不跟随链接")
    if not stat.S_ISDIR(status.st_mode):
        raise NotACacheError("不是文件夹")
    folder = os.open(path, _DIRECTORY)
    try:
        if not _is_tagged(folder):
            if _has_items(folder):
                raise NotACacheError("已有其他内容，且没有 plancheck 的 CACHEDIR.TAG 标记")
            write_atomically(folder, TAG_NAME, TAG)
    except BaseException:
        os.close(folder)
        raise
    return folder


def open_subfolder(folder: int, name: str, *, create: bool) -> int | None:
    """A descriptor of a fingerprint folder (never through a link), or None when there is none."""
    if create:
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, 0o755, dir_fd=folder)
    try:
        return os.open(name, _DIRECTORY, dir_fd=folder)
    except OSError:  # absent, a link (ELOOP) or not a folder (ENOTDIR)
        return None


def read_regular(folder: int, name: str, limit: int = _MAX_ENTRY_BYTES) -> bytes | None:
    """The bytes of a regular file of the folder, or None (absent, a link, special, too large)."""
    try:
        handle = os.open(name, _FILE, dir_fd=folder)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        return stream.read(limit + 1)


def write_atomically(folder: int, name: str, content: bytes) -> None:
    """Write through a new uniquely named file, then rename it over the entry (never through a link)."""
    temporary = f".{name}.{secrets.token_hex(8)}.tmp"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644,
                     dir_fd=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        os.unlink(temporary, dir_fd=folder)
        raise


def entry_name(key: str) -> str:
    return f"{key}.json"


def prune(folder: int, current: str, used: Iterable[str]) -> None:
    """Remove our entries not used in this run, and other fingerprints' entries and folders."""
    keep = {entry_name(key) for key in used}
    for item in os.scandir(folder):
        if not _FINGERPRINT.fullmatch(item.name) or not item.is_dir(follow_symlinks=False):
            continue
        subfolder = open_subfolder(folder, item.name, create=False)
        if subfolder is None:
            continue
        try:
            _remove_ours(subfolder, keep if item.name == current else set())
        finally:
            os.close(subfolder)
        if item.name != current:
            with contextlib.suppress(OSError):  # something that is not ours is still in it: leave it
                os.rmdir(item.name, dir_fd=folder)


def _remove_ours(folder: int, keep: set[str]) -> None:
    for item in os.scandir(folder):
        ours = _ENTRY.fullmatch(item.name) or _TEMPORARY.fullmatch(item.name)
        if ours and item.name not in keep and _starts_ours(folder, item.name):
            os.unlink(item.name, dir_fd=folder)


def _starts_ours(folder: int, name: str) -> bool:
    try:
        handle = os.open(name, _FILE, dir_fd=folder)
    except OSError:
        return False
    with os.fdopen(handle, "rb") as stream:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode) and stream.read(len(MAGIC)) == MAGIC


def _is_tagged(folder: int) -> bool:
    tag = read_regular(folder, TAG_NAME, 4096)
    return tag is not None and tag.startswith(TAG[:43]) and _OURS in tag


def _has_items(folder: int) -> bool:
    with os.scandir(folder) as items:
        return next(items, None) is not None
