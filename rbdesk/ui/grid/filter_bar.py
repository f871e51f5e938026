"""The bar above the grid: search as you type, and filters by area, team, person and status."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from rbdesk.i18n import tr
from rbdesk.models.domain.progress import ACCEPTED, REJECTED, REVISION, SUBMITTED
from rbdesk.models.domain.status_filter import (
    STATUS_DONE,
    STATUS_DUE,
    STATUS_LATE,
    STATUS_NO_EVIDENCE,
    STATUS_REVIEW,
)
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.plan_filter import PlanFilterProxy

STATUS_LABELS = (
    ("", "Semua"),  # beside its label "Status:" (short: the bar must fit 1280 pixels)
    (STATUS_LATE, "Terlambat"),
    (STATUS_DUE, "Jatuh tempo bulan ini"),
    (STATUS_DONE, "Selesai s.d. bulan ini"),
    (STATUS_NO_EVIDENCE, "Direalisasi tanpa bukti dukung"),
    (STATUS_REVIEW + SUBMITTED, "Menunggu verifikasi"),
    (STATUS_REVIEW + REVISION, "Perlu revisi"),
    (STATUS_REVIEW + REJECTED, "Ditolak"),
    (STATUS_REVIEW + ACCEPTED, "Memenuhi (terverifikasi)"),
)


class FilterBar(QWidget):
    def __init__(
        self, doc: PlanDocument, proxy: PlanFilterProxy, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.doc, self.proxy = doc, proxy
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Cari uraian, nomor, keterangan… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        label = QLabel(tr("&Cari:"))
        label.setBuddy(self.search)
        layout.addWidget(label)
        layout.addWidget(self.search, 2)
        self.area = self._combo("areaFilter", tr("Area:"), layout)
        self.area_label = self._last_label
        self.team = self._combo("teamFilter", tr("Tim:"), layout)
        self.person = self._combo("personFilter", tr("Orang:"), layout)
        self.status = self._combo("statusFilter", tr("Status:"), layout)
        for key, text in STATUS_LABELS:
            self.status.addItem(tr(text), key)
        self.clear_button = QToolButton()
        self.clear_button.setText(tr("Hapus filter"))
        self.clear_button.setToolTip(tr("Tampilkan semua baris (Ctrl+Shift+F)"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(lambda: self.proxy.set_text(self.search.text()))
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_text_now)
        for combo in (self.area, self.team, self.person):
            combo.currentIndexChanged.connect(self._apply_areas)
        self.status.currentIndexChanged.connect(
            lambda: self.proxy.set_status(self.status.currentData() or "")
        )
        self.populate()

    def _combo(self, name: str, text: str, layout: QHBoxLayout) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # Narrow enough for 1280 pixels beside the panels; the full name is in the list.
        combo.setMinimumContentsLength(5)
        label = self._last_label = QLabel(text)
        label.setBuddy(combo)
        layout.addWidget(label)
        layout.addWidget(combo, 1)
        return combo

    def apply_text_now(self) -> None:
        self._timer.stop()
        self.proxy.set_text(self.search.text())

    def populate(self) -> None:
        """Fill the choosers from the snapshot, keeping what was chosen."""
        tree = self.doc.tree
        keep = {c: c.currentData() for c in (self.area, self.team, self.person)}
        for combo in keep:
            combo.blockSignals(True)
            combo.clear()
        # A plan with its own level names (Sasaran, Program, …) filters by its own top level.
        own = tree.level_names[0] if tree is not None and tree.level_names else ""
        self.area_label.setText(f"{own}:" if own else tr("Area:"))
        # "Semua" beside each label ("Tim: Semua"): short, so the bar fits a 1280-pixel screen.
        for combo in (self.area, self.team, self.person):
            combo.addItem(tr("Semua"), "")
        if tree is not None:
            for area in tree.areas:
                self.area.addItem(f"{area.label}. {area.name}".strip(". "), area.uuid)
            for team in tree.teams:
                if team.area_uuid:
                    self.team.addItem(f"{team.label} {team.name.title()}".strip(), team.uuid)
            persons = sorted(
                {(m.person_name, m.person_uuid) for t in tree.teams for m in t.members}
            )
            for name, uuid in persons:
                self.person.addItem(name, uuid)
        for combo, data in keep.items():
            pos = combo.findData(data) if data else 0
            combo.setCurrentIndex(max(pos, 0))
            combo.blockSignals(False)
        self._apply_areas()

    def _apply_areas(self) -> None:
        tree = self.doc.tree
        areas: set[str] | None = None
        if tree is not None:
            if self.area.currentData():
                areas = {self.area.currentData()}
            team_uuid = self.team.currentData()
            if team_uuid:
                team_areas = {
                    t.area_uuid for t in tree.teams if t.uuid == team_uuid and t.area_uuid
                }
                areas = team_areas if areas is None else areas & team_areas
            person_uuid = self.person.currentData()
            if person_uuid:
                person_areas = {
                    t.area_uuid
                    for t in tree.teams
                    if t.area_uuid and any(m.person_uuid == person_uuid for m in t.members)
                }
                areas = person_areas if areas is None else areas & person_areas
        self.proxy.set_areas(areas)

    def select_team(self, team_uuid: str) -> None:
        pos = self.team.findData(team_uuid) if team_uuid else 0
        if pos >= 0:
            self.team.setCurrentIndex(pos)

    def clear(self) -> None:
        for combo in (self.area, self.team, self.person, self.status):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        with QSignalBlocker(self.search):
            self.search.clear()
        self._timer.stop()
        self.proxy.clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
