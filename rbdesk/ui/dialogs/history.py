"""Riwayat: the change log for one item or the whole file, filtered by person and date."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QRect,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain import history
from rbdesk.models.errors import RbdeskError
from rbdesk.ui import settings
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.roles import Index
from rbdesk.ui.row_table import RowTableModel

(COL_WHEN, COL_USER, COL_HOST, COL_ENTITY, COL_ROW, COL_ACTION, COL_FIELD, COL_OLD, COL_NEW) = (
    range(9)
)


# A value column wider than this would push the other one off a 1366-pixel screen; longer
# text wraps inside its taller row instead.
VALUE_WIDTH = 380
MIN_VALUE_WIDTH = 200
ROW_WIDTH = 260
CELL_MARGIN = 8


def wraps(text: str) -> bool:
    """Whether a value may need more than one line in a :data:`VALUE_WIDTH` column (about
    seven pixels a character; a row measured needlessly only costs a little time)."""
    return "\n" in text or len(text) > VALUE_WIDTH // 7


def fit_value_cells(
    table: QTableView, columns: tuple[int, ...], rows: Iterable[int], room: int | None = None
) -> None:
    """Narrow the value columns and make the rows of multi-line values tall enough for all
    their lines: a one-line cell would show only the first changed line. Only those rows are
    measured, so a long log stays quick to show. ``room``: the width the value columns may
    share, so that they end inside the table rather than off to the right."""
    table.setWordWrap(True)
    widest = VALUE_WIDTH
    if room is not None:
        widest = max(MIN_VALUE_WIDTH, min(VALUE_WIDTH, room // len(columns)))
    for col in columns:
        table.setColumnWidth(col, min(table.columnWidth(col), widest))
    fit_row_heights(table, columns, rows)


def fit_row_heights(table: QTableView, columns: tuple[int, ...], rows: Iterable[int]) -> None:
    """Each of ``rows`` as tall as its wrapped cells in ``columns`` at their present widths
    (measured afresh: a row fitted to narrower columns would stay too tall)."""
    model, delegate = table.model(), table.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    for row in rows:
        # Measured here, not by resizeRowToContents: Qt measures only the columns in view, and
        # the value columns are often scrolled off to the right.
        height = table.verticalHeader().defaultSectionSize()
        for col in columns:
            # A rectangle Qt takes as valid (height > 0), else it measures one unwrapped line.
            option.rect = QRect(0, 0, table.columnWidth(col), 10_000)
            # The hint counts the lines but not the cell's inner margin and grid line; without
            # them the last line is cut to "…".
            hint = delegate.sizeHint(option, model.index(row, col)).height()
            height = max(height, hint + CELL_MARGIN)
        table.setRowHeight(row, height)


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class HistoryTableModel(RowTableModel[history.HistoryEntry]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, str] = {}  # row uuid -> its No and Uraian

    def titles(self) -> tuple[str, ...]:
        return history.column_titles()

    def set_entries(self, entries: list[history.HistoryEntry], labels: dict[str, str]) -> None:
        self.labels = labels
        self.set_rows(entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if col in (COL_OLD, COL_NEW):
            return self._value(e, col == COL_OLD, role == Qt.ItemDataRole.ToolTipRole)
        return (
            e.when,
            e.user,
            e.host,
            e.entity_label,
            self.labels.get(e.row_uuid, ""),
            e.action_label,
            e.field_label,
        )[col]

    @staticmethod
    def _value(e: history.HistoryEntry, old: bool, tooltip: bool) -> str:
        """The cell shows only the changed lines of a long list value (a Diktum); its tooltip
        the whole value, for the reader who wants the lines around them."""
        if tooltip and e.unchanged_note:
            return e.full_old_text if old else e.full_new_text
        return e.old_cell if old else e.new_cell


class HistoryDialog(QDialog):
    def __init__(
        self, doc: PlanDocument, parent: QWidget | None = None, row_uuid: str | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.row_uuid = row_uuid
        self.setWindowTitle(
            tr("Riwayat perubahan") if row_uuid is None else tr("Riwayat baris ini")
        )
        # Wide enough on a 1366-pixel screen for the old and new values beside the row's
        # name; fit_to_screen narrows it on a smaller one.
        self.resize(1300, 560)
        settings.fit_to_screen(self)

        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.addItem(tr("(semua orang)"), "")
        for name in history.people(self.doc.store):
            self.person.addItem(name, name)
        self.use_since = QCheckBox(tr("Sejak"))
        day = clock.today()  # RBDESK_TODAY too, like the rest of the window
        today = QDate(day.year, day.month, day.day)
        self.since = QDateEdit(today.addMonths(-1))
        self.use_until = QCheckBox(tr("Sampai"))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(clock.DATE_EDIT_FORMAT)
        self.area = QComboBox()
        self.area.addItem(tr("(semua area)"), "")
        tree = self.doc.tree
        for a in tree.areas if tree is not None else []:
            self.area.addItem(f"{a.label} {a.name}".strip(), a.uuid)
        self.area.setEnabled(row_uuid is None)
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("teks dalam nilai atau nama baris"))
        self.text.returnPressed.connect(self.refresh)
        apply = QPushButton(tr("&Tampilkan"))
        apply.clicked.connect(self.refresh)
        filters = QGridLayout()
        filters.addWidget(QLabel(tr("Orang:")), 0, 0)
        filters.addWidget(self.person, 0, 1)
        filters.addWidget(QLabel(tr("Area:")), 0, 2)
        filters.addWidget(self.area, 0, 3, 1, 3)
        filters.addWidget(QLabel(tr("Teks:")), 1, 0)
        filters.addWidget(self.text, 1, 1)
        for col, w in enumerate(
            (self.use_since, self.since, self.use_until, self.until, apply), start=2
        ):
            filters.addWidget(w, 1, col)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)

        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # No column stretches: a long indicator name stretched the row's column past the window
        # and hid the old and new values, and a stretched last column would be squeezed to a
        # sliver when the others are wide. The row's name and the values are capped (refresh).
        self.count = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = self.buttons.addButton(
            tr("&Ekspor ke Excel…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        export.clicked.connect(self._export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.refresh()

    def _person(self) -> str:
        text = self.person.currentText().strip()
        return "" if self.person.currentIndex() == 0 and text == self.person.itemText(0) else text

    def refresh(self) -> None:
        since = _day(self.since.date()) if self.use_since.isChecked() else None
        until = _day(self.until.date()) if self.use_until.isChecked() else None
        store = self.doc.store
        entries = history.query_history(
            store,
            row_uuid=self.row_uuid,
            person=self._person() or None,
            since=since,
            until=until,
            area_uuid=self.area.currentData() or None,
            text=self.text.text().strip() or None,
        )
        self.model.set_entries(entries, history.row_labels(store, entries))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(COL_ROW, min(self.table.columnWidth(COL_ROW), ROW_WIDTH))
        others = sum(self.table.columnWidth(c) for c in range(COL_OLD))
        # the dialog's width less its margins, the row numbers and the scroll bar
        room = self.width() - others - self.table.verticalHeader().width() - 60
        fit_value_cells(
            self.table,
            (COL_OLD, COL_NEW),
            (
                r
                for r, e in enumerate(entries)
                if wraps(e.old_text) or wraps(e.new_text) or e.unchanged_note
            ),
            room,
        )
        self.count.setText(tr("{n} catatan").format(n=len(self.model.rows())))

    def export_to(self, path: Path | str) -> Path | None:
        try:
            out = history.export_history_xlsx(
                self.model.rows(), self.model.labels, path, protect=(self.doc.store.path,)
            )
        except RbdeskError as exc:
            self.count.setText(exc.message)
            return None
        self.count.setText(tr("Diekspor ke {path}").format(path=out))
        return out

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Ekspor riwayat"),
            str(self.doc.store.path.with_suffix(".xlsx")),
            tr("Buku kerja Excel (*.xlsx)"),
        )
        if path:
            self.export_to(path)
