"""Undoable edits: each command calls one domain operation and patches or reloads the snapshot.

A command whose first ``redo`` fails (conflict, read-only file, ...) marks itself obsolete, so
``QUndoStack.push`` drops it; the user has already seen the message from ``AppContext.run``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.hierarchy import level_title
from rbdesk.models.domain.months import month_short, with_month
from rbdesk.models.edits import plan_edit
from rbdesk.models.edits.realisation import set_status
from rbdesk.models.edits.review import review_month
from rbdesk.ui.window.context import AppContext

FIELD_NAMES = {"label": N_("nomor"), "name": N_("uraian"), "text": N_("uraian"),
               "note": N_("keterangan")}


def push(ctx: AppContext, cmd: _Command) -> bool:
    """Push and tell whether the edit was saved (never touches a command the stack deleted)."""
    outcome = cmd.outcome
    ctx.undo_stack.push(cmd)
    return outcome["ok"]


class _Command(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        # Plain Python state the caller can read after push(): QUndoStack deletes a command that
        # is obsolete after redo, so its C++ side must not be touched then.
        self.outcome = {"ok": True}

    def _call(self, op: Any, *args: Any, **kwargs: Any) -> tuple[bool, Any]:
        ok, result = self.ctx.try_run(op, *args, **kwargs)
        if not ok:
            self.outcome["ok"] = False
            # Failed first time: drop it from the stack. Failed later: the stack moves on and the
            # view already shows the fresh state, so this step is dropped too.
            self.setObsolete(True)
        return ok, result

    def _version(self, uuid: str) -> int | None:
        ref = self.ctx.node(uuid)
        return ref.node.version if ref else None


class SetPlannedCommand(_Command):
    """Rencana mode: plan or unplan one month of an indicator."""

    def __init__(self, ctx: AppContext, indicator_uuid: str, month: int, planned: bool) -> None:
        verb = tr("Tandai rencana {m}") if planned else tr("Hapus rencana {m}")
        super().__init__(ctx, verb.format(m=month_short(month)))
        self.uuid, self.month, self.planned = indicator_uuid, month, planned

    def _apply(self, planned: bool) -> None:
        ok, version = self._call(plan_edit.set_planned, self.uuid, self.month, planned,
                                 expected_version=self._version(self.uuid))
        ind = self.ctx.indicator(self.uuid)
        if ok and ind is not None:
            mask = with_month(ind.planned, self.month, planned)
            self.ctx.patch(self.uuid, planned=mask, version=version)

    def redo(self) -> None:
        self._apply(self.planned)

    def undo(self) -> None:
        self._apply(not self.planned)


class SetStatusCommand(_Command):
    """Realisasi mode: record belum / sebagian / selesai (and the note) of one month."""

    def __init__(self, ctx: AppContext, indicator_uuid: str, month: int, status: str,
                 note: str | None = None) -> None:
        ind = ctx.indicator(indicator_uuid)
        cell = ind.realisation.get(month) if ind else None
        self.old_status = cell.status if cell else "belum"
        self.old_note = cell.note if cell else ""
        # A change submits a reviewed month again (edits.review); undoing the change gives the
        # reviewer's verdict back, since the month is again what the reviewer saw.
        self.old_review = (cell.review_state, cell.review_note, cell.reviewed_by,
                           cell.reviewed_at) if cell else ("", "", "", "")
        if note is not None and status == self.old_status:
            text = tr("Catatan realisasi {m}")
        else:
            text = tr("Realisasi {m}: {s}")
        super().__init__(ctx, text.format(m=month_short(month), s=tr(status)))
        self.uuid, self.month, self.status, self.note = indicator_uuid, month, status, note

    def _apply(self, status: str, note: str | None) -> None:
        ind = self.ctx.indicator(self.uuid)
        cell = ind.realisation.get(self.month) if ind else None
        ok, _version = self._call(set_status, self.uuid, self.month, status, note,
                                  expected_version=cell.version if cell else 0)
        if ok:
            self.ctx.refresh_indicator(self.uuid)

    def redo(self) -> None:
        self._apply(self.status, self.note)

    def undo(self) -> None:
        self._apply(self.old_status, self.old_note if self.note is not None else None)
        state, note, by, at = self.old_review
        ind = self.ctx.indicator(self.uuid)
        cell = ind.realisation.get(self.month) if ind else None
        if state not in ("", "diajukan") and cell is not None and cell.review_state != state \
                and (cell.status, cell.note) == (self.old_status, self.old_note):
            ok, _version = self._call(review_month, self.uuid, self.month, state, note, by,
                                      expected_version=cell.version, at=at)
            if ok:
                self.ctx.refresh_indicator(self.uuid)


class SetFieldCommand(_Command):
    """Rename a node, renumber it, or edit an indicator's keterangan."""

    def __init__(self, ctx: AppContext, entity: str, uuid: str, field: str, value: str) -> None:
        ref = ctx.node(uuid)
        self.old = getattr(ref.node, field) if ref else ""
        super().__init__(ctx, tr("Ubah {f} {e}").format(f=tr(FIELD_NAMES.get(field, field)),
                                                       e=level_title(entity).lower()))
        self.entity, self.uuid, self.field, self.value = entity, uuid, field, value

    def _apply(self, value: str) -> None:
        ok, version = self._call(plan_edit.set_field, self.entity, self.uuid, self.field, value,
                                 expected_version=self._version(self.uuid))
        if ok:
            self.ctx.patch(self.uuid, **{self.field: value, "version": version})

    def redo(self) -> None:
        self._apply(self.value)

    def undo(self) -> None:
        self._apply(self.old)


class AddNodeCommand(_Command):
    def __init__(self, ctx: AppContext, entity: str, parent_uuid: str, index: int | None,
                 text: str, label: str = "") -> None:
        super().__init__(ctx, tr("Tambah {e}").format(e=level_title(entity).lower()))
        self.entity, self.parent_uuid, self.index = entity, parent_uuid, index
        self.text, self.label = text, label
        self.uuid = ""
        self.gone: list[str] = []

    def redo(self) -> None:
        if not self.uuid:
            ok, uuid = self._call(plan_edit.add_node, self.entity, self.parent_uuid, self.text,
                                  self.label, self.index)
            self.uuid = uuid or ""
        else:
            ok, _ = self._call(plan_edit.restore_nodes, self.entity, self.gone, self.index)
        if ok:
            self.ctx.refresh_children([self.parent_uuid])
            self.ctx.selectRequested.emit(self.uuid)

    def undo(self) -> None:
        ok, gone = self._call(plan_edit.delete_node, self.entity, self.uuid)
        if ok:
            self.gone = gone
            self.ctx.refresh_children([self.parent_uuid])
            self.ctx.selectRequested.emit(self.parent_uuid)


class DeleteNodeCommand(_Command):
    def __init__(self, ctx: AppContext, entity: str, uuid: str, index: int,
                 parent_uuid: str) -> None:
        super().__init__(ctx, tr("Hapus {e}").format(e=level_title(entity).lower()))
        self.entity, self.uuid, self.index, self.parent_uuid = entity, uuid, index, parent_uuid
        self.gone: list[str] = []

    def redo(self) -> None:
        ok, gone = self._call(plan_edit.delete_node, self.entity, self.uuid,
                              expected_version=self._version(self.uuid))
        if ok:
            self.gone = gone
            self.ctx.refresh_children([self.parent_uuid])
            self.ctx.selectRequested.emit(self.parent_uuid)

    def undo(self) -> None:
        ok, _ = self._call(plan_edit.restore_nodes, self.entity, self.gone, self.index)
        if ok:
            self.ctx.refresh_children([self.parent_uuid])
            self.ctx.selectRequested.emit(self.uuid)


class MoveCommand(_Command):
    """Move up (delta -1) or down (+1) among siblings."""

    def __init__(self, ctx: AppContext, entity: str, uuid: str, delta: int) -> None:
        super().__init__(ctx, tr("Pindahkan {e} ke atas") if delta < 0
                         else tr("Pindahkan {e} ke bawah"))
        self.setText(self.text().format(e=level_title(entity).lower()))
        self.entity, self.uuid, self.delta = entity, uuid, delta

    def _apply(self, delta: int) -> None:
        ref = self.ctx.node(self.uuid)
        ok, moved = self._call(plan_edit.move_within, self.entity, self.uuid, delta)
        if ok and not moved:
            self.outcome["ok"] = False
            self.setObsolete(True)
        if ok:
            if ref is not None:
                self.ctx.refresh_children([ref.parent_uuid])
            else:
                self.ctx.reload()
            self.ctx.selectRequested.emit(self.uuid)

    def redo(self) -> None:
        self._apply(self.delta)

    def undo(self) -> None:
        self._apply(-self.delta)


class ReparentCommand(_Command):
    """Indent, outdent, or drag a node under another parent of the right level."""

    def __init__(self, ctx: AppContext, entity: str, uuid: str, new_parent: str,
                 new_index: int | None, old_parent: str, old_index: int,
                 text: str | None = None) -> None:
        super().__init__(ctx, text or tr("Pindahkan {e}").format(e=level_title(entity).lower()))
        self.entity, self.uuid = entity, uuid
        self.new_parent, self.new_index = new_parent, new_index
        self.old_parent, self.old_index = old_parent, old_index

    def _apply(self, parent: str, index: int | None) -> None:
        ref = self.ctx.node(self.uuid)
        ok, _ = self._call(plan_edit.reparent, self.entity, self.uuid, parent, index)
        if ok:
            if ref is not None:   # the parent it leaves first, then the one it joins
                self.ctx.refresh_children([ref.parent_uuid, parent])
            else:
                self.ctx.reload()
            self.ctx.selectRequested.emit(self.uuid)

    def redo(self) -> None:
        self._apply(self.new_parent, self.new_index)

    def undo(self) -> None:
        self._apply(self.old_parent, self.old_index)


class _PlanCommand(_Command):
    """A command that makes, deletes or restores a whole plan, and then shows another one. It is
    pushed right after the switch that cleared the stack, so nothing below it names rows of
    another plan: the switches it makes keep the stack, and with it this command's redo."""

    def _show(self, plan_uuid: str) -> None:
        # after undo()/redo() returns: the window reloads while the stack is still busy with it
        QTimer.singleShot(0, lambda: self.ctx.set_plan(plan_uuid, keep_undo=True))


class DeletePlanCommand(_PlanCommand):
    """A whole plan deleted (already, by the caller, who then switched to another plan and so
    began a fresh undo stack). Undo brings it back and shows it again."""

    def __init__(self, ctx: AppContext, plan_uuid: str, name: str, other_uuid: str) -> None:
        super().__init__(ctx, tr("Hapus rencana {name}").format(name=name))
        self.plan_uuid, self.other_uuid = plan_uuid, other_uuid
        self.done = True
        self.mark = 0

    def redo(self) -> None:
        if self.done:
            return
        ok, _ = self._call(plan_edit.delete_plan, self.plan_uuid, untouched_since=self.mark)
        if ok:
            self.done = True
            self._show(self.other_uuid)

    def undo(self) -> None:
        ok, _ = self._call(plan_edit.restore_plan, self.plan_uuid)
        if ok:
            self.done = False
            self.mark = plan_edit.change_mark(self.ctx.store)
            self._show(self.plan_uuid)



class CopyPlanCommand(_PlanCommand):
    """Next year's plan, already made by the caller (who then switched to it and so began a
    fresh undo stack). Undo tombstones it and shows the plan it came from; redo brings it back."""

    def __init__(self, ctx: AppContext, plan_uuid: str, name: str, source_uuid: str,
                 mark: int) -> None:
        super().__init__(ctx, tr("Buat rencana {name}").format(name=name))
        self.plan_uuid, self.source_uuid = plan_uuid, source_uuid
        self.done = True
        # the change log as it stood once the plan was made: what colleagues did in it after
        # that stops the undo (what this window did is undone first, by the stack's order)
        self.mark = mark

    def redo(self) -> None:
        if self.done:
            return
        ok, _ = self._call(plan_edit.restore_plan, self.plan_uuid)
        if ok:
            self.done = True
            self.mark = plan_edit.change_mark(self.ctx.store)
            self._show(self.plan_uuid)

    def undo(self) -> None:
        ok, _ = self._call(plan_edit.delete_plan, self.plan_uuid, untouched_since=self.mark)
        if ok:
            self.done = False
            self._show(self.source_uuid)

