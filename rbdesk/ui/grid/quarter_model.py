"""The plan by quarter: the month grid's rows (area → activity → sub-activity → indicator, a
sub-activity with one unnamed indicator as one row) with four quarter columns, TW I-IV, rolled
up from the months by ``models.domain.quarters``.

Read-only: the months stay where work is recorded. The model is rebuilt from the snapshot when
the plan changes, but only while it is shown (``set_live``); hidden, it only notes that it is
stale. Rows below a row are made when first asked for, as in the month grid.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from rbdesk.i18n import tr
from rbdesk.models.domain.hierarchy import level_title
from rbdesk.models.domain.month_cells import STATE_SYMBOL, STATE_TEXT
from rbdesk.models.domain.progress import (
    MonthState,
    RollUp,
    capaian_upto,
    format_percent,
    month_rollups,
)
from rbdesk.models.domain.quarters import (
    quarter_long,
    quarter_of,
    quarter_rollups,
    quarter_short,
    quarter_state,
)
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.month_delegate import BACKGROUND, INK
from rbdesk.ui.grid.plan_nodes import Node, child_specs, has_child_specs
from rbdesk.ui.roles import Role

QCOL_NO = 0
QCOL_TEXT = 1
QCOL_TW1 = 2
QCOL_TW4 = QCOL_TW1 + 3
QCOL_CAPAIAN = QCOL_TW4 + 1  # as reported, up to this month, as the month grid's
QCOL_VERIFIED = QCOL_CAPAIAN + 1
QUARTER_COLUMNS = QCOL_VERIFIED + 1
ROOT = QModelIndex()
AnyIndex = QModelIndex | QPersistentModelIndex


def column_quarter(column: int) -> int:
    """1..4 for a quarter column, 0 otherwise."""
    return column - QCOL_TW1 + 1 if QCOL_TW1 <= column <= QCOL_TW4 else 0


def quarter_column(quarter: int) -> int:
    return QCOL_TW1 + quarter - 1


def quarter_text(r: RollUp, state: MonthState) -> str:
    """A quarter cell: the state's symbol (colour never alone) and done / planned months."""
    if r.planned:
        return f"{STATE_SYMBOL[state]} {r.done}/{r.planned}"
    return STATE_SYMBOL[state]


def quarter_tooltip(r: RollUp, state: MonthState, quarter: int) -> str:
    name = quarter_long(quarter)
    if not r.planned and not r.extra:
        return tr("{q}: tidak ada bulan yang direncanakan").format(q=name)
    parts = [
        tr("{n} bulan direncanakan").format(n=r.planned),
        tr("{n} selesai").format(n=r.done),
    ]
    if r.partial:
        parts.append(tr("{n} sebagian").format(n=r.partial))
    if r.late:
        parts.append(tr("{n} terlambat").format(n=r.late))
    if r.extra:
        parts.append(tr("{n} dikerjakan tanpa direncanakan").format(n=r.extra))
    parts.append(tr("{n} terverifikasi").format(n=r.verified_done))
    if r.evidence:
        parts.append(tr("{n} bukti dukung").format(n=r.evidence))
    text = f"{name}: " + ", ".join(parts)
    if state is not MonthState.EMPTY:
        text += f" ({tr(STATE_TEXT[state])})"
    return text


class QuarterModel(QAbstractItemModel):
    """Item model of the quarter view over the current snapshot of ``doc``."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._ids = itertools.count(1)
        self._nodes: dict[int, Node] = {}
        self._by_uuid: dict[str, Node] = {}
        self._root = Node(0, "plan", None, None, None, "")
        self.now_month = doc.today_month()
        self.live = False
        self.stale = True
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._build()
        for signal in (doc.treeReloaded, doc.nodesPatched, doc.childrenChanged, doc.planChanged):
            signal.connect(self._plan_changed)

    # -- building ------------------------------------------------------------------------------

    def _expand(self, node: Node) -> list[Node]:
        children = []
        for row, (kind, obj, ind, area) in enumerate(child_specs(node)):
            child = Node(next(self._ids), kind, obj, ind, node, area, self._expand)
            child.row = row
            self._nodes[child.nid] = child
            self._by_uuid[obj.uuid] = child
            children.append(child)
        return children

    def _build(self) -> None:
        for node in self._nodes.values():
            node.drop()
        self._root.drop()
        self._nodes.clear()
        self._by_uuid.clear()
        self.now_month = self.doc.today_month()
        self._root = Node(0, "plan", self.doc.tree, None, None, "", self._expand)
        self.stale = False

    def refresh(self) -> None:
        """Read the snapshot again (views keep their unfolded rows through ``QuarterView``)."""
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def set_live(self, live: bool) -> None:
        """Shown: follow every change of the plan; hidden: only note that one came."""
        self.live = live
        if live and self.stale:
            self.refresh()

    def _plan_changed(self, *_args: Any) -> None:
        if self.live:
            self.refresh()
        else:
            self.stale = True

    # -- lookups -------------------------------------------------------------------------------

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node | None:
        if not index.isValid():
            return None
        return self._nodes.get(index.internalId())

    def index_of(self, uuid: str, column: int = QCOL_TEXT) -> QModelIndex:
        """The row of a plan node (an indicator folded into its sub-activity: that row),
        making the rows above it first; invalid when the plan has no such node."""
        chain: list[str] = []
        ref = self.doc.node(uuid)
        root_uuid = self._root.obj.uuid if self._root.obj is not None else None
        while ref is not None:
            chain.append(ref.node.uuid)
            if ref.parent_uuid == root_uuid:
                break
            ref = self.doc.node(ref.parent_uuid)
        node: Node | None = None
        parent = self._root
        for step in reversed(chain):
            below = next((c for c in parent.children if c.uuid == step), None)
            if below is None:
                break  # folded into ``node``, or not a row of this plan
            node = parent = below
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node.nid)

    def rollups(self, node: Node) -> list[RollUp]:
        """The row's twelve month roll-ups (kept on the node until the next rebuild)."""
        if node._rollup is None:
            node._rollup = month_rollups(node.indicators(), self.now_month)
        return node._rollup

    # -- Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if column < 0 or column >= QUARTER_COLUMNS or row < 0:
            return QModelIndex()
        pnode = self.node(parent) if parent.isValid() else self._root
        if pnode is None or row >= len(pnode.children):
            return QModelIndex()
        return self.createIndex(row, column, pnode.children[row].nid)

    def parent(self, index: QModelIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.nid)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self._root.children)
        if parent.column() != 0:
            return 0
        node = self.node(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return QUARTER_COLUMNS

    def hasChildren(self, parent: AnyIndex = ROOT) -> bool:
        if not parent.isValid():
            return bool(self._root.children)
        if parent.column() != 0:
            return False
        node = self.node(parent)
        if node is None:
            return False
        return bool(node.children) if node.built else has_child_specs(node)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not has_child_specs(node):
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        quarter = column_quarter(section)
        now = quarter_of(self.now_month)
        if role == Qt.ItemDataRole.DisplayRole:
            if quarter:
                return quarter_short(quarter)
            return {
                QCOL_NO: tr("No"),
                QCOL_TEXT: tr("Uraian"),
                QCOL_CAPAIAN: tr("Capaian"),
                QCOL_VERIFIED: tr("Verif."),
            }.get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            if quarter:
                extra = tr(" (triwulan ini)") if quarter == now else ""
                return quarter_long(quarter) + extra
            if section == QCOL_CAPAIAN:
                return tr("Capaian sampai bulan ini seperti dilaporkan, sama dengan tampilan bulan")
            if section == QCOL_VERIFIED:
                return tr("Capaian terverifikasi sampai bulan ini")
            if section == QCOL_TEXT:
                return tr("Area perubahan, kegiatan, sub kegiatan, indikator keberhasilan")
        if role == Qt.ItemDataRole.FontRole and quarter and quarter == now:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and section != QCOL_TEXT:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        quarter = column_quarter(col)
        if quarter:
            return self._quarter_data(node, quarter, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == QCOL_TEXT:
            return f"{level_title(node.kind)}: {self._display(node, col)}"
        if role == Qt.ItemDataRole.FontRole:
            if node.kind == "area" and col in (QCOL_NO, QCOL_TEXT):
                return self._bold
            if node.kind == "indicator" and col == QCOL_TEXT and not node.text.strip():
                return self._italic
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (QCOL_CAPAIAN, QCOL_VERIFIED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.PERCENT and col in (QCOL_CAPAIAN, QCOL_VERIFIED):
            return capaian_upto(self.rollups(node), self.now_month, col == QCOL_VERIFIED)
        return self._common_role(node, role)

    def _display(self, node: Node, col: int) -> str | None:
        if col == QCOL_NO:
            return str(node.obj.label)
        if col == QCOL_TEXT:
            text = node.text
            if not text.strip() and node.kind == "indicator":
                return tr("(indikator tanpa teks)")
            return str(text).replace("\n", " ")
        if col in (QCOL_CAPAIAN, QCOL_VERIFIED):
            verified = col == QCOL_VERIFIED
            return format_percent(capaian_upto(self.rollups(node), self.now_month, verified))
        return None

    def _quarter_data(self, node: Node, quarter: int, role: int) -> Any:
        rollups = self.rollups(node)
        if role == Role.CELL:
            return quarter_rollups(rollups)[quarter - 1]
        state = quarter_state(rollups, quarter, self.now_month)
        if role == Role.MONTH_STATE:
            return state
        if role == Qt.ItemDataRole.DisplayRole:
            return quarter_text(quarter_rollups(rollups)[quarter - 1], state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return quarter_tooltip(quarter_rollups(rollups)[quarter - 1], state, quarter)
        if role == Qt.ItemDataRole.BackgroundRole and state in BACKGROUND:
            return QBrush(BACKGROUND[state])
        if role == Qt.ItemDataRole.ForegroundRole and state in INK:
            return QBrush(INK[state])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and quarter == quarter_of(self.now_month):
            return self._bold
        return self._common_role(node, role)

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
