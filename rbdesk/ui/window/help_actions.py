"""Tampilan → Riwayat and the Bantuan menu: the change history, the user guide, About, the log
folder."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from rbdesk import __version__
from rbdesk.build_info import build_info
from rbdesk.i18n import tr
from rbdesk.models.storage.paths import current, log_dir
from rbdesk.ui import settings
from rbdesk.ui.dialogs.common import show_info
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.window.action_host import ActionHost
from rbdesk.ui.window.action_table import keyboard_page
from rbdesk.ui.window.file_actions import open_dialog


def history(host: ActionHost, row_uuid: str | None) -> None:
    """The change log of one row (``row_uuid``), or of the whole file (None)."""
    from rbdesk.ui.dialogs.history import HistoryDialog  # loaded on first use

    open_dialog(host, lambda: HistoryDialog(host.doc, host.parent, row_uuid=row_uuid))


def guide(parent: QWidget) -> None:
    """Non-modal, so the guide can stay open beside the plan while the user follows it."""
    from rbdesk.ui.dialogs.guide import GuideDialog  # loaded on first use

    dialog = parent.findChild(GuideDialog)
    if dialog is None:
        dialog = GuideDialog(keyboard_page(), parent)
    if dialog.isVisible():
        dialog.raise_()  # already open, maybe behind the window: bring it up
    else:
        dialog.show()


def about_text(doc: PlanDocument) -> str:
    """Version, build, and where this PC keeps the data, settings, backups and log."""
    build = build_info()
    where = current()
    built = (
        tr("dibangun {date} ({commit}, {platform})").format(
            date=build.get("date", "?"),
            commit=build.get("commit", "?"),
            platform=build.get("platform", "?"),
        )
        if build
        else tr("dijalankan dari kode sumber")
    )
    mode = (
        tr("portabel: semua tersimpan di folder program")
        if where.portable
        else tr("biasa, di folder pengguna")
    )
    return tr(
        "rbdesk {v}, {built}\nRencana Aksi Reformasi Birokrasi: rencana, realisasi, bukti "
        "dukung dan capaian, tanpa internet.\n\nBerkas yang dibuka: {path}\n\n"
        "Mode: {mode}\nData: {data}\nPengaturan: {settings}\nCadangan: {backups}\n"
        "Log: {log}"
    ).format(
        v=__version__,
        built=built,
        path=doc.store.path.absolute(),
        mode=mode,
        data=where.data,
        settings=settings.settings().fileName(),
        backups=where.backups,
        log=log_dir(),
    )


def about(host: ActionHost) -> None:
    show_info(host.parent, about_text(host.doc), tr("Tentang rbdesk"))


def open_log_folder() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))
