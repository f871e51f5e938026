"""A Data SK save as one undoable step: the decree and the teams and memberships of Lampiran I
edited in the dialog, written, undone and redone each as one version-checked transaction: a
colleague's change to one of its rows meanwhile refuses the whole step, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable

from rbdesk.i18n import tr
from rbdesk.models.edits.decree_edit import DecreeEdits, apply_decree_edits, save_decree_edits
from rbdesk.models.storage.store import Store
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.operations import Done, UndoStep


class SaveDecreeCommand(UndoStep):
    def __init__(
        self, doc: PlanDocument, edits: DecreeEdits, notify: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(doc, tr("Ubah data SK"))
        # What the next redo writes (the dialog's edits at first), and what undo writes: each
        # carries the versions the step before it wrote, so a colleague's change in between
        # refuses the whole step instead of being overwritten.
        self.forward = edits
        self.backward: DecreeEdits | None = None
        # The window's message bar: after undo or redo it must not still offer "Urungkan".
        self.notify = notify

    def _write(
        self, op: Callable[[Store, DecreeEdits], DecreeEdits], edits: DecreeEdits
    ) -> DecreeEdits | None:
        written = self.call(op, edits)
        if not isinstance(written, Done):
            return None
        # The lock of the signed plan, the title, the roster and the exports read the snapshot.
        self.doc.reload()
        return written.value

    def step(self, first: bool) -> None:
        reverse = self._write(save_decree_edits if first else apply_decree_edits, self.forward)
        if reverse is None:
            return
        self.backward = reverse
        if not first and self.notify is not None:
            self.notify(tr("Perubahan data SK dikembalikan (Ulangi)."))

    def unstep(self) -> None:
        if self.backward is None:
            return
        reverse = self._write(apply_decree_edits, self.backward)
        if reverse is None:
            return
        self.forward = reverse
        if self.notify is not None:
            self.notify(tr("Perubahan data SK diurungkan; Ulangi dengan Ctrl+Y."))
