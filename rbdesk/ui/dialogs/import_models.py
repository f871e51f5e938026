"""The import assistant's tables: the sheet as it is with a role per column, and the cells left out.

:class:`SheetPreviewModel` shows the first rows of the chosen sheet under a first row of column
roles (edited with a combo, :class:`RoleDelegate`); :class:`LeftOutModel` lists what the import
would leave out. Both are fed by the engine's plain data (``exports.excel``): no parsing here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.utils import get_column_letter
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rbdesk.exports.excel.cells import cell_text
from rbdesk.exports.excel.grid import SheetGrid
from rbdesk.exports.excel.mapping import ColumnRole, Role
from rbdesk.exports.excel.plan_reader import LeftOut
from rbdesk.i18n import N_, tr
from rbdesk.models.domain.months import month_short
from rbdesk.ui.roles import ROOT, Index
from rbdesk.ui.row_table import RowTableModel

ROLE_ROW = 0  # the first row of the sheet preview holds each column's role
MAX_COLUMNS = 80
DATA_ROWS = 40  # rows shown under the header
ROMAN = ("I", "II", "III", "IV")
ROLE_NAMES = {
    Role.AREA: N_("Area perubahan"),
    Role.KEGIATAN: N_("Kegiatan"),
    Role.SUBKEGIATAN: N_("Sub kegiatan"),
    Role.INDIKATOR: N_("Indikator"),
    Role.KETERANGAN: N_("Keterangan"),
    Role.TARGET: N_("Target"),
    Role.SATUAN: N_("Satuan"),
    Role.PJ: N_("Penanggung jawab"),
    Role.SIMPAN: N_("Simpan (kolom lain)"),
    Role.NOMOR: N_("Nomor (label)"),
    Role.ABAIKAN: N_("Abaikan"),
}
HEADER_BACKGROUND = QColor("#e3ecf7")
ROLE_BACKGROUND = QColor("#fff4d6")


def role_label(role: ColumnRole | None) -> str:
    """A column role in the words the combo shows: "Bulan Mar", "Triwulan II", "Tahun 2025"."""
    if role is None:
        return tr("Abaikan")
    if role.role is Role.BULAN:
        return (
            tr("Bulan {m}").format(m=month_short(role.number))
            if role.number
            else tr("Bulan (ditulis di sel)")
        )
    if role.role is Role.TRIWULAN:
        return (
            tr("Triwulan {q}").format(q=ROMAN[role.number - 1])
            if role.number
            else tr("Triwulan (ditulis di sel)")
        )
    if role.role is Role.TAHUN:
        return tr("Tahun {y}").format(y=role.number)
    name = ROLE_NAMES.get(role.role)
    return tr(name) if name else str(role)


def role_choices(years: list[int]) -> list[ColumnRole]:
    """Every role a column can take, in the order the combo lists them."""
    out = [ColumnRole(r) for r in (Role.AREA, Role.KEGIATAN, Role.SUBKEGIATAN, Role.INDIKATOR)]
    out += [ColumnRole(Role.BULAN, m) for m in range(1, 13)] + [ColumnRole(Role.BULAN)]
    out += [ColumnRole(Role.TRIWULAN, q) for q in range(1, 5)] + [ColumnRole(Role.TRIWULAN)]
    out += [ColumnRole(Role.TAHUN, y) for y in sorted(set(years))]
    out += [
        ColumnRole(r)
        for r in (
            Role.KETERANGAN,
            Role.TARGET,
            Role.SATUAN,
            Role.PJ,
            Role.SIMPAN,
            Role.NOMOR,
            Role.ABAIKAN,
        )
    ]
    return out


def years_of(roles: Iterable[ColumnRole]) -> list[int]:
    """The years of the "Tahun" roles among ``roles``."""
    return [r.number for r in roles if r.role is Role.TAHUN and r.number]


class SheetPreviewModel(QAbstractTableModel):
    """Row 0: each column's role (editable); then the sheet's rows from a little above the
    header to some way under it, as written, with their fill colours."""

    roleChosen = Signal(int, object)  # column (1-based), ColumnRole

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = SheetGrid("")
        self.rows: list[int] = []
        self.width = 0
        self.header: range = range(0)
        self.roles: dict[int, ColumnRole] = {}
        self.choices: list[ColumnRole] = role_choices([])

    def set_sheet(
        self, grid: SheetGrid, header_row: int, header_rows: int, roles: dict[int, ColumnRole]
    ) -> None:
        self.beginResetModel()
        self.grid = grid
        self.header = range(header_row, header_row + header_rows)
        first = max(1, header_row - 2)
        last = min(grid.max_row, header_row + header_rows - 1 + DATA_ROWS)
        self.rows = list(range(first, max(last, first) + 1))
        self.width = min(grid.max_col, MAX_COLUMNS)
        self.roles = dict(roles)
        self.choices = role_choices(years_of(roles.values()))
        self.endResetModel()

    def set_roles(self, roles: dict[int, ColumnRole], plan_year: int | None = None) -> None:
        """The columns' roles now; the years offered are the ones seen and the plan's."""
        years = years_of(roles.values()) + years_of(self.choices)
        self.choices = role_choices(years + ([plan_year] if plan_year else []))
        self.roles = dict(roles)
        if self.width:
            self.dataChanged.emit(self.index(ROLE_ROW, 0), self.index(ROLE_ROW, self.width - 1))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows) + 1

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.width

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() == ROLE_ROW:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column() + 1
        if index.row() == ROLE_ROW:
            chosen = self.roles.get(col)
            if role == Qt.ItemDataRole.DisplayRole:
                return role_label(chosen)
            if role == Qt.ItemDataRole.EditRole:
                return str(chosen) if chosen else str(ColumnRole(Role.ABAIKAN))
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Peran kolom {col}: pilih dengan F2 atau klik").format(
                    col=get_column_letter(col)
                )
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ROLE_BACKGROUND)
            return None
        r = self.rows[index.row() - 1]
        text = cell_text(self.grid.value(r, col))
        if role == Qt.ItemDataRole.DisplayRole:
            line = text.splitlines()[0] if text else ""
            return line if len(line) <= 60 else line[:57] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        if role == Qt.ItemDataRole.BackgroundRole:
            fill = self.grid.fills.get((r, col))
            anchor = self.grid.anchor(r, col)
            if fill is None and anchor is not None:
                fill = self.grid.fills.get(anchor)
            if fill is not None and len(fill) == 6 and not fill.startswith("tema"):
                return QBrush(QColor("#" + fill))
            if r in self.header:
                return QBrush(HEADER_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.FontRole and r in self.header:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() != ROLE_ROW or role != Qt.ItemDataRole.EditRole:
            return False
        chosen = ColumnRole.parse(str(value))
        col = index.column() + 1
        if self.roles.get(col) == chosen:
            return True
        self.roles[col] = chosen
        self.dataChanged.emit(index, index)
        self.roleChosen.emit(col, chosen)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return get_column_letter(section + 1) if 0 <= section < self.width else None
        if section == ROLE_ROW:
            return tr("Peran")
        return str(self.rows[section - 1]) if 0 < section <= len(self.rows) else None


class RoleDelegate(QStyledItemDelegate):
    """A combo of the roles for the role row; a choice counts as soon as it is made."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """The combo, filled by setEditorData (which Qt calls next)."""
        combo = QComboBox(parent)
        combo.setObjectName("roleCombo")
        # Tab goes from one combo to the next through the view (the delegate's Tab, then the
        # view's edit()); out of the window's focus chain, a Tab on the table itself (after
        # the last column) leaves it for the preview and the buttons, not back into a combo.
        combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        combo.setAccessibleName(
            tr("Peran kolom {col}").format(col=get_column_letter(index.column() + 1))
        )
        combo.currentIndexChanged.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model = index.model()
        wanted = str(index.data(Qt.ItemDataRole.EditRole))
        with QSignalBlocker(editor):
            if isinstance(model, SheetPreviewModel) and editor.count() != len(model.choices):
                editor.clear()
                for choice in model.choices:
                    editor.addItem(role_label(choice), str(choice))
            editor.setCurrentIndex(max(0, editor.findData(wanted)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# Each column of the cells left out: its title and the LeftOut attribute it shows.
LEFT_OUT_COLUMNS = (
    (N_("Lembar"), "sheet"),
    (N_("Sel"), "cell"),
    (N_("Isi"), "value"),
    (N_("Alasan"), "why"),
)


class LeftOutModel(RowTableModel[LeftOut]):
    """The cells an import would leave out: sheet, cell, value, why."""

    def titles(self) -> tuple[str, ...]:
        return tuple(tr(title) for title, _attribute in LEFT_OUT_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return getattr(self._rows[index.row()], LEFT_OUT_COLUMNS[index.column()][1])
        return None
