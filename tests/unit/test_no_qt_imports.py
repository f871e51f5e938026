"""The models and the exports run without Qt (the command line uses them with no display): no
module of theirs, nor any rbdesk module they import, imports PySide6."""

from __future__ import annotations

import ast
from pathlib import Path

import rbdesk

ROOT = Path(rbdesk.__file__).parent
CHECKED = ("rbdesk.models", "rbdesk.exports")
QT = ("PySide6", "shiboken6")


def modules() -> dict[str, Path]:
    """Every module of rbdesk, by dotted name (a package by its ``__init__``)."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = ["rbdesk", *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path) -> set[str]:
    """Every name a module imports (``from m import n`` gives m and m.n), at the top or inside a
    function; relative imports resolved against the module's package."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[:len(package) - node.level + 1], *filter(None, [base])])
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names)
    return out


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
                todo.extend(imports(above, known[above]) & known.keys())
    return seen


def is_qt(module: str) -> bool:
    return module.split(".")[0] in QT


def test_the_scan_sees_qt_and_follows_imports(tmp_path: Path) -> None:
    known = modules()
    ui_imports = set().union(*(imports(n, p) for n, p in known.items()
                               if n.startswith("rbdesk.ui")))
    assert any(is_qt(u) for u in ui_imports)
    reached = loaded_with({"rbdesk.models.storage.store"}, known)
    assert {"rbdesk", "rbdesk.models", "rbdesk.models.storage.schema"} <= reached
    assert "rbdesk.i18n" in loaded_with({"rbdesk.models.domain.hierarchy"}, known)
    module = tmp_path / "b.py"
    module.write_text("import os\nfrom .c import d\nfrom .. import e\n", encoding="utf-8")
    assert imports("rbdesk.a.b", module) == {"os", "rbdesk.a.c", "rbdesk.a.c.d", "rbdesk",
                                             "rbdesk.e"}


def test_models_and_exports_import_no_qt() -> None:
    known = modules()
    checked = {n for n in known if n.startswith(CHECKED)}
    assert {"rbdesk.models.storage.schema", "rbdesk.exports.pdf.write"} <= checked
    offenders = {n: sorted(u for u in imports(n, known[n]) if is_qt(u))
                 for n in sorted(loaded_with(checked, known))}
    assert {n: qt for n, qt in offenders.items() if qt} == {}
    assert not any(n.startswith("rbdesk.ui") for n in loaded_with(checked, known))
