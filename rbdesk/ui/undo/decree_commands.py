"""A Data SK save as one undoable step: the decree and the teams and memberships of Lampiran I
edited in the dialog, written, undone and redone each as one version-checked transaction.

As for the other commands, a write the file refuses (a colleague changed one of the rows
meanwhile, read-only file) writes nothing and marks the command obsolete; the user sees the
message from ``try_run``, and the view is re-read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from rbdesk.i18n import tr
from rbdesk.models.edits.decree_edit import DecreeEdits, apply_decree_edits, save_decree_edits
from rbdesk.ui.window.context import AppContext


class SaveDecreeCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, edits: DecreeEdits,
                 notify: Callable[[str], None] | None = None) -> None:
        super().__init__(tr("Ubah data SK"))
        self.ctx = ctx
        # What the next redo writes (the dialog's edits at first), and what undo writes: each
        # carries the versions the step before it wrote, so a colleague's change in between
        # refuses the whole step instead of being overwritten.
        self.forward = edits
        self.backward: DecreeEdits | None = None
        # The window's message bar: after undo or redo it must not still offer "Urungkan".
        self.notify = notify
        self.ok = False
        self._done = False

    def _write(self, op: Callable[..., DecreeEdits], edits: DecreeEdits) -> DecreeEdits | None:
        ok, reverse = self.ctx.try_run(op, edits)
        if not ok or reverse is None:
            self.setObsolete(True)
            return None
        # The lock of the signed plan, the title, the roster and the exports read the snapshot.
        self.ctx.reload()
        return reverse

    def redo(self) -> None:
        first, self._done = not self._done, True
        reverse = self._write(save_decree_edits if first else apply_decree_edits, self.forward)
        if reverse is None:
            return
        self.backward = reverse
        if first:
            self.ok = True
        elif self.notify is not None:
            self.notify(tr("Perubahan data SK dikembalikan (Ulangi)."))

    def undo(self) -> None:
        if self.backward is None:
            return
        reverse = self._write(apply_decree_edits, self.backward)
        if reverse is None:
            return
        self.forward = reverse
        if self.notify is not None:
            self.notify(tr("Perubahan data SK diurungkan; Ulangi dengan Ctrl+Y."))
