"""A month's evidence review as the file holds it, read straight from its row: what the tests
check after a review is written (the application itself reads reviews with the plan snapshot,
``models.domain.tree``)."""

from __future__ import annotations

from dataclasses import dataclass

from rbdesk.models.storage.schema import Indicator, Realisation
from rbdesk.models.storage.store import Store


@dataclass(frozen=True)
class Review:
    """One month's review as stored; ``version`` is the realisation row's version."""

    state: str
    by: str
    at: str
    note: str
    version: int


def get_review(store: Store, indicator_uuid: str, month: int) -> Review | None:
    """None when the month has no realisation row (nothing recorded, nothing to review)."""
    with store.read():
        ind = Indicator.live_by_uuid(indicator_uuid)
        cell = Realisation.get_or_none(
            (Realisation.indicator == ind.id) & (Realisation.month == month) & Realisation.is_live()
        )
        if cell is None:
            return None
        return Review(
            cell.review_state, cell.reviewed_by, cell.reviewed_at, cell.review_note, cell.version
        )
