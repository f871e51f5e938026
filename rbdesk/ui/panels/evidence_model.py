"""The evidence files (bukti dukung) of one indicator-month, as a table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rbdesk.models.clock import local_time
from rbdesk.models.edits.realisation import EvidenceInfo
from rbdesk.ui.panels.row_table import RowTableModel

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument

UuidRole = Qt.ItemDataRole.UserRole + 1
ShaRole = Qt.ItemDataRole.UserRole + 2
SizeRole = Qt.ItemDataRole.UserRole + 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceModel", text)


def human_size(size: int) -> str:
    """Sizes as an Indonesian reader writes them: decimal comma, KB / MB."""
    if size < 1024:
        return _tr("{n} B").format(n=size)
    if size < 1024 * 1024:
        return _tr("{n} KB").format(n=f"{size / 1024:.0f}")
    return _tr("{n} MB").format(n=f"{size / (1024 * 1024):.1f}".replace(".", ","))


class EvidenceModel(RowTableModel):
    COL_NAME, COL_SIZE, COL_WHO, COL_WHEN = range(4)

    def titles(self) -> tuple[str, ...]:
        return (_tr("Nama berkas"), _tr("Ukuran"), _tr("Oleh"), _tr("Waktu"))

    def rows(self) -> list[EvidenceInfo]:
        return list(self._rows)

    def info(self, row: int) -> EvidenceInfo | None:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ev = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (ev.filename, human_size(ev.size), ev.updated_by,
                    local_time(ev.updated_at))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = _tr("{name}\n{size} · {mime}\ndilampirkan oleh {who}, {when}").format(
                name=ev.filename, size=human_size(ev.size), mime=ev.mime, who=ev.updated_by,
                when=local_time(ev.updated_at))
            return f"{tip}\n{ev.note}" if ev.note else tip
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UuidRole:
            return ev.uuid
        if role == ShaRole:
            return ev.sha256
        if role == SizeRole:
            return ev.size
        return None
