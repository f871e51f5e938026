"""The models and the exports run without Qt (the command line uses them with no display): no
module of theirs, nor any rbdesk module they import, imports PySide6."""

from __future__ import annotations

from pathlib import Path

from import_graph import imports, loaded_with, modules

CHECKED = ("rbdesk.models", "rbdesk.exports")
QT = ("PySide6", "shiboken6")


def is_qt(module: str) -> bool:
    return module.split(".")[0] in QT


def test_the_scan_sees_qt_and_follows_imports(tmp_path: Path) -> None:
    known = modules()
    ui_imports = set().union(
        *(imports(n, p) for n, p in known.items() if n.startswith("rbdesk.ui"))
    )
    assert any(is_qt(u) for u in ui_imports)
    reached = loaded_with({"rbdesk.models.storage.store"}, known)
    assert {"rbdesk", "rbdesk.models", "rbdesk.models.storage.schema"} <= reached
    assert "rbdesk.i18n" in loaded_with({"rbdesk.models.domain.hierarchy"}, known)
    module = tmp_path / "b.py"
    module.write_text("import os\nfrom .c import d\nfrom .. import e\n", encoding="utf-8")
    assert imports("rbdesk.a.b", module) == {
        "os",
        "rbdesk.a.c",
        "rbdesk.a.c.d",
        "rbdesk",
        "rbdesk.e",
    }


def test_models_and_exports_import_no_qt() -> None:
    known = modules()
    checked = {n for n in known if n.startswith(CHECKED)}
    assert {"rbdesk.models.storage.schema", "rbdesk.exports.pdf.write"} <= checked
    offenders = {
        n: sorted(u for u in imports(n, known[n]) if is_qt(u))
        for n in sorted(loaded_with(checked, known))
    }
    assert {n: qt for n, qt in offenders.items() if qt} == {}
    assert not any(n.startswith("rbdesk.ui") for n in loaded_with(checked, known))
