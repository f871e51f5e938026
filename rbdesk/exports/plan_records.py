"""The plan as printed rows: one per indicator, or one per level left empty."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from rbdesk.models.domain.tree import (
    ActivityNode,
    AreaNode,
    IndicatorNode,
    PlanTree,
    SubActivityNode,
)

T = TypeVar("T")

PlanRecord = tuple[AreaNode, ActivityNode | None, SubActivityNode | None, IndicatorNode | None]


def or_none(items: Sequence[T]) -> Sequence[T | None]:
    """The items, or a single None: a level without items still prints one (empty) row."""
    return items or [None]


def plan_records(tree: PlanTree) -> Iterator[PlanRecord]:
    """(area, activity, sub, indicator) per printed row; missing levels are None."""
    for area in tree.areas:
        for act in or_none(area.activities):
            for sub in or_none(act.sub_activities if act else []):
                for ind in or_none(sub.indicators if sub else []):
                    yield area, act, sub, ind
