"""Undoable roster edits: persons and memberships.

As in ``undo_commands``: ``redo`` does the work, the first time too; a step the file refuses
(someone changed or removed the row meanwhile, read-only file) marks the command obsolete, so
``QUndoStack.push`` drops it and the user sees the message from ``AppContext.try_run``. What the
first step produced is kept in ``outcome``, a plain object the panel can read after the push.
After every write the snapshot's teams are re-read before ``edited`` is announced.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from rbdesk.i18n import tr
from rbdesk.models.domain.roster_reads import plan_teams
from rbdesk.models.edits import roster_edit
from rbdesk.models.storage.store import Store
from rbdesk.ui.window.context import AppContext


def roster_op(ctx: AppContext, op: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a roster op so the snapshot's teams are fresh when ``edited`` is emitted."""
    def run(store: Store, *args: Any, **kwargs: Any) -> Any:
        result = op(store, *args, **kwargs)
        if ctx.tree is not None:
            ctx.tree.teams = plan_teams(ctx.store, ctx.plan_uuid)
        return result
    return run


@dataclass
class Outcome:
    ok: bool = False
    uuid: str = ""          # the new person or membership
    index: int | None = None


class _RosterCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.outcome = Outcome()
        self._done = False

    def _call(self, op: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
        ok, result = self.ctx.try_run(roster_op(self.ctx, op), *args, **kwargs)
        if not ok:
            self.setObsolete(True)
        return ok, result

    def redo(self) -> None:
        ok = self.do(first=not self._done)
        if not self._done:
            self.outcome.ok = ok
        self._done = True

    @abstractmethod
    def do(self, first: bool) -> bool:
        """Run the edit (``first``) or replay it on redo; False when it was refused."""


class AddPersonCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, fields: dict[str, str]) -> None:
        super().__init__(ctx, tr("Tambah orang {name}").format(name=fields.get("name", "")))
        self.fields = dict(fields)

    def do(self, first: bool) -> bool:
        if first:
            ok, uuid = self._call(roster_edit.add_person, **self.fields)
            self.outcome.uuid = uuid or ""
            return ok
        return self._call(roster_edit.restore_person, self.outcome.uuid, [])[0]

    def undo(self) -> None:
        self._call(roster_edit.delete_person, self.outcome.uuid)


class EditPersonCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, person_uuid: str, before: dict[str, str],
                 after: dict[str, str], version: int) -> None:
        super().__init__(ctx, tr("Ubah data {name}").format(name=after.get("name", "")))
        self.person_uuid, self.before, self.after = person_uuid, before, after
        self.version: int | None = version

    def _apply(self, fields: dict[str, str]) -> bool:
        ok, version = self._call(roster_edit.update_person, self.person_uuid, self.version,
                                 **fields)
        if ok:
            self.version = version
        return ok

    def do(self, first: bool) -> bool:
        return self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class RemovePersonCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, person_uuid: str, name: str, version: int) -> None:
        super().__init__(ctx, tr("Hapus orang {name}").format(name=name))
        self.person_uuid = person_uuid
        self.version: int | None = version
        self.memberships: list[str] = []

    def do(self, first: bool) -> bool:
        ok, gone = self._call(roster_edit.delete_person, self.person_uuid, self.version)
        self.version = None
        if ok:
            self.memberships = list(gone or [])
        return ok

    def undo(self) -> None:
        self._call(roster_edit.restore_person, self.person_uuid, self.memberships)


class AddMemberCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, team_uuid: str, person_uuid: str, role: str,
                 position: str | None, text: str) -> None:
        super().__init__(ctx, text)
        self.args = (team_uuid, person_uuid, role, position)

    def do(self, first: bool) -> bool:
        if first:
            ok, uuid = self._call(roster_edit.add_member, *self.args)
            self.outcome.uuid = uuid or ""
            return ok
        return self._call(roster_edit.restore_member, self.outcome.uuid, None)[0]

    def undo(self) -> None:
        self._call(roster_edit.remove_member, self.outcome.uuid)


class EditMemberCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, member_uuid: str, before: dict[str, str],
                 after: dict[str, str], version: int) -> None:
        super().__init__(ctx, tr("Ubah kedudukan"))
        self.member_uuid, self.before, self.after = member_uuid, before, after
        self.version: int | None = version

    def _apply(self, fields: dict[str, str]) -> bool:
        ok, version = self._call(roster_edit.update_member, self.member_uuid, self.version,
                                 **fields)
        if ok:
            self.version = version
        return ok

    def do(self, first: bool) -> bool:
        return self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class RemoveMemberCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, member_uuid: str, index: int, version: int,
                 text: str) -> None:
        super().__init__(ctx, text)
        self.member_uuid, self.index = member_uuid, index
        self.version: int | None = version

    def do(self, first: bool) -> bool:
        ok, _ = self._call(roster_edit.remove_member, self.member_uuid, self.version)
        self.version = None
        return ok

    def undo(self) -> None:
        self._call(roster_edit.restore_member, self.member_uuid, self.index)
