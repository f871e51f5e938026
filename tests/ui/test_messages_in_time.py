"""A message belongs to its moment (issue 20, item 5): cleared by the next success, by a change of
plan, by a timer where it only informs; the status bar's passing message never runs into the
permanent parts beside it."""

from __future__ import annotations

from grid_helpers import choose_plan, find
from PySide6.QtCore import Qt

from rbdesk.models.edits import plan_edit
from rbdesk.models.storage.store import Store
from rbdesk.ui.grid.plan_columns import COL_NOTE, COL_TEXT, month_column
from rbdesk.ui.operations import run
from rbdesk.ui.roles import Role
from rbdesk.ui.window.action_table import Act


def conflict(window, sample_path, text: str = "LHKASN") -> None:
    """A colleague changed the row's remarks; this window's edit of them is refused."""
    index = find(window.proxy, text)
    other = Store.open(sample_path, user="Rekan")
    try:
        plan_edit.set_field(other, "indicator", index.data(Role.INDICATOR_UUID), "note", "rekan")
    finally:
        other.close()
    assert not window.proxy.setData(index.siblingAtColumn(COL_NOTE), "saya")
    assert window.message_bar.isVisible() and "Rekan" in window.message_bar.label.text()


def test_a_conflict_bar_goes_with_the_next_successful_edit(window, sample_path):
    conflict(window, sample_path)
    assert not window.message_bar.timer.isActive()  # a warning stays until something happens
    index = find(window.proxy, "LHKASN").siblingAtColumn(COL_TEXT)
    assert window.proxy.setData(index, "Laporan LHKASN tepat waktu")
    assert not window.message_bar.isVisible()
    assert window.mode_label.isVisible()  # the mode hint is back in its place


def test_the_red_perlu_catatan_peninjau_goes_once_the_review_is_saved(window, qtbot):
    index = find(window.proxy, "LHKPN")
    window.view.setCurrentIndex(index.siblingAtColumn(month_column(3)))
    dock = window.docks["evidenceDock"]
    dock.show()
    dock.raise_()
    uuid = index.data(Role.INDICATOR_UUID)
    qtbot.waitUntil(lambda: dock.review.indicator_uuid == uuid)
    dock.status_buttons["selesai"].click()
    box = dock.review
    qtbot.mouseClick(box.buttons["perlu_revisi"], Qt.MouseButton.LeftButton)
    assert "perlu catatan" in dock.message.text()
    assert window.message_bar.isVisible()
    assert "perlu catatan" in window.message_bar.label.text()
    qtbot.keyClicks(box.note, "Lampirkan LHKPN yang sudah diverifikasi")
    qtbot.mouseClick(box.buttons["perlu_revisi"], Qt.MouseButton.LeftButton)
    assert "perlu catatan" not in dock.message.text()
    assert not (
        window.message_bar.isVisible() and "perlu catatan" in window.message_bar.label.text()
    )


def test_a_plan_switch_clears_the_undo_hint_and_a_conflict(window, sample_path, messages):
    sample = window.doc.plan_uuid
    mistake = run(window.doc, plan_edit.add_plan, "KPU Kota Kupang", 2025, "keliru").value
    window.plan_chooser.refresh()
    choose_plan(window, mistake)
    messages.answer = True
    window.acts[Act.DELETE_PLAN].trigger()
    assert "Urungkan dengan Ctrl+Z" in window.message_bar.label.text()
    assert window.message_bar.isVisible() and window.doc.plan_uuid == sample
    other = run(window.doc, plan_edit.add_plan, "KPU Kota Kupang", 2026, "lain").value
    window.plan_chooser.refresh()
    choose_plan(window, other)  # the undo history went with the plan left
    assert window.doc.undo_stack.count() == 0
    assert not window.message_bar.isVisible()
    choose_plan(window, sample)
    conflict(window, sample_path)
    choose_plan(window, other)
    assert not window.message_bar.isVisible()


def test_a_notice_that_only_informs_goes_by_itself_a_warning_stays(window):
    bar = window.message_bar
    window.show_message("Data SK disimpan.")
    assert bar.isVisible() and bar.timer.isActive()
    bar.timer.timeout.emit()  # the time has come (no waiting in a test)
    assert not bar.isVisible()
    window.show_message("PDF disimpan.", actions=[("Buka berkas", lambda: None)])
    assert not bar.timer.isActive()  # it offers something: it waits for the user
    window.show_message("Ditolak.", error=True)
    assert bar.isVisible() and not bar.timer.isActive()


def test_a_long_status_message_never_runs_into_who_else_has_the_file(window, sample_path, qtbot):
    window._presence_changed(["Penguji", "Budi Santoso"])
    presence = window.presence_label
    assert presence.isVisible() and "Budi Santoso" in presence.text()
    conflict(window, sample_path)
    long_text = window.message_bar.label.toolTip() + " " + "sangat panjang " * 40
    window.show_status(long_text)
    bar = window.statusBar()
    assert bar.currentMessage() == long_text  # all of it, in the tooltip too
    note = bar.note
    presence_hint = presence.sizeHint().width()
    qtbot.waitUntil(lambda: presence.width() >= presence_hint)  # the status bar's layout ran
    assert note.toolTip() == long_text and note.text().endswith("…")
    shown = note.fontMetrics().horizontalAdvance(note.text())
    assert (
        note.mapTo(bar, note.rect().topLeft()).x() + shown
        <= presence.mapTo(bar, presence.rect().topLeft()).x()
    )
    assert presence.text().startswith("Juga membuka berkas ini")
