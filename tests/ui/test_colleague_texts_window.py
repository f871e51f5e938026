"""Issue 20 item 4 through the real window: a colleague's note, verdict or evidence change made
while this user writes is refused with who, when and both texts, and this user's words are kept
(in the box, on the clipboard) rather than lost or written over the colleague's."""

from __future__ import annotations

from pathlib import Path

import pytest
from grid_helpers import show_evidence
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from rbdesk.models.domain.node_reads import load_indicator
from rbdesk.models.edits import realisation, review
from rbdesk.models.storage.store import Store


def _colleague(sample_path: Path, write) -> None:
    with Store.open(sample_path, user="Rekan") as other:
        write(other)


@pytest.mark.parametrize("noticed", [True, False], ids=["window-noticed", "not-yet-noticed"])
@pytest.mark.parametrize("keep_mine", [False, True], ids=["keep-theirs", "keep-mine"])
def test_a_colleagues_note_is_never_replaced_unseen(
    window, qtbot, sample_path, messages, noticed, keep_mine
):
    uuid, _, dock = show_evidence(window, qtbot, "LHKPN", 3)
    dock.status_buttons["selesai"].click()
    dock.note_edit.setFocus()
    qtbot.keyClicks(dock.note_edit, "Catatan saya")
    _colleague(
        sample_path, lambda s: realisation.set_status(s, uuid, 3, "selesai", "Catatan rekan")
    )
    if noticed:  # the window re-read the file while the note was being typed
        assert window.watcher.poll()
        assert dock.note_edit.text() == "Catatan saya"
    messages.answer = keep_mine
    dock.note_edit.editingFinished.emit()
    assert len(messages.questions) == 1
    question = messages.questions[0]
    assert "Rekan" in question and "Maret" in question
    assert "\u201cCatatan rekan\u201d" in question and "\u201cCatatan saya\u201d" in question
    assert QGuiApplication.clipboard().text() == "Catatan saya"
    stored = load_indicator(window.doc.store, uuid).realisation[3].note
    if keep_mine:
        assert stored == dock.note_edit.text() == "Catatan saya"
    else:
        assert stored == dock.note_edit.text() == "Catatan rekan"
        assert "papan klip" in dock.message.text()
    dock.note_edit.editingFinished.emit()  # leaving the box again asks nothing more
    assert len(messages.questions) == 1


def test_a_colleagues_status_change_does_not_block_the_note(window, qtbot, sample_path, messages):
    uuid, _, dock = show_evidence(window, qtbot, "LHKPN", 3)
    dock.status_buttons["selesai"].click()
    qtbot.keyClicks(dock.note_edit, "Catatan saya")
    _colleague(sample_path, lambda s: realisation.set_status(s, uuid, 3, "sebagian"))
    assert window.watcher.poll()
    dock.note_edit.editingFinished.emit()
    assert messages.questions == []
    cell = load_indicator(window.doc.store, uuid).realisation[3]
    assert (cell.status, cell.note) == ("sebagian", "Catatan saya")  # the colleague's status


@pytest.mark.parametrize("keep_mine", [False, True], ids=["keep-theirs", "keep-mine"])
def test_a_colleagues_verdict_is_not_replaced_unseen(
    window, qtbot, sample_path, messages, keep_mine
):
    uuid, _, dock = show_evidence(window, qtbot, "LHKPN", 3)
    dock.status_buttons["selesai"].click()
    box = dock.review
    qtbot.keyClicks(box.note, "bukan kegiatan ini")
    _colleague(
        sample_path, lambda s: review.review_month(s, uuid, 3, "perlu_revisi", note="kurang foto")
    )
    assert window.watcher.poll()
    messages.answer = keep_mine
    qtbot.mouseClick(box.buttons["ditolak"], Qt.MouseButton.LeftButton)
    assert len(messages.questions) == 1
    question = messages.questions[0]
    assert "Rekan" in question
    assert "\u201cPerlu revisi: kurang foto\u201d" in question
    assert "\u201cbukan kegiatan ini\u201d" in question
    cell = load_indicator(window.doc.store, uuid).realisation[3]
    if keep_mine:
        assert (cell.review_state, cell.review_note) == ("ditolak", "bukan kegiatan ini")
    else:
        assert (cell.review_state, cell.review_note) == ("perlu_revisi", "kurang foto")
        assert box.note.text() == "bukan kegiatan ini"  # kept for the reviewer


def test_a_verdict_on_evidence_the_reviewer_did_not_see_is_refused(
    window, qtbot, sample_path, messages
):
    uuid, _, dock = show_evidence(window, qtbot, "LHKPN", 3)
    dock.status_buttons["selesai"].click()
    _colleague(sample_path, lambda s: realisation.attach_bytes(s, uuid, 3, "foto.jpg", b"\xff"))
    qtbot.mouseClick(dock.review.buttons["memenuhi"], Qt.MouseButton.LeftButton)
    assert "Bukti dukung Maret berubah" in dock.message.text() and "Rekan" in dock.message.text()
    assert load_indicator(window.doc.store, uuid).review_state(3) == "diajukan"
    assert dock.model.rowCount() == 1  # the file is listed now; a second press accepts it
    qtbot.mouseClick(dock.review.buttons["memenuhi"], Qt.MouseButton.LeftButton)
    assert load_indicator(window.doc.store, uuid).review_state(3) == "memenuhi"


def test_removing_a_file_a_colleague_removed_says_who(window, qtbot, sample_path, messages):
    uuid, _, dock = show_evidence(window, qtbot, "LHKPN", 3)
    ev = realisation.attach_bytes(window.doc.store, uuid, 3, "notulen.pdf", b"%PDF-1.4 n")
    dock.refresh()
    dock.view.selectRow(0)
    _colleague(sample_path, lambda s: realisation.remove_evidence(s, ev))
    assert not dock.remove_selected()
    assert "notulen.pdf sudah dihapus oleh Rekan" in dock.message.text()
    assert dock.model.rowCount() == 0


def test_a_note_is_shown_and_kept_after_no_month_was_selected(window, qtbot, sample_path):
    """A month's note was not filled in after the panel had shown no month, and leaving the
    empty box then saved "" over it."""
    uuid, _, dock = show_evidence(window, qtbot, "LHKPN", 3)

    def two_notes(store):
        realisation.set_status(store, uuid, 3, "selesai", "Rapat 3")
        realisation.set_status(store, uuid, 4, "selesai", "Rapat 4")

    _colleague(sample_path, two_notes)
    window.watcher.poll()
    assert dock.note_edit.text() == "Rapat 3"
    window.state.cellSelected.emit("", 0)
    window.state.cellSelected.emit(uuid, 4)
    assert dock.note_edit.text() == "Rapat 4"
    dock.note_edit.editingFinished.emit()
    assert load_indicator(window.doc.store, uuid).realisation[4].note == "Rapat 4"


def test_undo_does_not_replace_a_colleagues_note_either(window, qtbot, sample_path, messages):
    uuid, _, dock = show_evidence(window, qtbot, "LHKPN", 3)
    dock.status_buttons["selesai"].click()
    qtbot.keyClicks(dock.note_edit, "Catatan saya")
    dock.note_edit.editingFinished.emit()
    assert load_indicator(window.doc.store, uuid).realisation[3].note == "Catatan saya"
    _colleague(
        sample_path, lambda s: realisation.set_status(s, uuid, 3, "selesai", "Catatan rekan")
    )
    assert window.watcher.poll()  # the window shows the colleague's note
    window.doc.undo_stack.undo()
    assert load_indicator(window.doc.store, uuid).realisation[3].note == "Catatan rekan"
    assert "Rekan" in window.message_bar.label.text()


def test_undo_does_not_replace_a_colleagues_verdict(window, qtbot, sample_path, messages):
    uuid, _, dock = show_evidence(window, qtbot, "LHKPN", 3)
    dock.status_buttons["selesai"].click()
    qtbot.mouseClick(dock.review.buttons["memenuhi"], Qt.MouseButton.LeftButton)
    assert load_indicator(window.doc.store, uuid).review_state(3) == "memenuhi"
    _colleague(
        sample_path, lambda s: review.review_month(s, uuid, 3, "ditolak", note="bukan bulan ini")
    )
    assert window.watcher.poll()
    window.doc.undo_stack.undo()
    assert load_indicator(window.doc.store, uuid).review_state(3) == "ditolak"
    assert "Rekan" in window.message_bar.label.text()
