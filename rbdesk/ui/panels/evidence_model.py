"""The evidence files (bukti dukung) of one indicator-month, as a table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Qt,
)

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time
from rbdesk.models.edits.realisation import EvidenceInfo
from rbdesk.ui.roles import Index, Role
from rbdesk.ui.row_table import RowTableModel


def human_size(size: int) -> str:
    """Sizes as an Indonesian reader writes them: decimal comma, KB / MB."""
    if size < 1024:
        return tr("{n} B").format(n=size)
    if size < 1024 * 1024:
        return tr("{n} KB").format(n=f"{size / 1024:.0f}")
    return tr("{n} MB").format(n=f"{size / (1024 * 1024):.1f}".replace(".", ","))


class EvidenceModel(RowTableModel[EvidenceInfo]):
    COL_NAME, COL_SIZE, COL_WHO, COL_WHEN = range(4)

    def titles(self) -> tuple[str, ...]:
        return (tr("Nama berkas"), tr("Ukuran"), tr("Oleh"), tr("Waktu"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ev = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = (ev.filename, human_size(ev.size), ev.updated_by, local_time(ev.updated_at))
            if role == Qt.ItemDataRole.DisplayRole:
                return texts[index.column()]
            name, size, who, when = texts
            tip = tr("{name}\n{size} · {mime}\ndilampirkan oleh {who}, {when}").format(
                name=name, size=size, mime=ev.mime, who=who, when=when
            )
            return f"{tip}\n{ev.note}" if ev.note else tip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.UUID:
            return ev.uuid
        return None
