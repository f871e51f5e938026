"""The decree (SK) as one undoable step: the whole decree before and after, version-checked.

As for the other commands, a write the file refuses (a colleague changed the plan meanwhile,
read-only file) marks the command obsolete and the user sees the message from ``try_run``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from rbdesk.i18n import tr
from rbdesk.models.edits.decree_edit import save_decree
from rbdesk.ui.window.context import AppContext


class EditDecreeCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, plan_uuid: str, before: dict[str, Any],
                 after: dict[str, Any], version: int) -> None:
        super().__init__(tr("Ubah data SK"))
        self.ctx, self.plan_uuid = ctx, plan_uuid
        self.before, self.after = before, after
        # The plan version the dialog showed; then the one this command wrote.
        self.version = version
        self.outcome = {"ok": True}

    def _apply(self, decree: dict[str, Any]) -> None:
        ok, version = self.ctx.try_run(save_decree, self.plan_uuid, self.version, decree)
        if not ok or version is None:
            self.outcome["ok"] = False
            self.setObsolete(True)
            return
        self.version = version
        # The lock of the signed plan, the title and the exports all read the snapshot.
        self.ctx.reload()

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
