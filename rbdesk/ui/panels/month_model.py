"""Item models of the "Bulan ini" panel (and of the roster's "tugas bulan ini" list).

``MonthItemsModel`` is a two-level tree: a group row per kind (open, late, needing revision,
awaiting review, done), the indicators under it. ``AreaProgressModel`` is one row per area with
its capaian, painted as a bar by ``CapaianBarDelegate`` with the percentage always written
next to it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import DEFAULT_LEVEL_NAMES
from rbdesk.models.domain.month_cells import REVIEW_SYMBOL, REVIEW_TEXT, STATE_SYMBOL, state_text
from rbdesk.models.domain.month_overview import (
    ALL_GROUPS,
    GROUP_DONE,
    GROUP_LATE,
    GROUP_OPEN,
    GROUP_REVISION,
    GROUP_SUBMITTED,
    AreaProgress,
    MonthItem,
    MonthOverview,
    group_title,
)
from rbdesk.models.domain.months import month_long, month_short
from rbdesk.models.domain.progress import MonthState, format_percent
from rbdesk.ui.grid.month_delegate import REVIEW_INK
from rbdesk.ui.roles import ROOT, Index, Role
from rbdesk.ui.row_table import RowTableModel
from rbdesk.ui.view_state import ViewState

STATE_COLOUR = {
    MonthState.DONE: QColor("#1b7f3b"),
    MonthState.UNPLANNED_DONE: QColor("#1b7f3b"),
    MonthState.PARTIAL: QColor("#9a6700"),
    MonthState.DUE: QColor("#b35900"),
    MonthState.PLANNED: QColor("#555555"),
    MonthState.LATE: QColor("#b3261e"),
}


# A group longer than this starts folded: laying out tens of thousands of rows of a big plan
# costs the view real time, and a folded "Terlambat (12.345)" says as much at a glance.
EXPAND_LIMIT = 1000
_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LEAF_FLAGS = _ITEM_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


class MonthItemsModel(QAbstractItemModel):
    """State groups (internal id 0), each with its areas (internal id = group row + 1), each
    with its indicators (internal id = ITEM_BASE + group row * AREA_SPAN + area row).

    The group says the state ("Terlambat (12)") and the area row the area ("1. Manajemen
    Perubahan (4)"), so an item row gives its width to the indicator's text (with the state's
    symbol and colour in front) and the team that answers for it; the late months and evidence
    are in the row's tooltip."""

    COL_TEXT, COL_AREA, COL_TEAM = range(3)
    ITEM_BASE, AREA_SPAN = 1 << 20, 1 << 20

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._month = 1
        # (kind, [(area uuid, area title, items)])
        self._groups: list[tuple[str, list[tuple[str, str, list[MonthItem]]]]] = []
        self._teams: dict[str, str] = {}
        self._words()

    def _words(self) -> None:
        """Translated words looked up once per fill, not once per painted cell."""
        self._short = [month_short(m) for m in range(1, 13)]
        self._state_words = {state: state_text(state) for state in MonthState}
        self._bukti = tr("{n} bukti")

    def set_overview(
        self,
        overview: MonthOverview,
        kinds: tuple[str, ...] = ALL_GROUPS,
        teams: dict[str, str] | None = None,
    ) -> None:
        """``teams``: the short name of the team answering for each area (by area uuid)."""
        lists = {
            GROUP_OPEN: overview.open,
            GROUP_LATE: overview.late,
            GROUP_DONE: overview.done,
            GROUP_SUBMITTED: overview.submitted,
            GROUP_REVISION: overview.revision,
        }
        names = {a.uuid: f"{a.label}. {a.name}" if a.label else a.name for a in overview.areas}
        self.beginResetModel()
        self._words()
        self._month = overview.month
        self._teams = dict(teams or {})
        self._groups = []
        for kind in kinds:
            by_area: dict[str, list[MonthItem]] = {}
            for item in sorted(lists[kind], key=lambda i: _area_order(i.area_label)):
                by_area.setdefault(item.area_uuid, []).append(item)
            self._groups.append(
                (
                    kind,
                    [
                        (uuid, names.get(uuid, items[0].area_label), items)
                        for uuid, items in by_area.items()
                    ],
                )
            )
        self.endResetModel()

    def column_texts(self, column: int) -> set[str]:
        """Every distinct text of a short column (to size it without asking each row)."""
        items = [i for _k, areas in self._groups for _u, _t, its in areas for i in its]
        if column == self.COL_AREA:
            return {i.area_label for i in items}
        return {self._teams.get(i.area_uuid, "") for i in items}

    def clear(self) -> None:
        self.beginResetModel()
        self._groups = []
        self.endResetModel()

    def _where(self, index: Index) -> tuple[int, int, int]:
        """(group row, area row, item row); -1 for the levels below the index's own."""
        iid = index.internalId()
        if iid == 0:
            return index.row(), -1, -1
        if iid < self.ITEM_BASE:
            return iid - 1, index.row(), -1
        g, a = divmod(iid - self.ITEM_BASE, self.AREA_SPAN)
        return g, a, index.row()

    # --- structure ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        # Bounds checked here rather than through hasIndex(): the view asks once per row.
        if row < 0 or not 0 <= column < 3:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.column() != 0:
            return QModelIndex()
        g, a, i = self._where(parent)
        if i >= 0 or not 0 <= g < len(self._groups):
            return QModelIndex()
        areas = self._groups[g][1]
        if a < 0:
            return self.createIndex(row, column, g + 1) if row < len(areas) else QModelIndex()
        if a < len(areas) and row < len(areas[a][2]):
            return self.createIndex(row, column, self.ITEM_BASE + g * self.AREA_SPAN + a)
        return QModelIndex()

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]  # stubs: overloads QObject.parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        g, a, i = self._where(index)
        if i < 0:
            return self.createIndex(g, 0, 0)
        return self.createIndex(a, 0, g + 1)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0:
            return 0
        g, a, i = self._where(parent)
        if i >= 0:
            return 0
        areas = self._groups[g][1]
        return len(areas) if a < 0 else len(areas[a][2])

    def columnCount(self, parent: Index = ROOT) -> int:
        return 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _LEAF_FLAGS if index.internalId() >= self.ITEM_BASE else _ITEM_FLAGS

    def hasChildren(self, parent: Index = ROOT) -> bool:
        if not parent.isValid():
            return bool(self._groups)
        return (
            parent.column() == 0
            and parent.internalId() < self.ITEM_BASE
            and self.rowCount(parent) > 0
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Indikator"), tr("Area"), tr("Tim"))[section] if 0 <= section < 3 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        if index.internalId() < self.ITEM_BASE:
            return self._area_data(index, role)
        g, a, i = self._where(index)
        item = self._groups[g][1][a][2][i]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_TEXT:
                symbol = REVIEW_SYMBOL[item.review] if item.review else STATE_SYMBOL[item.state]
                return f"{symbol} {item.label} {item.text}".strip()
            if col == self.COL_AREA:
                return item.area_label
            if col == self.COL_TEAM:
                return self._teams.get(item.area_uuid, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            extra = (
                tr("{n} berkas bukti dukung").format(n=item.evidence)
                if item.evidence
                else tr("belum ada bukti dukung")
            )
            return f"{item.label} {item.text}\n{self._state_line(item)} · {extra}"
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_TEXT:
            colour = REVIEW_INK[item.review] if item.review else STATE_COLOUR.get(item.state)
            return QBrush(colour) if colour is not None else None
        if role == Role.UUID:
            return item.indicator_uuid
        if role == Role.MONTH:
            return item.months[0] if item.months else self._month
        if role == Role.MONTH_STATE:
            return str(item.state)
        if role == Role.REVIEW:
            return item.review
        if role == Role.KIND:
            return "item"
        return None

    def _state_line(self, item: MonthItem) -> str:
        if item.review:
            return tr("{s} {state}: {months}").format(
                s=REVIEW_SYMBOL[item.review],
                state=tr(REVIEW_TEXT[item.review]),
                months=", ".join(self._short[m - 1] for m in item.months),
            )
        text = self._state_words[item.state]
        if item.state is MonthState.LATE and item.months != (self._month,):
            text += " (" + ", ".join(self._short[m - 1] for m in item.months) + ")"
        if item.evidence:
            text += " · " + self._bukti.format(n=item.evidence)
        return text

    def _area_data(self, index: Index, role: int) -> Any:
        g, a, _i = self._where(index)
        uuid, title, items = self._groups[g][1][a]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{title} ({len(items)})"
        if role == Role.UUID:
            return uuid  # a click on the area row shows the area in the grid
        if role == Role.KIND:
            return "area"
        if role == Role.COUNT:
            return len(items)
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        kind, areas = self._groups[index.row()]
        items = [i for _u, _t, its in areas for i in its]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{group_title(kind, self._month)} ({len(items)})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.KIND:
            return kind
        if role == Role.COUNT:
            return len(items)
        return None


def _area_order(label: str) -> tuple[int, str]:
    digits = "".join(c for c in label if c.isdigit())
    return (int(digits) if digits else 10_000, label)


class WrappingDelegate(QStyledItemDelegate):
    """Item rows as tall as their text needs at the column's current width (Qt's own delegate
    measures one line and elides); group titles, which span the row, stay one line."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if index.internalId() < MonthItemsModel.ITEM_BASE:
            return size  # group and area titles: one line, spanning the row
        width = self.view.columnWidth(index.column()) - 3 * self.view.indentation() - 4
        text = str(index.data() or "")
        rect = option.fontMetrics.boundingRect(
            QRect(0, 0, max(width, 40), 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(size.width(), max(size.height(), rect.height() + 6))


def setup_items_view(view: QTreeView, model: MonthItemsModel, state: ViewState) -> None:
    """The indicator column takes the width and wraps; area and team stay narrow. Clicked or
    entered, a row goes to the grid (``go_to_item``)."""
    view.setModel(model)
    view.setIndentation(14)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setUniformRowHeights(False)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setItemDelegateForColumn(MonthItemsModel.COL_TEXT, WrappingDelegate(view))
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(MonthItemsModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
    for col in (MonthItemsModel.COL_AREA, MonthItemsModel.COL_TEAM):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
    # The area row above the items names it; the column stays for copying and sorting only.
    view.setColumnHidden(MonthItemsModel.COL_AREA, True)
    # A narrower or wider panel re-wraps the texts.
    header.sectionResized.connect(
        lambda col, _old, _new: view.doItemsLayout() if col == MonthItemsModel.COL_TEXT else None
    )
    view.clicked.connect(lambda index: go_to_item(state, index))
    view.activated.connect(lambda index: go_to_item(state, index))


def go_to_item(state: ViewState, index: QModelIndex) -> None:
    """An indicator goes to its cell of the month it is listed for (a late one to its first
    late month); an area row only to the area."""
    first = index.siblingAtColumn(0)
    uuid = first.data(Role.UUID)
    if uuid and first.data(Role.KIND) == "item":
        state.cellRequested.emit(uuid, int(first.data(Role.MONTH) or 0))
    elif uuid:
        state.selectRequested.emit(uuid)


def lay_out_items(view: QTreeView, unfold: tuple[str, ...] | None = None) -> None:
    """After a fill: group and area titles span their row; the groups (all, or those of the
    ``unfold`` kinds) short enough to lay out at once are unfolded; area and team get the width
    of their widest text, measured over the distinct texts (a handful), never row by row."""
    model = view.model()
    if not isinstance(model, MonthItemsModel):
        return
    for row, (kind, areas) in enumerate(model._groups):
        view.setFirstColumnSpanned(row, ROOT, True)
        group = model.index(row, 0)
        unfolded = unfold is None or kind in unfold
        short = sum(len(items) for _u, _t, items in areas) <= EXPAND_LIMIT
        if unfolded:
            view.setExpanded(group, short)
        for a in range(len(areas)):
            view.setFirstColumnSpanned(a, group, True)
            if unfolded:
                view.setExpanded(model.index(a, 0, group), short)
    metrics = view.fontMetrics()
    for col in (MonthItemsModel.COL_AREA, MonthItemsModel.COL_TEAM):
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        widest = max(metrics.horizontalAdvance(t) for t in model.column_texts(col) | {title})
        view.header().resizeSection(col, widest + 14)


class AreaProgressModel(RowTableModel[AreaProgress]):
    """Capaian per area up to the chosen month."""

    COL_AREA, COL_BAR = range(2)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._month = 1
        self._area_name = DEFAULT_LEVEL_NAMES[0]

    def titles(self) -> tuple[str, ...]:
        return (tr(self._area_name), tr("Capaian s.d. {m}").format(m=month_short(self._month)))

    def set_areas(self, areas: list[AreaProgress], month: int, area_name: str) -> None:
        """The rows, the month they count up to and the plan's name of its areas."""
        self._month = month
        self._area_name = area_name
        self.set_rows(areas)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        tally = row.tally
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_AREA:
                return f"{row.label}. {row.name}" if row.label else row.name
            if col == self.COL_BAR:
                return format_percent(row.percent)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(
                "{label}. {name}\nCapaian s.d. {m}: {p} (terverifikasi {v})\n"
                "Direncanakan {planned} bulan-kegiatan, selesai {done}, sebagian "
                "{partial}, terlambat {late}"
            ).format(
                label=row.label,
                name=row.name,
                m=month_long(self._month),
                p=format_percent(row.percent),
                v=format_percent(row.verified.percent),
                planned=tally.planned,
                done=tally.done,
                partial=tally.partial,
                late=tally.late,
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_AREA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.PERCENT:
            return row.percent
        if role == Role.UUID:
            return row.uuid
        if role == Role.COUNT:
            return tally.late
        return None


class CapaianBarDelegate(QStyledItemDelegate):
    """A horizontal bar for the percentage, with the number written beside it."""

    BAR = QColor("#2f6db5")
    TRACK = QColor("#e3e8ef")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        text = opt.text
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        percent = index.data(Role.PERCENT)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = opt.rect.adjusted(4, 4, -4, -4)
        text_width = opt.fontMetrics.horizontalAdvance("100%") + 6
        bar = QRect(rect.left(), rect.top(), max(10, rect.width() - text_width), rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.TRACK)
        painter.drawRoundedRect(bar, 3, 3)
        if percent is not None and percent > 0:
            filled = QRect(
                bar.left(),
                bar.top(),
                max(2, round(bar.width() * min(percent, 100.0) / 100.0)),
                bar.height(),
            )
            painter.setBrush(self.BAR)
            painter.drawRoundedRect(filled, 3, 3)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        text_rect = QRect(bar.right() + 4, rect.top(), text_width, rect.height())
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 140), max(size.height(), 22))
