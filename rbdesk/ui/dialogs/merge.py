"""'Gabungkan dari salinan…': choose the copy, see the conflicts, choose per row, apply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time
from rbdesk.models.errors import RbdeskError
from rbdesk.models.interchange import merge
from rbdesk.ui import settings
from rbdesk.ui.dialogs.common import intro_layout, path_row, resize_within_screen
from rbdesk.ui.dialogs.history import MIN_VALUE_WIDTH, fit_row_heights
from rbdesk.ui.dialogs.merge_changes import COL_CHANGE_ROW, COL_CHANGE_WHAT, MergeChangesModel
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.roles import Index, Role
from rbdesk.ui.row_table import RowTableModel

COL_ENTITY, COL_ROW, COL_FIELDS, COL_MINE, COL_THEIRS = range(5)


class ConflictTableModel(RowTableModel[merge.Conflict]):
    """One row per conflict; the two value columns are checkable and exclusive (the choice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: dict[tuple[str, str], str] = {}

    def titles(self) -> tuple[str, ...]:
        return (tr("Jenis"), tr("Baris"), tr("Kolom"), tr("Berkas ini"), tr("Salinan"))

    def set_conflicts(self, conflicts: list[merge.Conflict]) -> None:
        self.choices = {c.key: c.default for c in conflicts}
        self.set_rows(conflicts)

    def _side(self, col: int) -> str:
        return merge.MINE if col == COL_MINE else merge.THEIRS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == Role.CHOICE:
            return self.choices[c.key]
        if role == Qt.ItemDataRole.CheckStateRole and col in (COL_MINE, COL_THEIRS):
            chosen = self.choices[c.key] == self._side(col)
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == COL_ENTITY:
                return c.entity_label
            if col == COL_ROW:
                return c.label
            if col == COL_FIELDS:
                # A deletion against work says so in words: "dihapus: ya ↔ tidak" would not.
                return c.reason() or ", ".join(d.label for d in c.fields)
            mine = col == COL_MINE
            # The cell: of a multi-line value (a Diktum) only the lines the other side lacks,
            # one a line; the tooltip: the whole value.
            if role == Qt.ItemDataRole.ToolTipRole:
                texts = [d.mine_full() if mine else d.theirs_full() for d in c.fields]
            else:
                texts = [d.mine_text() if mine else d.theirs_text() for d in c.fields]
            values = ("\n" if any("\n" in t for t in texts) else "; ").join(t or "—" for t in texts)
            who, when = (c.mine_by, c.mine_at) if mine else (c.theirs_by, c.theirs_at)
            newer = (
                tr(" ({why})").format(why=c.default_note()) if c.default == self._side(col) else ""
            )
            return tr("{values} — {who}, {when}{newer}").format(
                values=values, who=who, when=local_time(when), newer=newer
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() in (COL_MINE, COL_THEIRS):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() not in (COL_MINE, COL_THEIRS):
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            side = self._side(index.column())
            other = merge.THEIRS if side == merge.MINE else merge.MINE
            return self.choose(index.row(), side if checked else other)
        if role == Role.CHOICE and value in (merge.MINE, merge.THEIRS):
            return self.choose(index.row(), value)
        return False

    def choose(self, row: int, side: str) -> bool:
        key = self._rows[row].key
        if self.choices[key] != side:
            self.choices[key] = side
            self.dataChanged.emit(
                self.index(row, COL_MINE),
                self.index(row, COL_THEIRS),
                [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DisplayRole],
            )
        return True

    def choose_all(self, side: str) -> None:
        for row in range(len(self._rows)):
            self.choose(row, side)


EXPANDED_UP_TO = 40  # rows of a list shown open; a longer one shows its groups


class MergeDialog(QDialog):
    """Plan first (nothing written), show conflicts, then apply in one short transaction."""

    merged = Signal(str)  # the summary, after a successful merge

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.plan: merge.MergePlan | None = None
        self.applied: merge.MergeResult | None = None
        self._fitting = False
        self.setWindowTitle(tr("Gabungkan dari salinan"))
        # Wide enough for both values side by side, never beyond the screen it opens on (the
        # office's 1366x768, or 1280x720 after Windows scaling).
        resize_within_screen(self, 1100, 660, spare=(48, 48))

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(tr("Lokasi salinan (.rbdesk)"))
        self.check_button = QPushButton(tr("&Periksa"))
        self.check_button.clicked.connect(self.check)

        self.summary = QLabel()
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)
        self.model = ConflictTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("mergeConflicts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # The columns are sized by _fit_rows, whenever the table's width changes.
        self.table.viewport().installEventFilter(self)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        # Tab leaves the table for the buttons (Gabungkan, Tutup) instead of going round its
        # cells for ever; the arrows move between rows and Space ticks the chosen value.
        self.table.setTabKeyNavigation(False)
        self.model.dataChanged.connect(lambda *_: self._show_figures())
        self.changes_model = MergeChangesModel(self)
        self.changes = QTreeView()
        self.changes.setObjectName("mergeChanges")
        self.changes.setModel(self.changes_model)
        self.changes.setUniformRowHeights(True)
        # The row's name takes the room (its month at the end), what changed is short.
        changes_header = self.changes.header()
        changes_header.setStretchLastSection(False)
        changes_header.setSectionResizeMode(COL_CHANGE_ROW, QHeaderView.ResizeMode.Stretch)
        changes_header.setSectionResizeMode(
            COL_CHANGE_WHAT, QHeaderView.ResizeMode.ResizeToContents
        )
        self.all_mine = QPushButton(tr("Semua dari &berkas ini"))
        self.all_mine.clicked.connect(lambda: self.model.choose_all(merge.MINE))
        self.all_theirs = QPushButton(tr("Semua dari &salinan"))
        self.all_theirs.clicked.connect(lambda: self.model.choose_all(merge.THEIRS))
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.all_mine)
        choose_row.addWidget(self.all_theirs)
        choose_row.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("&Tutup"))
        self.apply_button = self.buttons.addButton(
            tr("&Gabungkan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        conflicts_page = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_page)
        conflicts_layout.setContentsMargins(4, 4, 4, 4)
        conflicts_layout.addWidget(self.table, 1)
        conflicts_layout.addLayout(choose_row)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mergeTabs")
        self.tabs.addTab(conflicts_page, tr("Konflik"))
        self.tabs.addTab(self.changes, tr("Baris baru dan diperbarui"))

        layout = intro_layout(
            self,
            tr(
                "Pilih salinan berkas ini yang diedit di komputer lain (mis. dari "
                "flashdisk). Perubahannya dimasukkan ke berkas ini; salinan itu "
                "sendiri tidak diubah."
            ),
        )
        layout.addLayout(path_row(self.path_edit, self._browse, self.check_button))
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._set_conflict_controls(False)
        if doc.readonly:
            self.error.setText(tr("Berkas ini dibuka hanya-baca; tidak dapat menggabungkan."))
            self.check_button.setEnabled(False)

    def _set_conflict_controls(self, enabled: bool) -> None:
        for w in (self.table, self.all_mine, self.all_theirs):
            w.setEnabled(enabled)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Pilih salinan"),
            str(self.doc.store.path.parent),
            tr("Berkas rbdesk (*.rbdesk);;Semua berkas (*)"),
        )
        if path:
            self.path_edit.setText(path)
            self.check()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        QApplication.processEvents()

    def check(self) -> bool:
        """Phase one: read both files, list conflicts. Nothing is written."""
        self.error.clear()
        self.plan = None
        self.applied = None
        self.apply_button.setEnabled(False)
        text = self.path_edit.text().strip()
        if not text:
            self.error.setText(tr("Pilih dulu berkas salinannya."))
            return False
        try:
            self.plan = merge.plan_merge(self.doc.store, Path(text), self._progress)
        except RbdeskError as exc:
            self.error.setText(exc.message)
            self.model.set_conflicts([])
            self.changes_model.set_changes([])
            self.summary.clear()
            return False
        finally:
            self.progress.setVisible(False)
        self.model.set_conflicts(self.plan.conflicts)
        self._fit_rows()
        self._set_conflict_controls(bool(self.plan.conflicts))
        self._show_figures()
        self.tabs.setCurrentIndex(0 if self.plan.conflicts else 1)
        self.apply_button.setEnabled(self.plan.has_changes)
        return True

    def _fit_rows(self) -> None:
        """Both values share what the other columns leave, wrapped, and the rows are tall
        enough for them at those widths: nothing is off to the right or cut."""
        if self._fitting or not self.model.rowCount():
            return
        self._fitting = True
        try:
            table = self.table
            width = table.viewport().width()
            fixed = 0
            for col, share in ((COL_ENTITY, 8), (COL_ROW, 5), (COL_FIELDS, 6)):
                table.resizeColumnToContents(col)
                table.setColumnWidth(col, min(table.columnWidth(col), width // share))
                fixed += table.columnWidth(col)
            value = max(MIN_VALUE_WIDTH, (width - fixed) // 2)
            table.setColumnWidth(COL_MINE, value)
            table.setColumnWidth(COL_THEIRS, max(MIN_VALUE_WIDTH, width - fixed - value))
            columns = (COL_ROW, COL_FIELDS, COL_MINE, COL_THEIRS)
            fit_row_heights(table, columns, range(self.model.rowCount()))
        finally:
            self._fitting = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Centred on a window larger than its screen, the dialog would open partly off it.
        settings.fit_to_screen(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_rows()
        return super().eventFilter(watched, event)

    def _show_figures(self) -> None:
        """The figures and the list of rows as the merge will write them with the choices
        ticked now (the result's figures are counted by the same rule)."""
        if self.plan is None or self.applied is not None:
            return
        if not self.plan.has_changes:
            self.summary.setText(
                tr("Berkas ini sudah memuat semua isi salinan; tidak ada yang perlu digabung.")
            )
            self.changes_model.set_changes([])
            self._name_tabs()
            return
        changes = self.plan.changes(self.model.choices)
        new = sum(1 for c in changes if c.kind == merge.INSERT)
        text = tr("Dari salinan: {ins} baris baru, {upd} baris diperbarui, {conf} konflik.").format(
            ins=new, upd=len(changes) - new, conf=len(self.plan.conflicts)
        )
        if self.plan.to_resubmit:
            text += " " + self.plan.resubmit_note()
        if self.plan.conflicts:
            text += " " + tr(
                "Pada setiap konflik, centang nilai yang dipakai; nilai yang "
                "tidak dipakai tetap tercatat di Riwayat."
            )
        self.summary.setText(text)
        self.changes_model.set_changes(changes)
        # A short list open, a long one by its groups: each opens with a click (or + / →).
        if self.changes_model.total() <= EXPANDED_UP_TO:
            self.changes.expandAll()
        self._name_tabs()

    def _name_tabs(self) -> None:
        self.tabs.setTabText(0, tr("Konflik ({n})").format(n=self.model.rowCount()))
        self.tabs.setTabText(
            1, tr("Baris baru dan diperbarui ({n})").format(n=self.changes_model.total())
        )

    def apply(self) -> bool:
        """Phase two: one transaction with the chosen values; the window refreshes."""
        if self.plan is None:
            return False
        self.error.clear()
        self.applied = None
        try:
            self.applied = merge.apply_merge(
                self.doc.store, self.plan, self.model.choices, progress=self._progress
            )
        except RbdeskError as exc:
            self.error.setText(exc.message)
            return False
        finally:
            self.progress.setVisible(False)
        summary = self.applied.summary()
        self.summary.setText(tr("Selesai digabung: {summary}").format(summary=summary))
        self.apply_button.setEnabled(False)
        self._set_conflict_controls(False)
        self.doc.reload()
        self.doc.edited.emit()
        self.merged.emit(summary)
        return True
