"""Painting the month cells: every state has its own colour AND its own shape.

planned ○ · due this month ! in a ring · late ✗ · partly done ◐ · done ✓ · done without plan
✓ in a dashed box · evidence attached ◥ (corner). Parent rows show "done/planned" with ✓ or ✗.
The evidence review is a badge in the top-left corner: awaiting ◇, accepted ●, needs revision ▲,
rejected ■.
The current month's column is a tinted band with bold edges.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rbdesk.i18n import tr
from rbdesk.models.domain.month_cells import LeafCell, rollup_review
from rbdesk.models.domain.progress import MonthState, RollUp
from rbdesk.models.domain.statuses import ReviewState, Status
from rbdesk.ui.grid.text_delegate import paint_focus_frame
from rbdesk.ui.roles import Index, Role

CURRENT_BAND = QColor("#fff3c4")
CURRENT_EDGE = QColor("#d39e00")
BACKGROUND = {
    MonthState.PLANNED: QColor("#dce9f9"),
    MonthState.DUE: QColor("#ffd98a"),
    MonthState.LATE: QColor("#f6c1bb"),
    MonthState.PARTIAL: QColor("#d3eedd"),
    MonthState.DONE: QColor("#a9dcb3"),
    MonthState.UNPLANNED_DONE: QColor("#eadff3"),
}
INK = {
    MonthState.PLANNED: QColor("#2a5f9e"),
    MonthState.DUE: QColor("#8a4b00"),
    MonthState.LATE: QColor("#b3261e"),
    MonthState.PARTIAL: QColor("#23703a"),
    MonthState.DONE: QColor("#14532d"),
    MonthState.UNPLANNED_DONE: QColor("#6a2c91"),
}
EVIDENCE_INK = QColor("#1f3a93")
# Keyed by the review states; a snapshot holds the review as its plain string value.
REVIEW_INK: dict[str, QColor] = {
    ReviewState.SUBMITTED: QColor("#3d4f73"),
    ReviewState.ACCEPTED: QColor("#0f6b2f"),
    ReviewState.REVISION: QColor("#c25400"),
    ReviewState.REJECTED: QColor("#b3261e"),
}


def _symbol_rect(rect: QRectF) -> QRectF:
    side = max(6.0, min(rect.height() - 8, rect.width() - 10, 15.0))
    return QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)


def draw_check(painter: QPainter, box: QRectF, color: QColor) -> None:
    path = QPainterPath()
    path.moveTo(box.left() + box.width() * 0.10, box.top() + box.height() * 0.55)
    path.lineTo(box.left() + box.width() * 0.40, box.top() + box.height() * 0.85)
    path.lineTo(box.left() + box.width() * 0.95, box.top() + box.height() * 0.15)
    painter.setPen(
        QPen(
            color,
            max(2.0, box.width() / 6),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def draw_cross(painter: QPainter, box: QRectF, color: QColor) -> None:
    inset = box.width() * 0.15
    b = box.adjusted(inset, inset, -inset, -inset)
    painter.setPen(
        QPen(color, max(2.0, box.width() / 6), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    )
    painter.drawLine(b.topLeft(), b.bottomRight())
    painter.drawLine(b.topRight(), b.bottomLeft())


def draw_ring(painter: QPainter, box: QRectF, color: QColor, width: float = 1.6) -> None:
    painter.setPen(QPen(color, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(box.adjusted(width / 2, width / 2, -width / 2, -width / 2))


def draw_half(painter: QPainter, box: QRectF, color: QColor) -> None:
    draw_ring(painter, box, color)
    path = QPainterPath()
    b = box.adjusted(0.8, 0.8, -0.8, -0.8)
    path.moveTo(b.center())
    path.arcTo(b, 90, 180)
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawPath(path)


def draw_bang(painter: QPainter, box: QRectF, color: QColor) -> None:
    draw_ring(painter, box, color, 2.0)
    x = box.center().x()
    pen = QPen(color, max(1.8, box.width() / 8), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(
        QPointF(x, box.top() + box.height() * 0.25), QPointF(x, box.top() + box.height() * 0.58)
    )
    painter.drawPoint(QPointF(x, box.top() + box.height() * 0.76))


def draw_evidence_corner(painter: QPainter, rect: QRectF) -> None:
    side = min(9.0, rect.height() / 2)
    tri = QPolygonF(
        [
            QPointF(rect.right() - side, rect.top()),
            rect.topRight(),
            QPointF(rect.right(), rect.top() + side),
        ]
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(EVIDENCE_INK))
    painter.drawPolygon(tri)


def draw_review_badge(painter: QPainter, rect: QRectF, review: str) -> None:
    """The review state in the top-left corner, on a white halo so it reads on any colour."""
    ink = REVIEW_INK.get(review)
    if ink is None:
        return
    side = min(8.0, rect.height() / 2.5)
    box = QRectF(rect.left() + 2, rect.top() + 2, side, side)
    halo = QPen(QColor("white"), 2.5)
    c = box.center()
    polygons: dict[str, QPolygonF] = {
        ReviewState.SUBMITTED: QPolygonF(
            [
                QPointF(c.x(), box.top()),
                QPointF(box.right(), c.y()),
                QPointF(c.x(), box.bottom()),
                QPointF(box.left(), c.y()),
            ]
        ),
        ReviewState.REVISION: QPolygonF(
            [QPointF(c.x(), box.top() - 0.5), box.bottomRight(), box.bottomLeft()]
        ),
    }
    # Awaiting review is an outline (white inside); the verdicts are solid.
    awaiting = review == ReviewState.SUBMITTED
    painter.setBrush(QBrush(QColor("white") if awaiting else ink))
    for pen in (halo, QPen(ink, 1.4) if awaiting else QPen(Qt.PenStyle.NoPen)):
        painter.setPen(pen)  # the halo first, then the badge over it
        if review in polygons:
            painter.drawPolygon(polygons[review])
        elif review == ReviewState.ACCEPTED:
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)


def paint_state(
    painter: QPainter,
    rect: QRectF,
    state: MonthState,
    status: str = Status.BELUM,
    evidence: int = 0,
    review: str = "",
) -> None:
    """One leaf month cell (also used by the legend)."""
    inner = rect.adjusted(1, 1, -1, -1)
    if state in BACKGROUND:
        painter.fillRect(inner, BACKGROUND[state])
    box = _symbol_rect(rect)
    ink = INK.get(state, QColor())  # an empty month draws no symbol
    if state == MonthState.PLANNED:
        draw_ring(painter, box, ink)
    elif state == MonthState.DUE:
        draw_bang(painter, box, ink)
    elif state == MonthState.LATE:
        if status == Status.SEBAGIAN:
            draw_half(painter, box, ink)
        else:
            draw_cross(painter, box, ink)
    elif state == MonthState.PARTIAL:
        draw_half(painter, box, ink)
    elif state == MonthState.DONE:
        draw_check(painter, box, ink)
    elif state == MonthState.UNPLANNED_DONE:
        pen = QPen(ink, 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(inner.adjusted(1, 1, -1, -1))
        if status == Status.SEBAGIAN:
            draw_half(painter, box, ink)
        else:
            draw_check(painter, box, ink)
    if evidence:
        draw_evidence_corner(painter, inner)
    if review:
        draw_review_badge(painter, inner, review)


_ROLLUP_LATE_BG = QColor("#fbe3e0")
_ROLLUP_DONE_BG = QColor("#dcf1e1")
_ROLLUP_TEXT = QColor("#333333")
_BAR_TRACK = QColor("#d0d0d0")
_BAR_FILL = QColor("#2e8b57")
_small_fonts: list[tuple[QFont, QFont]] = []  # (font, its smaller self): painted per cell


def _small(font: QFont) -> QFont:
    for base, small in _small_fonts:
        if base == font:
            return small
    small = QFont(font)
    small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
    _small_fonts[:] = [(QFont(font), small)] + _small_fonts[:3]
    return small


def paint_rollup(painter: QPainter, rect: QRectF, r: RollUp, font: QFont) -> None:
    if not r.planned and not r.extra:
        return
    inner = rect.adjusted(1, 1, -1, -1)
    complete = r.planned > 0 and r.done == r.planned
    if r.late:
        painter.fillRect(inner, _ROLLUP_LATE_BG)
        color, mark = INK[MonthState.LATE], "✗"
    elif complete:
        painter.fillRect(inner, _ROLLUP_DONE_BG)
        color, mark = INK[MonthState.DONE], "✓"
    else:
        color, mark = _ROLLUP_TEXT, ""
    if r.planned:
        frac = (r.done + 0.5 * r.partial) / r.planned
        bar = QRectF(inner.left() + 3, inner.bottom() - 3, inner.width() - 6, 2)
        painter.fillRect(bar, _BAR_TRACK)
        painter.fillRect(QRectF(bar.left(), bar.top(), bar.width() * frac, bar.height()), _BAR_FILL)
    painter.setFont(_small(font))
    painter.setPen(color)
    text = f"{r.done}/{r.planned}" if r.planned else "+"
    if mark:
        text = f"{mark}{text}"
    painter.drawText(inner.adjusted(0, 0, 0, -3), Qt.AlignmentFlag.AlignCenter, text)
    if r.evidence:
        draw_evidence_corner(painter, inner)
    draw_review_badge(painter, inner, rollup_review(r))


class MonthDelegate(QStyledItemDelegate):
    """Paints month cells and edits the realisation note (Realisasi mode, F2 / Enter)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # Only month columns use this delegate (see PlanView): text columns keep Qt's own
        # delegate, so painting them never round-trips through Python.
        cell = index.data(Role.CELL)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        current = isinstance(cell, LeafCell | RollUp) and cell.current
        if current:
            painter.fillRect(rect, CURRENT_BAND)
        elif selected:
            painter.fillRect(rect, option.palette.highlight().color().lighter(185))
        if isinstance(cell, LeafCell):
            paint_state(painter, rect, cell.state, cell.status, cell.evidence, cell.review)
        elif isinstance(cell, RollUp):
            paint_rollup(painter, rect, cell, option.font)
        if current:
            painter.setPen(QPen(CURRENT_EDGE, 1.5))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            painter.drawLine(rect.topRight(), rect.bottomRight())
        paint_focus_frame(painter, option, index)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(40, max(option.fontMetrics.height() + 8, 24))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setPlaceholderText(tr("Catatan realisasi…"))
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        r = QRect(option.rect)
        r.setWidth(max(r.width(), 260))
        editor.setGeometry(r)
