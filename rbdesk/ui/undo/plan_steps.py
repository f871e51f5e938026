"""Undoable edits of the plan: each step calls one domain operation and patches or reloads the
snapshot (see ``ui.operations.UndoStep`` for what a refused step does)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.hierarchy import level_title
from rbdesk.models.domain.indicator_fields import FIELD_LABELS
from rbdesk.models.domain.months import month_short, with_month
from rbdesk.models.domain.statuses import ReviewState, Status
from rbdesk.models.edits import plan_edit
from rbdesk.models.edits.indicator_edit import set_indicator_fields
from rbdesk.models.edits.realisation import set_status
from rbdesk.models.edits.review import review_month
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.operations import Done, UndoStep
from rbdesk.ui.view_state import ViewState

FIELD_NAMES = {
    "label": N_("nomor"),
    "name": N_("uraian"),
    "text": N_("uraian"),
    "note": N_("keterangan"),
}


class _Command(UndoStep):
    def _version(self, uuid: str) -> int | None:
        ref = self.doc.node(uuid)
        return ref.node.version if ref else None


class _TreeCommand(_Command):
    """A structural edit of one row, named by ``text`` with the row's level for {e}: the row it
    made, moved or brought back is then selected."""

    def __init__(
        self, doc: PlanDocument, state: ViewState, text: str, entity: str, uuid: str
    ) -> None:
        super().__init__(doc, text.format(e=level_title(entity).lower()))
        self.state, self.entity, self.uuid = state, entity, uuid


class SetPlannedCommand(_Command):
    """Rencana mode: plan or unplan one month of an indicator."""

    def __init__(self, doc: PlanDocument, indicator_uuid: str, month: int, planned: bool) -> None:
        verb = tr("Tandai rencana {m}") if planned else tr("Hapus rencana {m}")
        super().__init__(doc, verb.format(m=month_short(month)))
        self.uuid, self.month = indicator_uuid, month
        self.forward, self.backward = planned, not planned

    def apply(self, planned: bool) -> None:
        done = self.call(
            plan_edit.set_planned,
            self.uuid,
            self.month,
            planned,
            expected_version=self._version(self.uuid),
        )
        ind = self.doc.indicator(self.uuid)
        if isinstance(done, Done) and ind is not None:
            mask = with_month(ind.planned, self.month, planned)
            self.doc.patch(self.uuid, planned=mask, version=done.value)


class SetStatusCommand(_Command):
    """Realisasi mode: record belum / sebagian / selesai (and the note) of one month."""

    def __init__(
        self,
        doc: PlanDocument,
        indicator_uuid: str,
        month: int,
        status: str,
        note: str | None = None,
        shown: tuple[int, str] | None = None,
    ) -> None:
        """``shown``: the row's version and note when the user began writing the note, so a
        colleague's note saved meanwhile is refused rather than replaced (edits.realisation)."""
        ind = doc.indicator(indicator_uuid)
        cell = ind.realisation.get(month) if ind else None
        self.old_status = cell.status if cell else Status.BELUM
        self.old_note = cell.note if cell else ""
        # A change submits a reviewed month again (edits.review); undoing the change gives the
        # reviewer's verdict back, since the month is again what the reviewer saw.
        self.old_review = (
            (cell.review_state, cell.review_note, cell.reviewed_by, cell.reviewed_at)
            if cell
            else ("", "", "", "")
        )
        if note is not None and status == self.old_status:
            text = tr("Catatan realisasi {m}")
        else:
            text = tr("Realisasi {m}: {s}")
        super().__init__(doc, text.format(m=month_short(month), s=tr(status)))
        self.uuid, self.month, self.status, self.note = indicator_uuid, month, status, note
        self.shown = shown
        self.left: tuple[int, str, str | None] | None = None

    def _left(self) -> tuple[int, str] | None:
        """The version and note an undo or redo is checked against: the row as now shown
        when it is still as this step left it (later steps of this window were undone since),
        else the version this step left, which a colleague's change since has passed, so that
        the file refuses the undo rather than replace the colleague's work."""
        if self.left is None:
            return None
        version, status, note = self.left
        ind = self.doc.indicator(self.uuid)
        cell = ind.realisation.get(self.month) if ind else None
        if cell is not None and cell.status == status and note in (None, cell.note):
            return cell.version, cell.note
        return version, note if note is not None else (cell.note if cell else "")

    def _apply(self, status: str, note: str | None, shown: tuple[int, str] | None = None) -> None:
        ind = self.doc.indicator(self.uuid)
        cell = ind.realisation.get(self.month) if ind else None
        version, shown_note = shown if shown else (cell.version if cell else 0, None)
        done = self.call(
            set_status,
            self.uuid,
            self.month,
            status,
            note,
            expected_version=version,
            shown_note=shown_note,
        )
        if isinstance(done, Done):
            self.doc.refresh_indicator(self.uuid)
            # What this step left: an undo or redo is checked against it, so a colleague's
            # change since (even one this window already shows) is refused, not undone.
            self.left = (done.value, status, note)

    def step(self, first: bool) -> None:
        self._apply(self.status, self.note, self.shown if first else self._left())

    def unstep(self) -> None:
        self._apply(self.old_status, self.old_note if self.note is not None else None, self._left())
        state, note, by, at = self.old_review
        ind = self.doc.indicator(self.uuid)
        cell = ind.realisation.get(self.month) if ind else None
        if (
            state not in ("", ReviewState.SUBMITTED)
            and cell is not None
            and cell.review_state != state
            and (cell.status, cell.note) == (self.old_status, self.old_note)
            and self.call(
                review_month,
                self.uuid,
                self.month,
                state,
                note,
                by,
                expected_version=cell.version,
                at=at,
            ).ok
        ):
            self.doc.refresh_indicator(self.uuid)


class SetFieldCommand(_Command):
    """Rename a node, renumber it, or edit an indicator's keterangan."""

    def __init__(self, doc: PlanDocument, entity: str, uuid: str, field: str, value: str) -> None:
        ref = doc.node(uuid)
        self.backward = getattr(ref.node, field) if ref else ""
        super().__init__(
            doc,
            tr("Ubah {f} {e}").format(
                f=tr(FIELD_NAMES.get(field, field)), e=level_title(entity).lower()
            ),
        )
        self.entity, self.uuid, self.field, self.forward = entity, uuid, field, value

    def apply(self, value: str) -> None:
        done = self.call(
            plan_edit.set_field,
            self.entity,
            self.uuid,
            self.field,
            value,
            expected_version=self._version(self.uuid),
        )
        if isinstance(done, Done):
            self.doc.patch(self.uuid, **{self.field: value, "version": done.value})


class SetIndicatorFieldCommand(_Command):
    """Set an indicator's target, satuan or penanggung jawab (linked to the roster when the
    name is a person's or a team's there)."""

    def __init__(self, doc: PlanDocument, uuid: str, field: str, value: str) -> None:
        ind = doc.indicator(uuid)
        self.backward = getattr(ind, field) if ind else ""
        super().__init__(doc, tr("Ubah {f} indikator").format(f=tr(FIELD_LABELS[field])))
        self.uuid, self.field, self.forward = uuid, field, value

    def apply(self, value: str) -> None:
        if self.call(
            set_indicator_fields,
            self.uuid,
            {self.field: value},
            expected_version=self._version(self.uuid),
        ).ok:
            self.doc.refresh_indicator(self.uuid)


class _RowCommand(_TreeCommand):
    """Adding or deleting a row under ``parent_uuid``: each one's undo is the other's redo."""

    parent_uuid: str
    index: int | None
    gone: list[str]  # the uuids the delete tombstoned, for the restore

    def _refresh(self, select: str) -> None:
        self.doc.refresh_children([self.parent_uuid])
        self.state.selectRequested.emit(select)

    def _delete(self, expected_version: int | None = None) -> None:
        gone = self.call(
            plan_edit.delete_node, self.entity, self.uuid, expected_version=expected_version
        )
        if isinstance(gone, Done):
            self.gone = gone.value
            self._refresh(self.parent_uuid)

    def _restore(self) -> None:
        if self.call(plan_edit.restore_nodes, self.entity, self.gone, self.index).ok:
            self._refresh(self.uuid)


class AddNodeCommand(_RowCommand):
    def __init__(
        self,
        doc: PlanDocument,
        state: ViewState,
        entity: str,
        parent_uuid: str,
        index: int | None,
        text: str,
    ) -> None:
        super().__init__(doc, state, tr("Tambah {e}"), entity, "")
        self.parent_uuid, self.index, self.new_text = parent_uuid, index, text
        self.gone = []

    def step(self, first: bool) -> None:
        if not first:
            self._restore()
            return
        added = self.call(
            plan_edit.add_node, self.entity, self.parent_uuid, self.new_text, self.index
        )
        if isinstance(added, Done):
            self.uuid = added.value
            self._refresh(self.uuid)

    def unstep(self) -> None:
        self._delete()


class DeleteNodeCommand(_RowCommand):
    def __init__(
        self, doc: PlanDocument, state: ViewState, entity: str, uuid: str, index: int
    ) -> None:
        super().__init__(doc, state, tr("Hapus {e}"), entity, uuid)
        ref = doc.node(uuid)
        self.index, self.parent_uuid = index, ref.parent_uuid if ref else ""
        self.gone = []

    def step(self, first: bool) -> None:
        self._delete(self._version(self.uuid))

    def unstep(self) -> None:
        self._restore()


class MoveCommand(_TreeCommand):
    """Move up (delta -1) or down (+1) among siblings."""

    def __init__(
        self, doc: PlanDocument, state: ViewState, entity: str, uuid: str, delta: int
    ) -> None:
        verb = tr("Pindahkan {e} ke atas") if delta < 0 else tr("Pindahkan {e} ke bawah")
        super().__init__(doc, state, verb, entity, uuid)
        self.forward, self.backward = delta, -delta

    def apply(self, delta: int) -> None:
        ref = self.doc.node(self.uuid)
        moved = self.call(plan_edit.move_within, self.entity, self.uuid, delta)
        if not isinstance(moved, Done):
            return
        if not moved.value:
            self.refuse()
        if ref is not None:
            self.doc.refresh_children([ref.parent_uuid])
        else:
            self.doc.reload()
        self.state.selectRequested.emit(self.uuid)


class ReparentCommand(_TreeCommand):
    """Indent, outdent, or drag a node under another parent of the right level."""

    def __init__(
        self,
        doc: PlanDocument,
        state: ViewState,
        entity: str,
        uuid: str,
        new_parent: str,
        new_index: int | None,
        old_parent: str,
        old_index: int,
        text: str | None = None,
    ) -> None:
        super().__init__(doc, state, text or tr("Pindahkan {e}"), entity, uuid)
        self.forward, self.backward = (new_parent, new_index), (old_parent, old_index)

    def apply(self, where: tuple[str, int | None]) -> None:
        parent, index = where
        ref = self.doc.node(self.uuid)
        if not self.call(plan_edit.reparent, self.entity, self.uuid, parent, index).ok:
            return
        if ref is not None:  # the parent it leaves first, then the one it joins
            self.doc.refresh_children([ref.parent_uuid, parent])
        else:
            self.doc.reload()
        self.state.selectRequested.emit(self.uuid)


class _PlanCommand(_Command):
    """A command that makes, deletes or restores a whole plan, and then shows another one. It is
    pushed right after the switch that cleared the stack, so nothing below it names rows of
    another plan: the switches it makes keep the stack, and with it this command's redo.
    The plan is made or deleted by the caller already: the first redo does nothing."""

    def _show(self, plan_uuid: str) -> None:
        # after undo()/redo() returns: the window reloads while the stack is still busy with it
        QTimer.singleShot(0, lambda: self.doc.set_plan(plan_uuid, keep_undo=True))


class DeletePlanCommand(_PlanCommand):
    """A whole plan deleted (already, by the caller, who then switched to another plan and so
    began a fresh undo stack). Undo brings it back and shows it again."""

    def __init__(self, doc: PlanDocument, plan_uuid: str, name: str, other_uuid: str) -> None:
        super().__init__(doc, tr("Hapus rencana {name}").format(name=name))
        self.plan_uuid, self.other_uuid = plan_uuid, other_uuid
        self.mark = 0

    def step(self, first: bool) -> None:
        if (
            not first
            and self.call(plan_edit.delete_plan, self.plan_uuid, untouched_since=self.mark).ok
        ):
            self._show(self.other_uuid)

    def unstep(self) -> None:
        if self.call(plan_edit.restore_plan, self.plan_uuid).ok:
            self.mark = plan_edit.change_mark(self.doc.store)
            self._show(self.plan_uuid)


class CopyPlanCommand(_PlanCommand):
    """Next year's plan, already made by the caller (who then switched to it and so began a
    fresh undo stack). Undo tombstones it and shows the plan it came from; redo brings it back."""

    def __init__(
        self, doc: PlanDocument, plan_uuid: str, name: str, source_uuid: str, mark: int
    ) -> None:
        super().__init__(doc, tr("Buat rencana {name}").format(name=name))
        self.plan_uuid, self.source_uuid = plan_uuid, source_uuid
        # the change log as it stood once the plan was made: what colleagues did in it after
        # that stops the undo (what this window did is undone first, by the stack's order)
        self.mark = mark

    def step(self, first: bool) -> None:
        if not first and self.call(plan_edit.restore_plan, self.plan_uuid).ok:
            self.mark = plan_edit.change_mark(self.doc.store)
            self._show(self.plan_uuid)

    def unstep(self) -> None:
        if self.call(plan_edit.delete_plan, self.plan_uuid, untouched_since=self.mark).ok:
            self._show(self.source_uuid)


class ImportPlanCommand(CopyPlanCommand):
    """A plan imported from a workbook, already written by the caller (who then switched to it):
    undo tombstones it and shows the plan that was open before; redo brings it back."""

    def __init__(
        self, doc: PlanDocument, plan_uuid: str, name: str, source_uuid: str, mark: int
    ) -> None:
        super().__init__(doc, plan_uuid, name, source_uuid, mark)
        self.setText(tr("Impor rencana {name}").format(name=name))
