"""The grid widget: a tree view where a double click or Space on a month cell toggles it.

Keys as in a file manager's tree: Left and Right move between cells (months); on the tree's own
columns (No, Uraian) Left folds the row (or goes to its parent) and Right unfolds it; +, − and *
fold and unfold anywhere. The current cell always carries a focus frame."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
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
    WRITTEN_NAMES,
    column_month,
)
from rbdesk.ui.grid.text_delegate import FocusFrameDelegate, UraianDelegate
from rbdesk.ui.roles import Role

DROP_ON, DROP_ABOVE, DROP_BELOW = "on", "above", "below"
# Uraian never narrower than this: on a 1366-pixel screen it still names the row, in two lines.
TEXT_MIN_WIDTH = 220
# Shown right after the months, so that capaian is in view beside them on an office screen;
# Keterangan and Tim follow (scrolled to on a narrow screen).
VISUAL_AFTER_MONTHS = (COL_CAPAIAN, COL_VERIFIED, COL_NOTE, COL_TEAM)
TREE_COLUMNS = (COL_NO, COL_TEXT)
SHOWN_KEY = "grid/shownColumns"  # the optional columns shown, by field name


def setup_plan_tree(view: QTreeView) -> None:
    """What the month grid and the quarter view both are: one cell selected at a time, rows in
    alternating colours, scrolled by the pixel, columns fixed in place under centred titles."""
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setIndentation(14)
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionsMovable(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)


class PlanView(QTreeView):
    toggleRequested = Signal(QModelIndex)  # a month cell: double click or Space
    dropRequested = Signal(str, str, str)  # "kind:uuid", target node uuid, position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planView")
        # Rows are one line, two where the Uraian needs it (the text delegate's size hint).
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        setup_plan_tree(self)
        self.setAllColumnsShowFocus(False)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setItemDelegate(FocusFrameDelegate(self))
        self.text_delegate = UraianDelegate(self)
        self.setItemDelegateForColumn(COL_TEXT, self.text_delegate)
        self.month_delegate = MonthDelegate(self)
        for col in range(COL_JAN, COL_DEC + 1):
            self.setItemDelegateForColumn(col, self.month_delegate)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def setup_columns(self) -> None:
        header = self.header()
        header.setMinimumSectionSize(24)
        fm = self.fontMetrics()
        # Narrow enough that all twelve months fit beside the panels on a 1280-pixel screen.
        month_width = max(40, fm.horizontalAdvance("✗12/35") + 6)
        # On a small screen (1280 pixels) the months narrow down to this rather than push
        # Capaian off the screen: a parent's "✗9/12" still fits.
        self._month_width = month_width
        self._month_least = min(month_width, max(36, fm.horizontalAdvance("✗9/12") + 4))
        for col in range(COL_JAN, COL_DEC + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(col, month_width)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Interactive)
        for visual, col in enumerate(VISUAL_AFTER_MONTHS, start=COL_DEC + 1):
            header.moveSection(header.visualIndex(col), visual)
        self.setColumnWidth(COL_NO, fm.horizontalAdvance("000") + 56)
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
        if section == COL_TEXT:
            if not self._fitting:
                self._text_width_user = True
            # Rows wrap their Uraian anew at the new width.
            self.scheduleDelayedItemsLayout()

    _fitting = False
    _month_width = _month_least = 0  # set with the columns

    # -- optional columns: the header's context menu ---------------------------------------------

    def header_menu(self) -> QMenu:
        """Check boxes for the columns hidden by default (target, satuan, penanggung jawab);
        the choice is remembered on this PC."""
        menu = QMenu(self)
        for col in OPTIONAL_COLUMNS:
            action = menu.addAction(tr(WRITTEN_NAMES[col][1]))
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
        """Uraian takes the room the other columns leave (wrapped to two lines, the full text
        in its tooltip). Where that is less than TEXT_MIN_WIDTH, Keterangan, Tim and the
        optional columns give way (they are last, scrolled to): the months, Capaian and
        Verif. stay in view."""
        if getattr(self, "_text_width_user", False) or self.model() is None:
            return
        room = self.viewport().width() - 2
        self._fit_months(room)
        shown = [
            c
            for c in range(self.model().columnCount())
            if c != COL_TEXT and not self.isColumnHidden(c)
        ]
        width = room - sum(self.columnWidth(c) for c in shown)
        if width < TEXT_MIN_WIDTH:
            scrolled_to = (COL_NOTE, COL_TEAM, *OPTIONAL_COLUMNS)
            core = sum(self.columnWidth(c) for c in shown if c not in scrolled_to)
            width = max(TEXT_MIN_WIDTH, room - core)
        self._fitting = True
        self.setColumnWidth(COL_TEXT, width)
        self._fitting = False

    def _fit_months(self, room: int) -> None:
        """Months as wide as they like where Uraian, the months, Capaian and Verif. fit; else
        narrower, down to their least width."""
        if not self._month_width:
            return  # the columns are not set up yet
        fixed = sum(self.columnWidth(c) for c in (COL_NO, COL_CAPAIAN, COL_VERIFIED))
        share = (room - fixed - TEXT_MIN_WIDTH) // 12
        width = max(self._month_least, min(self._month_width, share))
        if width != self.columnWidth(COL_JAN):
            for col in range(COL_JAN, COL_DEC + 1):
                self.setColumnWidth(col, width)

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
        if index.isValid() and self._navigate(event, index):
            return
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

    def _navigate(self, event: QKeyEvent, index: QModelIndex) -> bool:
        """Left/Right between cells, folding only on the tree's columns; +, − and * fold."""
        key = event.key()
        free = Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Asterisk):
            free |= Qt.KeyboardModifier.ShiftModifier  # typed with Shift on many keyboards
        if event.modifiers() & ~free or self.state() == QAbstractItemView.State.EditingState:
            return False
        row = index.siblingAtColumn(0)
        has_children = self.model().hasChildren(row)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Asterisk) and has_children:
            if key == Qt.Key.Key_Asterisk:
                self.expandRecursively(row)
            else:
                self.expand(row)
            return True
        if key == Qt.Key.Key_Minus:
            if has_children and self.isExpanded(row):
                self.collapse(row)
            elif row.parent().isValid():  # on a folded or childless row: fold its parent
                self.collapse(row.parent())
                self._go(row.parent().siblingAtColumn(index.column()))
            return True
        if key not in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            return False
        forward = (key == Qt.Key.Key_Right) != self.isRightToLeft()
        if index.column() in TREE_COLUMNS:
            if forward and has_children and not self.isExpanded(row):
                self.expand(row)
                return True
            if not forward and has_children and self.isExpanded(row):
                self.collapse(row)
                return True
            if not forward and row.parent().isValid():
                self._go(row.parent().siblingAtColumn(index.column()))
                return True
        header = self.header()
        visual = header.visualIndex(index.column()) + (1 if forward else -1)
        while 0 <= visual < header.count() and self.isColumnHidden(header.logicalIndex(visual)):
            visual += 1 if forward else -1
        if 0 <= visual < header.count():
            self._go(index.siblingAtColumn(header.logicalIndex(visual)))
        return True

    def _go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.scrollTo(index)

    # -- drag and drop: the window performs the move as an undoable command ----------------------

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if event.source() is not self or not data.hasFormat(MIME_TYPE):
            event.ignore()
            return
        source = bytes(data.data(MIME_TYPE).data()).decode()
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
