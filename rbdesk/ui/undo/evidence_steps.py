"""Undoable steps of the evidence panel: attaching and removing evidence files."""

from __future__ import annotations

from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.edits import realisation
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.operations import Done, UndoStep


class _EvidenceCommand(UndoStep):
    def __init__(
        self, doc: PlanDocument, indicator_uuid: str, evidence_uuid: str, text: str
    ) -> None:
        super().__init__(doc, text)
        self.indicator_uuid = indicator_uuid
        self.evidence_uuid = evidence_uuid

    def _done(self, ok: bool) -> None:
        if ok:
            self.doc.refresh_indicator(self.indicator_uuid)


class AttachEvidenceCommand(_EvidenceCommand):
    def __init__(self, doc: PlanDocument, indicator_uuid: str, month: int, path: Path) -> None:
        super().__init__(doc, indicator_uuid, "", tr("Lampirkan {name}").format(name=path.name))
        self.month, self.path = month, path

    def step(self, first: bool) -> None:
        if first:
            attached = self.call(
                realisation.attach_file, self.indicator_uuid, self.month, self.path
            )
            if isinstance(attached, Done):
                self.evidence_uuid = attached.value
            self._done(attached.ok)
        else:
            self._done(self.call(realisation.restore_evidence, self.evidence_uuid).ok)

    def unstep(self) -> None:
        self._done(self.call(realisation.remove_evidence, self.evidence_uuid).ok)


class RemoveEvidenceCommand(_EvidenceCommand):
    def __init__(
        self,
        doc: PlanDocument,
        indicator_uuid: str,
        evidence_uuid: str,
        filename: str,
        version: int,
    ) -> None:
        super().__init__(
            doc, indicator_uuid, evidence_uuid, tr("Hapus bukti {name}").format(name=filename)
        )
        self.version: int | None = version

    def step(self, first: bool) -> None:
        self._done(self.call(realisation.remove_evidence, self.evidence_uuid, self.version).ok)
        self.version = None  # later redos: whatever version the restore left

    def unstep(self) -> None:
        self._done(self.call(realisation.restore_evidence, self.evidence_uuid).ok)
