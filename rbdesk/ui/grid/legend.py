"""The always-visible key to the month cells, drawn with the grid's own painter functions."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from rbdesk.i18n import tr
from rbdesk.models.domain.progress import MonthState, RollUp
from rbdesk.models.domain.statuses import ReviewState
from rbdesk.ui.flow_layout import FlowLayout
from rbdesk.ui.grid.month_delegate import CURRENT_BAND, paint_rollup, paint_state


class _Sample(QWidget):
    def __init__(
        self,
        state: MonthState | None,
        evidence: int = 0,
        rollup: RollUp | None = None,
        current: bool = False,
        review: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state, self.evidence, self.review = state, evidence, review
        self.rollup, self.current = rollup, current
        self.setFixedSize(QSize(40 if rollup else 14 if review else 28, 22))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(self.rect())
        if self.current:
            painter.fillRect(rect, CURRENT_BAND)
        if self.rollup is not None:
            paint_rollup(painter, rect, self.rollup, self.font())
        elif self.state is not None:
            paint_state(painter, rect, self.state, evidence=self.evidence, review=self.review)
        if not self.review:  # a review badge stands alone, as it sits in a cell's corner
            painter.setPen(self.palette().mid().color())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()


LEGEND_ITEMS = (
    (dict(state=MonthState.PLANNED), "Direncanakan"),
    (dict(state=MonthState.DUE), "Jatuh tempo bulan ini"),
    (dict(state=MonthState.LATE), "Terlambat"),
    (dict(state=MonthState.PARTIAL), "Sebagian"),
    (dict(state=MonthState.DONE), "Selesai"),
    (dict(state=MonthState.UNPLANNED_DONE), "Selesai tanpa rencana"),
    (dict(state=MonthState.EMPTY, evidence=1), "Ada bukti dukung"),
    (dict(state=None, current=True), "Bulan ini"),
    (dict(state=None, rollup=RollUp(planned=5, done=3)), "Selesai/rencana (induk)"),
)
# The evidence review badges, kept together in one compact item so the key stays two rows high
# on the office screen: (state, short word, what it means).
REVIEW_ITEMS = (
    (ReviewState.SUBMITTED, "menunggu", "Diajukan, menunggu verifikasi"),
    (ReviewState.ACCEPTED, "memenuhi", "Memenuhi: dihitung dalam capaian terverifikasi"),
    (ReviewState.REVISION, "revisi", "Perlu revisi (lihat catatan peninjau)"),
    (ReviewState.REJECTED, "ditolak", "Ditolak (lihat catatan peninjau)"),
)


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        layout = FlowLayout(self, spacing=12)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(tr("Keterangan:")))
        self.labels: list[str] = []
        for kwargs, text in LEGEND_ITEMS:
            item = QWidget(self)
            row = QHBoxLayout(item)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            row.addWidget(_Sample(**kwargs))
            label = QLabel(tr(text))
            self.labels.append(label.text())
            row.addWidget(label)
            layout.addWidget(item)
        reviews = QWidget(self)
        row = QHBoxLayout(reviews)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        row.addWidget(QLabel(tr("Tinjauan bukti:")))
        for state, word, meaning in REVIEW_ITEMS:
            sample = _Sample(MonthState.EMPTY, review=state)
            label = QLabel(tr(word))
            for widget in (sample, label):
                widget.setToolTip(tr(meaning))
            self.labels.append(label.text())
            row.addWidget(sample)
            row.addWidget(label)
            row.addSpacing(4)
        layout.addWidget(reviews)
