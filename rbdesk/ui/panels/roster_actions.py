"""Adding, changing and removing persons, teams and their seats from the "Tim" panel.

Each edit goes through a dialog and lands on the undo stack as one command. A read-only file is
refused by the store, and the window shows that refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog, QWidget

from rbdesk.i18n import tr
from rbdesk.models.domain.roster_reads import (
    PersonInfo,
    find_member,
    find_team,
    seats_of,
    team_title,
)
from rbdesk.models.domain.tree import MemberNode, TeamNode
from rbdesk.models.edits import roster_edit
from rbdesk.ui.dialogs.common import confirm
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.operations import UndoStep, push
from rbdesk.ui.roles import Role
from rbdesk.ui.undo.roster_steps import (
    AddMemberCommand,
    AddPersonCommand,
    AddTeamCommand,
    DeleteTeamCommand,
    EditRowCommand,
    MoveMemberCommand,
    RemoveMemberCommand,
    RemovePersonCommand,
)


class RosterPanel(Protocol):
    """What these actions use of the "Tim" panel (``roster_dock.RosterDock``)."""

    doc: PlanDocument
    persons: list[PersonInfo]
    shown: tuple[str, str]

    def selected(self) -> tuple[str, QModelIndex]: ...
    def refresh(self) -> None: ...
    def choose(self, kind: str, uuid: str) -> None: ...
    def select_person(self, uuid: str) -> None: ...
    def select_team(self, uuid: str) -> None: ...
    def dialog_parent(self) -> QWidget: ...


def _teams(dock: RosterPanel) -> list[TeamNode]:
    return list(dock.doc.tree.teams) if dock.doc.tree else []


def add_person_dialog(dock: RosterPanel) -> None:
    from rbdesk.ui.dialogs import roster as roster_dialogs  # loaded on first use

    kind, index = dock.selected()
    team_uuid = index.data(Role.TEAM_UUID) or "" if kind in ("team", "member") else ""
    dialog = roster_dialogs.PersonDialog(dock.dialog_parent(), _teams(dock), team_uuid=team_uuid)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        team, role = dialog.seat()
        add_person(dock, dialog.fields(), team, role)


def add_person(dock: RosterPanel, fields: dict[str, Any], team_uuid: str, role: str) -> str | None:
    """Add a person (and seat them on a team, one undo step); returns the uuid."""
    stack = dock.doc.undo_stack
    if team_uuid:
        stack.beginMacro(tr("Tambah orang {name}").format(name=fields.get("name", "")))
    try:
        command = AddPersonCommand(dock.doc, fields)
        outcome = push(command)
        uuid = command.uuid if outcome.ok else ""
        dock.persons = roster_edit.list_persons(dock.doc.store)
        if uuid and team_uuid:
            add_member(dock, team_uuid, uuid, role, fields.get("position", ""))
    finally:
        if team_uuid:
            stack.endMacro()
    if not uuid:
        return None
    dock.refresh()
    dock.select_person(uuid)
    return uuid


def add_member_dialog(dock: RosterPanel) -> None:
    from rbdesk.ui.dialogs import roster as roster_dialogs  # loaded on first use

    kind, index = dock.selected()
    person = index.data(Role.PERSON_UUID) or "" if kind in ("member", "person") else ""
    team = index.data(Role.TEAM_UUID) or "" if kind in ("team", "member") else ""
    dialog = roster_dialogs.MemberDialog(
        dock.dialog_parent(), dock.persons, _teams(dock), person, team
    )
    if dialog.exec() == QDialog.DialogCode.Accepted:
        person_uuid, team_uuid, role, position = dialog.values()
        add_member(dock, team_uuid, person_uuid, role, position)


def add_member(
    dock: RosterPanel,
    team_uuid: str,
    person_uuid: str,
    role: str = "Anggota",
    position: str | None = None,
) -> str | None:
    """Seat a person on a team; returns the membership uuid."""
    team = find_team(dock.doc.tree, team_uuid)
    person = next((p.name for p in dock.persons if p.uuid == person_uuid), "")
    text = tr("Masukkan {name} ke {team}").format(
        name=person, team=team_title(team) if team else ""
    )
    command = AddMemberCommand(dock.doc, team_uuid, person_uuid, role, position, text)
    outcome = push(command)
    dock.refresh()
    return command.uuid if outcome.ok else None


def edit_selected(dock: RosterPanel) -> None:
    from rbdesk.ui.dialogs import roster as roster_dialogs  # loaded on first use

    kind, index = dock.selected()
    if kind == "team":
        team = find_team(dock.doc.tree, index.data(Role.TEAM_UUID) or "")
        if team is not None and dock.doc.tree is not None:
            team_dialog = roster_dialogs.TeamDialog(dock.dialog_parent(), dock.doc.tree.areas, team)
            if team_dialog.exec() == QDialog.DialogCode.Accepted:
                _kind, name, label, _area = team_dialog.values()
                rename_team(dock, team, name, label)
        return
    if kind == "member":
        found = find_member(dock.doc.tree, index.data(Role.UUID))
        if found is None:
            return
        team, pos = found
        m = team.members[pos]
        dialog = roster_dialogs.MemberDialog(
            dock.dialog_parent(),
            dock.persons,
            _teams(dock),
            m.person_uuid,
            team.uuid,
            m.role,
            m.position,
            editing=True,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            _p, _t, role, position = dialog.values()
            edit_member(dock, m.uuid, role, position, shown=m)
        return
    person = next((p for p in dock.persons if p.uuid == index.data(Role.PERSON_UUID)), None)
    if person is None:
        return
    person_dialog = roster_dialogs.PersonDialog(dock.dialog_parent(), _teams(dock), person)
    if person_dialog.exec() == QDialog.DialogCode.Accepted:
        edit_person(dock, person.uuid, person_dialog.fields(), shown=person)


# The dialog is modal while other PCs keep committing (the panel refreshes underneath it), so
# an edit is always judged against the row as it was when the dialog opened: its version and
# its values. Only the fields the user changed are sent; a colleague's change meanwhile makes
# the version check refuse the edit instead of being overwritten.
def edit_person(
    dock: RosterPanel, uuid: str, fields: dict[str, str], shown: PersonInfo | None = None
) -> bool:
    person = shown or next((p for p in dock.persons if p.uuid == uuid), None)
    if person is None:
        return False
    text = tr("Ubah data {name}").format(name=fields.get("name", person.name))
    return _edit_row(dock, roster_edit.update_person, person, fields, text)


def edit_member(
    dock: RosterPanel, member_uuid: str, role: str, position: str, shown: MemberNode | None = None
) -> bool:
    m = shown
    if m is None:
        found = find_member(dock.doc.tree, member_uuid)
        if found is None:
            return False
        m = found[0].members[found[1]]
    after = {"role": role, "position": position}
    return _edit_row(dock, roster_edit.update_member, m, after, tr("Ubah kedudukan"))


def _edit_row(
    dock: RosterPanel,
    update: Callable[..., int],
    row: PersonInfo | MemberNode | TeamNode,
    fields: dict[str, Any],
    text: str,
) -> bool:
    """Push the fields that differ from ``row`` as the dialog showed it (see above)."""
    before = {k: getattr(row, k) for k in fields}
    changed = {k: v for k, v in fields.items() if before[k] != v}
    if not changed:
        return True
    before = {k: before[k] for k in changed}
    return _push(
        dock, EditRowCommand(dock.doc, update, row.uuid, before, changed, row.version, text)
    )


def _push(dock: RosterPanel, command: UndoStep) -> bool:
    outcome = push(command)
    dock.refresh()
    return outcome.ok


def remove_selected(dock: RosterPanel) -> None:
    kind, index = dock.selected()
    if kind == "member":
        remove_member(dock, index.data(Role.UUID))
    elif kind == "team":
        remove_team(dock, index.data(Role.TEAM_UUID))
    elif kind == "person":
        remove_person(dock, index.data(Role.PERSON_UUID))


def remove_member(dock: RosterPanel, member_uuid: str) -> bool:

    found = find_member(dock.doc.tree, member_uuid)
    if found is None:
        return False
    team, pos = found
    m = team.members[pos]
    if not confirm(
        dock.dialog_parent(),
        tr("Keluarkan dari tim"),
        tr("Keluarkan {name} dari {team}?").format(name=m.person_name, team=team_title(team)),
    ):
        return False
    text = tr("Keluarkan {name} dari {team}").format(name=m.person_name, team=team_title(team))
    return _push(dock, RemoveMemberCommand(dock.doc, member_uuid, pos, m.version, text))


def remove_person(dock: RosterPanel, uuid: str) -> bool:

    person = next((p for p in dock.persons if p.uuid == uuid), None)
    if person is None:
        return False
    seats = seats_of(dock.doc.tree, uuid)
    text = tr("Hapus {name} dari daftar orang?").format(name=person.name)
    if seats:
        text += "\n" + tr("Ia juga dikeluarkan dari {n} tim.").format(n=len(seats))
    if not confirm(dock.dialog_parent(), tr("Hapus orang"), text):
        return False
    if dock.shown == ("person", uuid):
        dock.choose("", "")
    return _push(dock, RemovePersonCommand(dock.doc, uuid, person.name, person.version))


def add_team_dialog(dock: RosterPanel) -> None:
    from rbdesk.ui.dialogs import roster as roster_dialogs  # loaded on first use

    if dock.doc.tree is not None:
        dialog = roster_dialogs.TeamDialog(dock.dialog_parent(), dock.doc.tree.areas)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            add_team(dock, *dialog.values())


def add_team(
    dock: RosterPanel, kind: str, name: str, label: str = "", area_uuid: str = ""
) -> str | None:
    """Add a team to the plan's Lampiran I and select it; returns its uuid."""
    command = AddTeamCommand(dock.doc, kind, name, label, area_uuid)
    if not _push(dock, command):
        return None
    dock.select_team(command.uuid)
    return command.uuid


def rename_team(dock: RosterPanel, team: TeamNode, name: str, label: str) -> bool:
    text = tr("Ganti nama tim {name}").format(name=name)
    fields = {"name": name, "label": label}
    return _edit_row(dock, roster_edit.update_team, team, fields, text)


def remove_team(dock: RosterPanel, team_uuid: str) -> bool:
    team = find_team(dock.doc.tree, team_uuid)
    if team is None:
        return False
    question = tr("Hapus {team} dari Lampiran I?").format(team=team_title(team))
    if team.members:
        question += "\n" + tr("{n} anggotanya ikut dikeluarkan dari tim ini.").format(
            n=len(team.members)
        )
    if not confirm(dock.dialog_parent(), tr("Hapus tim"), question):
        return False
    if dock.shown == ("team", team_uuid):
        dock.choose("", "")
    text = tr("Hapus tim {team}").format(team=team_title(team))
    return _push(dock, DeleteTeamCommand(dock.doc, team_uuid, text))


def move_selected(dock: RosterPanel, delta: int) -> bool:
    """The selected member one place up (-1) or down (+1) in the team's order."""
    kind, index = dock.selected()
    found = find_member(dock.doc.tree, index.data(Role.UUID)) if kind == "member" else None
    if found is None or not 0 <= found[1] + delta < len(found[0].members):
        return False
    member = found[0].members[found[1]]
    text = tr("Pindahkan {name}").format(name=member.person_name)
    return _push(dock, MoveMemberCommand(dock.doc, member.uuid, delta, text))
