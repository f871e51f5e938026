"""The merge dialog's list of every row the merge writes: new and updated rows grouped by what
they are (Realisasi, Bukti dukung, Indikator …), each group collapsible."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from rbdesk.i18n import tr
from rbdesk.models.interchange import merge
from rbdesk.ui.roles import ROOT, Index, Role

COL_CHANGE_ROW, COL_CHANGE_WHAT = range(2)
GROUP = "group"
# The order people read a plan in: the plan and its rows, then the work on them, then the roster.
ENTITY_ORDER = (
    "plan",
    "area",
    "activity",
    "sub_activity",
    "indicator",
    "realisation",
    "evidence",
    "team",
    "person",
    "membership",
)


def change_text(change: merge.RowChange) -> str:
    if change.kind == merge.INSERT:
        return tr("baru")
    fields = change.fields_text()
    return tr("diperbarui: {fields}").format(fields=fields) if fields else tr("diperbarui")


def group_text(rows: list[merge.RowChange]) -> str:
    new = sum(1 for r in rows if r.kind == merge.INSERT)
    parts = []
    if new:
        parts.append(tr("{n} baru").format(n=new))
    if len(rows) - new:
        parts.append(tr("{n} diperbarui").format(n=len(rows) - new))
    return ", ".join(parts)


class MergeChangesModel(QAbstractItemModel):
    """Two levels: a group per kind of row (``Role.KIND`` "group", ``Role.COUNT`` its rows),
    under it the rows (``Role.KIND`` merge.INSERT or merge.UPDATE)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[merge.RowChange]]] = []

    def set_changes(self, changes: list[merge.RowChange]) -> None:
        by_entity: dict[str, list[merge.RowChange]] = {}
        for change in changes:
            by_entity.setdefault(change.entity, []).append(change)
        order = {e: i for i, e in enumerate(ENTITY_ORDER)}
        self.beginResetModel()
        self.groups = sorted(by_entity.items(), key=lambda kv: order.get(kv[0], len(order)))
        self.endResetModel()

    def total(self) -> int:
        return sum(len(rows) for _entity, rows in self.groups)

    # -- structure: a group row's internal id is 0, a change row's is its group's number + 1 ----

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Baris"), tr("Perubahan"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == 0:
            entity, rows = self.groups[index.row()]
            if role == Role.KIND:
                return GROUP
            if role == Role.COUNT:
                return len(rows)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if col == COL_CHANGE_ROW:
                    return f"{rows[0].entity_label} ({len(rows)})"
                return group_text(rows)
            return None
        change = self.groups[index.internalId() - 1][1][index.row()]
        if role == Role.KIND:
            return change.kind
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return change.label if col == COL_CHANGE_ROW else change_text(change)
        return None
