"""'Pulihkan dari cadangan…': pick a backup, write it to a new file, and offer to open it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage import backups
from rbdesk.ui.dialogs.common import intro_layout, path_row
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.roles import Index
from rbdesk.ui.row_table import RowTableModel


class BackupTableModel(RowTableModel[backups.BackupInfo]):
    """Backups as people read them ("Hari ini 18:59, harian · 187 indikator"); the technical file
    name only in the tooltip."""

    WHEN, SOURCE, SIZE = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []

    def titles(self) -> tuple[str, ...]:
        return (tr("Cadangan"), tr("Dari berkas"), tr("Ukuran"))

    def set_items(self, items: list[backups.BackupInfo]) -> None:
        now = dt.datetime.now()  # backups carry this PC's wall clock, not "today"
        self.labels = [backups.people_label(b, now, backups.indicator_count(b)) for b in items]
        self.set_rows(items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{when}\nBerkas cadangan: {path}").format(
                when=clock.people_time(b.created), path=b.path
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.labels[index.row()],
            b.source_name,
            tr("{kb} KB").format(kb=max(1, b.size // 1024)),
        )[index.column()]


class RestoreDialog(QDialog):
    """Works without an open file too (``doc`` None) for a file that could not be opened."""

    # The restored file, and where it came from (BackupInfo.describe), when the user wants it
    # opened.
    openRequested = Signal(str, str)

    def __init__(
        self,
        doc: PlanDocument | None,
        parent: QWidget | None = None,
        source: Path | str | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.source = Path(source) if source else (doc.store.path if doc else None)
        self.restored: Path | None = None
        self.restored_from = ""
        self.setWindowTitle(tr("Pulihkan dari cadangan"))
        self.resize(760, 440)

        self.show_all = QCheckBox(tr("Tampilkan cadangan semua berkas"))
        self.show_all.setChecked(self.source is None)
        self.show_all.toggled.connect(self.refresh)
        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            BackupTableModel.WHEN, QHeaderView.ResizeMode.Stretch
        )
        self.dest_edit = QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            tr("P&ulihkan"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.clicked.connect(self.restore)
        self.open_button = self.buttons.addButton(
            tr("&Buka hasil pemulihan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)
        self.buttons.rejected.connect(self.reject)

        layout = intro_layout(
            self,
            tr(
                "Cadangan dibuat otomatis sekali sehari, setiap jam selama ada perubahan, "
                "dan sebelum pembaruan format berkas. "
                "Cadangan dipulihkan ke berkas baru; berkas yang sedang dibuka tidak "
                "ditimpa."
            ),
        )
        layout.addWidget(self.show_all)
        layout.addWidget(self.table, 1)
        layout.addLayout(path_row(self.dest_edit, self._browse, label=tr("Pulihkan ke:")))
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.refresh()
        self.dest_edit.setText(str(self.default_destination()))

    def default_destination(self) -> Path:
        base = self.source or Path.home() / "rencana-aksi.rbdesk"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        return base.with_name(f"{base.stem}-pulih-{stamp}.rbdesk")

    def refresh(self) -> None:
        source = None if self.show_all.isChecked() else self.source
        self.model.set_items(backups.list_backups(source))
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.message.setText(tr("Belum ada cadangan."))
        self.table.resizeColumnsToContents()

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Pulihkan ke"), self.dest_edit.text(), tr("Berkas rbdesk (*.rbdesk)")
        )
        if path:
            self.dest_edit.setText(path)

    def restore(self) -> bool:
        backup = self.selected()
        if backup is None:
            self.message.setText(tr("Pilih cadangan yang akan dipulihkan."))
            return False
        dest = Path(self.dest_edit.text().strip())
        if self.doc is not None and dest.resolve() == self.doc.store.path.resolve():
            self.message.setText(
                tr("Pilih berkas tujuan lain: berkas yang sedang dibuka tidak ditimpa.")
            )
            return False
        try:
            self.restored = backups.restore_backup(backup, dest)
            self.restored_from = backup.describe()
        except RbdeskError as exc:
            self.message.setText(exc.message)
            return False
        self.message.setText(
            tr("Cadangan {what} dipulihkan ke {path}. Buka berkas itu?").format(
                what=self.restored_from, path=self.restored
            )
        )
        self.open_button.setEnabled(True)
        return True

    def _open(self) -> None:
        if self.restored is not None:
            self.openRequested.emit(str(self.restored), self.restored_from)
            self.accept()
