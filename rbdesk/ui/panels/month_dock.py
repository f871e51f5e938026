"""The "Bulan ini" panel: one month at a glance, and how far each area has come."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import level_name
from rbdesk.models.domain.month_cells import REVIEW_SYMBOL, STATE_SYMBOL
from rbdesk.models.domain.month_overview import MonthOverview, clamp_month, month_overview
from rbdesk.models.domain.months import MONTHS, month_long
from rbdesk.models.domain.progress import REVISION, SUBMITTED, MonthState, format_percent
from rbdesk.models.domain.roster_reads import area_teams
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.panels.month_model import (
    AreaProgressModel,
    CapaianBarDelegate,
    MonthItemsModel,
    go_to_item,
    lay_out_items,
    setup_items_view,
)
from rbdesk.ui.panels.panel_dock import LazyRefreshDock, wrapped_label
from rbdesk.ui.view_state import ViewState


class MonthDock(LazyRefreshDock):
    def __init__(self, doc: PlanDocument, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(tr("Bulan ini"), "monthDock", doc, state, parent)
        self.overview = MonthOverview(1, 0)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        top = QHBoxLayout()
        label = QLabel(tr("&Bulan:"), body)
        self.month_box = QComboBox(body)
        self.month_box.setObjectName("monthChooser")
        self.month_box.addItems([month_long(m) for m in MONTHS])
        label.setBuddy(self.month_box)
        self.today_button = QPushButton(tr("Bulan &sekarang"), body)
        self.today_button.setToolTip(tr("Kembali ke bulan berjalan"))
        top.addWidget(label)
        top.addWidget(self.month_box, 1)
        top.addWidget(self.today_button)
        layout.addLayout(top)

        self.summary = wrapped_label(body, "monthSummary", rich=True)
        layout.addWidget(self.summary)

        self.items_model = MonthItemsModel(self)
        self.items_view = QTreeView(body)
        self.items_view.setObjectName("monthItems")
        self.items_view.setAlternatingRowColors(True)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        setup_items_view(self.items_view, self.items_model, state)

        self.area_model = AreaProgressModel(self)
        self.area_view = QTreeView(body)
        self.area_view.setObjectName("monthAreas")
        self.area_view.setModel(self.area_model)
        self.area_view.setRootIsDecorated(False)
        self.area_view.setUniformRowHeights(True)
        self.area_view.setItemDelegateForColumn(
            AreaProgressModel.COL_BAR, CapaianBarDelegate(self.area_view)
        )
        self.area_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        aheader = self.area_view.header()
        aheader.setStretchLastSection(False)
        aheader.setSectionResizeMode(AreaProgressModel.COL_AREA, QHeaderView.ResizeMode.Stretch)
        aheader.setSectionResizeMode(AreaProgressModel.COL_BAR, QHeaderView.ResizeMode.Fixed)
        aheader.resizeSection(AreaProgressModel.COL_BAR, 160)

        split = QSplitter(Qt.Orientation.Vertical, body)
        split.setChildrenCollapsible(False)
        split.addWidget(self.items_view)
        split.addWidget(self.area_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.setWidget(body)
        self.setFocusProxy(self.month_box)

        self.month_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.today_button.clicked.connect(self.go_to_today)
        self.area_view.clicked.connect(lambda index: go_to_item(state, index))
        self.area_view.activated.connect(lambda index: go_to_item(state, index))
        doc.planChanged.connect(lambda _uuid: self.go_to_today())
        # Today's month is chosen now; the numbers are computed once the panel is shown, after
        # the window's first paint (they take a moment on a big plan).
        with QSignalBlocker(self.month_box):
            self.month_box.setCurrentIndex(clamp_month(doc.today_month()) - 1)

    # --- the chosen month --------------------------------------------------------------------

    @property
    def month(self) -> int:
        return self.month_box.currentIndex() + 1

    def set_month(self, month: int) -> None:
        month = clamp_month(month)
        if month == self.month:
            self.refresh()
        else:
            self.month_box.setCurrentIndex(month - 1)  # refreshes through the signal

    def go_to_today(self) -> None:
        self.set_month(self.doc.today_month())

    # --- refreshing --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.begin_refresh()
        now = self.doc.today_month()
        self.overview = month_overview(self.doc.tree, self.month, now)
        self.items_model.set_overview(self.overview, teams=area_teams(self.doc.tree))
        tree = self.doc.tree
        area_name = level_name(tree.level_names if tree is not None else [], "area")
        self.area_model.set_areas(self.overview.areas, self.month, area_name)
        lay_out_items(self.items_view)
        rows = self.area_model.rowCount()
        if rows:
            view = self.area_view
            view.setMaximumHeight(
                view.header().sizeHint().height()
                + 2 * view.frameWidth()
                + rows * max(view.sizeHintForRow(0), 1)
                + 2
            )
        self.summary.setText(self._summary_html(self.overview, now))

    def _summary_html(self, ov: MonthOverview, now: int) -> str:
        if self.doc.tree is None:
            return tr("Belum ada rencana aksi di berkas ini.")
        name = month_long(ov.month)
        if ov.month == now:
            when = tr("{m} (bulan berjalan)").format(m=name)
        elif ov.month < now:
            when = tr("{m} (sudah lewat)").format(m=name)
        else:
            when = tr("{m} (akan datang)").format(m=name)
        t = ov.month_tally
        parts = [
            tr("<b>{n}</b> direncanakan").format(n=t.planned),
            tr("<span style='color:#1b7f3b'>{s} <b>{n}</b> selesai</span>").format(
                s=STATE_SYMBOL[MonthState.DONE], n=t.done
            ),
            tr("<span style='color:#9a6700'>{s} <b>{n}</b> sebagian</span>").format(
                s=STATE_SYMBOL[MonthState.PARTIAL], n=t.partial
            ),
            tr(
                "<span style='color:#b3261e'>{s} <b>{n}</b> terlambat dari bulan sebelumnya</span>"
            ).format(s=STATE_SYMBOL[MonthState.LATE], n=len(ov.late)),
        ]
        reviews = [
            tr("<span style='color:#c25400'>{s} <b>{n}</b> perlu revisi/ditolak</span>").format(
                s=REVIEW_SYMBOL[REVISION], n=len(ov.revision)
            ),
            tr("<span style='color:#3d4f73'>{s} <b>{n}</b> menunggu verifikasi</span>").format(
                s=REVIEW_SYMBOL[SUBMITTED], n=len(ov.submitted)
            ),
        ]
        capaian = tr(
            "Capaian seluruh rencana s.d. {m}: <b>{p}</b> dilaporkan, <b>{v}</b> terverifikasi"
        ).format(m=name, p=format_percent(ov.upto.percent), v=format_percent(ov.verified.percent))
        return f"<b>{when}</b><br>{' · '.join(parts)}<br>{' · '.join(reviews)}<br>{capaian}"
