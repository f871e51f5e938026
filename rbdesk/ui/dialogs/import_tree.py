"""The plan an import would make, as a tree: area › kegiatan › sub kegiatan › indikator, with the
planned months and the remarks, read from the engine's plan dict before anything is written."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.months import month_short
from rbdesk.ui.roles import ROOT, Index


class TreeColumn(enum.IntEnum):
    TEXT = 0
    MONTHS = 1
    NOTE = 2


TITLES = {
    TreeColumn.TEXT: N_("Uraian"),
    TreeColumn.MONTHS: N_("Bulan rencana"),
    TreeColumn.NOTE: N_("Keterangan"),
}
# The plan dict's keys below each level, and the key of the level's text.
LEVELS = (
    ("activities", "name"),
    ("sub_activities", "name"),
    ("indicators", "name"),
    ("", "text"),
)


def months_text(months: list[int]) -> str:
    """Planned months as runs: "Jan–Jul, Des" (a long list would not fit its column)."""
    runs: list[list[int]] = []
    for m in sorted(set(months)):
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return ", ".join(
        month_short(r[0])
        if len(r) == 1
        else f"{month_short(r[0])}–{month_short(r[-1])}"
        if len(r) > 2
        else f"{month_short(r[0])}, {month_short(r[1])}"
        for r in runs
    )


class _Node:
    def __init__(self, parent: _Node | None, row: int, data: dict[str, Any], depth: int) -> None:
        self.parent, self.row, self.depth = parent, row, depth
        kids, key = LEVELS[depth] if depth >= 0 else ("areas", "")
        self.texts = ("", "", "")
        if depth >= 0:
            text = " ".join(t for t in (data.get("label", ""), data.get(key, "")) if t)
            months = data.get("planned_months") or []
            self.texts = (
                text or tr("(tanpa uraian)"),
                months_text(months),
                data.get("note", ""),
            )
        below = data.get(kids) or []
        if (
            depth == 2
            and len(below) == 1
            and not below[0].get("label")
            and not below[0].get("text")
        ):
            # a sub kegiatan's one unnamed indicator is shown on its row, as the grid does
            only = below[0]
            months = months_text(only.get("planned_months") or [])
            self.texts = (self.texts[0], months, only.get("note", ""))
            below = []
        self.children = [_Node(self, i, child, depth + 1) for i, child in enumerate(below)]


class PlanTreeModel(QAbstractItemModel):
    """The areas of an import preview's plan and everything under them, read-only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.root = _Node(None, 0, {}, -1)

    def set_plan(self, plan: dict[str, Any] | None) -> None:
        self.beginResetModel()
        self.root = _Node(None, 0, plan or {}, -1)
        self.endResetModel()

    def _node(self, index: Index) -> _Node:
        node = index.internalPointer() if index.isValid() else None
        return node if isinstance(node, _Node) else self.root

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(TreeColumn)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        up = node.parent
        if not index.isValid() or up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(TreeColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        text = node.texts[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = text.splitlines()  # one line a row; the whole text in the tooltip
            return lines[0] + (" …" if len(lines) > 1 else "") if lines else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(TreeColumn)
        ):
            return tr(TITLES[TreeColumn(section)])
        return None
