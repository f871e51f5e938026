"""The rows of the plan grid: one ``Node`` per shown row, wrapping a snapshot object.

A node's child rows are made the first time something asks for them (the view unfolding it, a
search, a lookup by uuid), so the first screen of a 20,000-indicator plan does not wait for
30,000 rows it does not show. Roll-ups read the snapshot, never the child rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rbdesk.models.domain.progress import RollUp
from rbdesk.models.domain.tree import IndicatorNode, PlanTree

_CLOCK = [0]


def tick() -> int:
    """A new moment of the change clock (see ``Node.touched``)."""
    _CLOCK[0] += 1
    return _CLOCK[0]


def clock_now() -> int:
    """The change clock: every node created or invalidated after this moment is newer."""
    return _CLOCK[0]


class Node:
    """One grid row. ``touched`` is the change-clock moment it was made or last changed, so a
    filter computed at moment T knows which rows it has not judged yet."""

    __slots__ = (
        "nid",
        "kind",
        "obj",
        "ind",
        "parent",
        "_children",
        "_expand",
        "row",
        "area_uuid",
        "_rollup",
        "_search",
        "touched",
    )

    def __init__(
        self,
        nid: int,
        kind: str,
        obj: Any,
        ind: IndicatorNode | None,
        parent: Node | None,
        area_uuid: str,
        expand: Callable[[Node], list[Node]] | None = None,
    ) -> None:
        self.nid, self.kind, self.obj, self.ind, self.parent = nid, kind, obj, ind, parent
        # None until first asked for; ``expand`` makes them (see PlanModel._expand).
        self._children: list[Node] | None = None if expand is not None else []
        self._expand = expand
        self.row = 0
        self.area_uuid = area_uuid
        self._rollup: list[RollUp] | None = None
        self._search: str | None = None
        self.touched = tick()

    @property
    def children(self) -> list[Node]:
        kids = self._children
        if kids is None:
            assert self._expand is not None
            kids = self._children = self._expand(self)
        return kids

    @children.setter
    def children(self, value: list[Node]) -> None:
        self._children = value

    @property
    def built(self) -> bool:
        """Whether the child rows have been made."""
        return self._children is not None

    def drop(self) -> list[Node]:
        """Cut the links to parent and children (no cycles for the collector); returns the
        children that had been made."""
        kids = self._children or []
        self.parent, self._children, self._expand = None, [], None
        return kids

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.obj.uuid)

    @property
    def uuid(self) -> str:
        uuid: str = self.obj.uuid  # (obj is one of five snapshot classes, told apart by kind)
        return uuid

    @property
    def label(self) -> str:
        label: str = self.obj.label
        return label

    @property
    def text(self) -> str:
        text: str = self.obj.text if self.kind == "indicator" else self.obj.name
        return text

    def indicators(self) -> list[IndicatorNode]:
        """The indicators this row rolls up, read from the snapshot (no child rows needed)."""
        if self.ind is not None:
            return [self.ind]
        obj = self.obj
        if self.kind == "sub_activity":
            return list(obj.indicators)
        if self.kind == "activity":
            return [i for s in obj.sub_activities for i in s.indicators]
        if self.kind == "area":
            return [i for a in obj.activities for s in a.sub_activities for i in s.indicators]
        if isinstance(obj, PlanTree):
            return obj.indicators()
        return []

    def search_text(self) -> str:
        if self._search is None:
            parts = [self.label, self.text]
            if self.ind is not None:
                ind = self.ind
                parts += [ind.text, ind.note, ind.target, ind.target_unit, ind.responsible]
                parts += [value for _name, value in ind.extra_columns]
            self._search = " ".join(parts).casefold()
        return self._search

    def invalidate(self) -> None:
        self._rollup = None
        self._search = None
        self.touched = tick()


def collapsed(sub: Any) -> bool:
    """A sub-activity whose only indicator has no text is shown as one row."""
    return len(sub.indicators) == 1 and not sub.indicators[0].text.strip()


def payload(node: Node) -> tuple[object, ...]:
    """Everything a row shows, compared across a merge to find the rows to repaint."""
    obj = node.obj
    own = (obj.label, node.text, obj.version)
    ind = node.ind
    if ind is None:
        return own
    return own + (
        ind.label,
        ind.text,
        ind.planned,
        ind.note,
        ind.version,
        ind.realisation,
        ind.evidence,
    )


def has_child_specs(node: Node) -> bool:
    """Whether ``node`` has rows below it, without making them."""
    obj = node.obj
    if node.kind == "plan":
        return bool(obj and obj.areas)
    if node.kind == "area":
        return bool(obj.activities)
    if node.kind == "activity":
        return bool(obj.sub_activities)
    return node.kind == "sub_activity" and node.ind is None and bool(obj.indicators)


def count_rows(tree: PlanTree | None) -> int:
    """How many rows the whole plan shows, counted on the snapshot."""
    if tree is None:
        return 0
    rows = len(tree.areas)
    for area in tree.areas:
        rows += len(area.activities)
        for act in area.activities:
            rows += len(act.sub_activities)
            rows += sum(0 if collapsed(s) else len(s.indicators) for s in act.sub_activities)
    return rows


def child_specs(node: Node) -> list[tuple[str, Any, IndicatorNode | None, str]]:
    """(kind, snapshot object, indicator carried, area uuid) of each row below ``node``."""
    if node.kind == "plan":
        tree: PlanTree | None = node.obj
        return [("area", a, None, a.uuid) for a in tree.areas] if tree else []
    if node.kind == "area":
        return [("activity", a, None, node.area_uuid) for a in node.obj.activities]
    if node.kind == "activity":
        return [
            ("sub_activity", s, s.indicators[0] if collapsed(s) else None, node.area_uuid)
            for s in node.obj.sub_activities
        ]
    if node.kind == "sub_activity" and node.ind is None:
        return [("indicator", i, i, node.area_uuid) for i in node.obj.indicators]
    return []
