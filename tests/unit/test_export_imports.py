"""The export modules import one another one way only: no cycles, and Excel never needs the PDF
modules (nor reportlab)."""

from __future__ import annotations

import ast
from pathlib import Path

import rbdesk.exports

PACKAGE = "rbdesk.exports"
ROOT = Path(rbdesk.exports.__file__).parent


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = [PACKAGE, *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(path: Path) -> set[str]:
    """Every name a module imports (``from m import n`` gives m and m.n), at the top or inside a
    function."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.add(node.module)
            out.update(f"{node.module}.{alias.name}" for alias in node.names)
    return out


def graph() -> dict[str, set[str]]:
    """Module -> the modules of the package it imports."""
    known = modules()
    return {name: (imports(path) & known.keys()) - {name} for name, path in known.items()}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for other in sorted(edges[name]):
            if state.get(other) == 1:
                return [*path[path.index(other):], other]
            if other not in state and (found := visit(other)):
                return found
        path.pop()
        state[name] = 2
        return None

    for name in sorted(edges):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_the_graph_sees_the_modules() -> None:
    edges = graph()
    assert "rbdesk.exports.excel.rows" in edges["rbdesk.exports.excel.read"]
    assert "rbdesk.exports.pdf.write" in edges["rbdesk.exports"]  # imported inside a function
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_import_cycles_in_exports() -> None:
    assert cycle(graph()) is None


def test_excel_does_not_import_pdf_modules_or_reportlab() -> None:
    for name, path in modules().items():
        if name.startswith(f"{PACKAGE}.excel"):
            assert not {u for u in imports(path)
                        if u.startswith((f"{PACKAGE}.pdf", "reportlab"))}, name
