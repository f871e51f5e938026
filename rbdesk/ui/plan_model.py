"""The plan as a tree model: area → activity → sub-activity → indicator, with 12 month columns.

A sub-activity whose only indicator has no text is one row that carries that indicator's schedule.
The model wraps the snapshot objects of ``AppContext.tree``; an edit patches one node and emits
``dataChanged`` for exactly that row and its ancestors, and a reloaded snapshot is merged in place
(rows inserted, removed and moved with begin/end calls) so selection, expansion and scroll survive.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from rbdesk.i18n import tr
from rbdesk.models.progress import MonthState, month_state
from rbdesk.models.tree import IndicatorNode, PlanTree, gc_paused
from rbdesk.ui.context import MODE_REALISATION, AppContext

COL_NO = 0
COL_TEXT = 1
COL_JAN = 2
COL_DEC = COL_JAN + 11
COL_NOTE = COL_DEC + 1
COL_TEAM = COL_NOTE + 1
COL_CAPAIAN = COL_TEAM + 1
COLUMN_COUNT = COL_CAPAIAN + 1

MONTH_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
MONTH_LONG = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")
KIND_NAMES = {"area": "Area perubahan", "activity": "Kegiatan", "sub_activity": "Sub kegiatan",
              "indicator": "Indikator"}
MIME_TYPE = "application/x-rbdesk-node"
ROOT = QModelIndex()


def month_column(month: int) -> int:
    return COL_JAN + month - 1


def column_month(column: int) -> int:
    """1..12 for a month column, 0 otherwise."""
    return column - COL_JAN + 1 if COL_JAN <= column <= COL_DEC else 0


class Role(IntEnum):
    UUID = Qt.ItemDataRole.UserRole + 1      # the row's own node uuid
    KIND = UUID + 1                           # "area" | "activity" | "sub_activity" | "indicator"
    INDICATOR_UUID = UUID + 2                 # the indicator carried by the row ("" for parents)
    CELL = UUID + 3                           # LeafCell or RollUp for month columns
    MONTH_STATE = UUID + 4                    # MonthState of a leaf month cell
    STATUS = UUID + 5                         # belum / sebagian / selesai of a leaf month cell
    EVIDENCE = UUID + 6                       # evidence count of a leaf month cell
    AREA_UUID = UUID + 7
    VERSION = UUID + 8


@dataclass(frozen=True)
class LeafCell:
    state: MonthState
    status: str
    evidence: int
    note: str
    current: bool


@dataclass(frozen=True)
class RollUp:
    """A parent's month cell: how many of its indicators are planned / done in that month."""

    planned: int = 0
    done: int = 0
    partial: int = 0
    late: int = 0
    extra: int = 0
    evidence: int = 0
    current: bool = False


STATE_TEXT = {
    MonthState.EMPTY: "",
    MonthState.PLANNED: tr("direncanakan"),
    MonthState.DUE: tr("direncanakan bulan ini, belum selesai"),
    MonthState.LATE: tr("terlambat: direncanakan, belum selesai"),
    MonthState.PARTIAL: tr("sebagian selesai"),
    MonthState.DONE: tr("selesai"),
    MonthState.UNPLANNED_DONE: tr("dikerjakan tanpa direncanakan"),
}
STATE_SYMBOL = {
    MonthState.EMPTY: "", MonthState.PLANNED: "○", MonthState.DUE: "!",
    MonthState.LATE: "✗", MonthState.PARTIAL: "◐", MonthState.DONE: "✓",
    MonthState.UNPLANNED_DONE: "+",
}


_CLOCK = [0]


def tick() -> int:
    """A new moment of the change clock (see ``Node.touched``)."""
    _CLOCK[0] += 1
    return _CLOCK[0]


def clock_now() -> int:
    """The change clock: every node created or invalidated after this moment is newer."""
    return _CLOCK[0]


class Node:
    """One grid row. ``touched`` is the change-clock moment it was made or last changed, so a
    filter computed at moment T knows which rows it has not judged yet."""

    __slots__ = ("nid", "kind", "obj", "ind", "parent", "children", "row", "area_uuid",
                 "_rollup", "_search", "touched")

    def __init__(self, nid: int, kind: str, obj: Any, ind: IndicatorNode | None,
                 parent: Node | None, area_uuid: str) -> None:
        self.nid = nid
        self.kind = kind
        self.obj = obj
        self.ind = ind
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0
        self.area_uuid = area_uuid
        self._rollup: list[RollUp] | None = None
        self._search: str | None = None
        self.touched = tick()

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.obj.uuid)

    @property
    def uuid(self) -> str:
        return self.obj.uuid

    @property
    def is_leaf(self) -> bool:
        """Carries a schedule: an indicator row, or a sub-activity shown as one row."""
        return self.ind is not None

    @property
    def text(self) -> str:
        return self.obj.text if self.kind == "indicator" else self.obj.name

    def indicators(self) -> list[IndicatorNode]:
        if self.ind is not None:
            return [self.ind]
        out: list[IndicatorNode] = []
        stack = [self]
        while stack:
            node = stack.pop()
            if node.ind is not None:
                out.append(node.ind)
            stack.extend(node.children)
        return out

    def search_text(self) -> str:
        if self._search is None:
            parts = [self.obj.label, self.text]
            if self.ind is not None:
                parts += [self.ind.text, self.ind.note]
            self._search = " ".join(parts).casefold()
        return self._search

    def invalidate(self) -> None:
        self._rollup = None
        self._search = None
        self.touched = tick()


def _collapsed(sub: Any) -> bool:
    return len(sub.indicators) == 1 and not sub.indicators[0].text.strip()


def _payload(node: Node) -> tuple:
    obj = node.obj
    own = (obj.label, node.text, obj.version)
    ind = node.ind
    if ind is None:
        return own
    return own + (ind.label, ind.text, ind.planned, ind.note, ind.version, ind.realisation,
                  ind.evidence)


class PlanModel(QAbstractItemModel):
    """Item model over the current snapshot of ``ctx``; never creates widgets or loads bytes."""

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids = itertools.count(1)
        self._nodes: dict[int, Node] = {}
        self._by_uuid: dict[str, Node] = {}
        self._root = Node(0, "plan", None, None, None, "")
        self._flags: dict[tuple, Qt.ItemFlag] = {}
        self.now_month = ctx.today_month()
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._build_all()
        ctx.nodesPatched.connect(self.on_nodes_patched)
        ctx.treeReloaded.connect(self.sync)
        ctx.childrenChanged.connect(self.sync_parents)
        ctx.planChanged.connect(self.reset)

    # -- building ------------------------------------------------------------------------------

    def _new(self, kind: str, obj: Any, ind: IndicatorNode | None, parent: Node,
             area_uuid: str) -> Node:
        node = Node(next(self._ids), kind, obj, ind, parent, area_uuid)
        self._nodes[node.nid] = node
        self._by_uuid[obj.uuid] = node
        self._fill(node)
        return node

    def _fill(self, top: Node) -> None:
        """Build the rows below ``top`` (a loop, not a call per row: 30,000 rows are common)."""
        nodes, by_uuid, ids = self._nodes, self._by_uuid, self._ids
        stack = [top]
        while stack:
            node = stack.pop()
            children = []
            for row, (kind, obj, ind, area) in enumerate(self._child_specs(node)):
                child = Node(next(ids), kind, obj, ind, node, area)
                child.row = row
                nodes[child.nid] = child
                by_uuid[obj.uuid] = child
                children.append(child)
            node.children = children
            stack.extend(children)

    def _child_specs(self, node: Node) -> list[tuple[str, Any, IndicatorNode | None, str]]:
        if node.kind == "plan":
            tree: PlanTree | None = node.obj
            return [("area", a, None, a.uuid) for a in tree.areas] if tree else []
        if node.kind == "area":
            return [("activity", a, None, node.area_uuid) for a in node.obj.activities]
        if node.kind == "activity":
            return [("sub_activity", s, s.indicators[0] if _collapsed(s) else None,
                     node.area_uuid) for s in node.obj.sub_activities]
        if node.kind == "sub_activity" and node.ind is None:
            return [("indicator", i, i, node.area_uuid) for i in node.obj.indicators]
        return []

    def _build_all(self) -> None:
        for node in self._nodes.values():   # no cycles left for the collector to find
            node.parent, node.children = None, []
        self._nodes.clear()
        self._by_uuid.clear()
        with gc_paused():
            self._root = Node(0, "plan", self.ctx.tree, None, None, "")
            self._fill(self._root)

    def reset(self, *_args: Any) -> None:
        self.beginResetModel()
        self.now_month = self.ctx.today_month()
        self._build_all()
        self.endResetModel()

    # -- lookups -------------------------------------------------------------------------------

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node | None:
        if not index.isValid():
            return None
        return self._nodes.get(index.internalId())

    def node_at(self, row: int, parent: QModelIndex) -> Node | None:
        pnode = self.node(parent) if parent.isValid() else self._root
        if pnode is None or not 0 <= row < len(pnode.children):
            return None
        return pnode.children[row]

    def index_of(self, uuid: str, column: int = 0) -> QModelIndex:
        node = self._by_uuid.get(uuid)
        if node is None:
            # An indicator folded into its sub-activity row is found through that row.
            ref = self.ctx.node(uuid)
            if ref is not None and ref.kind == "indicator":
                node = self._by_uuid.get(ref.parent_uuid)
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, column, node.nid)

    def _index(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, column, node.nid)

    # -- Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = ROOT) -> QModelIndex:
        if column < 0 or column >= COLUMN_COUNT or row < 0:
            return QModelIndex()
        pnode = self._nodes.get(parent.internalId()) if parent.isValid() else self._root
        if pnode is None or row >= len(pnode.children):
            return QModelIndex()
        return self.createIndex(row, column, pnode.children[row].nid)

    def parent(self, index: QModelIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.nid)

    def rowCount(self, parent: QModelIndex = ROOT) -> int:
        if parent.isValid():
            if parent.column() != 0:
                return 0
            node = self.node(parent)
            return len(node.children) if node else 0
        return len(self._root.children)

    def columnCount(self, parent: QModelIndex = ROOT) -> int:
        return COLUMN_COUNT

    def hasChildren(self, parent: QModelIndex = ROOT) -> bool:
        if not parent.isValid():
            return bool(self._root.children)
        if parent.column() != 0:
            return False
        node = self._nodes.get(parent.internalId())
        return node is not None and bool(node.children)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        month = column_month(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if month:
                return tr(MONTH_SHORT[month - 1])
            return {COL_NO: tr("No"), COL_TEXT: tr("Uraian"), COL_NOTE: tr("Keterangan"),
                    COL_TEAM: tr("Tim"), COL_CAPAIAN: tr("Capaian")}.get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            if month:
                extra = tr(" (bulan ini)") if month == self.now_month else ""
                return tr(MONTH_LONG[month - 1]) + extra
            if section == COL_CAPAIAN:
                upto = min(max(self.now_month, 0), 12)
                if upto == 0:
                    return tr("Capaian: tahun rencana belum dimulai")
                return tr("Capaian s.d. {m}: selesai (sebagian = ½) dibagi yang direncanakan") \
                    .format(m=tr(MONTH_LONG[upto - 1]))
            if section == COL_TEXT:
                return tr("Area perubahan, kegiatan, sub kegiatan, indikator keberhasilan")
        if role == Qt.ItemDataRole.FontRole and month and month == self.now_month:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and (month or section == COL_CAPAIAN):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # Asked for every row the view lays out: the combinations are few, so they are cached
        # (combining Qt flags is Python-level enum arithmetic).
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        node = self._nodes.get(index.internalId())
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        key = (index.column(), node.ind is not None, not node.children, self.ctx.readonly,
               self.ctx.mode)
        flags = self._flags.get(key)
        if flags is None:
            flags = self._flags[key] = self._compute_flags(*key)
        return flags

    @staticmethod
    def _compute_flags(col: int, leaf: bool, childless: bool, readonly: bool,
                       mode: str) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not readonly:
            text_cell = col in (COL_NO, COL_TEXT) or (col == COL_NOTE and leaf)
            note_cell = bool(column_month(col)) and leaf and mode == MODE_REALISATION
            if text_cell or note_cell:
                flags |= Qt.ItemFlag.ItemIsEditable
            if col in (COL_NO, COL_TEXT):
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if leaf or childless:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        month = column_month(col)
        if month:
            return self._month_data(node, month, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == COL_NO:
                return node.obj.label
            if col == COL_TEXT:
                return node.text
            if col == COL_NOTE and node.ind is not None:
                return node.ind.note
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, col)
        if role == Qt.ItemDataRole.FontRole:
            if node.kind == "area" and col in (COL_NO, COL_TEXT):
                return self._bold
            if node.kind == "indicator" and col == COL_TEXT and not node.text.strip():
                return self._italic
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_CAPAIAN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._common_role(node, role)

    def _common_role(self, node: Node, role: int) -> Any:
        if role == Role.UUID:
            return node.uuid
        if role == Role.KIND:
            return node.kind
        if role == Role.INDICATOR_UUID:
            return node.ind.uuid if node.ind is not None else ""
        if role == Role.AREA_UUID:
            return node.area_uuid
        if role == Role.VERSION:
            return node.obj.version
        return None

    def _display(self, node: Node, col: int) -> str | None:
        if col == COL_NO:
            return node.obj.label
        if col == COL_TEXT:
            text = node.text
            if not text.strip() and node.kind == "indicator":
                return tr("(indikator tanpa teks)")
            return text.replace("\n", " ")
        if col == COL_NOTE:
            return node.ind.note.replace("\n", " ") if node.ind is not None else ""
        if col == COL_TEAM:
            if node.kind != "area" or self.ctx.tree is None:
                return ""
            team = self.ctx.tree.team_for_area(node.uuid)
            return tr("Tim {label}").format(label=team.label) if team else ""
        if col == COL_CAPAIAN:
            return self.capaian_text(node)
        return None

    def _tooltip(self, node: Node, col: int) -> str | None:
        if col == COL_TEAM and node.kind == "area" and self.ctx.tree is not None:
            team = self.ctx.tree.team_for_area(node.uuid)
            if team is None:
                return None
            members = "\n".join(f"• {m.person_name} ({m.role})" for m in team.members)
            return f"{team.name}\n{members}"
        if col in (COL_TEXT, COL_NOTE):
            text = self._display(node, col) or ""
            return f"{tr(KIND_NAMES.get(node.kind, ''))}: {text}" if col == COL_TEXT else text
        if col == COL_CAPAIAN:
            return self.headerData(COL_CAPAIAN, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.ToolTipRole)
        return None

    # -- month cells ---------------------------------------------------------------------------

    def leaf_cell(self, ind: IndicatorNode, month: int) -> LeafCell:
        cell = ind.realisation.get(month)
        return LeafCell(month_state(ind, month, self.now_month),
                        cell.status if cell else "belum", ind.evidence.get(month, 0),
                        cell.note if cell else "", month == self.now_month)

    def rollups(self, node: Node) -> list[RollUp]:
        if node._rollup is None:
            counts = [[0, 0, 0, 0, 0, 0] for _ in range(12)]
            for ind in node.indicators():
                planned, real, ev = ind.planned, ind.realisation, ind.evidence
                for m in range(1, 13):
                    c = counts[m - 1]
                    cell = real.get(m)
                    status = cell.status if cell else "belum"
                    if planned & (1 << (m - 1)):
                        c[0] += 1
                        if status == "selesai":
                            c[1] += 1
                        else:
                            c[2] += status == "sebagian"
                            c[3] += m < self.now_month
                    elif status != "belum":
                        c[4] += 1
                    c[5] += ev.get(m, 0)
            node._rollup = [RollUp(*c, current=(i + 1 == self.now_month))
                            for i, c in enumerate(counts)]
        return node._rollup

    def _month_data(self, node: Node, month: int, role: int) -> Any:
        if role == Role.CELL:
            if node.ind is not None:
                return self.leaf_cell(node.ind, month)
            return self.rollups(node)[month - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            if node.ind is not None:
                return STATE_SYMBOL[month_state(node.ind, month, self.now_month)]
            r = self.rollups(node)[month - 1]
            return f"{r.done}/{r.planned}" if r.planned else ""
        if role == Qt.ItemDataRole.EditRole:
            if node.ind is None:
                return None
            cell = node.ind.realisation.get(month)
            return cell.note if cell else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._month_tooltip(node, month)
        if node.ind is not None:
            if role == Role.MONTH_STATE:
                return month_state(node.ind, month, self.now_month)
            if role == Role.STATUS:
                return node.ind.status(month)
            if role == Role.EVIDENCE:
                return node.ind.evidence.get(month, 0)
        return self._common_role(node, role)

    def _month_tooltip(self, node: Node, month: int) -> str:
        name = tr(MONTH_LONG[month - 1])
        if node.ind is None:
            r = self.rollups(node)[month - 1]
            if not r.planned and not r.extra:
                return tr("{m}: tidak ada yang direncanakan").format(m=name)
            text = tr("{m}: {done} dari {planned} selesai").format(m=name, done=r.done,
                                                                 planned=r.planned)
            if r.partial:
                text += tr(", {n} sebagian").format(n=r.partial)
            if r.late:
                text += tr(", {n} terlambat").format(n=r.late)
            if r.evidence:
                text += tr("; {n} bukti dukung").format(n=r.evidence)
            return text
        cell = self.leaf_cell(node.ind, month)
        parts = [STATE_TEXT[cell.state] or tr("tidak direncanakan")]
        if cell.evidence:
            parts.append(tr("{n} bukti dukung").format(n=cell.evidence))
        if cell.note:
            parts.append(tr("catatan: {note}").format(note=cell.note))
        return f"{name}: " + "; ".join(parts)

    def capaian(self, node: Node) -> float | None:
        upto = min(max(self.now_month, 0), 12)
        planned = score = 0.0
        for r in self.rollups(node)[:upto]:
            planned += r.planned
            score += r.done + 0.5 * r.partial
        return None if planned == 0 else 100.0 * score / planned

    def capaian_text(self, node: Node) -> str:
        value = self.capaian(node)
        return "–" if value is None else f"{value:.0f}%"

    # -- editing -------------------------------------------------------------------------------

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        from rbdesk.ui import undo_commands as uc

        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or self.ctx.readonly:
            return False
        value = "" if value is None else str(value)
        col = index.column()
        month = column_month(col)
        if month and node.ind is not None:
            cell = node.ind.realisation.get(month)
            if (cell.note if cell else "") == value:
                return False
            status = cell.status if cell else "belum"
            cmd = uc.SetStatusCommand(self.ctx, node.ind.uuid, month, status, value)
        elif col in (COL_NO, COL_TEXT):
            fld = "label" if col == COL_NO else ("text" if node.kind == "indicator" else "name")
            if getattr(node.obj, fld) == value:
                return False
            cmd = uc.SetFieldCommand(self.ctx, node.kind, node.uuid, fld, value)
        elif col == COL_NOTE and node.ind is not None:
            if node.ind.note == value:
                return False
            cmd = uc.SetFieldCommand(self.ctx, "indicator", node.ind.uuid, "note", value)
        else:
            return False
        return uc.push(self.ctx, cmd)

    def on_nodes_patched(self, uuids: list[str]) -> None:
        """Snapshot nodes changed in place: repaint exactly their rows and their ancestors'."""
        last = COLUMN_COUNT - 1
        for uuid in uuids:
            node = self._by_uuid.get(uuid)
            if node is None:
                ref = self.ctx.node(uuid)
                node = self._by_uuid.get(ref.parent_uuid) if ref else None
            if node is None:
                continue
            if self._shape_changed(node):
                self.sync()
                return
            node.invalidate()
            self.dataChanged.emit(self._index(node, 0), self._index(node, last))
            parent = node.parent
            while parent is not None and parent is not self._root:
                parent.invalidate()
                self.dataChanged.emit(self._index(parent, COL_JAN),
                                      self._index(parent, COL_CAPAIAN))
                parent = parent.parent

    def _shape_changed(self, node: Node) -> bool:
        """An indicator's text was set or cleared so its sub-activity folds or unfolds."""
        sub = node if node.kind == "sub_activity" else node.parent
        if sub is None or sub.kind != "sub_activity":
            return False
        return _collapsed(sub.obj) != (sub.ind is not None)

    # -- merging a reloaded snapshot in place ---------------------------------------------------

    def sync(self) -> None:
        """Merge ``ctx.tree`` (freshly loaded) into the model without a reset."""
        if self.ctx.tree is None or self._root.obj is None \
                or self.ctx.tree.uuid != self._root.obj.uuid:
            self.reset()
            return
        self.now_month = self.ctx.today_month()
        self._root.obj = self.ctx.tree
        changed: list[Node] = []
        with gc_paused():
            self._sync_children(self._root, changed)
        self._changed(changed)

    def _changed(self, changed: list[Node]) -> None:
        """Repaint changed rows, and the rolled-up cells of their ancestors once each."""
        dirty: dict[int, Node] = {}
        last = COLUMN_COUNT - 1
        for node in changed:
            if self._nodes.get(node.nid) is not node:
                continue    # removed again later in the same merge
            node.invalidate()
            self.dataChanged.emit(self._index(node, 0), self._index(node, last))
            parent = node.parent
            while parent is not None and parent is not self._root:
                dirty[parent.nid] = parent
                parent = parent.parent
        for parent in dirty.values():
            parent.invalidate()
            self.dataChanged.emit(self._index(parent, COL_JAN), self._index(parent, COL_CAPAIAN))

    def _forget(self, node: Node) -> None:
        stack = [node]
        while stack:
            n = stack.pop()
            self._nodes.pop(n.nid, None)
            if self._by_uuid.get(n.obj.uuid) is n:
                del self._by_uuid[n.obj.uuid]
            stack.extend(n.children)
            n.parent, n.children = None, []   # freed by reference counting, not the collector

    @staticmethod
    def _renumber(pnode: Node, start: int = 0) -> None:
        for row in range(start, len(pnode.children)):
            pnode.children[row].row = row

    def sync_parents(self, parent_uuids: list[str]) -> None:
        """Merge a structural edit: the snapshot child lists of these parents were patched.

        Only those parents are compared (rows inserted, removed and moved with begin/end
        calls), never the whole plan, so adding or deleting a row costs the same on any plan.
        """
        targets: list[tuple[Node, int]] = []
        for uuid in parent_uuids:
            if self._root.obj is not None and uuid == self._root.obj.uuid:
                targets.append((self._root, 1))
                continue
            node = self._by_uuid.get(uuid)
            if node is None:
                self.sync()
                return
            if node.kind == "sub_activity" and node.parent is not None:
                # Its indicators changed: it may fold into one row or unfold.
                targets.append((node.parent, 2))
            else:
                targets.append((node, 1))
        changed: list[Node] = []
        with gc_paused():
            for node, depth in targets:
                if self._nodes.get(node.nid) is node or node is self._root:
                    self._sync_children(node, changed, depth)
        self._changed(changed)

    def _sync_children(self, pnode: Node, changed: list[Node], depth: int | None = None) -> None:
        specs = self._child_specs(pnode)
        keys = [(k, o.uuid) for k, o, _i, _a in specs]
        wanted = set(keys)
        old = pnode.children
        pindex = self._index(pnode)
        i = len(old) - 1
        while i >= 0:
            if old[i].key in wanted:
                i -= 1
                continue
            j = i
            while j > 0 and old[j - 1].key not in wanted:
                j -= 1
            self.beginRemoveRows(pindex, j, i)
            for gone in old[j:i + 1]:
                self._forget(gone)
            del old[j:i + 1]
            self._renumber(pnode, j)
            self.endRemoveRows()
            if pnode is not self._root:
                changed.append(pnode)
            i = j - 1
        for pos, (kind, obj, ind, area) in enumerate(specs):
            key = keys[pos]
            if pos < len(old) and old[pos].key == key:
                continue
            j = next((k for k in range(pos + 1, len(old)) if old[k].key == key), -1)
            if j >= 0:
                self.beginMoveRows(pindex, j, j, pindex, pos)
                old.insert(pos, old.pop(j))
                self._renumber(pnode, pos)
                self.endMoveRows()
            else:
                self.beginInsertRows(pindex, pos, pos)
                old.insert(pos, self._new(kind, obj, ind, pnode, area))
                self._renumber(pnode, pos)
                self.endInsertRows()
                changed.append(old[pos])
        for child, (_kind, obj, ind, _area) in zip(old, specs, strict=True):
            before = _payload(child)
            child.obj, child.ind = obj, ind
            self._by_uuid[obj.uuid] = child
            if _payload(child) != before:
                changed.append(child)
            if depth is None:
                self._sync_children(child, changed)
            elif depth > 1:
                self._sync_children(child, changed, depth - 1)

    # -- drag and drop -------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        node = next((self.node(i) for i in indexes if self.node(i) is not None), None)
        if node is not None:
            data.setData(MIME_TYPE, f"{node.kind}:{node.uuid}".encode())
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex) -> bool:
        # The view performs the move as an undoable command; the model never moves rows itself.
        return False
