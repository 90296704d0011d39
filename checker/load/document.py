"""One input file after loading, as the later stages see it. A leaf of the load stage: the
validate stage reads documents without importing the loader (checker.load.documents)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from checker.findings import Finding
from checker.load.kinds import Kind
from checker.load.locate import Locator
from checker.load.yaml_loader import YamlValue


@dataclass(frozen=True)
class Document:
    """One input file after loading: complete once made, never changed by a later stage.

    `data` is the parsed YAML value (any YAML value: it is checked against the schema of its kind
    before anything reads it as a plan or a report), None when the file could not be parsed.
    `schema_findings` is None when the file has no known kind or could not be parsed.
    """

    path: Path
    display: str
    kind: Kind | None
    text: str | None
    data: YamlValue
    findings: tuple[Finding, ...] = ()
    schema_findings: tuple[Finding, ...] | None = None

    @cached_property
    def locator(self) -> Locator:
        """Where each JSON path of the text is (the validate stage places its findings with it)."""
        return Locator(self.text)
