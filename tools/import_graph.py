"""Print the import graph of the `checker` package, by package, and fail on an import circle.

    python3 tools/import_graph.py            # Mermaid graph of package-level imports (docs/dev/architecture.md)
    python3 tools/import_graph.py --cycles   # exit 1 and name the modules if any import circle exists

Every import counts, including those inside functions (a deferred import that dodges a circle is
still a circle a reader has to untangle); only imports under `if TYPE_CHECKING:` are left out. The
graph is read from the source with `ast`, so nothing is imported or executed.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checker"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif not (isinstance(child, ast.If) and _is_type_checking(child)):
            yield from _imports(child)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The package's own modules that `path` imports."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            named = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules]
            targets = named or [base]  # `from checker import yamledit` imports the module, not the package
        for target in targets:
            known = target
            while known and known not in modules:
                known = known.rpartition(".")[0]
            if known and known != name:
                found.add(known)
    return found


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): imports_of(path, modules) for path in paths}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 2 else module  # checker.<package>


def mermaid(edges: dict[str, set[str]]) -> str:
    pairs = sorted(
        {(package_of(source), package_of(target)) for source, targets in edges.items() for target in targets}
        - {(name, name) for name in map(package_of, edges)}
    )
    lines = ["graph LR"] + [f"  {a.replace('checker.', '')} --> {b.replace('checker.', '')}" for a, b in pairs]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    edges = graph()
    if "--cycles" in argv:
        found = cycles(edges)
        for component in found:
            print("import circle: " + " → ".join(component))
        return 1 if found else 0
    print(mermaid(edges))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
