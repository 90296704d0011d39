"""The layout of every JSON report plancheck writes."""

from __future__ import annotations

import json
from typing import Any, TextIO


def write_record_per_line(value: dict[str, Any], stream: TextIO) -> None:
    """JSON with one top-level field, or one record of a top-level list, per line.

    As readable as `indent=2` for what people look for (one task per line, for grep and diff) and
    about four times faster on a large tree: `json` only uses its C encoder without `indent`.
    """
    stream.write("{")
    for number, (key, item) in enumerate(value.items()):
        stream.write(",\n  " if number else "\n  ")
        stream.write(_compact(key) + ": ")
        if isinstance(item, list) and item:
            stream.write("[\n    " + ",\n    ".join(_compact(record) for record in item) + "\n  ]")
        else:
            stream.write(_compact(item))
    stream.write("\n}\n")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
