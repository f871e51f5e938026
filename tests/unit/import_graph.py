"""Reading rbdesk's imports from its source (no module is run): the graph that the layering
tests check."""

from __future__ import annotations

import ast
from pathlib import Path

import rbdesk

ROOT = Path(rbdesk.__file__).parent


def modules(package: str = "rbdesk") -> dict[str, Path]:
    """Every module of ``package``, by dotted name (a package by its ``__init__``)."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = ["rbdesk", *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)
        if name == package or name.startswith(package + "."):
            found[name] = path
    return found


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def imports(name: str, path: Path, *, type_checking: bool = True) -> set[str]:
    """Every name a module imports (``from m import n`` gives m and m.n), at the top or inside a
    function; relative imports resolved against the module's package. ``type_checking=False``
    leaves out ``if TYPE_CHECKING:`` blocks, which never run."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out: set[str] = set()
    todo: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
    while todo:
        node = todo.pop()
        if not type_checking and _is_type_checking(node):
            todo.extend(getattr(node, "orelse", []))
            continue
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *filter(None, [base])])
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names)
        todo.extend(ast.iter_child_nodes(node))
    return out


def graph(package: str = "rbdesk") -> dict[str, set[str]]:
    """Module -> the modules of ``package`` it imports when it runs."""
    known = modules(package)
    return {
        name: (imports(name, path, type_checking=False) & known.keys()) - {name}
        for name, path in known.items()
    }


def loaded_with(start: set[str], known: dict[str, Path]) -> set[str]:
    """The rbdesk modules that importing ``start`` runs: what they import, and the packages
    above each."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        name = todo.pop()
        parts = name.split(".")
        for above in (".".join(parts[:i]) for i in range(1, len(parts) + 1)):
            if above in known and above not in seen:
                seen.add(above)
                todo.extend(imports(above, known[above], type_checking=False) & known.keys())
    return seen


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for other in sorted(edges[name]):
            if state.get(other) == 1:
                return [*path[path.index(other) :], other]
            if other not in state and (found := visit(other)):
                return found
        path.pop()
        state[name] = 2
        return None

    for name in sorted(edges):
        if name not in state and (found := visit(name)):
            return found
    return None
