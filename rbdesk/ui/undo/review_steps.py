"""Undoable evidence review: a reviewer's verdict on one realised month."""

from __future__ import annotations

from dataclasses import dataclass

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_short
from rbdesk.models.domain.progress import review_label
from rbdesk.models.domain.statuses import ReviewState
from rbdesk.models.edits.review import review_month
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.operations import Done, UndoStep


@dataclass(frozen=True)
class ReviewShown:
    """What the reviewer saw of the month: its row version, review state and note, and the
    uuids of its evidence files."""

    version: int
    state: str
    note: str
    evidence: tuple[str, ...]


class ReviewCommand(UndoStep):
    def __init__(
        self,
        doc: PlanDocument,
        indicator_uuid: str,
        month: int,
        state: str,
        note: str,
        by: str,
        shown: ReviewShown | None = None,
    ) -> None:
        """``shown``: what the reviewer saw when starting (edits.review.review_month checks it)."""
        super().__init__(
            doc, tr("Tinjauan {m}: {s}").format(m=month_short(month), s=review_label(state))
        )
        self.uuid, self.month = indicator_uuid, month
        self.forward: tuple[str, str, str, str | None] = (state, note, by, None)
        ind = doc.indicator(indicator_uuid)
        cell = ind.realisation.get(month) if ind else None
        self.backward: tuple[str, str, str, str | None] = (
            (cell.review_state, cell.review_note, cell.reviewed_by, cell.reviewed_at)
            if cell
            else ("", "", "", "")
        )
        self.shown = shown
        self.left: tuple[int, str, str] | None = None  # version, state and note it left

    def step(self, first: bool) -> None:
        shown, self.shown = (self.shown if first else None), None
        self.apply(self.forward, shown)

    def apply(
        self, verdict: tuple[str, str, str, str | None], shown: ReviewShown | None = None
    ) -> None:
        state, note, by, at = verdict
        ind = self.doc.indicator(self.uuid)
        cell = ind.realisation.get(self.month) if ind else None
        if shown is None and cell is not None and self.left is not None:
            # An undo or redo: checked against what this step left, so a colleague's verdict
            # since (even one this window already shows) is refused, not undone.
            version, left_state, left_note = self.left
            if (cell.review_state, cell.review_note) == (left_state, left_note):
                version = cell.version
            shown = ReviewShown(version, left_state, left_note, ())
            evidence: tuple[str, ...] | None = None
        else:
            evidence = shown.evidence if shown else None
        done = self.call(
            review_month,
            self.uuid,
            self.month,
            state or ReviewState.SUBMITTED,
            note,
            by,
            expected_version=shown.version if shown else cell.version if cell else None,
            at=at or None,
            shown_review=(shown.state, shown.note) if shown else None,
            evidence_seen=evidence,
        )
        if isinstance(done, Done):
            self.doc.refresh_indicator(self.uuid)
            fresh = self.doc.indicator(self.uuid)
            after = fresh.realisation.get(self.month) if fresh else None
            if after is not None:
                self.left = (done.value, after.review_state, after.review_note)
