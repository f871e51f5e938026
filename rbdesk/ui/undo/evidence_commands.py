"""Undoable commands of the evidence panel: attaching and removing evidence files.

Like ``undo_commands``: ``redo`` does the work (the first time too); a step the file refuses marks
the command obsolete, so ``QUndoStack.push`` drops it and the user sees the message from
``AppContext.try_run``. The outcome of the first step is reported in ``outcome`` (a plain
object, still readable if the stack dropped the command).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoCommand

from rbdesk.i18n import tr
from rbdesk.models.edits import realisation
from rbdesk.ui.window.context import AppContext


@dataclass
class Outcome:
    ok: bool = False
    evidence_uuid: str = ""
    errors: list[str] = field(default_factory=list)


class _EvidenceCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, indicator_uuid: str, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.indicator_uuid = indicator_uuid
        self.outcome = Outcome()

    def _call(self, op: Any, *args: Any) -> tuple[bool, Any]:
        errors = self.outcome.errors
        self.ctx.errorRaised.connect(errors.append)
        try:
            ok, result = self.ctx.try_run(op, *args)
        finally:
            self.ctx.errorRaised.disconnect(errors.append)
        if ok:
            self.ctx.refresh_indicator(self.indicator_uuid)
        else:
            self.setObsolete(True)
        return ok, result


class AttachEvidenceCommand(_EvidenceCommand):
    def __init__(self, ctx: AppContext, indicator_uuid: str, month: int, path: Path) -> None:
        super().__init__(ctx, indicator_uuid, tr("Lampirkan {name}").format(name=path.name))
        self.month, self.path = month, path

    def redo(self) -> None:
        if not self.outcome.evidence_uuid:
            ok, uuid = self._call(realisation.attach_file, self.indicator_uuid, self.month,
                                  self.path)
            self.outcome.ok = ok
            self.outcome.evidence_uuid = uuid or ""
        else:
            self._call(realisation.restore_evidence, self.outcome.evidence_uuid)

    def undo(self) -> None:
        self._call(realisation.remove_evidence, self.outcome.evidence_uuid)


class RemoveEvidenceCommand(_EvidenceCommand):
    def __init__(self, ctx: AppContext, indicator_uuid: str, evidence_uuid: str,
                 filename: str, version: int) -> None:
        super().__init__(ctx, indicator_uuid, tr("Hapus bukti {name}").format(name=filename))
        self.outcome.evidence_uuid = evidence_uuid
        self.version: int | None = version

    def redo(self) -> None:
        ok, _ = self._call(realisation.remove_evidence, self.outcome.evidence_uuid,
                           self.version)
        self.version = None     # later redos: whatever version the restore left
        self.outcome.ok = self.outcome.ok or ok

    def undo(self) -> None:
        self._call(realisation.restore_evidence, self.outcome.evidence_uuid)
