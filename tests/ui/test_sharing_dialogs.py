"""Sharing dialogs and the file watcher, on real temporary files (pytest-qt, offscreen)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from rbdesk.models.edits import plan_edit
from rbdesk.models.interchange import merge
from rbdesk.models.storage import (
    backups,
    presence,
)
from rbdesk.models.storage.schema import Indicator
from rbdesk.models.storage.store import Store
from rbdesk.ui.dialogs.history import HistoryDialog
from rbdesk.ui.dialogs.merge import COL_MINE, COL_THEIRS, MergeDialog
from rbdesk.ui.dialogs.restore import RestoreDialog
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.operations import run
from rbdesk.ui.window.file_watcher import FileWatcher


def _first_indicator(path: Path) -> str:
    with Store.open(path, readonly=True) as store, store.read():
        return Indicator.select().order_by(Indicator.id).first().uuid


def _edit(path: Path, user: str, uuid: str, text: str) -> None:
    with Store.open(path, user=user) as store:
        plan_edit.set_field(store, "indicator", uuid, "text", text)


@pytest.fixture
def copy_pair(sample_path: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    theirs = tmp_path / "salinan.rbdesk"
    with Store.open(sample_path) as store:
        backups.save_copy(store, theirs)
    uuid = _first_indicator(sample_path)
    _edit(sample_path, "ani", uuid, "teks ani")
    _edit(theirs, "budi", uuid, "teks budi")
    return sample_path, theirs, uuid


@pytest.fixture
def share_ctx(sample_path: Path, qapp) -> Iterator[PlanDocument]:
    store = Store.open(sample_path, user="ani")
    context = PlanDocument(store)
    yield context
    store.close()


def test_merge_dialog_lists_conflicts_and_applies_the_choice(copy_pair, share_ctx, qtbot) -> None:
    mine, theirs, uuid = copy_pair
    before = hashlib.sha256(theirs.read_bytes()).hexdigest()
    dialog = MergeDialog(share_ctx)
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    dialog.path_edit.setText(str(theirs))
    assert dialog.check()
    model = dialog.model
    assert model.rowCount() == 1
    assert "teks ani" in model.index(0, COL_MINE).data()
    assert "teks budi" in model.index(0, COL_THEIRS).data()
    # Budi's edit is newer, so it is pre-selected; the user ticks her own value instead.
    assert model.index(0, COL_THEIRS).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(
        model.index(0, COL_MINE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert (
        model.index(0, COL_THEIRS).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    )
    assert dialog.apply_button.isEnabled()
    with (
        qtbot.waitSignal(dialog.merged, timeout=5000),
        qtbot.waitSignal(share_ctx.treeReloaded, timeout=5000),
    ):
        assert dialog.apply()
    with share_ctx.store.read():
        assert Indicator.get(Indicator.uuid == uuid).text == "teks ani"
    assert "1 konflik" in dialog.summary.text()
    assert hashlib.sha256(theirs.read_bytes()).hexdigest() == before
    # Checking again: nothing left to merge.
    assert dialog.check()
    assert model.rowCount() == 0 and not dialog.apply_button.isEnabled()


def test_merge_dialog_shows_refusal(share_ctx, tmp_path: Path, qtbot) -> None:
    bad = tmp_path / "laporan.rbdesk"
    bad.write_bytes(b"PK\x03\x04 bukan basis data")
    dialog = MergeDialog(share_ctx)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(bad))
    assert not dialog.check()
    assert "bukan berkas rbdesk" in dialog.error.text()
    assert not dialog.apply_button.isEnabled()
    dialog.path_edit.setText(str(share_ctx.store.path))
    assert not dialog.check()
    assert "berkas ini sendiri" in dialog.error.text()


def test_watcher_notices_other_commits_and_presence(share_ctx, qtbot) -> None:
    watcher = FileWatcher(share_ctx, poll_ms=50, heartbeat_ms=10_000)
    uuid = _first_indicator(share_ctx.store.path)
    assert not watcher.poll()

    other = Store.open(share_ctx.store.path, user="budi")
    presence.heartbeat(other)  # only a heartbeat: presence changes, data does not
    with qtbot.waitSignal(watcher.presenceChanged, timeout=3000) as seen:
        assert not watcher.poll()
    assert seen.args == [[f"budi ({other.host})"]]

    plan_edit.set_field(other, "indicator", uuid, "note", "dari PC lain")
    watcher.start()
    with qtbot.waitSignal(watcher.othersCommitted, timeout=3000):
        pass
    # This window's own edits are not reported as others' commits.
    run(share_ctx, plan_edit.set_field, "indicator", uuid, "note", "dari sini")
    assert not watcher.poll()

    presence.leave(other)
    other.close()
    with qtbot.waitSignal(watcher.presenceChanged, timeout=3000) as gone:
        watcher.poll()
    assert gone.args == [[]]
    watcher.stop()
    assert presence.others(share_ctx.store) == []


def test_restore_dialog_restores_to_new_file_and_offers_open(
    share_ctx, tmp_path: Path, qtbot
) -> None:
    backups.make_backup(share_ctx.store)
    dialog = RestoreDialog(share_ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.dest_edit.setText(str(share_ctx.store.path))
    assert not dialog.restore()
    assert "tidak ditimpa" in dialog.message.text()
    dest = tmp_path / "pulih.rbdesk"
    dialog.dest_edit.setText(str(dest))
    assert dialog.restore()
    assert dest.exists() and dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.openRequested, timeout=2000) as opened:
        dialog.open_button.click()
    assert opened.args[0] == str(dest)
    assert "harian" not in opened.args[1] and "manual, berkas contoh.rbdesk" in opened.args[1]


def test_history_dialog_per_row_filter_and_export(
    copy_pair, share_ctx, tmp_path: Path, qtbot
) -> None:
    mine, theirs, uuid = copy_pair
    merge.merge_files(share_ctx.store, theirs)
    dialog = HistoryDialog(share_ctx, row_uuid=uuid)
    qtbot.addWidget(dialog)
    users = {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())}
    assert {"ani", "budi"} <= users
    actions = {dialog.model.index(r, 5).data() for r in range(dialog.model.rowCount())}
    assert "kalah dalam penggabungan" in actions
    dialog.person.setCurrentText("budi")
    dialog.refresh()
    assert {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())} == {"budi"}
    out = dialog.export_to(tmp_path / "riwayat.xlsx")
    ws = openpyxl.load_workbook(out).active
    assert ws.max_row == dialog.model.rowCount() + 1
    whole = HistoryDialog(share_ctx)
    qtbot.addWidget(whole)
    assert whole.model.rowCount() > dialog.model.rowCount()


def test_history_export_over_the_open_file_is_refused(share_ctx, qtbot) -> None:
    import hashlib

    db = share_ctx.store.path
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    dialog = HistoryDialog(share_ctx)
    qtbot.addWidget(dialog)
    assert dialog.export_to(db) is None
    assert "menimpa" in dialog.count.text()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_diktum_cells_show_the_changed_lines_and_the_whole_in_a_tooltip(
    sample_path: Path, share_ctx, tmp_path: Path, qtbot, rename_team
) -> None:
    theirs = tmp_path / "salinan.rbdesk"
    with Store.open(sample_path) as store:
        backups.save_copy(store, theirs)
    rename_team(sample_path, "ani", "III", "TIM PENGUATAN ORGANISASI")
    rename_team(theirs, "budi", "IV", "TIM PENGUATAN TATA KELOLA")

    dialog = HistoryDialog(share_ctx)
    qtbot.addWidget(dialog)
    row = next(r for r, e in enumerate(dialog.model.rows()) if e.field == "decree.decisions")
    old, new = (dialog.model.index(row, col) for col in (7, 8))
    assert old.data().splitlines()[0] == "c. Tim Penguatan Kelembagaan;"
    assert new.data().splitlines()[0] == "c. Tim Penguatan Organisasi;"
    assert new.data(Qt.ItemDataRole.ToolTipRole).startswith("KESATU")
    # Tall enough for the changed line and the count below it, though scrolled out of view.
    assert dialog.table.rowHeight(row) >= 2 * dialog.table.fontMetrics().lineSpacing()
    assert dialog.table.columnWidth(8) <= 400
    # On the office's 1366 × 768 screen the new value ends inside the dialog, not off to the
    # right behind a scroll bar, even beside a long row name and long values.
    from rbdesk.models.edits import plan_edit

    ind = max(share_ctx.tree.indicators(), key=lambda i: len(i.text))
    plan_edit.set_field(share_ctx.store, "indicator", ind.uuid, "note", "catatan lama " * 20)
    plan_edit.set_field(share_ctx.store, "indicator", ind.uuid, "note", "catatan baru " * 20)
    wide = HistoryDialog(share_ctx)
    qtbot.addWidget(wide)
    wide.show()
    qtbot.waitExposed(wide)
    assert wide.width() <= 1366
    assert sum(wide.table.columnWidth(c) for c in range(9)) <= wide.table.viewport().width()
    ws = openpyxl.load_workbook(dialog.export_to(tmp_path / "riwayat.xlsx")).active
    assert ws.cell(row=row + 2, column=9).value.splitlines() == [
        "c. Tim Penguatan Organisasi;",
        "(15 baris lain tetap)",
    ]

    merging = MergeDialog(share_ctx)
    qtbot.addWidget(merging)
    merging.path_edit.setText(str(theirs))
    assert merging.check()
    mine = merging.model.index(0, COL_MINE)
    assert mine.data().startswith("c. Tim Penguatan Organisasi;\nd. Tim Penguatan Tata Laksana;")
    assert "KESATU" not in mine.data()
    assert "KESATU" in mine.data(Qt.ItemDataRole.ToolTipRole)
    assert merging.table.rowHeight(0) >= 2 * merging.table.fontMetrics().lineSpacing()


def test_merge_dialog_shows_a_deletion_against_work_and_keeps_the_work(
    sample_path: Path, share_ctx, tmp_path: Path, qtbot
) -> None:
    """Issue 18, item 3: this file deleted an indicator the copy recorded realisation in."""
    from rbdesk.models.edits import realisation

    theirs = tmp_path / "salinan.rbdesk"
    with Store.open(sample_path) as store:
        backups.save_copy(store, theirs)
    uuid = _first_indicator(sample_path)
    with Store.open(theirs, user="budi") as store:
        realisation.set_status(store, uuid, 3, "selesai", note="rapat koordinasi")
    plan_edit.delete_node(share_ctx.store, "indicator", uuid)
    dialog = MergeDialog(share_ctx)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(theirs))
    assert dialog.check()
    model = dialog.model
    assert model.rowCount() == 1
    what = model.index(0, 2).data()
    assert what.startswith("Dihapus di berkas ini, dikerjakan di salinan") and "Mar" in what
    assert model.index(0, COL_MINE).data().startswith("dihapus")
    assert "pekerjaan tetap ada" in model.index(0, COL_THEIRS).data()
    assert model.index(0, COL_THEIRS).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    dialog.show()
    dialog.grab().save(str(tmp_path / "merge_deleted.png"))
    with qtbot.waitSignal(dialog.merged, timeout=5000):
        assert dialog.apply()
    with share_ctx.store.read():
        assert not Indicator.get(Indicator.uuid == uuid).deleted
