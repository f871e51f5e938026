"""What the month grid and the quarter view share: one ``Node`` per row of the plan snapshot,
made when first asked for (see ``plan_nodes``), found by id and by uuid, and the roles every
row answers whatever its columns.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from rbdesk.i18n import tr
from rbdesk.models.domain.progress import RollUp, capaian_upto, format_percent, month_rollups
from rbdesk.models.domain.tree import IndicatorNode
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.plan_nodes import Node, child_specs, has_child_specs
from rbdesk.ui.roles import ROOT, Index, Role


class NodeModel(QAbstractItemModel):
    """A tree model over the rows of ``doc``'s plan; subclasses give the columns: where they
    have the four both have (No, Uraian, capaian as reported and verified), and their period
    columns (months or quarters)."""

    no_col = text_col = reported_col = verified_col = -1
    # Each model's own: making its rows from the snapshot, the month or quarter of a period
    # column (0 for the others), its title, the tooltip of a column's title, and the roles of a
    # period cell.
    _build: Callable[[], None]
    period: Callable[[int], int]
    period_title: Callable[[int], str]
    _header_tip: Callable[[int], str | None]
    _period_data: Callable[[Node, int, int], Any]

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._ids = itertools.count(1)
        self._nodes: dict[int, Node] = {}
        self._by_uuid: dict[str, Node] = {}
        self._root = Node(0, "plan", None, None, None, "")
        self.now_month = doc.today_month()
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- building ------------------------------------------------------------------------------

    def _new(
        self, kind: str, obj: Any, ind: IndicatorNode | None, parent: Node, area_uuid: str
    ) -> Node:
        node = Node(next(self._ids), kind, obj, ind, parent, area_uuid, self._expand)
        self._nodes[node.nid] = node
        self._by_uuid[obj.uuid] = node
        return node

    def _expand(self, node: Node) -> list[Node]:
        """The rows below ``node``, made when first asked for (see ``plan_nodes``)."""
        nodes, by_uuid, ids, expand = self._nodes, self._by_uuid, self._ids, self._expand
        children = []
        for row, (kind, obj, ind, area) in enumerate(child_specs(node)):
            child = Node(next(ids), kind, obj, ind, node, area, expand)
            child.row = row
            nodes[child.nid] = child
            by_uuid[obj.uuid] = child
            children.append(child)
        return children

    def _new_root(self) -> None:
        """Forget every row and start again from the snapshot's plan."""
        for node in self._nodes.values():  # no cycles left for the collector to find
            node.drop()
        self._root.drop()
        self._nodes.clear()
        self._by_uuid.clear()
        self.now_month = self.doc.today_month()
        self._root = Node(0, "plan", self.doc.tree, None, None, "", self._expand)

    def reset(self, *_args: Any) -> None:
        """Read the snapshot again, every row anew."""
        self.beginResetModel()
        self._build()
        self.endResetModel()

    @staticmethod
    def _expand_now(node: Node) -> None:
        if not node.built:
            node.children = node._expand(node) if node._expand else []

    # -- lookups -------------------------------------------------------------------------------

    def find(self, uuid: str) -> Node | None:
        """The row of ``uuid``, making the rows above it first if need be; None when it has
        no row of its own (a folded indicator, or not in this plan)."""
        node = self._by_uuid.get(uuid)
        if node is not None:
            return node
        chain: list[str] = []
        ref = self.doc.node(uuid)
        root_uuid = self._root.obj.uuid if self._root.obj is not None else None
        while ref is not None:
            chain.append(ref.node.uuid)
            if ref.parent_uuid == root_uuid:
                node = self._root
                break
            node = self._by_uuid.get(ref.parent_uuid)
            if node is not None:
                break
            ref = self.doc.node(ref.parent_uuid)
        if node is None:
            return None
        for step in reversed(chain):
            self._expand_now(node)
            below = self._by_uuid.get(step)
            if below is None:
                return None
            node = below
        return node

    def index_of(self, uuid: str, column: int = 0) -> QModelIndex:
        node = self.find(uuid)
        if node is None:
            # An indicator folded into its sub-activity row is found through that row.
            ref = self.doc.node(uuid)
            if ref is not None and ref.kind == "indicator":
                node = self.find(ref.parent_uuid)
        return QModelIndex() if node is None else self._index(node, column)

    def built_ancestor(self, uuid: str) -> Node | None:
        """The nearest row that has been made, at or above ``uuid``'s."""
        node = self._by_uuid.get(uuid)
        ref = self.doc.node(uuid) if node is None else None
        while node is None and ref is not None:
            node = self._by_uuid.get(ref.parent_uuid)
            ref = self.doc.node(ref.parent_uuid) if node is None else None
        return node

    def node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        return self._nodes.get(index.internalId())

    def _index(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, column, node.nid)

    def rollups(self, node: Node) -> list[RollUp]:
        """The row's twelve month roll-ups (kept on the node until it changes)."""
        if node._rollup is None:
            node._rollup = month_rollups(node.indicators(), self.now_month)
        return node._rollup

    def capaian(self, node: Node, verified: bool = False) -> float | None:
        return capaian_upto(self.rollups(node), self.now_month, verified)

    # -- Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if column < 0 or column >= self.columnCount() or row < 0:
            return QModelIndex()
        pnode = self._nodes.get(parent.internalId()) if parent.isValid() else self._root
        if pnode is None or row >= len(pnode.children):
            return QModelIndex()
        return self.createIndex(row, column, pnode.children[row].nid)

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]  # stubs: overloads QObject.parent()
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.nid)

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid():
            if parent.column() != 0:
                return 0
            node = self.node(parent)
            return len(node.children) if node else 0
        return len(self._root.children)

    def hasChildren(self, parent: Index = ROOT) -> bool:
        if not parent.isValid():
            return bool(self._root.children)
        if parent.column() != 0:
            return False
        node = self._nodes.get(parent.internalId())
        return node is not None and self._has_children(node)

    @staticmethod
    def _has_children(node: Node) -> bool:
        kids = node._children
        return bool(kids) if kids is not None else has_child_specs(node)

    # -- cells every row has -------------------------------------------------------------------

    def now_period(self) -> int:
        """This month's period (0 before the plan's year)."""
        return self.now_month

    def _titles(self) -> dict[int, str]:
        """The titles of the columns that are not periods."""
        return {
            self.no_col: tr("No"),
            self.text_col: tr("Uraian"),
            self.reported_col: tr("Capaian"),
            self.verified_col: tr("Verif."),
        }

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # (The views centre the titles: their header's default alignment.)
        if orientation != Qt.Orientation.Horizontal:
            return None
        period = self.period(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.period_title(period) if period else self._titles().get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        if role == Qt.ItemDataRole.FontRole and 0 < period == self.now_period():
            return self._bold
        return None

    def _text_data(self, node: Node, col: int, role: int) -> Any:
        """The roles of the other columns that only this model answers."""
        return self._common_role(node, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        period = self.period(col)
        if period:
            return self._period_data(node, period, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, col)
        if role == Qt.ItemDataRole.FontRole:
            return self._row_font(node, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            self.reported_col,
            self.verified_col,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._text_data(node, col, role)

    def _display(self, node: Node, col: int) -> str | None:
        if col == self.no_col:
            return node.label
        if col == self.text_col:
            # On one line; an indicator without text says so.
            text = node.text
            if not text.strip() and node.kind == "indicator":
                return tr("(indikator tanpa teks)")
            return text.replace("\n", " ")
        if col in (self.reported_col, self.verified_col):
            return format_percent(self.capaian(node, col == self.verified_col))
        return None

    def _row_font(self, node: Node, col: int) -> QFont | None:
        """Areas in bold; an indicator without text in italics."""
        if node.kind == "area" and col in (self.no_col, self.text_col):
            return self._bold
        if node.kind == "indicator" and col == self.text_col and not node.text.strip():
            return self._italic
        return None

    def _common_role(self, node: Node, role: int) -> Any:
        if role == Role.UUID:
            return node.uuid
        if role == Role.KIND:
            return node.kind
        if role == Role.INDICATOR_UUID:
            return node.ind.uuid if node.ind is not None else ""
        if role == Role.AREA_UUID:
            return node.area_uuid
        return None
