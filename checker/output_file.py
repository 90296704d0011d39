"""Writing a file the user keeps (a report skeleton, CODEOWNERS): all or nothing."""

from __future__ import annotations

from pathlib import Path

from checker.atomic_file import replace_atomically
from checker.errors import PlancheckError
from checker.load.documents import display_path


def write_whole(target: Path, text: str) -> None:
    """Write through a temporary file and a rename, so an interrupted write never leaves half a file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(target, text.encode("utf-8"))
    except OSError as error:
        raise PlancheckError(f"无法写入“{display_path(target)}”：{error.strerror or error}") from None
