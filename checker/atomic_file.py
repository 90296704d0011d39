"""Replacing a file all at once: a reader sees the old content, the new one, or no file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_atomically(target: Path, content: bytes) -> None:
    """Write through a uniquely named temporary file beside the target, then rename it over the target.

    The unique name lets two processes write the same target at once; the rename decides which wins.
    """
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
