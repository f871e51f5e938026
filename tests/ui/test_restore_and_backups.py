"""Berkas → Pulihkan dari cadangan through the real window, and the backups taken while working."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from rbdesk.models.storage import backups
from rbdesk.ui.dialogs.restore import RestoreDialog
from rbdesk.ui.window.action_table import Act


def answer_restore(qtbot, dest: Path, seen: list[str]) -> None:
    """Inside the modal dialog: restore the newest backup to ``dest``, then "Buka hasil
    pemulihan", as a user would."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, act)
            return
        seen.extend(dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount()))
        dialog.dest_edit.setText(str(dest))
        dialog.restore_button.click()
        seen.append(dialog.message.text())
        dialog.open_button.click()

    QTimer.singleShot(0, act)


def test_buka_hasil_pemulihan_opens_the_restored_copy_with_a_banner(
    qtbot, sample_path: Path, tmp_path: Path
) -> None:
    from rbdesk.ui.window import app

    win = app.start(str(sample_path))  # what `rbdesk FILE` runs
    assert win is not None
    qtbot.addWidget(win)
    assert not win.restored_banner.isVisible()
    dest = tmp_path / "pulih.rbdesk"
    seen: list[str] = []
    answer_restore(qtbot, dest, seen)
    win.acts[Act.RESTORE].trigger()
    assert dest.exists()
    assert any("Hari ini" in text and "harian" in text for text in seen)  # the daily backup
    assert "dipulihkan ke" in seen[-1]

    restored = app._windows[-1]
    qtbot.addWidget(restored)
    assert restored is not win and not win.isVisible()
    assert restored.doc.store.path == dest  # the copy is open, not the live file
    assert restored.windowTitle().startswith("pulih.rbdesk")
    assert "hasil pemulihan" in restored.windowTitle()
    qtbot.waitExposed(restored)
    banner = restored.restored_banner
    assert banner.isVisible()
    assert banner.text().startswith("Salinan hasil pemulihan dari cadangan ")
    assert "harian, berkas contoh.rbdesk" in banner.text()
    restored.close()

    # Opened again later (Berkas terakhir, a double click), the copy still says what it is;
    # the live file never does.
    again = app.start(str(dest))
    qtbot.addWidget(again)
    assert again.restored_banner.isVisible()
    again.close()
    live = app.start(str(sample_path))
    qtbot.addWidget(live)
    assert not live.restored_banner.isVisible()
    live.close()


def test_closing_the_restore_dialog_without_opening_keeps_the_live_file(
    qtbot, sample_path: Path
) -> None:
    from rbdesk.ui.window import app

    win = app.start(str(sample_path))
    qtbot.addWidget(win)

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, close)
            return
        dialog.reject()

    QTimer.singleShot(0, close)
    win.acts[Act.RESTORE].trigger()
    assert app._windows[-1] is win and win.isVisible()
    assert not win.doc.store.db.is_closed()
    win.close()


def test_a_stretch_of_edits_in_the_window_is_backed_up(qtbot, sample_path: Path) -> None:
    from grid_helpers import find

    from rbdesk.ui.grid.plan_columns import COL_TEXT
    from rbdesk.ui.window import app

    win = app.start(str(sample_path))
    qtbot.addWidget(win)
    (opened,) = backups.list_backups(sample_path)  # the daily one, taken on opening
    win.work_backup_timer.setInterval(0)
    index = find(win.proxy, "LHKASN").siblingAtColumn(COL_TEXT)
    assert win.proxy.setData(index, "Laporan pertama")
    qtbot.wait(50)
    assert backups.list_backups(sample_path) == [opened]  # the newest is not an hour old

    # An hour of work later (the backup is made older, as the clock cannot be moved here).
    hour_ago = dt.datetime.now() - dt.timedelta(hours=1, minutes=1)
    old = opened.path.with_name(
        opened.path.name.replace(
            f"{opened.created:%Y%m%d-%H%M%S-%f}", f"{hour_ago:%Y%m%d-%H%M%S-%f}"
        )
    )
    opened.path.rename(old)
    assert win.proxy.setData(index, "Laporan kedua")
    qtbot.waitUntil(lambda: len(backups.list_backups(sample_path)) == 2)
    newest = backups.list_backups(sample_path)[0]
    assert newest.kind == backups.WORK
    win.close()
