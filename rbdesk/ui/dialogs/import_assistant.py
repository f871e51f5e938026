"""Berkas → Impor dari Excel…: the import assistant.

The user picks the sheet and the header row(s), sees the first rows of the sheet with a role
per column (pre-filled from the engine's guess, or from the mapping remembered on this PC for
the same header words), chooses what quarter and year columns mean, and sees live what the
import would make — the tree, its counts, the planned months per month — and what it would
leave out. Every preview is the engine's own (``exports.preview_workbook``, as ``rbdesk
import`` runs it); the dialog writes nothing: the caller imports ``preview.plan`` on accept.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.exports.excel.book import Book
from rbdesk.exports.excel.grid import SheetGrid
from rbdesk.exports.excel.guess import HEADER_SCAN, guess_columns, header_words
from rbdesk.exports.excel.layout import META_SHEET
from rbdesk.exports.excel.mapping import LEVELS, ColumnRole, Mapping, Role
from rbdesk.exports.excel.plan_reader import ImportPreview
from rbdesk.exports.progress import Cancelled, ProgressFn
from rbdesk.i18n import N_, tr
from rbdesk.models.errors import InvalidInput, RbdeskError
from rbdesk.ui.dialogs import import_memory as memory
from rbdesk.ui.dialogs.common import confirm, resize_within_screen, show_error
from rbdesk.ui.dialogs.import_models import RoleDelegate, SheetPreviewModel, years_of
from rbdesk.ui.dialogs.import_result import ImportResult
from rbdesk.ui.settings import GeometryMemory

WORKBOOKS = "(*.xlsx *.xlsm *.xls *.ods)"
# The engine speaks to the command line where it names a choice; here the choice is a control.
WINDOW_WORDS = (
    ("(pilih dengan --year)", N_("(pilih di Tahun rencana)")),
    ("(pilih warna dengan --planned-colours)", N_("(pilih warnanya di bawah pratinjau)")),
)
UNKNOWN_HEADER = N_(
    "Judul kolom tabel Rencana Aksi tidak dikenali: pilih baris judulnya di atas, lalu peran "
    "tiap kolom (area, kegiatan, sub kegiatan, indikator, bulan …) di baris pertama pratinjau."
)


def window_words(text: str) -> str:
    for cli, window in WINDOW_WORDS:
        text = text.replace(tr(cli), tr(window))
    return text


def _preview(path: Path, mapping: Mapping, progress: ProgressFn = None) -> ImportPreview:
    from rbdesk import exports

    # the engine fills in what the mapping leaves open; the assistant keeps its own copy
    preview = exports.preview_workbook(path, copy.deepcopy(mapping), progress=progress)
    preview.notes = [window_words(n) for n in preview.notes]
    for item in preview.left_out:
        item.why = window_words(item.why)
    return preview


class ImportAssistant(GeometryMemory, QDialog):
    """Sheet, header, column roles and options in; the engine's :class:`ImportPreview` out."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Impor Rencana Aksi dari Excel"))
        self.preview: ImportPreview | None = None
        self.mapping = Mapping()
        self.remembered = False
        self._guessed_header = ""
        self._guessed_at = 0
        self._build()
        self.open_workbook(path)

    # -- widgets ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        other = QPushButton(tr("&Berkas lain…"))
        other.setObjectName("otherWorkbook")
        other.clicked.connect(self._choose_file)
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheetCombo")
        self.sheet.currentTextChanged.connect(self._sheet_changed)
        sheet_label = QLabel(tr("&Lembar:"))
        sheet_label.setBuddy(self.sheet)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, HEADER_SCAN * 4)
        self.header_row.setKeyboardTracking(False)  # typed "12": one change, not "1" then "12"
        self.header_row.valueChanged.connect(self._header_changed)
        header_label = QLabel(tr("Baris &judul:"))
        header_label.setBuddy(self.header_row)
        self.header_rows = QSpinBox()
        self.header_rows.setRange(1, 4)
        self.header_rows.setSuffix(tr(" baris"))
        self.header_rows.valueChanged.connect(self._depth_changed)
        self.header_rows.setToolTip(tr("Berapa baris judul kolomnya"))
        self.sections = QCheckBox(tr("Baris yang hanya berisi judul (mis. 'A. …') menjadi &area"))
        self.sections.setToolTip(
            tr("Bila ada kolom area juga, judul itu menjadi tingkat di atasnya (digabung ke area).")
        )
        self.sections.setChecked(True)
        self.sections.toggled.connect(self._sections_changed)
        row: list[QWidget] = [self.file_label, other]
        row += [sheet_label, self.sheet, header_label, self.header_row, self.header_rows]
        row += [self.sections]
        for widget in row:
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)

        options = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setKeyboardTracking(False)
        self.year.valueChanged.connect(self._year_changed)
        year_label = QLabel(tr("&Tahun rencana:"))
        year_label.setBuddy(self.year)
        self.year_hint = QLabel()
        self.quarter_label = QLabel(tr("Kolom triwulan menandai:"))
        self.quarter_last = QRadioButton(tr("bulan te&rakhir triwulan"))
        self.quarter_all = QRadioButton(tr("k&etiga bulannya"))
        self.quarters = QButtonGroup(self)
        self.quarters.addButton(self.quarter_last)
        self.quarters.addButton(self.quarter_all)
        self.quarter_last.setChecked(True)
        self.quarter_last.toggled.connect(self._quarter_changed)
        shown: tuple[QWidget, ...] = (
            year_label,
            self.year,
            self.year_hint,
            self.quarter_label,
            self.quarter_last,
            self.quarter_all,
        )
        for widget in shown:
            options.addWidget(widget)
        options.addStretch(1)
        layout.addLayout(options)

        split = QSplitter(Qt.Orientation.Vertical)
        self.sheet_model = SheetPreviewModel(self)
        self.sheet_model.roleChosen.connect(self._role_chosen)
        self.table = QTableView()
        self.table.setObjectName("sheetPreview")
        self.table.setModel(self.sheet_model)
        self.table.setItemDelegateForRow(0, RoleDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.horizontalHeader().setDefaultSectionSize(130)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        # Tab goes from one role combo to the next, then out of the table (not through cells)
        self.table.setTabKeyNavigation(False)
        caption = QLabel(
            tr(
                "&Pratinjau lembar: baris pertama berisi peran tiap kolom (pilih dengan klik, "
                "atau F2 lalu panah); baris judul ditebalkan."
            )
        )
        caption.setBuddy(self.table)
        caption.setWordWrap(True)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(caption)
        upper_layout.addWidget(self.table)
        split.addWidget(upper)

        self.result_panel = ImportResult()
        self.result_panel.coloursChosen.connect(self._colours_changed)
        panel = self.result_panel
        self.problem, self.summary, self.notes = panel.problem, panel.summary, panel.notes
        self.tabs, self.tree_model, self.left_model = panel.tabs, panel.tree_model, panel.left_model
        self.colour_box = panel.colour_box
        split.addWidget(self.result_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

        self.buttons = QDialogButtonBox()
        self.load_button = self.buttons.addButton(
            tr("&Muat pemetaan…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = self.buttons.addButton(
            tr("&Simpan pemetaan…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            tr("&Impor"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.import_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Batal"))
        self.load_button.clicked.connect(self._load_mapping)
        self.save_button.clicked.connect(self._save_mapping)
        self.import_button.clicked.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 1240, 700)

    def showEvent(self, event: QShowEvent) -> None:  # Qt API
        super().showEvent(event)
        # Qt makes the default button (Impor) the button box's focus proxy when it is shown:
        # Tab from the result tabs then jumped to Impor past Muat, Simpan and Batal.
        self.buttons.setFocusProxy(None)  # type: ignore[arg-type]  # None clears it (Qt docs)

    # -- the workbook ----------------------------------------------------------------------
    def open_workbook(self, path: Path) -> None:
        """Read ``path``'s sheets and start from the remembered or the guessed mapping. A file
        that cannot be read raises InvalidInput (the caller shows it)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with Book(path) as book:
                names = [n for n in book.sheet_names if n != META_SHEET]
                first = {names[0]: book.grid(names[0])} if names else {}
        finally:
            QApplication.restoreOverrideCursor()
        if not names:
            raise InvalidInput(tr("Buku kerja {name} tidak berisi lembar.").format(name=path.name))
        self.path, self.names, self.grids = path, names, first
        self.mapping, self.remembered = self._first_mapping(names)
        self._show_file()

    def _show_file(self) -> None:
        self.file_label.setText(tr("Berkas: {name}").format(name=self.path.name))
        self.file_label.setToolTip(str(self.path))
        with QSignalBlocker(self.sheet):
            self.sheet.clear()
            self.sheet.addItems(self.names)
        self._refresh()

    def _first_mapping(self, names: list[str]) -> tuple[Mapping, bool]:
        """The mapping remembered for this header on this PC, else the engine's guess, else
        the first sheet from its first row (the user then shows the header)."""
        self._guessed_header, self._guessed_at = "", 0
        try:
            guessed = self._read(Mapping()).mapping
        except InvalidInput:
            guessed = None
        if guessed is not None and guessed.sheet and guessed.header_row:
            self._guessed_header = header_words(
                self._sheet_grid(guessed.sheet), guessed.header_row, guessed.header_rows
            )
            self._guessed_at = guessed.header_row
            saved = memory.recall(self._guessed_header, guessed.sheet, guessed.header_row)
            if saved is not None:
                return saved, True
            return Mapping(
                sheet=guessed.sheet,
                header_row=guessed.header_row,
                header_rows=guessed.header_rows,
                columns=dict(guessed.columns),
            ), False
        found = memory.search(names, self._sheet_grid)
        if found is not None:
            saved, self._guessed_header, self._guessed_at = found
            return saved, True
        return Mapping(sheet=names[0], header_row=1), False

    def _read(self, mapping: Mapping) -> ImportPreview:
        """The engine's preview, with a progress bar that can be cancelled when the sheet is
        long (Cancelled is raised then)."""
        bar = QProgressDialog(tr("Membaca buku kerja…"), tr("Batal"), 0, 1000, self)
        bar.setWindowTitle(tr("Mohon tunggu"))
        bar.setWindowModality(Qt.WindowModality.WindowModal)
        bar.setMinimumDuration(800)
        bar.setValue(0)

        def progress(done: int, total: int) -> bool:
            bar.setMaximum(max(total, 1))
            bar.setValue(min(done, max(total, 1)))
            return not bar.wasCanceled()

        try:
            return _preview(self.path, mapping, progress)
        finally:
            bar.reset()
            bar.deleteLater()

    def _sheet_grid(self, name: str) -> SheetGrid:
        """A sheet as written, read once when first needed (a workbook may hold many)."""
        if name not in self.grids:
            with Book(self.path) as book:
                self.grids[name] = book.grid(name)
        return self.grids[name]

    def _grid(self) -> SheetGrid:
        return self._sheet_grid(self.mapping.sheet or self.sheet.currentText())

    # -- the live preview ------------------------------------------------------------------
    def _refresh(self) -> None:
        old = (self.sheet_model.grid, self.sheet_model.header)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            preview = self._read(self.mapping)
        except RbdeskError as exc:
            self.preview = None
            self.problem.setText(tr(UNKNOWN_HEADER) if "--" in exc.message else exc.message)
        except OSError as exc:
            self.preview = None
            self.problem.setText(
                tr("Buku kerja tidak dapat dibaca: {err}").format(err=exc.strerror or exc)
            )
        else:
            m = preview.mapping
            self.mapping.sheet = m.sheet
            self.mapping.header_row, self.mapping.header_rows = m.header_row, m.header_rows
            self.mapping.columns = dict(m.columns)
            # without a level column every row would be an unnamed indicator: not a plan yet
            levels = any(r.role in LEVELS for r in m.columns.values())
            self.preview = preview if levels else None
            self.problem.setText("" if levels else tr(UNKNOWN_HEADER))
        finally:
            QApplication.restoreOverrideCursor()
        self.problem.setVisible(bool(self.problem.text()))
        self._show_controls()
        grid = self._grid()
        header_row = self.mapping.header_row or 1
        header = range(header_row, header_row + self.mapping.header_rows)
        if old != (grid, header):
            self.sheet_model.set_sheet(
                grid, header_row, self.mapping.header_rows, self.mapping.columns
            )
            for c in range(self.sheet_model.columnCount()):
                self.table.openPersistentEditor(self.sheet_model.index(0, c))
            if self.sheet_model.rows:
                first = self.sheet_model.rows[0]
                self.table.scrollTo(self.sheet_model.index(header_row - first + 1, 0))
        plan_year = self.preview.plan["year"] if self.preview else None
        self.sheet_model.set_roles(self.mapping.columns, plan_year)
        self.result_panel.show_preview(self.preview, self.remembered)

    def _show_controls(self) -> None:
        m, p = self.mapping, self.preview
        widgets = (
            self.sheet,
            self.header_row,
            self.header_rows,
            self.year,
            self.quarter_last,
            self.sections,
        )
        for w in widgets:
            w.blockSignals(True)
        self.sheet.setCurrentText(m.sheet or "")
        self.header_row.setValue(m.header_row or 1)
        self.header_rows.setValue(m.header_rows)
        if p is not None:
            self.year.setValue(p.plan["year"])
        self.quarter_last.setChecked(m.quarter != "semua")
        self.quarter_all.setChecked(m.quarter == "semua")
        self.sections.setChecked(m.sections)
        for w in widgets:
            w.blockSignals(False)
        years = sorted(years_of(m.columns.values()))
        self.year_hint.setText(
            tr("(kolom tahun: {years})").format(years=", ".join(map(str, years))) if years else ""
        )
        quarters = any(r.role is Role.TRIWULAN for r in m.columns.values())
        for part in (self.quarter_label, self.quarter_last, self.quarter_all):
            part.setEnabled(quarters)
        self.import_button.setEnabled(p is not None)
        self.save_button.setEnabled(p is not None)

    # -- what the user changes -------------------------------------------------------------
    def _colours_changed(self, chosen: list[str]) -> None:
        self.mapping.planned_colours = chosen
        self._refresh()

    def _sheet_changed(self, name: str) -> None:
        if not name or name == self.mapping.sheet:
            return
        self.mapping = Mapping(sheet=name, quarter=self.mapping.quarter)
        self.remembered = False
        try:
            self._read(self.mapping)
        except RbdeskError:
            self.mapping.header_row = 1  # no header found (or not waited for): the user shows it
        self._refresh()

    def _header_changed(self, row: int) -> None:
        # a new header: its columns are guessed again
        self.mapping.header_row, self.mapping.header_rows = row, 1
        self.mapping.columns = {}
        self._refresh()

    def _depth_changed(self, depth: int) -> None:
        # the columns guessed for exactly this many header rows (with none given, the reader
        # would measure the header's depth itself and a one-row header could not be chosen)
        row = self.mapping.header_row or 1
        self.mapping.header_rows = depth
        self.mapping.columns = guess_columns(self._grid(), row, depth)
        self._refresh()

    def _year_changed(self, year: int) -> None:
        self.mapping.year = year
        self._refresh()

    def _quarter_changed(self) -> None:
        self.mapping.quarter = "akhir" if self.quarter_last.isChecked() else "semua"
        self._refresh()

    def _sections_changed(self, on: bool) -> None:
        self.mapping.sections = on
        self._refresh()

    def _role_chosen(self, col: int, role: ColumnRole) -> None:
        self.mapping.columns[col] = role
        self._refresh()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Impor Rencana Aksi dari Excel"),
            str(self.path.parent),
            tr("Buku kerja {kinds}").format(kinds=WORKBOOKS),
        )
        if not path:
            return
        before = (self.path, self.names, self.grids, self.mapping, self.remembered)
        guessed = (self._guessed_header, self._guessed_at)
        try:
            self.open_workbook(Path(path))
        except RbdeskError as exc:
            if not isinstance(exc, Cancelled):
                show_error(self, exc.message)
            # the workbook shown before, as the user left it
            self.path, self.names, self.grids, self.mapping, self.remembered = before
            self._guessed_header, self._guessed_at = guessed
            self._show_file()

    def _save_mapping(self) -> None:
        if self.preview is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Simpan pemetaan kolom"),
            str(self.path.with_name(self.path.stem + "-pemetaan.json")),
            tr("Pemetaan impor (*.json)"),
        )
        if not path:
            return
        try:
            self.preview.mapping.save(Path(path))
        except OSError as exc:
            show_error(
                self, tr("Berkas tidak dapat ditulis: {err}").format(err=exc.strerror or exc)
            )

    def _load_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Muat pemetaan kolom"),
            str(self.path.parent),
            tr("Pemetaan impor (*.json)"),
        )
        if not path:
            return
        try:
            loaded = Mapping.load(Path(path))
        except InvalidInput as exc:
            show_error(self, exc.message)
            return
        if loaded.sheet not in self.names:
            loaded.sheet = self.mapping.sheet
        self.mapping, self.remembered = loaded, False
        self._refresh()

    def _import(self) -> None:
        p = self.preview
        if p is None:
            return
        if p.left_out and not confirm(
            self,
            tr("Impor dari Excel"),
            tr(
                "{n} sel tidak ikut diimpor (daftarnya di tab 'Tidak ikut diimpor'). "
                "Impor tanpa sel-sel itu?"
            ).format(n=len(p.left_out)),
            yes=tr("Impor"),
        ):
            return
        self.accept()

    def remember(self) -> None:
        """Keep the mapping on this PC for sheets with the same header words (the header as
        found when the workbook was opened, and the one the user chose)."""
        if self.preview is not None:
            memory.keep(self.preview, self._grid(), self._guessed_header, self._guessed_at)
