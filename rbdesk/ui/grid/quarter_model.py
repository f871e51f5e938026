"""The plan by quarter: the month grid's rows (area → activity → sub-activity → indicator, a
sub-activity with one unnamed indicator as one row) with four quarter columns, TW I-IV, rolled
up from the months by ``models.domain.quarters``.

Read-only: the months stay where work is recorded. The model is rebuilt from the snapshot when
the plan changes, but only while it is shown (``set_live``); hidden, it only notes that it is
stale. Rows below a row are made when first asked for, as in the month grid.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from rbdesk.i18n import tr
from rbdesk.models.domain.hierarchy import level_title
from rbdesk.models.domain.month_cells import quarter_text, quarter_tooltip
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

    no_col, text_col, reported_col, verified_col = QCOL_NO, QCOL_TEXT, QCOL_CAPAIAN, QCOL_VERIFIED
    period = staticmethod(column_quarter)
    period_title = staticmethod(quarter_short)

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

    def set_live(self, live: bool) -> None:
        """Shown: follow every change of the plan; hidden: only note that one came."""
        self.live = live
        if live and self.stale:
            self.reset()

    def _plan_changed(self, *_args: Any) -> None:
        if self.live:
            self.reset()
        else:
            self.stale = True

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

    def now_period(self) -> int:
        return quarter_of(self.now_month)

    def _header_tip(self, section: int) -> str | None:
        quarter = column_quarter(section)
        if quarter:
            now = tr(" (triwulan ini)") if quarter == self.now_period() else ""
            return quarter_long(quarter) + now
        return {
            QCOL_CAPAIAN: tr(
                "Capaian sampai bulan ini seperti dilaporkan, sama dengan tampilan bulan"
            ),
            QCOL_VERIFIED: tr("Capaian terverifikasi sampai bulan ini"),
            QCOL_TEXT: tr("Area perubahan, kegiatan, sub kegiatan, indikator keberhasilan"),
        }.get(section)

    def _text_data(self, node: Node, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and col == QCOL_TEXT:
            return f"{level_title(node.kind)}: {self._display(node, col)}"
        if role == Role.PERCENT and col in (QCOL_CAPAIAN, QCOL_VERIFIED):
            return self.capaian(node, col == QCOL_VERIFIED)
        return self._common_role(node, role)

    def _period_data(self, node: Node, quarter: int, role: int) -> Any:
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
