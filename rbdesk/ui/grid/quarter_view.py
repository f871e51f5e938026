"""The quarter view of the plan (Tampilan → Per triwulan): a read-only tree of the plan's rows
with TW I-IV rolled up from the months. Enter or a double click on a quarter asks the window
for the month grid at that row and the quarter's first month (or this month, in this quarter).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from rbdesk.models.domain.quarters import QUARTERS, quarter_months, quarter_of
from rbdesk.ui.grid.plan_expansion import EXPAND_ROWS
from rbdesk.ui.grid.plan_view import setup_plan_tree
from rbdesk.ui.grid.quarter_model import (
    QCOL_CAPAIAN,
    QCOL_NO,
    QCOL_TEXT,
    QCOL_TW1,
    QCOL_TW4,
    QCOL_VERIFIED,
    QuarterModel,
    column_quarter,
    quarter_column,
)
from rbdesk.ui.roles import Role


class QuarterView(QTreeView):
    # a row's uuid and a month: show that cell in the month grid
    monthsRequested = Signal(str, int)

    def __init__(self, model: QuarterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quarterView")
        self.quarters = model
        self.setModel(model)
        self.setUniformRowHeights(True)
        setup_plan_tree(self)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._open: list[str] = []
        self._current: tuple[str, int] | None = None
        self._shown: set[str] | None = None  # the month grid's filter: the rows it shows
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)
        self.activated.connect(self._activated)
        self._setup_columns()

    def _setup_columns(self) -> None:
        header = self.header()
        fm = self.fontMetrics()
        quarter_width = fm.horizontalAdvance("✗ 36/36") + 24
        for col in range(QCOL_TW1, QCOL_TW4 + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(col, quarter_width)
        header.setSectionResizeMode(QCOL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(QCOL_NO, fm.horizontalAdvance("0000") + 56)
        for col, word in ((QCOL_CAPAIAN, "Capaian"), (QCOL_VERIFIED, "Verif.")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(col, fm.horizontalAdvance(word) + 20)

    # -- the rows the user had open, kept through a rebuild ------------------------------------

    def _remember(self) -> None:
        self._open = []
        model = self.quarters
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop()
            if self.isExpanded(index):
                self._open.append(str(index.data(Role.UUID)))
                stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
        current = self.currentIndex()
        self._current = (
            (str(current.data(Role.UUID)), current.column()) if current.isValid() else None
        )

    def _restore(self) -> None:
        opened = False
        for uuid in self._open:  # parents before their children: each is found once made
            index = self.quarters.index_of(uuid, 0)
            if index.isValid():
                self.expand(index)
                opened = True
        if self._open and not opened:  # another plan: its first look
            self.unfold_areas()
        self._hide_filtered()
        if self._current is not None:
            uuid, column = self._current
            index = self.quarters.index_of(uuid, column)
            if index.isValid():
                self.setCurrentIndex(index)

    def show_only(self, uuids: set[str] | None) -> None:
        """The filter bar's choice, as the month grid shows it: only these rows (None: all),
        unfolded to what was found when they are no more than the month grid would unfold."""
        self._shown = uuids
        self._hide_filtered(unfold=uuids is not None and len(uuids) <= EXPAND_ROWS)

    def _hide_filtered(self, unfold: bool = False) -> None:
        """Hide the rows the filter leaves out. Rows not made yet are only walked into while a
        filter holds (every shown row's siblings must be judged); without one, only the rows
        made can have been hidden before."""
        model, shown = self.quarters, self._shown
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            node = model.node(parent)
            if shown is None and node is not None and not node.built:
                continue
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                hide = shown is not None and index.data(Role.UUID) not in shown
                if self.isRowHidden(row, parent) != hide:
                    self.setRowHidden(row, parent, hide)
                if not hide:
                    stack.append(index)
                    if unfold and model.hasChildren(index):
                        self.expand(index)

    def unfold_areas(self) -> None:
        """The first look: every area open on its activities."""
        self.expandToDepth(0)

    def select_uuid(self, uuid: str) -> None:
        """Select and show a plan row (an indicator folded into its sub-activity: that row), on
        this quarter's column."""
        quarter = quarter_of(self.quarters.now_month) or 1
        index = self.quarters.index_of(uuid, quarter_column(quarter))
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _activated(self, index: QModelIndex) -> None:
        quarter = column_quarter(index.column())
        if not quarter or quarter not in QUARTERS:
            return
        months = quarter_months(quarter)
        now = self.quarters.now_month
        self.monthsRequested.emit(str(index.data(Role.UUID)), now if now in months else months[0])
