"""Undoable roster edits: persons, teams and memberships. After every write the snapshot's teams are
re-read before ``edited`` is announced."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from rbdesk.i18n import tr
from rbdesk.models.domain.roster_reads import plan_teams
from rbdesk.models.edits import roster_edit
from rbdesk.models.storage.store import Store
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.operations import Done, Outcome, UndoStep

T = TypeVar("T")
P = ParamSpec("P")


class _RosterCommand(UndoStep):
    def __init__(self, doc: PlanDocument, text: str) -> None:
        super().__init__(doc, text)
        self.uuid = ""  # the new person or membership

    def roster_call(
        self, op: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Outcome[T]:
        """Run a roster op so that the snapshot's teams are fresh when ``edited`` is emitted."""
        doc = self.doc

        def with_teams(store: Store) -> T:
            result = op(store, *args, **kwargs)
            if doc.tree is not None:
                doc.tree.teams = plan_teams(store, doc.plan_uuid)
            return result

        return self.call(with_teams)


class AddPersonCommand(_RosterCommand):
    def __init__(self, doc: PlanDocument, fields: dict[str, Any]) -> None:
        super().__init__(doc, tr("Tambah orang {name}").format(name=fields.get("name", "")))
        self.fields = dict(fields)

    def step(self, first: bool) -> None:
        if first:
            # The person dialog's fields: name, position, unit, nip, reviewer.
            added = self.roster_call(roster_edit.add_person, **self.fields)
            self.uuid = added.value if isinstance(added, Done) else ""
        else:
            self.roster_call(roster_edit.restore_person, self.uuid, [])

    def unstep(self) -> None:
        self.roster_call(roster_edit.delete_person, self.uuid)


class EditRowCommand(_RosterCommand):
    """Changed fields of a person (``roster_edit.update_person``) or of a seat on a team
    (``update_member``), checked against the version the dialog showed."""

    def __init__(
        self,
        doc: PlanDocument,
        update: Callable[..., int],
        uuid: str,
        before: dict[str, str],
        after: dict[str, str],
        version: int,
        text: str,
    ) -> None:
        super().__init__(doc, text)
        self.update, self.row_uuid, self.forward, self.backward = update, uuid, after, before
        self.version: int | None = version

    def apply(self, fields: dict[str, str]) -> None:
        done = self.roster_call(self.update, self.row_uuid, self.version, **fields)
        if isinstance(done, Done):
            self.version = done.value


class RemovePersonCommand(_RosterCommand):
    def __init__(self, doc: PlanDocument, person_uuid: str, name: str, version: int) -> None:
        super().__init__(doc, tr("Hapus orang {name}").format(name=name))
        self.person_uuid = person_uuid
        self.version: int | None = version
        self.memberships: list[str] = []

    def step(self, first: bool) -> None:
        gone = self.roster_call(roster_edit.delete_person, self.person_uuid, self.version)
        self.version = None
        if isinstance(gone, Done):
            self.memberships = list(gone.value or [])

    def unstep(self) -> None:
        self.roster_call(roster_edit.restore_person, self.person_uuid, self.memberships)


class AddMemberCommand(_RosterCommand):
    def __init__(
        self,
        doc: PlanDocument,
        team_uuid: str,
        person_uuid: str,
        role: str,
        position: str | None,
        text: str,
    ) -> None:
        super().__init__(doc, text)
        self.args = (team_uuid, person_uuid, role, position)

    def step(self, first: bool) -> None:
        if first:
            added = self.roster_call(roster_edit.add_member, *self.args)
            self.uuid = added.value if isinstance(added, Done) else ""
        else:
            self.roster_call(roster_edit.restore_member, self.uuid, None)

    def unstep(self) -> None:
        self.roster_call(roster_edit.remove_member, self.uuid)


class RemoveMemberCommand(_RosterCommand):
    def __init__(
        self, doc: PlanDocument, member_uuid: str, index: int, version: int, text: str
    ) -> None:
        super().__init__(doc, text)
        self.member_uuid, self.index = member_uuid, index
        self.version: int | None = version

    def step(self, first: bool) -> None:
        self.roster_call(roster_edit.remove_member, self.member_uuid, self.version)
        self.version = None

    def unstep(self) -> None:
        self.roster_call(roster_edit.restore_member, self.member_uuid, self.index)


class AddTeamCommand(_RosterCommand):
    def __init__(self, doc: PlanDocument, kind: str, name: str, label: str, area: str) -> None:
        super().__init__(doc, tr("Tambah tim {name}").format(name=name))
        self.args = (doc.plan_uuid, kind, name, label, area or None)

    def step(self, first: bool) -> None:
        if first:
            added = self.roster_call(roster_edit.add_team, *self.args)
            self.uuid = added.value if isinstance(added, Done) else ""
        else:
            self.roster_call(roster_edit.restore_team, self.uuid)

    def unstep(self) -> None:
        self.roster_call(roster_edit.delete_team, self.uuid)


class DeleteTeamCommand(_RosterCommand):
    def __init__(self, doc: PlanDocument, team_uuid: str, text: str) -> None:
        super().__init__(doc, text)
        self.uuid = team_uuid

    def step(self, first: bool) -> None:
        self.roster_call(roster_edit.delete_team, self.uuid)

    def unstep(self) -> None:
        self.roster_call(roster_edit.restore_team, self.uuid)


class MoveMemberCommand(_RosterCommand):
    """One seat up (-1) or down (+1) in its team's order, as the decree lists them."""

    def __init__(self, doc: PlanDocument, member_uuid: str, delta: int, text: str) -> None:
        super().__init__(doc, text)
        self.uuid, self.delta = member_uuid, delta

    def step(self, first: bool) -> None:
        moved = self.roster_call(roster_edit.move_member, self.uuid, self.delta)
        if isinstance(moved, Done) and not moved.value:
            self.refuse()  # already first or last: nothing to undo

    def unstep(self) -> None:
        self.roster_call(roster_edit.move_member, self.uuid, -self.delta)
