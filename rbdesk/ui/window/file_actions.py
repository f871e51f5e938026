"""File-level actions of the window: new, open, recent, copies, merge, restore, plans, user."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.tree import choose_plan, list_plans
from rbdesk.models.edits import plan_edit
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage import backups
from rbdesk.ui import settings
from rbdesk.ui.dialogs.common import (
    NewPlanDialog,
    UserNameDialog,
    confirm,
    show_error,
    show_info,
)
from rbdesk.ui.operations import Done, run
from rbdesk.ui.undo import plan_steps as uc
from rbdesk.ui.window.action_host import ActionHost

OpenRequest = Callable[[Path, bool], None]  # open (False) or create (True) this file
log = logging.getLogger("rbdesk.ui")
FILE_FILTER = "Berkas rbdesk (*.rbdesk);;Semua berkas (*)"


def _start_dir() -> str:
    last = settings.last_file()
    return str(Path(last).parent) if last else str(Path.home())


def new_file(host: ActionHost, request: OpenRequest) -> None:
    path, _ = QFileDialog.getSaveFileName(
        host.parent, tr("Berkas baru"), _start_dir(), tr(FILE_FILTER)
    )
    if not path:
        return
    if not path.lower().endswith(".rbdesk"):
        path += ".rbdesk"
    request(Path(path), True)


def open_file(host: ActionHost, request: OpenRequest, path: str | None = None) -> None:
    if path is not None and not Path(path).exists():
        settings.remove_recent_file(path)
        show_error(
            host.parent,
            tr(
                "Berkas {path} tidak ditemukan (dipindahkan, diganti nama, atau "
                "folder bersamanya tidak tersambung); dihapus dari daftar berkas "
                "terakhir."
            ).format(path=path),
        )
        return
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            host.parent, tr("Buka berkas"), _start_dir(), tr(FILE_FILTER)
        )
        if not path:
            return
    request(Path(path), False)


def fill_recent(host: ActionHost, request: OpenRequest, menu: QMenu) -> None:
    menu.clear()
    files = settings.recent_files()
    for n, path in enumerate(files, start=1):
        action = menu.addAction(f"&{n} {Path(path).name}  —  {Path(path).parent}")
        action.triggered.connect(lambda _c=False, p=path: open_file(host, request, p))
    if not files:
        empty = menu.addAction(tr("(belum ada)"))
        empty.setEnabled(False)


def _year_taken(host: ActionHost, unit: str, year: int) -> bool:
    return any(p.year == year and p.unit == unit for p in list_plans(host.doc.store))


def _second_plan_wanted(host: ActionHost, unit: str, year: int) -> bool:
    """Ask, don't duplicate silently: a unit has one plan a year unless the user says so."""
    return confirm(
        host.parent,
        tr("Tahun sudah ada"),
        tr(
            "{unit} sudah mempunyai Rencana Aksi tahun {year}. Tetap buat rencana kedua "
            "untuk tahun itu?"
        ).format(unit=unit, year=year),
        tr("Buat rencana kedua"),
    )


def new_plan(host: ActionHost) -> None:
    tree = host.doc.tree
    dialog = NewPlanDialog(
        tree.unit if tree else "", (tree.year + 1) if tree else None, host.parent
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    unit, year, title = dialog.values()
    if _year_taken(host, unit, year) and not _second_plan_wanted(host, unit, year):
        return
    added = run(
        host.doc, plan_edit.add_plan, unit, year, title, standard_areas=dialog.standard_areas()
    )
    if isinstance(added, Done):
        host.doc.set_plan(added.value)


def next_year_plan(host: ActionHost) -> None:
    """Berkas → Rencana Aksi tahun berikutnya: the choices first, a question before a second plan
    for a year that has one, then the new plan shown; undoable (Ctrl+Z), in the change log."""
    from rbdesk.models.edits.plan_copy import copy_plan
    from rbdesk.ui.dialogs.next_year import NextYearDialog

    doc, tree = host.doc, host.doc.tree
    if tree is None:
        return
    if doc.store.readonly:
        show_error(
            host.parent,
            tr(
                "Berkas ini dibuka hanya-baca ({reason}); rencana tahun berikutnya "
                "tidak dapat dibuat."
            ).format(reason=doc.store.state.reason),
        )
        return
    dialog = NextYearDialog(tree.unit, tree.year, host.parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    year, options = dialog.values()
    taken = _year_taken(host, tree.unit, year)
    if taken and not _second_plan_wanted(host, tree.unit, year):
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
    host.notify.show_message(
        tr(
            "Rencana Aksi {name} dibuat dari tahun {source}. Nomor dan tanggal SK masih kosong. "
            "Urungkan dengan Ctrl+Z."
        ).format(name=name, source=tree.year)
    )


def delete_plan(host: ActionHost) -> None:
    """Berkas → Hapus rencana aksi ini: for a plan made by mistake. Named in the question,
    undoable (Ctrl+Z), in the change log."""
    doc, tree = host.doc, host.doc.tree
    if tree is None:
        return
    others = [p for p in list_plans(host.doc.store) if p.uuid != tree.uuid]
    if not others:
        show_info(
            host.parent,
            tr("Ini satu-satunya Rencana Aksi dalam berkas ini; rencana ini tidak dapat dihapus."),
        )
        return
    name = f"{tree.year} — {tree.unit}"
    if not confirm(
        host.parent,
        tr("Hapus rencana aksi"),
        tr(
            "Hapus Rencana Aksi {name}, dengan seluruh area, kegiatan, realisasi dan bukti "
            "dukungnya?\n\nPenghapusan dapat dibatalkan dengan Urungkan (Ctrl+Z) dan tercatat "
            "di Riwayat."
        ).format(name=name),
        tr("Hapus rencana"),
    ):
        return
    if not run(doc, plan_edit.delete_plan, tree.uuid, tree.version).ok:
        return
    other = choose_plan(doc.store, None, clock.today().year) or others[-1].uuid
    doc.set_plan(other)
    doc.undo_stack.push(uc.DeletePlanCommand(doc, tree.uuid, name, other))
    host.notify.show_message(
        tr("Rencana Aksi {name} dihapus. Urungkan dengan Ctrl+Z.").format(name=name)
    )


def save_copy(host: ActionHost) -> None:
    store = host.doc.store
    suggested = str(Path(_start_dir()) / f"{store.path.stem}-salinan.rbdesk")
    path, _ = QFileDialog.getSaveFileName(
        host.parent, tr("Simpan salinan"), suggested, tr(FILE_FILTER)
    )
    if not path:
        return
    dest = Path(path)
    if dest.resolve() == store.path.resolve():
        show_error(host.parent, tr("Salinan tidak boleh menimpa berkas yang sedang dibuka."))
        return
    try:
        backups.save_copy(store, dest, overwrite=True)
    except RbdeskError as exc:
        show_error(host.parent, exc.message)
        return
    except OSError as exc:
        show_error(
            host.parent, tr("Salinan tidak dapat disimpan: {err}").format(err=exc.strerror or exc)
        )
        return
    host.notify.show_status(tr("Salinan disimpan: {p}").format(p=dest), 8000)


def open_dialog(host: ActionHost, dialog: Callable[[], QDialog]) -> bool:
    try:
        dialog().exec()
    except RbdeskError as exc:
        show_error(host.parent, exc.message)
        return False
    return True


# The dialogs below (and what they pull in: merging, backups, the change log) are imported when
# first opened, so that starting rbdesk does not wait for them.


def merge(host: ActionHost) -> None:
    from rbdesk.ui.dialogs.merge import MergeDialog

    if open_dialog(host, lambda: MergeDialog(host.doc, host.parent)):
        host.doc.reload()


def restore(host: ActionHost, request: OpenRequest) -> None:
    """Berkas → Pulihkan dari cadangan. "Buka hasil pemulihan" opens the restored copy the way
    Berkas → Buka does, once the dialog is closed; the copy remembers which backup it came from,
    so its window says so (MainWindow's restored banner) whenever it is open."""
    from rbdesk.ui.dialogs.restore import RestoreDialog

    wanted: list[tuple[str, str]] = []

    def dialog() -> RestoreDialog:
        made = RestoreDialog(host.doc, host.parent)
        made.openRequested.connect(lambda path, what: wanted.append((path, what)))
        return made

    if not open_dialog(host, dialog):
        return
    if wanted:
        path, what = wanted[-1]
        settings.set_restored_from(path, what)
        request(Path(path), False)
    elif not host.doc.store.db.is_closed():
        host.doc.reload()


def change_user(host: ActionHost, changed: Callable[[], None]) -> None:
    dialog = UserNameDialog(host.doc.user, host.parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        settings.set_user_name(dialog.value())
        host.doc.set_user(dialog.value())
        changed()
