"""The plan as printed rows: one per indicator, or one per level left empty."""

from __future__ import annotations

from collections.abc import Iterator

from rbdesk.models.domain.tree import (
    ActivityNode,
    AreaNode,
    IndicatorNode,
    PlanTree,
    SubActivityNode,
)

PlanRecord = tuple[AreaNode, ActivityNode | None, SubActivityNode | None, IndicatorNode | None]


def plan_records(tree: PlanTree) -> Iterator[PlanRecord]:
    """(area, activity, sub, indicator) per printed row; missing levels are None."""
    for area in tree.areas:
        for act in area.activities or [None]:
            for sub in (act.sub_activities if act else None) or [None]:
                for ind in (sub.indicators if sub else None) or [None]:
                    yield area, act, sub, ind
