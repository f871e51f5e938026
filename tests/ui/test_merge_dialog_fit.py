"""Issue 20 item 8 through the real window: the merge dialog opened from its menu fits the
office screen with both values readable, names the fields as the window does, lists every new
and updated row by kind, and its figures are the merge's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rbdesk.models.edits import plan_edit, realisation
from rbdesk.models.storage import backups
from rbdesk.models.storage.store import Store
from rbdesk.ui.dialogs.merge import COL_FIELDS, COL_MINE, COL_THEIRS, MergeDialog
from rbdesk.ui.dialogs.merge_changes import COL_CHANGE_ROW, COL_CHANGE_WHAT
from rbdesk.ui.roles import Role
from rbdesk.ui.window.action_table import Act

LONG = (
    "Rapat koordinasi penyusunan peta proses bisnis bersama seluruh kepala sub bagian; notulen "
    "dan daftar hadir dilampirkan, tindak lanjut dibahas lagi pada rapat berikutnya"
)


@pytest.fixture
def copy_path(window, sample_path: Path, tmp_path: Path) -> Path:
    theirs = tmp_path / "flashdisk.rbdesk"
    backups.save_copy(window.doc.store, theirs)
    inds = window.doc.tree.indicators()
    realisation.set_status(window.doc.store, inds[0].uuid, 3, "selesai", note="di kantor")
    with Store.open(theirs, user="Budi") as other:
        realisation.set_status(other, inds[0].uuid, 3, "selesai", note=LONG + " (salinan)")
        for ind in inds[1:4]:
            realisation.set_status(other, ind.uuid, 2, "selesai", note="dari salinan")
        plan_edit.set_field(other, "indicator", inds[5].uuid, "note", "keterangan salinan")
    return theirs


def _open_from_menu(window, monkeypatch) -> MergeDialog:
    opened: list[MergeDialog] = []
    monkeypatch.setattr(MergeDialog, "exec", lambda self: opened.append(self) or 0)
    window.acts[Act.MERGE].trigger()
    assert len(opened) == 1
    return opened[0]


def test_merge_dialog_fits_and_lists_what_the_merge_does(
    window, qtbot, monkeypatch, copy_path, tmp_path
):
    dialog = _open_from_menu(window, monkeypatch)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(copy_path))
    assert dialog.check()
    dialog.show()
    qtbot.waitExposed(dialog)
    room = window.screen().availableGeometry()
    assert room.contains(dialog.frameGeometry()), (dialog.frameGeometry(), room)
    dialog.grab().save(str(tmp_path / "merge.png"))

    # The conflict: the panel's word for the field, both values whole inside the table.
    table, model = dialog.table, dialog.model
    assert model.rowCount() == 1 and model.index(0, COL_FIELDS).data() == "Catatan"
    right = table.columnViewportPosition(COL_THEIRS) + table.columnWidth(COL_THEIRS)
    assert right <= table.viewport().width()
    assert table.columnWidth(COL_MINE) >= 200 and table.columnWidth(COL_THEIRS) >= 200
    lines = table.rowHeight(0) // table.fontMetrics().lineSpacing()
    assert lines >= 2  # the long note wraps instead of running off

    # Every row the merge writes, grouped by kind; each group opens and closes.
    changes = dialog.changes_model
    groups = {
        changes.index(g, COL_CHANGE_ROW).data(): changes.index(g, COL_CHANGE_WHAT).data()
        for g in range(changes.rowCount())
    }
    assert groups == {
        "Indikator (1)": "1 diperbarui",
        "Realisasi (4)": "3 baru, 1 diperbarui",
    }, groups
    realised = next(
        changes.index(g, 0)
        for g in range(changes.rowCount())
        if changes.index(g, 0).data().startswith("Realisasi")
    )
    assert realised.data(Role.KIND) == "group" and realised.data(Role.COUNT) == 4
    texts = [changes.index(r, COL_CHANGE_WHAT, realised).data() for r in range(4)]
    assert sorted(texts) == ["baru", "baru", "baru", "diperbarui: Catatan"]
    assert dialog.changes.isExpanded(realised)
    dialog.changes.collapse(realised)
    assert not dialog.changes.isExpanded(realised)
    assert dialog.tabs.tabText(1) == "Baris baru dan diperbarui (5)"
    dialog.tabs.setCurrentIndex(1)
    dialog.changes.expand(realised)
    dialog.grab().save(str(tmp_path / "merge_rows.png"))

    # Choosing this file's note takes the conflict's row off the list, and the figures follow.
    summary = dialog.summary.text()
    assert "3 baris baru, 2 baris diperbarui, 1 konflik" in summary
    assert model.setData(
        model.index(0, COL_MINE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert "3 baris baru, 1 baris diperbarui, 1 konflik" in dialog.summary.text()
    with qtbot.waitSignal(dialog.merged, timeout=5000):
        assert dialog.apply()
    done = re.search(r"(\d+) baris baru, (\d+) baris diperbarui", dialog.summary.text())
    assert done is not None and done.groups() == ("3", "1")


def test_merge_dialog_fits_a_1280_by_720_screen(window, qtbot, monkeypatch, copy_path):
    dialog = _open_from_menu(window, monkeypatch)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(copy_path))
    assert dialog.check()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1280 - 48 and hint.height() <= 720 - 48
    dialog.resize(1280 - 48, 720 - 48)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    right = table.columnViewportPosition(COL_THEIRS) + table.columnWidth(COL_THEIRS)
    assert right <= table.viewport().width()
    assert table.columnWidth(COL_THEIRS) >= 200


def test_the_list_of_rows_is_a_sound_model(window, qtmodeltester, monkeypatch, copy_path):
    dialog = _open_from_menu(window, monkeypatch)
    dialog.path_edit.setText(str(copy_path))
    assert dialog.check()
    qtmodeltester.check(dialog.changes_model)
