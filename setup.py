"""Build step: ship the JSON Schemas inside the package, copied from the repository's one copy.

Everything else about the package is declared in pyproject.toml. The schemas live in `schemas/`
at the top of the repository (the data files' modelines and editors point there), outside the
`checker` package, so setuptools' package-data cannot name them. This step copies them into the
built package as `checker/data/*.schema.json`, where `checker.schema_files` finds them through
importlib.resources. An editable install keeps reading `schemas/` in the checkout instead.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SCHEMAS = Path(__file__).resolve().parent / "schemas"


class BuildWithSchemas(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "checker" / "data"
        self.mkpath(str(target))
        for schema in sorted(SCHEMAS.glob("*.schema.json")):
            self.copy_file(str(schema), str(target / schema.name))


setup(cmdclass={"build_py": BuildWithSchemas})
