"""The item models and the list editor of the "Data SK" dialog: Menimbang, Mengingat, the diktum,
the paraf titles, a team's duties, and a team's members."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QSignalBlocker,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.ui.roles import ROOT, Index
from rbdesk.ui.row_table import RowTableModel

Labeller = Callable[[int], list[str]]
# What an entry's text is shown as: the list row, the editor's value and the tooltip.
TEXT_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole]


class EntryListModel(QAbstractListModel):
    """An ordered list of decree entries, each a dict with its ``text`` (and, for a diktum, its
    ``items``). Labels ("a.", "1.", "KESATU") are not stored per row: they follow the order, so
    moving a row renumbers the list the way the printed decree does."""

    def __init__(
        self,
        entries: Sequence[dict[str, Any]],
        labeller: Labeller | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._rows = [dict(e) for e in entries]
        self._labeller = labeller

    def reset(self, entries: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(e) for e in entries]
        self.endResetModel()

    def labels(self) -> list[str]:
        return self._labeller(len(self._rows)) if self._labeller else [""] * len(self._rows)

    def rowCount(self, parent: Index = ROOT) -> int:  # Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text = str(self._rows[index.row()].get("text", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            label = self.labels()[index.row()]
            line = " ".join(text.split()) or tr("(kosong)")
            return f"{label} {line}" if label else line
        if role in TEXT_ROLES:
            return text
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.set_field(index.row(), "text", str(value))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def field(self, row: int, key: str, default: Any = "") -> Any:
        return self._rows[row].get(key, default) if 0 <= row < len(self._rows) else default

    def set_field(self, row: int, key: str, value: Any) -> bool:
        if not 0 <= row < len(self._rows) or self._rows[row].get(key) == value:
            return False
        self._rows[row][key] = value
        self.dataChanged.emit(self.index(row), self.index(row), TEXT_ROLES)
        return True

    def _relabelled(self, first: int) -> None:
        if self._labeller and first < len(self._rows):
            self.dataChanged.emit(
                self.index(first), self.index(len(self._rows) - 1), [Qt.ItemDataRole.DisplayRole]
            )

    def insert(self, row: int, entry: dict[str, Any]) -> int:
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(ROOT, row, row)
        self._rows.insert(row, dict(entry))
        self.endInsertRows()
        self._relabelled(row + 1)
        return row

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(ROOT, row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._relabelled(row)

    def move(self, row: int, delta: int) -> bool:
        target = row + delta
        if delta == 0 or not 0 <= row < len(self._rows) or not 0 <= target < len(self._rows):
            return False
        # Qt counts the destination before the move: one further when moving down.
        self.beginMoveRows(ROOT, row, row, ROOT, target + 1 if delta > 0 else target)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self._relabelled(min(row, target))
        return True

    def entries(self) -> list[dict[str, Any]]:
        """The rows as the decree stores them, each with its label when the list has labels."""
        labels = self.labels()
        out = []
        for label, row in zip(labels, self._rows, strict=True):
            entry = dict(row)
            if self._labeller:
                entry["label"] = label
            out.append(entry)
        return out

    def texts(self) -> list[str]:
        return [str(r.get("text", "")) for r in self._rows]


class MemberTableModel(RowTableModel[dict[str, str]]):
    """A team's members: the name (kept in the persons list) and, editable here, the role and the
    position as printed in Lampiran I. The rows are the dialog's own dicts, so that edits land in
    its working copy."""

    COLUMNS = ("name", "role", "position")

    def titles(self) -> tuple[str, ...]:
        return (tr("Nama"), tr("Kedudukan dalam tim"), tr("Jabatan"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in TEXT_ROLES:
            return self._rows[index.row()].get(self.COLUMNS[index.column()], "")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        # The name belongs to the person: the Tim panel edits it.
        if index.isValid() and index.column() > 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        key = self.COLUMNS[index.column()]
        row = self._rows[index.row()]
        if row.get(key) == str(value):
            return False
        row[key] = str(value)
        self.dataChanged.emit(index, index, TEXT_ROLES)
        return True


class _OneLineDelegate(QStyledItemDelegate):
    """Rows as wide as the list, the text elided: a long legal basis would otherwise make the
    whole list scroll sideways."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(1, super().sizeHint(option, index).height())


class EntryListEditor(QWidget):
    """A list with Tambah / Hapus / Naik / Turun beside it and the chosen entry's text below
    (decree paragraphs are too long to edit in a list row)."""

    def __init__(
        self,
        model: EntryListModel,
        name: str,
        *,
        text_label: str = "",
        items_label: str = "",
        text_lines: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = model
        self.view = QListView(self)
        self.view.setObjectName(f"{name}View")
        self.view.setModel(model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(_OneLineDelegate(self.view))
        self.add_button = QPushButton(tr("Tambah"), self)
        self.remove_button = QPushButton(tr("Hapus"), self)
        self.up_button = QPushButton(tr("Naik"), self)
        self.down_button = QPushButton(tr("Turun"), self)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.view, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 3)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName(f"{name}Text")
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * text_lines + 12)
        if text_label:
            layout.addWidget(QLabel(text_label, self))
        layout.addWidget(self.text)
        self.items: QPlainTextEdit | None = None
        if items_label:
            layout.addWidget(QLabel(items_label, self))
            self.items = QPlainTextEdit(self)
            self.items.setObjectName(f"{name}Items")
            layout.addWidget(self.items, 2)
            self.items.textChanged.connect(self._items_edited)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        self.text.textChanged.connect(self._text_edited)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.show_current())
        if model.rowCount():
            self.select(0)
        self.show_current()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def show_current(self) -> None:
        row = self.current_row()
        for editor, value in (
            (self.text, self.model.field(row, "text")),
            (self.items, "\n".join(self.model.field(row, "items", []))),
        ):
            if editor is not None:
                with QSignalBlocker(editor):
                    editor.setPlainText(str(value))
                editor.setEnabled(row >= 0)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)

    def _text_edited(self) -> None:
        self.model.set_field(self.current_row(), "text", self.text.toPlainText())

    def _items_edited(self) -> None:
        if self.items is not None:
            lines = [line.strip() for line in self.items.toPlainText().splitlines()]
            self.model.set_field(self.current_row(), "items", [x for x in lines if x])

    def set_items(self, lines: list[str]) -> None:
        """Replace the chosen entry's sub-list (the diktum's team list)."""
        if self.items is not None and self.current_row() >= 0:
            self.items.setPlainText("\n".join(lines))

    def add(self) -> None:
        entry: dict[str, Any] = {"text": ""}
        if self.items is not None:
            entry["items"] = []
        row = self.model.insert(self.current_row() + 1, entry)
        self.select(row)
        self.text.setFocus()

    def remove(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.remove(row)
        if self.model.rowCount():
            self.select(min(row, self.model.rowCount() - 1))
        self.show_current()

    def move_row(self, delta: int) -> None:
        row = self.current_row()
        if self.model.move(row, delta):
            self.select(row + delta)
        self.show_current()
