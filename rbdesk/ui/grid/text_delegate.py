"""Painting the grid's text cells: a focus frame on the current cell, and the Uraian wrapped to
two lines where one is not enough (elided after that; the full text is in the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from rbdesk.ui.roles import Index

ROW_HEIGHT = 24  # as the month cells'
TEXT_MARGIN = 10  # what the style keeps left and right of an item's text


def paint_focus_frame(painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
    """The cell the keyboard is on, framed in the highlight colour while the grid has focus
    (the style's own dotted focus rectangle is invisible in several Windows themes)."""
    view = option.widget
    current = getattr(view, "currentIndex", None)
    if current is None or index != current() or not option.state & QStyle.StateFlag.State_HasFocus:
        return
    painter.save()
    painter.setPen(QPen(option.palette.highlight().color(), 2.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1))
    painter.restore()


class FocusFrameDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        paint_focus_frame(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # One line; the Uraian decides when a row needs two. Not measured cell by cell: the
        # view asks every column of every row it lays out.
        return QSize(40, ROW_HEIGHT)


class UraianDelegate(FocusFrameDelegate):
    """Two lines for a text wider than its column, one otherwise."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        metrics = opt.fontMetrics
        view = opt.widget
        width = view.columnWidth(index.column()) if isinstance(view, QTreeView) else 200
        one = max(ROW_HEIGHT, metrics.height() + 8)
        if metrics.horizontalAdvance(opt.text) <= width - TEXT_MARGIN:
            return QSize(width, one)
        return QSize(width, max(one, 2 * metrics.lineSpacing() + 6))
