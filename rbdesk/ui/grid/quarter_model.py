"""The plan by quarter: the month grid's rows (area → activity → sub-activity → indicator, a
sub-activity with one unnamed indicator as one row) with four quarter columns, TW I-IV, rolled
up from the months by ``models.domain.quarters``.

Read-only: the months stay where work is recorded. The model is rebuilt from the snapshot when
the plan changes, but only while it is shown (``set_live``); hidden, it only notes that it is
stale. Rows below a row are made when first asked for, as in the month grid.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush

from rbdesk.i18n import tr
from rbdesk.models.domain.hierarchy import level_title
from rbdesk.models.domain.month_cells import quarter_text, quarter_tooltip
from rbdesk.models.domain.progress import capaian_upto, format_percent
from rbdesk.models.domain.quarters import (
    quarter_long,
    quarter_of,
    quarter_rollups,
    quarter_short,
    quarter_state,
)
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.month_delegate import BACKGROUND, INK
from rbdesk.ui.grid.node_model import NodeModel
from rbdesk.ui.grid.plan_nodes import Node, has_child_specs
from rbdesk.ui.roles import ROOT, Index, Role

QCOL_NO = 0
QCOL_TEXT = 1
QCOL_TW1 = 2
QCOL_TW4 = QCOL_TW1 + 3
QCOL_CAPAIAN = QCOL_TW4 + 1  # as reported, up to this month, as the month grid's
QCOL_VERIFIED = QCOL_CAPAIAN + 1
QUARTER_COLUMNS = QCOL_VERIFIED + 1


def column_quarter(column: int) -> int:
    """1..4 for a quarter column, 0 otherwise."""
    return column - QCOL_TW1 + 1 if QCOL_TW1 <= column <= QCOL_TW4 else 0


def quarter_column(quarter: int) -> int:
    return QCOL_TW1 + quarter - 1


class QuarterModel(NodeModel):
    """Item model of the quarter view over the current snapshot of ``doc``."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(doc, parent)
        self.live = False
        self.stale = True
        self._build()
        for signal in (doc.treeReloaded, doc.nodesPatched, doc.childrenChanged, doc.planChanged):
            signal.connect(self._plan_changed)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._new_root()
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
        return QModelIndex() if node is None else self._index(node, column)

    # -- Qt model API --------------------------------------------------------------------------

    def columnCount(self, parent: Index = ROOT) -> int:
        return QUARTER_COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
            return self._row_font(node, col, QCOL_NO, QCOL_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (QCOL_CAPAIAN, QCOL_VERIFIED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.PERCENT and col in (QCOL_CAPAIAN, QCOL_VERIFIED):
            return capaian_upto(self.rollups(node), self.now_month, col == QCOL_VERIFIED)
        return self._common_role(node, role)

    def _display(self, node: Node, col: int) -> str | None:
        if col == QCOL_NO:
            return str(node.obj.label)
        if col == QCOL_TEXT:
            return self._row_text(node)
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
