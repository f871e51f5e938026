"""The real main window on a real temporary sample file, driven as a user would."""

from __future__ import annotations

from grid_helpers import choose_plan, find, rows
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit

from rbdesk.models.domain.node_reads import load_indicator
from rbdesk.models.domain.progress import MonthState
from rbdesk.models.domain.tree import load_plan_tree
from rbdesk.models.edits import plan_edit
from rbdesk.models.storage.store import Store
from rbdesk.ui.dialogs.guide import GuideDialog
from rbdesk.ui.grid.plan_columns import COL_NOTE, COL_TEXT, month_column
from rbdesk.ui.operations import run
from rbdesk.ui.roles import Role
from rbdesk.ui.view_state import Mode
from rbdesk.ui.window.action_table import Act


def click(qtbot, win, index):
    win.view.scrollTo(index)
    rect = win.view.visualRect(index)
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def double_click(qtbot, win, index):
    click(qtbot, win, index)
    qtbot.mouseDClick(
        win.view.viewport(), Qt.MouseButton.LeftButton, pos=win.view.visualRect(index).center()
    )


def unlock(win, messages):
    """The sample's decree is signed (it has a date): revising its months needs the key."""
    messages.answer = True
    win.acts[Act.LOCK].trigger()
    assert win.state.plan_unlocked and win.unlock_banner.isVisible()


def test_window_shows_file_plan_mode_and_user(window):
    assert "contoh.rbdesk" in window.windowTitle()
    assert "KPU Kota Kupang 2024" in window.windowTitle()
    assert "REALISASI" in window.mode_label.text()  # the everyday mode
    assert "Penguji" in window.user_label.text()
    assert window.legend.isVisible() and "Terlambat" in window.legend.labels
    assert not window.banner.isVisible()
    assert window.acts[Act.UNDO].shortcut().toString() == "Ctrl+Z"


def test_a_click_selects_and_never_edits(window, qtbot):
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    for mode in (window.acts[Act.MODE_PLAN], window.acts[Act.MODE_REAL]):
        mode.trigger()
        for month in (3, 9):
            click(qtbot, window, index.siblingAtColumn(month_column(month)))
            assert window.current_month() == month
    fresh = load_indicator(window.doc.store, uuid)
    assert fresh.planned_months == [3] and fresh.status(3) == "belum"
    assert window.doc.undo_stack.count() == 0


def test_signed_plan_months_are_locked_until_unlocked(window, qtbot, monkeypatch, messages):
    window.acts[Act.MODE_PLAN].trigger()
    assert window.state.plan_locked and "TERKUNCI" in window.mode_label.text()
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    cell = index.siblingAtColumn(month_column(3))
    double_click(qtbot, window, cell)
    assert load_indicator(window.doc.store, uuid).is_planned(3)  # the signed plan holds
    assert "terkunci" in window.message_bar.label.text()
    unlock(window, messages)
    double_click(qtbot, window, cell)
    assert not load_indicator(window.doc.store, uuid).is_planned(3)
    window.acts[Act.LOCK].trigger()  # lock again
    assert window.state.plan_locked and not window.unlock_banner.isVisible()
    window.view.setCurrentIndex(cell)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert not load_indicator(window.doc.store, uuid).is_planned(3)


def test_window_opens_in_the_mode_last_used(window, qtbot):
    from rbdesk.ui.document import PlanDocument
    from rbdesk.ui.window.main_window import MainWindow

    window.acts[Act.MODE_PLAN].trigger()
    fresh = PlanDocument(window.doc.store)
    other = MainWindow(fresh)
    qtbot.addWidget(other)
    assert other.state.mode == Mode.PLAN and other.acts[Act.MODE_PLAN].isChecked()


def test_double_click_toggles_planned_in_rencana_mode(window, qtbot, monkeypatch, messages):
    window.acts[Act.MODE_PLAN].trigger()
    unlock(window, messages)
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    assert not load_indicator(window.doc.store, uuid).is_planned(9)
    cell = index.siblingAtColumn(month_column(9))
    with qtbot.assertNotEmitted(window.model.modelReset):
        double_click(qtbot, window, cell)
    assert load_indicator(window.doc.store, uuid).is_planned(9)
    assert cell.data(Role.MONTH_STATE) == MonthState.PLANNED
    window.view.setCurrentIndex(cell)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert not load_indicator(window.doc.store, uuid).is_planned(9)
    assert cell.data(Role.MONTH_STATE) == MonthState.EMPTY


def test_space_cycles_status_in_realisasi_mode_and_undo_redo(window, qtbot, monkeypatch, messages):
    window.acts[Act.MODE_REAL].trigger()
    assert window.state.mode == Mode.REALISATION and "REALISASI" in window.mode_label.text()
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    march = index.siblingAtColumn(month_column(3))
    assert march.data(Role.MONTH_STATE) == MonthState.LATE
    window.view.setCurrentIndex(march)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert load_indicator(window.doc.store, uuid).status(3) == "sebagian"
    double_click(qtbot, window, march)
    assert load_indicator(window.doc.store, uuid).status(3) == "selesai"
    assert march.data(Role.MONTH_STATE) == MonthState.DONE
    # A third edit of another kind, then undo all three and redo them.
    unlock(window, messages)
    double_click(qtbot, window, index.siblingAtColumn(month_column(10)))
    assert load_indicator(window.doc.store, uuid).is_planned(10)
    for _ in range(3):
        window.acts[Act.UNDO].trigger()
    fresh = load_indicator(window.doc.store, uuid)
    assert fresh.status(3) == "belum" and not fresh.is_planned(10)
    assert march.data(Role.MONTH_STATE) == MonthState.LATE
    for _ in range(3):
        window.acts[Act.REDO].trigger()
    fresh = load_indicator(window.doc.store, uuid)
    assert fresh.status(3) == "selesai" and fresh.is_planned(10)
    assert march.data(Role.MONTH_STATE) == MonthState.DONE


def test_realisation_note_is_typed_in_the_cell(window, qtbot):
    window.set_mode(Mode.REALISATION)
    index = find(window.proxy, "LHKPN")
    cell = index.siblingAtColumn(month_column(3))
    assert window.proxy.setData(cell, "Laporan dikirim 28 Maret")
    assert (
        load_indicator(window.doc.store, index.data(Role.INDICATOR_UUID)).realisation[3].note
        == "Laporan dikirim 28 Maret"
    )
    assert "Laporan dikirim" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_cell_selection_is_announced_and_select_requested_is_honoured(window, qtbot):
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    with qtbot.waitSignal(window.state.cellSelected) as blocker:
        window.view.setCurrentIndex(index.siblingAtColumn(month_column(3)))
    assert blocker.args == [uuid, 3]
    other = find(window.proxy, "LHKASN").data(Role.INDICATOR_UUID)
    window.state.selectRequested.emit(other)
    assert window.view.currentIndex().data(Role.INDICATOR_UUID) == other
    assert window.view.currentIndex().column() == month_column(3)


def test_add_rename_move_regroup_delete_and_undo(window, qtbot, monkeypatch):
    monkeypatch.setattr("rbdesk.ui.grid.tree_edits.confirm", lambda *a, **k: True)
    index = find(window.proxy, "LHKPN")
    sub_uuid = index.parent().data(Role.UUID)
    window.view.setCurrentIndex(index)
    window.acts[Act.ADD_SIBLING].trigger()
    assert window.view.state() == window.view.State.EditingState  # ready to type the name
    editor = next(e for e in window.view.viewport().findChildren(QLineEdit) if e.isVisible())
    assert editor.text() == "Indikator baru"
    editor.selectAll()
    qtbot.keyClicks(editor, "Laporan gratifikasi")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits through a queued call
    qtbot.waitUntil(lambda: window.view.state() != window.view.State.EditingState)
    new = window.view.currentIndex()
    new_uuid = new.data(Role.UUID)
    assert new.siblingAtColumn(COL_TEXT).data() == "Laporan gratifikasi"
    texts = [
        i.text
        for i in load_plan_tree(window.doc.store, window.doc.plan_uuid)
        .areas[0]
        .activities[1]
        .sub_activities[2]
        .indicators
    ]
    assert (
        texts.index("Laporan gratifikasi")
        == texts.index(index.siblingAtColumn(COL_TEXT).data()) + 1
    )
    window.acts[Act.MOVE_UP].trigger()
    assert window.view.currentIndex().data(Role.UUID) == new_uuid
    assert window.view.currentIndex().row() == index.row() - 0  # took LHKPN's place
    window.acts[Act.INDENT].trigger()  # into the next sub-activity, at its start
    moved = window.view.currentIndex()
    assert moved.data(Role.UUID) == new_uuid and moved.row() == 0
    assert moved.parent().data(Role.UUID) != sub_uuid
    window.acts[Act.DELETE].trigger()
    assert window.model.index_of(new_uuid).isValid() is False
    window.acts[Act.UNDO].trigger()  # the delete
    assert window.view.currentIndex().data(Role.UUID) == new_uuid
    window.acts[Act.UNDO].trigger()  # the regroup
    assert window.view.currentIndex().parent().data(Role.UUID) == sub_uuid
    for _ in range(2):  # the move, the rename... then the add
        window.acts[Act.UNDO].trigger()
    window.acts[Act.UNDO].trigger()
    assert window.model.index_of(new_uuid).isValid() is False
    assert "Laporan gratifikasi" not in [
        i.text for i in load_plan_tree(window.doc.store, window.doc.plan_uuid).indicators()
    ]


def test_drop_an_indicator_onto_another_sub_activity(window):
    source = find(window.proxy, "LHKPN")
    target = find(window.proxy, "Internalisasi", kind="sub_activity")
    uuid = source.data(Role.UUID)

    assert window.tree_edits.drop(f"indicator:{uuid}", target.data(Role.UUID), "on")
    moved = window.model.index_of(uuid)
    assert moved.parent().data(Role.UUID) == target.data(Role.UUID)
    assert not window.tree_edits.drop(
        f"indicator:{uuid}", find(window.proxy, "Manajemen", kind="area").data(Role.UUID), "on"
    )


def test_search_and_status_filters(window, qtbot):
    total = sum(1 for _ in rows(window.proxy))
    qtbot.keyClicks(window.filter_bar.search, "lhkpn")
    qtbot.waitUntil(lambda: sum(1 for _ in rows(window.proxy)) < total, timeout=2000)
    visible = list(rows(window.proxy))
    leaves = [i for i in visible if i.data(Role.KIND) == "indicator"]

    def matches(index):  # the row itself or a parent (whose subtree then shows) matches
        while index.isValid():
            if "LHKPN" in index.siblingAtColumn(COL_TEXT).data():
                return True
            index = index.parent()
        return False

    assert leaves and all(matches(i) for i in leaves)
    assert any("LHKPN" in i.siblingAtColumn(COL_TEXT).data() for i in leaves)
    assert visible[0].data(Role.KIND) == "area"  # parents stay visible
    window.filter_bar.clear()
    assert sum(1 for _ in rows(window.proxy)) == total
    window.filter_bar.status.setCurrentIndex(window.filter_bar.status.findData("due"))
    due = [i for i in rows(window.proxy) if i.data(Role.INDICATOR_UUID)]
    assert due and all(
        i.siblingAtColumn(month_column(6)).data(Role.MONTH_STATE) == MonthState.DUE for i in due
    )
    window.filter_bar.clear()
    team = window.doc.tree.teams[3]  # Tim II: Penguatan Peraturan
    window.state.teamSelected.emit(team.uuid)
    areas = {i.data(Role.AREA_UUID) for i in rows(window.proxy)}
    assert areas == {team.area_uuid}


def test_conflicting_edit_shows_message_and_fresh_value(window, sample_path):
    index = find(window.proxy, "LHKASN")
    uuid = index.data(Role.INDICATOR_UUID)
    other = Store.open(sample_path, user="Rekan")
    try:
        plan_edit.set_field(other, "indicator", uuid, "note", "Diubah rekan")
    finally:
        other.close()
    note = index.siblingAtColumn(COL_NOTE)
    assert not window.proxy.setData(note, "Catatan saya")
    assert window.message_bar.isVisible()
    assert "Rekan" in window.message_bar.label.text()
    assert window.model.index_of(uuid, COL_NOTE).data() == "Diubah rekan"
    assert load_indicator(window.doc.store, uuid).note == "Diubah rekan"
    assert window.doc.undo_stack.count() == 0


def test_read_only_file_shows_banner_and_refuses_edits(sample_path, qtbot):
    from rbdesk.ui.document import PlanDocument
    from rbdesk.ui.window.main_window import MainWindow

    store = Store.open(sample_path, readonly=True)
    win = MainWindow(PlanDocument(store))
    qtbot.addWidget(win)
    win.show()
    assert win.banner.isVisible() and "HANYA-BACA" in win.banner.text()
    assert "[hanya-baca]" in win.windowTitle()
    assert not win.acts[Act.DELETE].isEnabled()
    index = find(win.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    win.toggle_cell(index.siblingAtColumn(month_column(9)))
    assert win.message_bar.isVisible() and "hanya-baca" in win.message_bar.label.text()
    assert not load_indicator(store, uuid).is_planned(9)
    win.close()


def test_start_creates_the_default_plan_from_the_sample(qtbot, isolated_env):
    from rbdesk.models.storage.paths import default_plan_file
    from rbdesk.ui import settings
    from rbdesk.ui.window import app

    win = app.start(None)
    assert win is not None
    qtbot.addWidget(win)
    assert default_plan_file().exists()
    assert win.windowTitle().startswith(default_plan_file().name)
    assert settings.recent_files()[0].endswith(default_plan_file().name)
    win.close()


def test_missing_recent_file_is_reported_and_dropped(window, tmp_path, monkeypatch, messages):
    from pathlib import Path

    from PySide6.QtWidgets import QMenu

    from rbdesk.ui import settings
    from rbdesk.ui.window import file_actions

    gone = tmp_path / "hilang.rbdesk"
    settings.add_recent_file(Path(gone))
    errors = messages.errors
    menu = QMenu(window)
    file_actions.fill_recent(window.host, window.fileRequested.emit, menu)
    next(a for a in menu.actions() if "hilang.rbdesk" in a.text()).trigger()
    assert len(errors) == 1 and "tidak ditemukan" in errors[0]
    assert all("hilang.rbdesk" not in f for f in settings.recent_files())
    assert window.isVisible()  # the open file stays open


def test_window_fits_a_1280_by_720_screen(window, qtbot):
    """Nothing in the window (filters, legend, panels, toolbar) asks for more than the smallest
    office screen gives, also after an edit has put a long step name in the undo stack."""

    def fits() -> bool:
        hint = window.minimumSizeHint().expandedTo(window.minimumSize())
        return hint.width() <= 1280 and hint.height() <= 720

    assert fits()
    index = find(window.proxy, "LHKASN").siblingAtColumn(COL_TEXT)
    assert window.proxy.setData(index, "Uraian yang sangat panjang " * 8)
    assert window.doc.undo_stack.count() == 1
    assert fits()


def test_saved_geometry_from_a_bigger_screen_is_brought_onto_this_one(window, qtbot):
    from rbdesk.ui import settings

    avail = settings.available_geometry(window)
    window.setGeometry(
        avail.x() + 3000, avail.y() + 2000, avail.width() + 900, avail.height() + 500
    )
    settings.save_geometry(window, "test")
    assert settings.restore_geometry(window, "test")
    assert window.width() <= avail.width() and window.height() <= avail.height()
    assert avail.intersects(window.frameGeometry())


def test_qt_draws_its_own_buttons_and_file_dialog_in_indonesian(window, qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QToolButton

    from rbdesk.i18n import tr
    from rbdesk.ui.window.app import make_app

    make_app()  # what `rbdesk FILE` does first: it installs Qt's Indonesian texts
    assert tr("Hari ini") == "Hari ini"  # rbdesk's own texts pass through untouched
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Close
        | QMessageBox.StandardButton.Save
    )
    assert {b.text() for b in box.buttons()} == {"OK", "Batal", "&Ya", "&Tidak", "Tutup", "Simpan"}
    dialog = QFileDialog(window, "Simpan")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = (
        [w.text() for w in dialog.findChildren(QLabel)]
        + [w.text() for w in dialog.findChildren(QPushButton)]
        + [w.toolTip() for w in dialog.findChildren(QToolButton)]
    )
    english = {
        "Look in:",
        "File &name:",
        "Files of type:",
        "&Save",
        "&Open",
        "Cancel",
        "Back",
        "Forward",
        "Parent Directory",
        "Create New Folder",
        "Detail View",
        "List View",
    }
    assert not english & set(shown)
    assert "&Nama berkas:" in shown and "Batal" in shown
    dialog.close()


def test_the_user_guide_opens_from_bantuan(window, qtbot):
    window.acts[Act.GUIDE].trigger()
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    for task in (
        "Mencatat realisasi dengan bukti dukung",
        "Mencetak untuk ditandatangani",
        "Berbagi berkas di folder jaringan",
        "Membawa salinan dengan USB",
        "Memulihkan dari cadangan",
        "Memulai rencana tahun berikutnya",
    ):
        assert task in text
    assert window.acts[Act.GUIDE].shortcut().toString() == "F1"
    # The guide's table of shortcuts and the menus come from one table: every key of every
    # action in the window is listed in the guide.
    assert "Pintasan papan ketik" in text
    for action in window.acts:
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in text, action.text()
    guide.close()


def test_quit_has_one_unambiguous_shortcut(window):
    bound = [a for a in window.actions() if "Ctrl+Q" in [s.toString() for s in a.shortcuts()]]
    assert bound == [window.acts[Act.QUIT]]
    assert [s.toString() for s in window.acts[Act.QUIT].shortcuts()] == ["Ctrl+Q"]


def test_file_reopens_on_the_plan_last_used_and_a_plan_can_be_deleted(
    qtbot, sample_path, monkeypatch, messages
):
    from rbdesk.models.domain.tree import list_plans
    from rbdesk.ui.window import app

    win = app.start(str(sample_path))  # the start-up path of rbdesk FILE
    qtbot.addWidget(win)
    sample = win.doc.plan_uuid
    mistake = run(win.doc, plan_edit.add_plan, "KPU Kota Kupang", 2025, "keliru").value
    win.plan_chooser.refresh()
    choose_plan(win, mistake)
    choose_plan(win, sample)  # back to the real plan
    win.close()
    win = app.start(str(sample_path))
    qtbot.addWidget(win)
    assert win.doc.plan_uuid == sample and win.doc.tree.indicators()
    assert win.plan_chooser.isVisible() and win.plan_chooser.count() == 2

    choose_plan(win, mistake)
    messages.answer = lambda question: "2025" in question
    win.acts[Act.DELETE_PLAN].trigger()
    assert win.doc.plan_uuid == sample
    assert [p.uuid for p in list_plans(win.doc.store)] == [sample]
    assert win.plan_chooser.count() == 1
    win.acts[Act.UNDO].trigger()  # Ctrl+Z brings it back
    qtbot.waitUntil(lambda: win.doc.plan_uuid == mistake)
    assert {p.uuid for p in list_plans(win.doc.store)} == {sample, mistake}
    win.acts[Act.REDO].trigger()  # and Ctrl+Y deletes it again
    qtbot.waitUntil(lambda: win.doc.plan_uuid == sample)
    assert [p.uuid for p in list_plans(win.doc.store)] == [sample]
    win.close()


def test_riwayat_of_a_row_shows_its_months_realisation_and_evidence(window, qtbot, monkeypatch):
    from rbdesk.models.edits import realisation
    from rbdesk.ui.dialogs import history as history_dialog

    shown = []
    monkeypatch.setattr(history_dialog.HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    june = index.siblingAtColumn(month_column(6))
    for status in ("sebagian", "selesai"):
        assert window.proxy.setData(june, status, Role.STATUS)
    assert window.proxy.setData(june, "laporan terkirim")
    realisation.attach_bytes(window.doc.store, uuid, 6, "tanda-terima.pdf", b"%PDF bukti")
    window.view.setCurrentIndex(index.siblingAtColumn(COL_TEXT))  # the row, not a month
    window.acts[Act.HISTORY].trigger()
    dialog = shown[-1]
    rows = [
        [dialog.model.index(r, c).data() for c in range(9)] for r in range(dialog.model.rowCount())
    ]
    flat = " ".join(str(v) for row in rows for v in row)
    assert len(rows) >= 4
    assert "selesai" in flat and "laporan terkirim" in flat and "tanda-terima.pdf" in flat

    window.acts[Act.HISTORY_ALL].trigger()  # the whole file, with its filters
    whole = shown[-1]
    assert whole.model.rowCount() > dialog.model.rowCount()
    whole.text.setText("tanda-terima")
    whole.refresh()
    assert 1 <= whole.model.rowCount() < dialog.model.rowCount()
    whole.text.clear()
    whole.area.setCurrentIndex(2)  # area 2: LHKPN is in area 1
    whole.refresh()
    assert all(
        "LHKPN" not in str(whole.model.index(r, 4).data()) for r in range(whole.model.rowCount())
    )


def test_filter_says_how_many_rows_it_shows_and_clearing_restores_the_folding(window, qtbot):
    def expanded() -> set[str]:
        return {i.data(Role.UUID) for i in rows(window.proxy) if window.view.isExpanded(i)}

    window.view.collapseAll()
    first_area = window.proxy.index(0, 0)
    window.view.expand(first_area)
    before = expanded()
    assert before == {first_area.data(Role.UUID)}
    window.filter_bar.search.setText("LHKPN")
    window.filter_bar.apply_text_now()
    total = len(window.doc.tree.indicators())
    shown = sum(1 for i in rows(window.proxy) if i.data(Role.INDICATOR_UUID))
    assert 1 <= shown < total
    assert window.filter_count.text() == (
        f"Filter aktif: {shown} dari {total} indikator ditampilkan"
    )
    assert expanded() != before  # the matches were unfolded to be seen
    window.filter_bar.clear()
    assert window.filter_count.text() == ""
    assert expanded() == before


def test_a_dated_decree_without_its_number_does_not_lock_the_plan(sample_path, qapp, qtbot):
    """Signed means number AND date (models.domain.signing), as the KONSEP mark of the PDF says:
    before, the window locked a plan whose decree only had its date."""
    from rbdesk.models.domain.tree import list_plans
    from rbdesk.models.edits.decree_edit import set_decree_fields
    from rbdesk.ui.document import PlanDocument
    from rbdesk.ui.window.main_window import MainWindow

    with Store.open(sample_path) as store:
        set_decree_fields(store, list_plans(store)[0].uuid, {"number": ""})
    store = Store.open(sample_path, user="Penguji")
    win = MainWindow(PlanDocument(store))
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    qtbot.waitExposed(win)
    try:
        assert (win.doc.tree.decree["date"], win.doc.tree.decree["number"]) == ("2024-01-02", "")
        win.acts[Act.MODE_PLAN].trigger()
        assert not win.doc.plan_signed and not win.state.plan_locked
        assert "RENCANA" in win.mode_label.text() and "TERKUNCI" not in win.mode_label.text()
        index = find(win.proxy, "LHKPN")
        uuid = index.data(Role.INDICATOR_UUID)
        double_click(qtbot, win, index.siblingAtColumn(month_column(3)))
        assert not load_indicator(store, uuid).is_planned(3)  # a draft's months are open
    finally:
        win.close()
        store.close()
