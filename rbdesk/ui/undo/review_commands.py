"""Undoable evidence review: a reviewer's verdict on one realised month."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_short
from rbdesk.models.domain.progress import review_label
from rbdesk.models.edits.review import review_month
from rbdesk.ui.window.context import AppContext


class ReviewCommand(QUndoCommand):
    """Like the other commands: ``redo`` does the work, a refused first step makes the command
    obsolete (the stack drops it; the user has seen the message). ``outcome`` stays readable."""

    def __init__(self, ctx: AppContext, indicator_uuid: str, month: int, state: str,
                 note: str = "", by: str = "") -> None:
        super().__init__(tr("Tinjauan {m}: {s}").format(m=month_short(month),
                                                        s=review_label(state)))
        self.ctx, self.uuid, self.month = ctx, indicator_uuid, month
        self.new = (state, note, by, None)
        ind = ctx.indicator(indicator_uuid)
        cell = ind.realisation.get(month) if ind else None
        self.old = (cell.review_state, cell.review_note, cell.reviewed_by, cell.reviewed_at) \
            if cell else ("", "", "", "")
        self.outcome = {"ok": False}

    def _apply(self, state: str, note: str, by: str, at: str | None) -> bool:
        ind = self.ctx.indicator(self.uuid)
        cell = ind.realisation.get(self.month) if ind else None
        ok, _version = self.ctx.try_run(review_month, self.uuid, self.month, state or "diajukan",
                                        note, by, expected_version=cell.version if cell else None,
                                        at=at or None)
        if ok:
            self.ctx.refresh_indicator(self.uuid)
        else:
            self.setObsolete(True)
        return ok

    def redo(self) -> None:
        ok = self._apply(*self.new)
        self.outcome["ok"] = self.outcome["ok"] or ok

    def undo(self) -> None:
        self._apply(*self.old)
