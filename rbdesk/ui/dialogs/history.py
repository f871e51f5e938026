"""Riwayat: the change log for one item or the whole file, filtered by person and date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models.domain import history
from rbdesk.models.errors import RbdeskError
from rbdesk.ui.window.context import AppContext

Index = QModelIndex | QPersistentModelIndex
(COL_WHEN, COL_USER, COL_HOST, COL_ENTITY, COL_ROW, COL_ACTION, COL_FIELD, COL_OLD,
 COL_NEW) = range(9)
COLUMN_COUNT = COL_NEW + 1


class HistoryTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[history.HistoryEntry] = []
        self.labels: dict[str, str] = {}

    def set_entries(self, entries: list[history.HistoryEntry], labels: dict[str, str]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.labels = labels
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return history.column_titles()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        e = self.entries[index.row()]
        return (e.when, e.user, e.host, e.entity_label, self.labels.get(e.row_uuid, ""),
                e.action_label, e.field_label, e.old or "", e.new or "")[index.column()]


class HistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 row_uuid: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row_uuid = row_uuid
        self.setWindowTitle(tr("Riwayat perubahan") if row_uuid is None
                            else tr("Riwayat baris ini"))
        self.resize(1000, 520)

        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.addItem(tr("(semua orang)"), "")
        for name in history.people(self.ctx.store):
            self.person.addItem(name, name)
        self.use_since = QCheckBox(tr("Sejak"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.use_until = QCheckBox(tr("Sampai"))
        self.until = QDateEdit(QDate.currentDate())
        self.until.setCalendarPopup(True)
        apply = QPushButton(tr("&Tampilkan"))
        apply.clicked.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("Orang:")))
        filters.addWidget(self.person, 1)
        for w in (self.use_since, self.since, self.use_until, self.until, apply):
            filters.addWidget(w)

        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(COL_ROW,
                                                           QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = self.buttons.addButton(tr("&Ekspor ke Excel…"),
                                        QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self._export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.refresh()

    def _person(self) -> str:
        text = self.person.currentText().strip()
        return "" if self.person.currentIndex() == 0 and text == self.person.itemText(0) else text

    def refresh(self) -> None:
        since = self.since.date().toPython() if self.use_since.isChecked() else None
        until = self.until.date().toPython() if self.use_until.isChecked() else None
        store = self.ctx.store
        entries = history.query_history(store, row_uuid=self.row_uuid,
                                        person=self._person() or None, since=since, until=until)
        self.model.set_entries(entries, history.row_labels(store, entries))
        self.table.resizeColumnsToContents()
        self.count.setText(tr("{n} catatan").format(n=len(self.model.entries)))

    def export_to(self, path: Path | str) -> Path | None:
        try:
            out = history.export_history_xlsx(self.model.entries, self.model.labels, path,
                                              protect=(self.ctx.store.path,))
        except RbdeskError as exc:
            self.count.setText(exc.message)
            return None
        self.count.setText(tr("Diekspor ke {path}").format(path=out))
        return out

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Ekspor riwayat"),
                                              str(self.ctx.store.path.with_suffix(".xlsx")),
                                              tr("Buku kerja Excel (*.xlsx)"))
        if path:
            self.export_to(path)
