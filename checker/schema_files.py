"""Where the JSON Schemas are read from: the installed package's data, or the checkout's schemas/.

The repository keeps one copy of the schemas, in `schemas/`, where the modelines of the data files
point and where editors find them. A built wheel carries that same copy as package data in
`checker/data/` (setup.py copies it at build time), so `pip install .` into any environment, as
pre-commit does for another repository, validates without a checkout. A source checkout and an
editable install have no `checker/data/` and read `schemas/` itself. tests/acceptance/schema_files_test.py
installs a wheel and compares the packaged bytes with `schemas/`.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

CHECKOUT_SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@cache
def schema_folder() -> Traversable:
    """The folder holding *.schema.json: package data when installed, else the checkout's schemas/."""
    packaged = files("checker") / "data"
    return packaged if packaged.is_dir() else CHECKOUT_SCHEMAS


def schema_text(name: str) -> str:
    return schema_folder().joinpath(name).read_text(encoding="utf-8")


def schema_files() -> list[Traversable]:
    """Every schema file, sorted by name (the parse cache's fingerprint hashes them)."""
    return sorted((item for item in schema_folder().iterdir() if item.name.endswith(".json")),
                  key=lambda item: item.name)
