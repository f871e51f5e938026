"""What the month grid and the quarter view share: one ``Node`` per row of the plan snapshot,
made when first asked for (see ``plan_nodes``), found by id and by uuid, and the roles every
row answers whatever its columns.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtGui import QFont

from rbdesk.i18n import tr
from rbdesk.models.domain.progress import RollUp, month_rollups
from rbdesk.models.domain.tree import IndicatorNode
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.plan_nodes import Node, child_specs, has_child_specs
from rbdesk.ui.roles import ROOT, Index, Role


class NodeModel(QAbstractItemModel):
    """A tree model over the rows of ``doc``'s plan; subclasses give the columns."""

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

    # -- lookups -------------------------------------------------------------------------------

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

    @staticmethod
    def _row_text(node: Node) -> str:
        """The Uraian cell on one line; an indicator without text says so."""
        text = node.text
        if not text.strip() and node.kind == "indicator":
            return tr("(indikator tanpa teks)")
        return text.replace("\n", " ")

    def _row_font(self, node: Node, col: int, no_col: int, text_col: int) -> QFont | None:
        """Areas in bold; an indicator without text in italics."""
        if node.kind == "area" and col in (no_col, text_col):
            return self._bold
        if node.kind == "indicator" and col == text_col and not node.text.strip():
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
