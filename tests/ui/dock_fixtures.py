"""Fixtures for the side-panel tests: a real sample file, an PlanDocument on it, a plain window
to dock the panel into.

Imported by the dock test modules (not a conftest, so the main-window tests stay independent).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest


def record_some_realisation(store, tree) -> dict[str, int]:
    """A deterministic mix of selesai / sebagian / nothing in January..June, plus one extra."""
    from rbdesk.models.edits.realisation import attach_bytes, set_status

    counts = {"selesai": 0, "sebagian": 0}
    for i, ind in enumerate(tree.indicators()):
        for m in ind.planned_months:
            if m > 6:
                continue
            status = ("selesai", "sebagian", None)[i % 3]
            if status:
                set_status(store, ind.uuid, m, status, note=f"catatan {i}-{m}")
                counts[status] += 1
    first = tree.indicators()[0]
    extra = next(m for m in range(1, 13) if not first.is_planned(m))
    set_status(store, first.uuid, extra, "selesai")
    attach_bytes(store, first.uuid, first.planned_months[0], "undangan.pdf", b"%PDF-1.4 x")
    return counts


@pytest.fixture(scope="session")
def dock_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample, plain and with realisation, written once (a write costs a disk sync)."""
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.interchange.load import create_file

    folder = tmp_path_factory.mktemp("dock-templates")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RBDESK_DATA_DIR", str(folder / "data"))
        mp.setenv("RBDESK_USER", "penguji")
        plain, busy = folder / "contoh.rbdesk", folder / "contoh-realisasi.rbdesk"
        create_file(plain, sample=True, user="penguji").close()
        store = create_file(busy, sample=True, user="penguji")
        try:
            record_some_realisation(store, load_plan_tree(store, list_plans(store)[0].uuid))
        finally:
            store.close()
    return {"plain": plain, "busy": busy}


def _open_ctx(template: Path, tmp_path: Path):
    from rbdesk.models.storage.store import Store
    from rbdesk.ui.document import PlanDocument

    path = tmp_path / template.name
    shutil.copyfile(template, path)
    store = Store.open(path, user="penguji")
    return PlanDocument(store)


@pytest.fixture
def dock_ctx(qapp, dock_templates, tmp_path: Path) -> Iterator:
    """A PlanDocument on a fresh copy of the 2024 sample, for a panel on its own (conftest's
    ``ctx`` is the one a whole MainWindow runs on)."""
    context = _open_ctx(dock_templates["plain"], tmp_path)
    yield context
    context.undo_stack.clear()
    context.store.close()


@pytest.fixture
def busy_ctx(qapp, dock_templates, tmp_path: Path) -> Iterator:
    """The sample with realisation in January..June and one evidence file recorded."""
    context = _open_ctx(dock_templates["busy"], tmp_path)
    yield context
    context.undo_stack.clear()
    context.store.close()


@pytest.fixture
def dock_host(qtbot) -> Iterator:
    """A bare QMainWindow to dock one panel into (conftest's ``window`` is the real MainWindow)."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    win = QMainWindow()
    win.setCentralWidget(QLabel("grid"))
    win.resize(1200, 800)
    qtbot.addWidget(win)
    yield win


def show_dock(qtbot, host, dock):
    from PySide6.QtCore import Qt

    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    host.show()
    qtbot.waitExposed(host)
    if hasattr(dock, "refresh_pending"):  # filled after the window's first paint
        qtbot.waitUntil(lambda: not dock.refresh_pending)
    return dock


def group_index(model, kind: str):
    """The top row of one group (late, open, done, ...) of a panel's month list."""
    from PySide6.QtCore import QModelIndex

    from rbdesk.ui.roles import Role

    return next(
        (
            model.index(r, 0)
            for r in range(model.rowCount())
            if model.index(r, 0).data(Role.KIND) == kind
        ),
        QModelIndex(),
    )


def group_count(model, kind: str) -> int:
    """How many items a group lists (0 when the group is not shown)."""
    from rbdesk.ui.roles import Role

    index = group_index(model, kind)
    return index.data(Role.COUNT) if index.isValid() else 0
