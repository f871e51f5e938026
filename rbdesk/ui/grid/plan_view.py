"""The grid widget: a tree view where a click or Space on a month cell toggles it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from rbdesk.i18n import tr
from rbdesk.ui import settings
from rbdesk.ui.grid.month_delegate import MonthDelegate
from rbdesk.ui.grid.plan_columns import (
    COL_CAPAIAN,
    COL_DEC,
    COL_JAN,
    COL_NO,
    COL_NOTE,
    COL_PJ,
    COL_TARGET,
    COL_TEAM,
    COL_TEXT,
    COL_UNIT,
    COL_VERIFIED,
    MIME_TYPE,
    OPTIONAL_COLUMNS,
    WRITTEN_FIELD,
    column_month,
)
from rbdesk.ui.roles import Role

DROP_ON, DROP_ABOVE, DROP_BELOW = "on", "above", "below"
SHOWN_KEY = "grid/shownColumns"  # the optional columns shown, by field name


class PlanView(QTreeView):
    toggleRequested = Signal(QModelIndex)  # a month cell: double click or Space
    dropRequested = Signal(str, str, str)  # "kind:uuid", target node uuid, position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planView")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.month_delegate = MonthDelegate(self)
        for col in range(COL_JAN, COL_DEC + 1):
            self.setItemDelegateForColumn(col, self.month_delegate)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIndentation(14)

    def setup_columns(self) -> None:
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setMinimumSectionSize(24)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        fm = self.fontMetrics()
        # Narrow enough that all twelve months fit beside the panels on a 1280-pixel screen.
        month_width = max(40, fm.horizontalAdvance("✗12/35") + 6)
        for col in range(COL_JAN, COL_DEC + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(col, month_width)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(COL_NO, fm.horizontalAdvance("0000") + 56)
        self.setColumnWidth(COL_NOTE, fm.averageCharWidth() * 12)
        self.setColumnWidth(COL_TEAM, fm.horizontalAdvance("Tim VIII") + 16)
        self.setColumnWidth(COL_CAPAIAN, fm.horizontalAdvance("Capaian") + 20)
        self.setColumnWidth(COL_VERIFIED, fm.horizontalAdvance("Verif.") + 20)
        self.setColumnWidth(COL_TARGET, fm.horizontalAdvance("Target") + 24)
        self.setColumnWidth(COL_UNIT, fm.horizontalAdvance("dokumen") + 20)
        self.setColumnWidth(COL_PJ, fm.averageCharWidth() * 16)
        stored = settings.value(SHOWN_KEY, [])  # QSettings gives one item back as a string
        shown = {stored} if isinstance(stored, str) else set(stored or [])
        for col in OPTIONAL_COLUMNS:
            self.setColumnHidden(col, WRITTEN_FIELD[col] not in shown)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        self._text_width_user = False
        header.sectionResized.connect(self._section_resized)
        self.fit_text_column()

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if section == COL_TEXT and not self._fitting:
            self._text_width_user = True

    _fitting = False

    # -- optional columns: the header's context menu ---------------------------------------------

    def header_menu(self) -> QMenu:
        """Check boxes for the columns hidden by default (target, satuan, penanggung jawab);
        the choice is remembered on this PC."""
        menu = QMenu(self)
        names = {COL_TARGET: tr("Target"), COL_UNIT: tr("Satuan"), COL_PJ: tr("Penanggung jawab")}
        for col in OPTIONAL_COLUMNS:
            action = menu.addAction(names[col])
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.show_optional_column(c, on))
        return menu

    def _show_header_menu(self, pos: QPoint) -> None:
        self.header_menu().exec(self.header().mapToGlobal(pos))

    def show_optional_column(self, col: int, shown: bool) -> None:
        self.setColumnHidden(col, not shown)
        settings.set_value(
            SHOWN_KEY, [WRITTEN_FIELD[c] for c in OPTIONAL_COLUMNS if not self.isColumnHidden(c)]
        )
        self.fit_text_column()

    def fit_text_column(self) -> None:
        """Uraian takes the room the fixed columns leave (elided, the full text in its tooltip),
        but never less than ~20 characters: on 1280 pixels all twelve months stay in view."""
        if getattr(self, "_text_width_user", False):
            return
        others = (
            sum(
                self.columnWidth(c)
                for c in range(self.model().columnCount())
                if c != COL_TEXT and not self.isColumnHidden(c)
            )
            if self.model()
            else 0
        )
        width = max(
            self.fontMetrics().averageCharWidth() * 20, self.viewport().width() - others - 2
        )
        self._fitting = True
        self.setColumnWidth(COL_TEXT, width)
        self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_text_column()

    # -- toggling by mouse and keyboard ----------------------------------------------------------

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # A single click only selects (to see a month's evidence, say): it never edits.
        index = self.indexAt(event.position().toPoint())
        if (
            event.button() == Qt.MouseButton.LeftButton
            and index.isValid()
            and column_month(index.column())
        ):
            self.toggleRequested.emit(index)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if (
            event.key() == Qt.Key.Key_Space
            and index.isValid()
            and column_month(index.column())
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.toggleRequested.emit(index)
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and index.isValid()
            and self.state() != QAbstractItemView.State.EditingState
            and index.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit(index)
            return
        super().keyPressEvent(event)

    # -- drag and drop: the window performs the move as an undoable command ----------------------

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if event.source() is not self or not data.hasFormat(MIME_TYPE):
            event.ignore()
            return
        source = bytes(data.data(MIME_TYPE)).decode()
        target = self.indexAt(event.position().toPoint())
        where = {
            QAbstractItemView.DropIndicatorPosition.AboveItem: DROP_ABOVE,
            QAbstractItemView.DropIndicatorPosition.BelowItem: DROP_BELOW,
            QAbstractItemView.DropIndicatorPosition.OnItem: DROP_ON,
        }.get(self.dropIndicatorPosition(), "")
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if target.isValid() and where:
            target_uuid = str(target.data(Role.UUID) or "")
            # Let the drag finish before the model changes under it.
            QTimer.singleShot(0, lambda: self.dropRequested.emit(source, target_uuid, where))
