"""The plan as a tree model: area → activity → sub-activity → indicator, with 12 month columns.

A sub-activity whose only indicator has no text is one row that carries that indicator's schedule.
The model wraps the snapshot objects of ``PlanDocument.tree``; ``PlanSyncMixin`` keeps it in step
with edits and reloads without a reset.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    Qt,
    QTimer,
)

from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import level_name, level_names, target_text
from rbdesk.models.domain.month_cells import (
    STATE_SYMBOL,
    leaf_cell,
    leaf_spoken,
    leaf_tooltip,
    rollup_spoken,
    rollup_tooltip,
)
from rbdesk.models.domain.months import month_long, month_short
from rbdesk.models.domain.progress import month_state
from rbdesk.models.domain.statuses import Status
from rbdesk.models.domain.tree import gc_paused
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.plan_columns import (
    COL_CAPAIAN,
    COL_NO,
    COL_NOTE,
    COL_TEAM,
    COL_TEXT,
    COL_VERIFIED,
    COLUMN_COUNT,
    MIME_TYPE,
    WRITTEN_FIELD,
    WRITTEN_NAMES,
    column_month,
)
from rbdesk.ui.grid.plan_nodes import Node, count_rows
from rbdesk.ui.grid.plan_sync import PlanSyncMixin
from rbdesk.ui.operations import UndoStep, push
from rbdesk.ui.roles import ROOT, Index, Role
from rbdesk.ui.undo import plan_steps as uc
from rbdesk.ui.view_state import Mode, ViewState

SLICE_SECONDS = 0.004  # the rows not shown yet are made in slices this long, between events


class PlanModel(PlanSyncMixin):
    """Item model over the current snapshot of ``doc``; never creates widgets or loads bytes."""

    no_col, text_col, reported_col, verified_col = COL_NO, COL_TEXT, COL_CAPAIAN, COL_VERIFIED
    period = staticmethod(column_month)
    period_title = staticmethod(month_short)

    def __init__(self, doc: PlanDocument, state: ViewState, parent: Any = None) -> None:
        super().__init__(doc, parent)
        self.state = state
        self._flags: dict[tuple[int, bool, bool, bool, str], Qt.ItemFlag] = {}
        self._pending: list[Node] = []
        self._slicer = QTimer(self)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._build_slice)
        self._build()
        doc.nodesPatched.connect(self.on_nodes_patched)
        doc.treeReloaded.connect(self.sync)
        doc.childrenChanged.connect(self.sync_parents)
        doc.planChanged.connect(self.reset)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._new_root()
        with gc_paused():
            self._expand_now(self._root)  # the areas; deeper rows when the view unfolds them
        # The rest is made in short slices while the window waits for input, so that the
        # first search does not have to make them.
        self._pending = [self._root]
        self._slicer.start()

    def _build_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_SECONDS
        pending, nodes = self._pending, self._nodes
        while pending:
            node = pending.pop()
            if node is not self._root and nodes.get(node.nid) is not node:
                continue  # removed by a merge meanwhile
            self._expand_now(node)
            pending.extend(node.children)
            if time.perf_counter() > deadline:
                return
        self._slicer.stop()

    def made_nodes(self) -> list[Node]:
        """The rows made so far (see ``plan_nodes``)."""
        return list(self._nodes.values())

    def top_nodes(self) -> list[Node]:
        return self._root.children

    def row_total(self) -> int:
        """How many rows the whole plan has, made or not."""
        return count_rows(self.doc.tree)

    # -- Qt model API --------------------------------------------------------------------------

    def columnCount(self, parent: Index = ROOT) -> int:
        return COLUMN_COUNT

    def _titles(self) -> dict[int, str]:
        own = {COL_NOTE: tr("Keterangan"), COL_TEAM: tr("Tim")}
        return super()._titles() | own | {c: tr(n[0]) for c, n in WRITTEN_NAMES.items()}

    def _header_tip(self, section: int) -> str | None:
        month = column_month(section)
        if month:
            return month_long(month) + (tr(" (bulan ini)") if month == self.now_month else "")
        upto = min(max(self.now_month, 0), 12)
        if section in (COL_CAPAIAN, COL_VERIFIED):
            not_begun, upto_month = {
                COL_CAPAIAN: (
                    tr("Capaian: tahun rencana belum dimulai"),
                    tr(
                        "Capaian s.d. {m} seperti dilaporkan: selesai (sebagian = ½) dibagi "
                        "yang direncanakan"
                    ),
                ),
                COL_VERIFIED: (
                    tr("Capaian terverifikasi: tahun rencana belum dimulai"),
                    tr(
                        "Capaian terverifikasi s.d. {m}: hanya bulan yang bukti dukungnya "
                        "sudah ditinjau dan memenuhi"
                    ),
                ),
            }[section]
            return upto_month.format(m=month_long(upto)) if upto else not_begun
        if section == COL_TEXT:
            return " › ".join(self.level_names())
        names = WRITTEN_NAMES.get(section)
        return tr(names[2]) if names else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every row the view lays out: the combinations are few, so they are cached
        # (combining Qt flags is Python-level enum arithmetic).
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        node = self._nodes.get(index.internalId())
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        key = (
            index.column(),
            node.ind is not None,
            not self._has_children(node),
            self.doc.readonly,
            self.state.mode,
        )
        flags = self._flags.get(key)
        if flags is None:
            flags = self._flags[key] = self._compute_flags(*key)
        return flags

    @staticmethod
    def _compute_flags(
        col: int, leaf: bool, childless: bool, readonly: bool, mode: str
    ) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not readonly:
            text_cell = col in (COL_NO, COL_TEXT) or (col in (COL_NOTE, *WRITTEN_FIELD) and leaf)
            note_cell = bool(column_month(col)) and leaf and mode == Mode.REALISATION
            if text_cell or note_cell:
                flags |= Qt.ItemFlag.ItemIsEditable
            if col in (COL_NO, COL_TEXT):
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if leaf or childless:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def _text_data(self, node: Node, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            if col == COL_NO:
                return node.obj.label
            if col == COL_TEXT:
                return node.text
            if col == COL_NOTE and node.ind is not None:
                return node.ind.note
            if col in WRITTEN_FIELD and node.ind is not None:
                return getattr(node.ind, WRITTEN_FIELD[col])
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(node, col)
        return self._common_role(node, role)

    def _common_role(self, node: Node, role: int) -> Any:
        if role == Role.VERSION:
            return node.obj.version
        return super()._common_role(node, role)

    def _display(self, node: Node, col: int) -> str | None:
        if col == COL_NOTE:
            return node.ind.note.replace("\n", " ") if node.ind is not None else ""
        if col in WRITTEN_FIELD:
            return getattr(node.ind, WRITTEN_FIELD[col]) if node.ind is not None else ""
        if col == COL_TEAM:
            if node.kind != "area" or self.doc.tree is None:
                return ""
            team = self.doc.tree.team_for_area(node.uuid)
            return tr("Tim {label}").format(label=team.label) if team else ""
        return super()._display(node, col)

    def _tooltip(self, node: Node, col: int) -> str | None:
        if col == COL_TEAM and node.kind == "area" and self.doc.tree is not None:
            team = self.doc.tree.team_for_area(node.uuid)
            if team is None:
                return None
            members = "\n".join(f"• {m.person_name} ({m.role})" for m in team.members)
            return f"{team.name}\n{members}"
        if col == COL_TEXT:
            return "\n".join(
                [f"{self.level_name(node.kind)}: {self._display(node, col)}"] + self.details(node)
            )
        if col == COL_NOTE:
            return self._display(node, col) or ""
        if col in WRITTEN_FIELD and node.ind is not None:
            return "\n".join(self.details(node)) or None
        if col in (COL_CAPAIAN, COL_VERIFIED):
            tip: str = self.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            return tip
        return None

    def _spoken(self, node: Node, col: int) -> str | None:
        """The words a screen reader says for a text cell: its column's name first."""
        text = self._display(node, col)
        if col == COL_TEXT:
            return f"{self.level_name(node.kind)}: {text}"
        name = self.headerData(col, Qt.Orientation.Horizontal)
        return f"{name}: {text}" if name and text else text

    def level_names(self) -> tuple[str, str, str, str]:
        """The plan's own names of its four levels (the KPU's by default)."""
        tree = self.doc.tree
        return level_names(tree.level_names if tree is not None else [])

    def level_name(self, kind: str) -> str:
        tree = self.doc.tree
        return level_name(tree.level_names if tree is not None else [], kind)

    @staticmethod
    def details(node: Node) -> list[str]:
        """What the office wrote beside the row's indicator, a line each (its tooltip)."""
        ind = node.ind
        if ind is None:
            return []
        lines = []
        if target := target_text(ind.target, ind.target_unit):
            lines.append(tr("Target: {t}").format(t=target))
        if ind.responsible:
            linked = tr(" (daftar tim)") if ind.responsible_uuid else ""
            lines.append(tr("Penanggung jawab: {n}{l}").format(n=ind.responsible, l=linked))
        lines += [f"{name}: {value}" for name, value in ind.extra_columns]
        return lines

    # -- month cells ---------------------------------------------------------------------------

    def _period_data(self, node: Node, month: int, role: int) -> Any:
        ind = node.ind
        if ind is None:  # a parent row: its indicators' month rolled up
            r = self.rollups(node)[month - 1]
            if role == Role.CELL:
                return r
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{r.done}/{r.planned}" if r.planned else ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return rollup_tooltip(r, month)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return rollup_spoken(r, month)
            return self._common_role(node, role)
        if role == Role.CELL:
            return leaf_cell(ind, month, self.now_month)
        if role == Qt.ItemDataRole.DisplayRole:
            return STATE_SYMBOL[month_state(ind, month, self.now_month)]
        if role == Qt.ItemDataRole.EditRole:
            cell = ind.realisation.get(month)
            return cell.note if cell else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return leaf_tooltip(leaf_cell(ind, month, self.now_month), month)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return leaf_spoken(leaf_cell(ind, month, self.now_month), month)
        if role == Role.MONTH_STATE:
            return month_state(ind, month, self.now_month)
        if role == Role.STATUS:
            return ind.status(month)
        if role == Role.EVIDENCE:
            return ind.evidence.get(month, 0)
        if role == Role.REVIEW:
            return ind.review_state(month)
        return self._common_role(node, role)

    # -- editing -------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The one way the grid changes the file, always through the undo stack: text and
        notes (EditRole), a month's planned flag (Role.PLANNED) or status (Role.STATUS)."""
        node = self.node(index)
        if node is None:
            return False
        col = index.column()
        month = column_month(col)
        if role in (Role.PLANNED, Role.STATUS):
            ind = node.ind
            if not month or ind is None:
                return False
            if role == Role.PLANNED:
                if ind.is_planned(month) == bool(value):
                    return False
                if self.state.plan_locked:
                    self.doc.refused.emit(
                        tr(
                            "Bulan rencana terkunci: SK rencana ini sudah ditandatangani. Untuk "
                            "merevisinya pilih Ubah → Buka kunci rencana (Ctrl+Shift+K)."
                        )
                    )
                    return False
                return push(uc.SetPlannedCommand(self.doc, ind.uuid, month, bool(value))).ok
            if ind.status(month) == value:
                return False
            return push(uc.SetStatusCommand(self.doc, ind.uuid, month, str(value))).ok
        if role != Qt.ItemDataRole.EditRole:
            return False
        value = "" if value is None else str(value)
        cmd: UndoStep
        if month and node.ind is not None:
            cell = node.ind.realisation.get(month)
            if (cell.note if cell else "") == value:
                return False
            status = cell.status if cell else Status.BELUM
            cmd = uc.SetStatusCommand(self.doc, node.ind.uuid, month, status, value)
        elif col in (COL_NO, COL_TEXT):
            fld = "label" if col == COL_NO else ("text" if node.kind == "indicator" else "name")
            if getattr(node.obj, fld) == value:
                return False
            cmd = uc.SetFieldCommand(self.doc, node.kind, node.uuid, fld, value)
        elif col == COL_NOTE and node.ind is not None:
            if node.ind.note == value:
                return False
            cmd = uc.SetFieldCommand(self.doc, "indicator", node.ind.uuid, "note", value)
        elif col in WRITTEN_FIELD and node.ind is not None:
            field = WRITTEN_FIELD[col]
            if getattr(node.ind, field) == " ".join(value.split()):
                return False
            cmd = uc.SetIndicatorFieldCommand(self.doc, node.ind.uuid, field, value)
        else:
            return False
        return push(cmd).ok

    # -- drag and drop -------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        node = next((self.node(i) for i in indexes if self.node(i) is not None), None)
        if node is not None:
            data.setData(MIME_TYPE, f"{node.kind}:{node.uuid}".encode())
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        # The view performs the move as an undoable command; the model never moves rows itself.
        return False
