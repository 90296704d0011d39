"""Where a record came from: a plain value naming a file, a JSON path there and a line."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.findings import Problem


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: its file (as findings show it), its JSON path there and its first line.

    A plain value: a rule says what is wrong with `origin.at(...)`, and the validate stage places
    the problem at a line and column with the file's positions. Two records are equal whatever
    file they came from (a plan compared across two checkouts is the same plan).
    """

    file: str = field(compare=False)
    path: tuple[str | int, ...]
    line: int

    @property
    def file_name(self) -> str:
        """The file's own name, without its folders."""
        return self.file.rpartition("/")[2]

    def at(self, code: str, message: str, *subpath: str | int, key: bool = False) -> Problem:
        return Problem(self.file, code, message, (*self.path, *subpath), key)

    def child(self, *subpath: str | int) -> Origin:
        return Origin(self.file, (*self.path, *subpath), self.line)
