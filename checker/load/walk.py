"""Which files of a policy tree are read, and how: only regular files inside the tree, never blocking.

A pull request can put anything git can carry into the tree, and a checkout can hold more. What
this module refuses, each as a finding at the entry's own path, without following or opening it:

- every symbolic link (PC024; PC026 for a loop). Links are refused even when they stay inside the
  tree: review shows a link as one line naming its target, not the content that would be read;
  the folder a file sits in decides its kind and, under progress/, who reports it, so one file
  linked into two folders would count twice; and a link to a FIFO, a device or a file outside the
  tree would hang the run, exhaust memory or load content nobody reviewed;
- FIFOs, sockets and devices (PC025);
- names that are not valid UTF-8 (PC029): they cannot be shown, compared or put in a report.

A file is opened with O_NOFOLLOW and O_NONBLOCK and checked with fstat before it is read, so a
file swapped for a link or a FIFO after the walk is refused too; and it is read up to the size
limit plus one byte, so `/dev/zero` or a growing file costs at most that.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from checker.codes import finding
from checker.findings import Finding
from checker.load.limits import Limits
from checker.load.reader import too_large

FOLDERS = ("organizations", "plans", "progress")
# Windows has neither flag (nor FIFOs); there the walk's lstat is what keeps links out.
_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_SPECIAL = ((stat.S_ISFIFO, "命名管道（FIFO）"), (stat.S_ISSOCK, "套接字"), (stat.S_ISCHR, "字符设备"),
            (stat.S_ISBLK, "块设备"))


@dataclass(frozen=True)
class PolicyTree:
    """The root folder, the files below it that the checker reads, and the entries it refuses."""

    root: Path
    files: tuple[Path, ...]
    refused: dict[Path, Finding] = field(default_factory=dict)


def display_path(path: Path) -> str:
    """Path as shown in findings: relative to the working directory when below it, always printable."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        relative = ".."
    shown = path.as_posix() if relative.startswith("..") else Path(relative).as_posix()
    return printable(shown)


def printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 written as \\xNN."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def canonical(target: Path) -> Path:
    """The absolute path of a command-line target, its folders resolved but a final link kept as is."""
    absolute = target.absolute()
    return absolute.parent.resolve() / absolute.name if absolute.is_symlink() else absolute.resolve()


def list_tree(root: Path) -> PolicyTree:
    """Every regular file of the tree and every refused entry, sorted, so runs are deterministic."""
    files: list[Path] = []
    refused: dict[Path, Finding] = {}
    real_root = Path(os.path.realpath(root))  # what a link's resolved target is compared with
    for path in (root / "settings.yaml", *(root / folder for folder in FOLDERS)):
        try:
            status = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISLNK(status.st_mode):
            refused[path] = _link_finding(real_root, path)
        elif path.name != "settings.yaml":
            if stat.S_ISDIR(status.st_mode):
                _walk(real_root, path, files, refused)
        elif stat.S_ISREG(status.st_mode):
            files.append(path)
        elif not stat.S_ISDIR(status.st_mode):
            refused[path] = _special_finding(path, status.st_mode)
    return PolicyTree(root, tuple(sorted([*files, *refused])), refused)


def _walk(real_root: Path, base: Path, files: list[Path], refused: dict[Path, Finding]) -> None:
    folders = [base]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                items = list(entries)
        except OSError as error:
            refused[folder] = _at(folder, "PC001", f"无法读取文件夹（{error.strerror or error}）。")
            continue
        for item in items:
            path = Path(item.path)
            if item.is_dir(follow_symlinks=False):
                if _decodable(item.name):
                    folders.append(path)
                else:
                    refused[path] = _name_finding(path)
            elif item.name.startswith("."):
                continue  # hidden files are not part of the data (and are never opened)
            elif not _decodable(item.name):
                refused[path] = _name_finding(path)
            elif item.is_symlink():
                refused[path] = _link_finding(real_root, path)
            elif not item.is_file(follow_symlinks=False):
                refused[path] = _special_finding(path, item.stat(follow_symlinks=False).st_mode)
            else:
                files.append(path)


def read_policy_file(path: Path, limits: Limits) -> bytes | Finding:
    """The file's bytes, or why it is not read. Never follows a link, never blocks, never reads past the limit."""
    display = display_path(path)
    try:
        handle = os.open(path, _OPEN)
    except OSError as error:
        if error.errno == errno.ELOOP:  # it became a link after the walk
            return _at(path, "PC024", f"“{printable(path.name)}”是符号链接，不会被读取。")
        return finding("PC001", f"无法读取文件（{error.strerror or error}）。", display, 1, 1)
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            return _special_finding(path, status.st_mode)
        if status.st_size > limits.max_bytes:
            return too_large(status.st_size, display, limits)
        raw = stream.read(limits.max_bytes + 1)
    return too_large(len(raw), display, limits) if len(raw) > limits.max_bytes else raw


def _decodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _at(path: Path, code: str, message: str) -> Finding:
    return finding(code, message, display_path(path), 1, 1)


def _name_finding(path: Path) -> Finding:
    return _at(path, "PC029", f"名称“{printable(path.name)}”不是有效的 UTF-8 编码，不会被读取。")


def _special_finding(path: Path, mode: int) -> Finding:
    kind = next((label for test, label in _SPECIAL if test(mode)), "特殊文件")
    return _at(path, "PC025", f"“{printable(path.name)}”是{kind}，不是普通文件，不会被打开。")


def _link_finding(real_root: Path, path: Path) -> Finding:
    """A link, classified by where it leads, which is worked out without opening anything."""
    name = printable(path.name)
    try:
        target = printable(str(path.readlink()))
        resolved = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return _at(path, "PC024", f"“{name}”是符号链接，指向不存在的“{target}”，不会被读取。")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return _at(path, "PC026", f"“{name}”是循环的符号链接（链接最终又指向自身），无法读取。")
        return _at(path, "PC024", f"“{name}”是符号链接，无法解析（{error.strerror or error}），不会被读取。")
    if resolved != real_root and real_root not in resolved.parents:
        return _at(path, "PC024", f"“{name}”是符号链接，指向 policy 目录之外的“{target}”，不会被读取。")
    return _at(path, "PC024", f"“{name}”是符号链接（指向“{target}”）；policy 目录中的链接不会被读取。")
