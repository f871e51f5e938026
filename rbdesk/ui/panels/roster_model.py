"""Item models of the roster panel: the decree's team tree, and the list of persons.

``RosterTreeModel``: Tim Pengarah / Tim Pelaksana (its Ketua, then one team per area) / Tim Agen
Perubahan, each with its members. ``PersonListModel``: every person once, with the teams they
sit on in this plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from rbdesk.i18n import tr
from rbdesk.models.domain.roster_reads import KIND_ORDER, PersonInfo, team_title
from rbdesk.models.domain.tree import MemberNode, TeamNode
from rbdesk.ui.roles import ROOT, Index, Role
from rbdesk.ui.row_table import RowTableModel


@dataclass
class _Node:
    kind: str
    parent: _Node | None
    team: TeamNode | None = None
    member: MemberNode | None = None
    title: str = ""
    children: list[_Node] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0

    def add(self, child: _Node) -> _Node:
        child.parent = self
        self.children.append(child)
        return child


class RosterTreeModel(QAbstractItemModel):
    COL_NAME, COL_ROLE, COL_POSITION = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node("root", None)

    def set_teams(self, teams: list[TeamNode]) -> None:
        self.beginResetModel()
        self._root = _Node("root", None)
        ordered = sorted(enumerate(teams), key=lambda p: (KIND_ORDER.get(p[1].kind, 9), p[0]))
        pelaksana: _Node | None = None
        for _seq, team in ordered:
            if team.kind == "area":
                if pelaksana is None:
                    pelaksana = self._root.add(_Node("group", None, title=tr("Tim Pelaksana")))
                self._team_node(pelaksana, team)
                continue
            node = self._team_node(self._root, team)
            if team.kind == "pelaksana" and pelaksana is None:
                pelaksana = node
        self.endResetModel()

    def _team_node(self, parent: _Node, team: TeamNode) -> _Node:
        node = parent.add(_Node("team", None, team=team))
        for m in team.members:
            node.add(_Node("member", None, team=team, member=m))
        return node

    def find(self, kind: str, uuid: str) -> QModelIndex:
        """The index of a team (by team uuid) or member (by membership uuid)."""
        stack = list(self._root.children)
        while stack:
            node = stack.pop(0)
            if node.kind == kind and _uuid(node) == uuid:
                return self.createIndex(node.row(), 0, node)
            stack.extend(node.children)
        return QModelIndex()

    def node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    # --- structure ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]  # stubs: overloads QObject.parent()
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = (tr("Nama"), tr("Kedudukan"), tr("Jabatan"))
            return names[section] if 0 <= section < 3 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if node.kind == "member" and node.member is not None:
                return (node.member.person_name, node.member.role, node.member.position)[col]
            if col == self.COL_NAME:
                return node.title if node.team is None else team_title(node.team)
            if col == self.COL_ROLE and node.team is not None:
                return tr("{n} anggota").format(n=len(node.team.members))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.kind == "member" and node.member is not None:
                return f"{node.member.person_name}\n{node.member.role}\n{node.member.position}"
            if node.team is not None:
                duties = "\n".join(f"• {d}" for d in node.team.duties)
                return f"{team_title(node.team)}\n{duties}".strip()
            return node.title
        if role == Qt.ItemDataRole.FontRole and node.kind != "member":
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.KIND:
            return node.kind
        if role == Role.UUID:
            return _uuid(node)
        if role == Role.PERSON_UUID:
            return node.member.person_uuid if node.member else None
        if role == Role.TEAM_UUID:
            return node.team.uuid if node.team else None
        return None


def _uuid(node: _Node) -> str:
    if node.member is not None:
        return node.member.uuid
    return node.team.uuid if node.team is not None else ""


class PersonListModel(RowTableModel[PersonInfo]):
    COL_NAME, COL_POSITION, COL_TEAMS = range(3)

    def titles(self) -> tuple[str, ...]:
        return (tr("Nama"), tr("Jabatan"), tr("Tim"))

    def row_of(self, uuid: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.uuid == uuid), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            teams = p.team_labels() or tr("(belum di tim)")
            return (p.name, p.position, teams)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            seats = "\n".join(f"• {team_title(s.team)} — {s.member.role}" for s in p.seats)
            if p.reviewer:
                seats += "\n" + tr("Boleh meninjau bukti dukung (peninjau)")
            return f"{p.name}\n{p.position}\n{seats}".strip()
        if role == Role.KIND:
            return "person"
        if role in (Role.UUID, Role.PERSON_UUID):
            return p.uuid
        return None
