"""Exact positions on demand: follow a JSON path through a file's composed node tree.

Loading keeps only where each mapping starts. A finding about one field needs the field's own
line and column; composing the file again costs one libyaml pass, paid only for files that have
findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from checker.codes import finding
from checker.findings import Finding, Problem
from checker.load.yaml_loader import compose

Path = Sequence[str | int]


class Locator:
    """Finds (line, column) of a path in one text, composing it at most once."""

    def __init__(self, text: str | None) -> None:
        self.text = text
        self._root: Node | None = None
        self._composed = False

    def _tree(self) -> Node | None:
        if not self._composed:
            self._composed = True
            if self.text is not None:
                try:
                    self._root = compose(self.text)
                except yaml.YAMLError:
                    self._root = None
        return self._root

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Where the value at path starts; with key=True, where its key starts.

        A path that leaves the tree (a missing field) stops at the deepest node reached.
        """
        node = self._tree()
        if node is None:
            return 1, 1
        for step_number, step in enumerate(path):
            last = step_number == len(path) - 1
            if isinstance(node, MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == step), None)
                if pair is None:
                    break
                if last and key:
                    node = pair[0]
                    break
                node = pair[1]
            elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                break
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    def place(self, problem: Problem) -> Finding:
        """The finding a problem in this text makes, at the line and column of its path."""
        line, column = self.position(problem.path, key=problem.key)
        return finding(problem.code, problem.message, problem.file, line, column)


Positions = Mapping[str, Locator]  # each file's locator, by the name findings show the file by


def place(problems: Iterable[Problem], positions: Positions) -> list[Finding]:
    """Each problem as a finding at the line and column of its path in its file."""
    return [positions[problem.file].place(problem) for problem in problems]


def format_path(path: Path) -> str:
    """tasks[3].schedule.deadline"""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text
