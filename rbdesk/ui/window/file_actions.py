"""File-level actions of the window: new, open, recent, copies, merge, restore, plans, user."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from rbdesk import __version__
from rbdesk.build_info import build_info
from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.tree import choose_plan
from rbdesk.models.edits import plan_edit
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage import backups
from rbdesk.models.storage.paths import current, log_dir
from rbdesk.ui.dialogs.common import (
    NewPlanDialog,
    UserNameDialog,
    confirm,
    show_error,
    show_info,
)
from rbdesk.ui.operations import Done, run
from rbdesk.ui.undo import plan_commands as uc
from rbdesk.ui.window import settings

if TYPE_CHECKING:
    from rbdesk.ui.window.main_window import MainWindow

log = logging.getLogger("rbdesk.ui")
FILE_FILTER = "Berkas rbdesk (*.rbdesk);;Semua berkas (*)"


def _start_dir() -> str:
    last = settings.last_file()
    return str(Path(last).parent) if last else str(Path.home())


def new_file(win: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(win, tr("Berkas baru"), _start_dir(), tr(FILE_FILTER))
    if not path:
        return
    if not path.lower().endswith(".rbdesk"):
        path += ".rbdesk"
    win.fileRequested.emit(Path(path), True)


def open_file(win: MainWindow, path: str | None = None) -> None:
    if path is not None and not Path(path).exists():
        settings.remove_recent_file(path)
        show_error(win, tr("Berkas {path} tidak ditemukan (dipindahkan, diganti nama, atau "
                           "folder bersamanya tidak tersambung); dihapus dari daftar berkas "
                           "terakhir.").format(path=path))
        return
    if path is None:
        path, _ = QFileDialog.getOpenFileName(win, tr("Buka berkas"), _start_dir(),
                                              tr(FILE_FILTER))
        if not path:
            return
    win.fileRequested.emit(Path(path), False)


def fill_recent(win: MainWindow, menu: QMenu) -> None:
    menu.clear()
    files = settings.recent_files()
    for n, path in enumerate(files, start=1):
        action = menu.addAction(f"&{n} {Path(path).name}  —  {Path(path).parent}")
        action.triggered.connect(lambda _c=False, p=path: open_file(win, p))
    if not files:
        empty = menu.addAction(tr("(belum ada)"))
        empty.setEnabled(False)


def _year_taken(win: MainWindow, unit: str, year: int) -> bool:
    return any(p.year == year and p.unit == unit for p in win.plans())


def _second_plan_wanted(win: MainWindow, unit: str, year: int) -> bool:
    """Ask, don't duplicate silently: a unit has one plan a year unless the user says so."""
    return confirm(win, tr("Tahun sudah ada"), tr(
        "{unit} sudah mempunyai Rencana Aksi tahun {year}. Tetap buat rencana kedua untuk tahun "
        "itu?").format(unit=unit, year=year), tr("Buat rencana kedua"))


def new_plan(win: MainWindow) -> None:
    tree = win.doc.tree
    dialog = NewPlanDialog(tree.unit if tree else "", (tree.year + 1) if tree else None, win)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    unit, year, title = dialog.values()
    if _year_taken(win, unit, year) and not _second_plan_wanted(win, unit, year):
        return
    added = run(win.doc, plan_edit.add_plan, unit, year, title,
                standard_areas=dialog.standard_areas())
    if isinstance(added, Done):
        win.acts.refresh_plans()
        win.doc.set_plan(added.value)


def next_year_plan(win: MainWindow) -> None:
    """Berkas → Rencana Aksi tahun berikutnya: the choices first, a question before a second plan
    for a year that has one, then the new plan shown; undoable (Ctrl+Z), in the change log."""
    from rbdesk.models.edits.plan_copy import copy_plan
    from rbdesk.ui.dialogs.next_year import NextYearDialog

    doc, tree = win.doc, win.doc.tree
    if tree is None:
        return
    if doc.store.readonly:
        show_error(win, tr("Berkas ini dibuka hanya-baca ({reason}); rencana tahun berikutnya "
                           "tidak dapat dibuat.").format(reason=doc.store.state.reason))
        return
    dialog = NextYearDialog(tree.unit, tree.year, win)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    year, options = dialog.values()
    taken = _year_taken(win, tree.unit, year)
    if taken and not _second_plan_wanted(win, tree.unit, year):
        return
    source = tree.uuid
    copied = run(doc, copy_plan, source, year, options, allow_same_year=taken)
    if not isinstance(copied, Done):
        return
    uuid = copied.value
    name = f"{year} — {tree.unit}"
    mark = plan_edit.change_mark(doc.store)
    doc.set_plan(uuid)
    # Switching plans cleared the undo stack: the command goes on the new plan's stack.
    doc.undo_stack.push(uc.CopyPlanCommand(doc, uuid, name, source, mark))
    win.show_message(tr("Rencana Aksi {name} dibuat dari tahun {source}. Nomor dan tanggal SK "
                        "masih kosong. Urungkan dengan Ctrl+Z.").format(
        name=name, source=tree.year))


def delete_plan(win: MainWindow) -> None:
    """Berkas → Hapus rencana aksi ini: for a plan made by mistake. Named in the question,
    undoable (Ctrl+Z), in the change log."""
    doc, tree = win.doc, win.doc.tree
    if tree is None:
        return
    others = [p for p in win.plans() if p.uuid != tree.uuid]
    if not others:
        show_info(win, tr("Ini satu-satunya Rencana Aksi dalam berkas ini; rencana ini tidak "
                          "dapat dihapus."))
        return
    name = f"{tree.year} — {tree.unit}"
    if not confirm(win, tr("Hapus rencana aksi"), tr(
            "Hapus Rencana Aksi {name}, dengan seluruh area, kegiatan, realisasi dan bukti "
            "dukungnya?\n\nPenghapusan dapat dibatalkan dengan Urungkan (Ctrl+Z) dan tercatat "
            "di Riwayat.").format(name=name), tr("Hapus rencana")):
        return
    if not run(doc, plan_edit.delete_plan, tree.uuid, tree.version).ok:
        return
    other = choose_plan(doc.store, None, clock.today().year) or others[-1].uuid
    doc.set_plan(other)
    doc.undo_stack.push(uc.DeletePlanCommand(doc, tree.uuid, name, other))
    win.show_message(tr("Rencana Aksi {name} dihapus. Urungkan dengan Ctrl+Z.").format(
        name=name))


def save_copy(win: MainWindow) -> None:
    store = win.doc.store
    suggested = str(Path(_start_dir()) / f"{store.path.stem}-salinan.rbdesk")
    path, _ = QFileDialog.getSaveFileName(win, tr("Simpan salinan"), suggested, tr(FILE_FILTER))
    if not path:
        return
    dest = Path(path)
    if dest.resolve() == store.path.resolve():
        show_error(win, tr("Salinan tidak boleh menimpa berkas yang sedang dibuka."))
        return
    try:
        backups.save_copy(store, dest, overwrite=True)
    except RbdeskError as exc:
        show_error(win, exc.message)
        return
    except OSError as exc:
        show_error(win, tr("Salinan tidak dapat disimpan: {err}").format(err=exc.strerror or exc))
        return
    win.statusBar().showMessage(tr("Salinan disimpan: {p}").format(p=dest), 8000)


def _dialog(win: MainWindow, dialog: Callable[[], QDialog]) -> bool:
    try:
        dialog().exec()
    except RbdeskError as exc:
        show_error(win, exc.message)
        return False
    return True


# The dialogs below (and what they pull in: merging, backups, the change log) are imported when
# first opened, so that starting rbdesk does not wait for them.


def merge(win: MainWindow) -> None:
    from rbdesk.ui.dialogs.merge import MergeDialog

    if _dialog(win, lambda: MergeDialog(win.doc, win)):
        win.doc.reload()


def restore(win: MainWindow) -> None:
    from rbdesk.ui.dialogs.restore import RestoreDialog

    if _dialog(win, lambda: RestoreDialog(win.doc, win)) and not win.doc.store.db.is_closed():
        win.doc.reload()


def history(win: MainWindow, whole_file: bool = False) -> None:
    node = None if whole_file else win.current_node()
    uuid = None
    if node is not None:
        # A row carrying a schedule: the indicator's history (months, realisation, evidence).
        uuid = node.ind.uuid if node.ind is not None else node.uuid
    from rbdesk.ui.dialogs.history import HistoryDialog

    _dialog(win, lambda: HistoryDialog(win.doc, win, row_uuid=uuid))


def change_user(win: MainWindow) -> None:
    dialog = UserNameDialog(win.doc.user, win)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        settings.set_user_name(dialog.value())
        win.doc.store.user = dialog.value()
        win.update_status()


def guide(win: MainWindow) -> None:
    """Non-modal, so the guide can stay open beside the plan while the user follows it."""
    from rbdesk.ui.dialogs.guide import GuideDialog

    if win.guide_dialog is None:
        win.guide_dialog = GuideDialog(win)
    if win.guide_dialog.isVisible():
        win.guide_dialog.raise_()       # already open, maybe behind the window: bring it up
    else:
        win.guide_dialog.show()


def about_text(win: MainWindow) -> str:
    """Version, build, and where this PC keeps the data, settings, backups and log."""
    build = build_info()
    where = current()
    built = (tr("dibangun {date} ({commit}, {platform})").format(
        date=build.get("date", "?"), commit=build.get("commit", "?"),
        platform=build.get("platform", "?")) if build else tr("dijalankan dari kode sumber"))
    mode = (tr("portabel: semua tersimpan di folder program") if where.portable
            else tr("biasa, di folder pengguna"))
    return tr("rbdesk {v}, {built}\nRencana Aksi Reformasi Birokrasi: rencana, realisasi, bukti "
              "dukung dan capaian, tanpa internet.\n\nBerkas yang dibuka: {path}\n\n"
              "Mode: {mode}\nData: {data}\nPengaturan: {settings}\nCadangan: {backups}\n"
              "Log: {log}").format(
        v=__version__, built=built, path=win.doc.store.path.absolute(), mode=mode, data=where.data,
        settings=settings.settings().fileName(), backups=where.backups, log=log_dir())


def about(win: MainWindow) -> None:
    show_info(win, about_text(win), tr("Tentang rbdesk"))


def open_log_folder() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))
