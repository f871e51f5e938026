"""The "Bukti dukung" panel: attaching, removing, undo, status and note."""

from __future__ import annotations

from pathlib import Path

import pytest
from dock_fixtures import busy_ctx, dock_ctx, dock_host, dock_templates, show_dock  # noqa: F401
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.ui.panels.evidence_dock import EvidenceDock
from rbdesk.ui.panels.evidence_model import EvidenceModel, human_size
from rbdesk.ui.view_state import ViewState


@pytest.fixture
def dock(qtbot, dock_host, dock_ctx):  # noqa: F811
    d = show_dock(qtbot, dock_host, EvidenceDock(dock_ctx, ViewState(dock_ctx)))
    ind = dock_ctx.tree.indicators()[5]
    d.state.cellSelected.emit(ind.uuid, 6)
    return d


def _names(dock):
    return [
        dock.model.index(r, EvidenceModel.COL_NAME).data() for r in range(dock.model.rowCount())
    ]


def test_identity_and_empty_state(qtbot, dock_host, dock_ctx):  # noqa: F811
    d = show_dock(qtbot, dock_host, EvidenceDock(dock_ctx, ViewState(dock_ctx)))
    assert d.objectName() == "evidenceDock" and d.windowTitle() == "Bukti dukung"
    assert "Pilih sel bulan" in d.header.text()
    assert not d.add_action.isEnabled() and not d.note_edit.isEnabled()


def test_attach_by_dialog_lists_it_and_undo(dock, dock_ctx, tmp_path, monkeypatch):  # noqa: F811
    scan = tmp_path / "notulen rapat.pdf"
    scan.write_bytes(b"%PDF-1.4 " + b"x" * 3000)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(scan)], ""))
    )
    dock.add_action.trigger()
    assert _names(dock) == ["notulen rapat.pdf"]
    row = [dock.model.index(0, c).data() for c in range(4)]
    assert row[1] == human_size(3009) == "3 KB" and row[2] == "penguji" and row[3]
    stored = realisation.list_evidence(dock_ctx.store, dock.indicator_uuid, 6)
    assert [e.filename for e in stored] == ["notulen rapat.pdf"]
    assert dock_ctx.tree.indicators()[5].evidence == {6: 1}  # the snapshot follows
    dock_ctx.undo_stack.undo()
    assert (
        _names(dock) == []
        and realisation.list_evidence(dock_ctx.store, dock.indicator_uuid, 6) == []
    )
    dock_ctx.undo_stack.redo()
    assert _names(dock) == ["notulen rapat.pdf"]


def test_drop_files_from_file_manager(dock, tmp_path):
    files = [tmp_path / "foto1.jpg", tmp_path / "foto2.jpg"]
    for f in files:
        f.write_bytes(f.name.encode() * 10)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    body = dock.widget()
    assert body.acceptDrops()
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    body.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    body.dropEvent(drop)
    assert drop.isAccepted()
    assert sorted(_names(dock)) == ["foto1.jpg", "foto2.jpg"]
    dock.doc.undo_stack.undo()  # one drop, one undo step
    assert _names(dock) == []
    folder_only = QMimeData()
    folder_only.setUrls([QUrl("https://example.org/x.pdf")])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        folder_only,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    body.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_oversized_file_gives_message_and_stores_nothing(
    dock,
    dock_ctx,  # noqa: F811
    tmp_path,
    monkeypatch,
    qtbot,
):
    monkeypatch.setattr(realisation, "MAX_EVIDENCE_BYTES", 1000)
    big = tmp_path / "pindaian besar.pdf"
    big.write_bytes(b"x" * 5000)
    with qtbot.waitSignal(dock_ctx.refused) as signal:
        assert dock.attach_paths([big]) == 0
    assert "terlalu besar" in signal.args[0] and "pindaian besar.pdf" in signal.args[0]
    assert dock.message.isVisible() and "terlalu besar" in dock.message.text()
    assert "Traceback" not in dock.message.text()
    assert (
        _names(dock) == [] and realisation.list_evidence(dock_ctx.store, dock.indicator_uuid) == []
    )
    assert dock_ctx.undo_stack.count() == 0
    missing = tmp_path / "hilang.pdf"
    assert dock.attach_paths([missing]) == 0
    assert "tidak ditemukan" in dock.message.text()


def test_remove_with_confirmation_and_undo(dock, dock_ctx, tmp_path, monkeypatch, messages):  # noqa: F811
    f = tmp_path / "daftar hadir.pdf"
    f.write_bytes(b"hadir")
    dock.attach_paths([f])
    dock.view.selectRow(0)
    messages.answer = False
    assert not dock.remove_selected() and _names(dock) == ["daftar hadir.pdf"]
    messages.answer = True
    dock.view.selectRow(0)
    assert dock.remove_selected()
    assert len(messages.questions) == 2 and "daftar hadir.pdf" in messages.questions[1]
    assert _names(dock) == [] and dock_ctx.tree.indicators()[5].evidence == {}
    dock_ctx.undo_stack.undo()
    assert _names(dock) == ["daftar hadir.pdf"]
    assert dock_ctx.tree.indicators()[5].evidence == {6: 1}


def test_open_and_save_copy(dock, tmp_path, monkeypatch):
    f = tmp_path / "foto.jpg"
    f.write_bytes(b"JPEGDATA")
    dock.attach_paths([f])
    dock.view.selectRow(0)
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    assert dock.open_selected()
    assert Path(opened[0].toLocalFile()).read_bytes() == b"JPEGDATA"
    target = tmp_path / "salinan" / "foto.jpg"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert dock.save_selected_copy() == target and target.read_bytes() == b"JPEGDATA"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "no" / "x.jpg"), "")),
    )
    assert dock.save_selected_copy() is None
    assert "tidak ada" in dock.message.text() and str(tmp_path / "no") in dock.message.text()


def test_status_and_note_persist_and_undo(dock, dock_ctx, qtbot):  # noqa: F811
    uuid = dock.indicator_uuid
    qtbot.mouseClick(dock.status_buttons["sebagian"], Qt.MouseButton.LeftButton)
    dock.note_edit.setFocus()
    dock.note_edit.setText("undangan sudah dikirim")
    qtbot.keyClick(dock.note_edit, Qt.Key.Key_Return)
    store = dock_ctx.store
    fresh = next(
        i for i in load_plan_tree(store, list_plans(store)[0].uuid).indicators() if i.uuid == uuid
    )
    assert fresh.realisation[6].status == "sebagian"
    assert fresh.realisation[6].note == "undangan sudah dikirim"
    assert dock_ctx.tree.indicators()[5].status(6) == "sebagian"
    dock_ctx.undo_stack.undo()
    assert dock.note_edit.text() == "" and dock.status_buttons["sebagian"].isChecked()
    dock_ctx.undo_stack.undo()
    assert dock.status_buttons["belum"].isChecked()
    dock.state.cellSelected.emit(uuid, 7)
    assert dock.status_buttons["belum"].isChecked() and "Juli" in dock.header.text()


def test_readonly_disables_editing(dock, dock_ctx, monkeypatch):  # noqa: F811
    monkeypatch.setattr(type(dock_ctx), "readonly", property(lambda self: True))
    dock.refresh()
    assert not dock.add_action.isEnabled() and not dock.note_edit.isEnabled()
    assert not dock.status_buttons["selesai"].isEnabled()
    assert dock.attach_paths([Path(__file__)]) == 0


def test_model_tester(qtmodeltester, busy_ctx, qtbot, dock_host):  # noqa: F811
    d = show_dock(qtbot, dock_host, EvidenceDock(busy_ctx, ViewState(busy_ctx)))
    first = busy_ctx.tree.indicators()[0]
    d.state.cellSelected.emit(first.uuid, first.planned_months[0])
    assert _names(d) == ["undangan.pdf"]
    qtmodeltester.check(d.model)


def test_a_type_that_runs_something_is_saved_with_a_warning_not_opened(dock, tmp_path, monkeypatch):
    f = tmp_path / "laporan\u202efdp.exe"  # shows as "laporanexe.pdf" where bidi is honoured
    f.write_bytes(b"MZ program")
    dock.attach_paths([f])
    assert _names(dock) == ["laporanfdp.exe"]
    dock.view.selectRow(0)
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    target = tmp_path / "simpan" / "laporanfdp.exe"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: asked.append(a) or (str(target), "")),
    )
    assert not dock.open_selected()
    assert opened == [] and asked
    assert target.read_bytes() == b"MZ program"
    text = dock.message.text()
    assert "tidak dibuka" in text and "menjalankan program" in text and str(target) in text
