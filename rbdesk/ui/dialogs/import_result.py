"""The lower half of the import assistant: what the import would make and what it would leave
out — the counts, the planned months per month, the fill colours read as planned (correctable),
the plan's tree, the cells left out and the reader's notes — for one :class:`ImportPreview`."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.exports.excel.plan_reader import ImportPreview
from rbdesk.i18n import tr
from rbdesk.models.domain.months import MONTHS, month_short
from rbdesk.ui.dialogs.import_models import LeftOutModel
from rbdesk.ui.dialogs.import_tree import PlanTreeModel, TreeColumn

EXPAND_ALL = 400  # indicators up to which the whole tree is shown open


class ImportResult(QWidget):
    """Shows a preview (or a problem); ``coloursChosen`` gives the colours the user ticked."""

    coloursChosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.problem = QLabel()
        self.problem.setObjectName("importProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.colour_box = QWidget()
        self.colour_box.setObjectName("plannedColours")
        self.colour_layout = QHBoxLayout(self.colour_box)
        self.colour_layout.setContentsMargins(0, 0, 0, 0)
        self.colour_layout.addWidget(QLabel(tr("Warna sel yang berarti bulan rencana:")))
        self.colour_layout.addStretch(1)
        self.colour_checks: dict[str, QCheckBox] = {}
        self.tabs = QTabWidget()
        self.tree_model = PlanTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.header().setSectionResizeMode(TreeColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().resizeSection(TreeColumn.MONTHS, 200)
        self.tree.header().resizeSection(TreeColumn.NOTE, 220)
        self.left_model = LeftOutModel(self)
        self.left_view = QTableView()
        self.left_view.setModel(self.left_model)
        self.left_view.horizontalHeader().setStretchLastSection(True)
        self.left_view.verticalHeader().hide()
        self.left_view.verticalHeader().setDefaultSectionSize(22)
        self.left_view.setWordWrap(False)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.tabs.addTab(self.tree, tr("Hasil"))
        self.tabs.addTab(self.left_view, tr("Tidak ikut diimpor"))
        self.tabs.addTab(self.notes, tr("Catatan"))
        for widget in (self.problem, self.summary, self.colour_box, self.tabs):
            layout.addWidget(widget)

    def show_preview(self, p: ImportPreview | None, remembered: bool = False) -> None:
        self.tree_model.set_plan(p.plan if p else None)
        self.left_model.set_rows(p.left_out if p else [])
        self.left_view.resizeColumnsToContents()
        self._show_colours(p)
        if p is None:
            self.summary.setText("")
            self.notes.setPlainText("")
            self.tabs.setTabText(1, tr("Tidak ikut diimpor"))
            self.tabs.setTabText(2, tr("Catatan"))
            return
        areas, acts, subs, inds = p.counts()
        if inds <= EXPAND_ALL:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)
        counts = p.month_counts()
        lines = [
            tr(
                "Rencana tahun {year}: <b>{a} area, {c} kegiatan, {s} sub kegiatan, "
                "{i} indikator</b>; {left} sel tidak ikut diimpor."
            ).format(year=p.plan["year"], a=areas, c=acts, s=subs, i=inds, left=len(p.left_out)),
            tr("Bulan rencana (indikator per bulan): {months}; jumlah {n}.").format(
                months=" · ".join(
                    f"{month_short(m)} {n}" for m, n in zip(MONTHS, counts, strict=True)
                ),
                n=sum(counts),
            ),
        ]
        if remembered:
            lines.append(tr("Pemetaan kolom yang diingat untuk judul kolom ini dipakai."))
        self.summary.setText("<br>".join(lines))
        notes = list(p.notes)
        if p.other_colours:
            notes.append(
                tr("Warna lain di kolom jadwal, tidak dibaca sebagai rencana: {colours}").format(
                    colours=", ".join(
                        tr("{c} ({n} sel)").format(c=c, n=n)
                        for c, n in sorted(p.other_colours.items())
                    )
                )
            )
        self.notes.setPlainText("\n".join(notes))
        self.tabs.setTabText(1, tr("Tidak ikut diimpor ({n})").format(n=len(p.left_out)))
        self.tabs.setTabText(2, tr("Catatan ({n})").format(n=len(notes)))

    def _show_colours(self, p: ImportPreview | None) -> None:
        """A check box per fill colour seen in the schedule columns, ticked where the colour is
        read as "planned": the engine's choice, which the user can correct."""
        seen = {**p.other_colours, **p.colours} if p else {}
        if set(seen) != set(self.colour_checks):
            for box in self.colour_checks.values():
                box.deleteLater()
            self.colour_checks = {}
            for key in sorted(seen):
                box = QCheckBox()
                if len(key) == 6 and not key.startswith("tema"):
                    swatch = QPixmap(14, 14)
                    swatch.fill(QColor("#" + key))
                    box.setIcon(QIcon(swatch))
                box.toggled.connect(self._colours_toggled)
                self.colour_layout.insertWidget(self.colour_layout.count() - 1, box)
                self.colour_checks[key] = box
        for key, box in self.colour_checks.items():
            with QSignalBlocker(box):
                box.setChecked(p is not None and key in p.colours)
            box.setText(tr("{c} ({n} sel)").format(c=key, n=seen[key]))
        self.colour_box.setVisible(bool(seen))

    def _colours_toggled(self) -> None:
        self.coloursChosen.emit([k for k, b in self.colour_checks.items() if b.isChecked()])
