"""The rows of the plan grid: one ``Node`` per shown row, wrapping a snapshot object."""

from __future__ import annotations

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

    __slots__ = ("nid", "kind", "obj", "ind", "parent", "children", "row", "area_uuid",
                 "_rollup", "_search", "touched")

    def __init__(self, nid: int, kind: str, obj: Any, ind: IndicatorNode | None,
                 parent: Node | None, area_uuid: str) -> None:
        self.nid = nid
        self.kind = kind
        self.obj = obj
        self.ind = ind
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0
        self.area_uuid = area_uuid
        self._rollup: list[RollUp] | None = None
        self._search: str | None = None
        self.touched = tick()

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.obj.uuid)

    @property
    def uuid(self) -> str:
        return self.obj.uuid

    @property
    def text(self) -> str:
        return self.obj.text if self.kind == "indicator" else self.obj.name

    def indicators(self) -> list[IndicatorNode]:
        if self.ind is not None:
            return [self.ind]
        out: list[IndicatorNode] = []
        stack = [self]
        while stack:
            node = stack.pop()
            if node.ind is not None:
                out.append(node.ind)
            stack.extend(node.children)
        return out

    def search_text(self) -> str:
        if self._search is None:
            parts = [self.obj.label, self.text]
            if self.ind is not None:
                parts += [self.ind.text, self.ind.note]
            self._search = " ".join(parts).casefold()
        return self._search

    def invalidate(self) -> None:
        self._rollup = None
        self._search = None
        self.touched = tick()


def collapsed(sub: Any) -> bool:
    """A sub-activity whose only indicator has no text is shown as one row."""
    return len(sub.indicators) == 1 and not sub.indicators[0].text.strip()


def payload(node: Node) -> tuple:
    """Everything a row shows, compared across a merge to find the rows to repaint."""
    obj = node.obj
    own = (obj.label, node.text, obj.version)
    ind = node.ind
    if ind is None:
        return own
    return own + (ind.label, ind.text, ind.planned, ind.note, ind.version, ind.realisation,
                  ind.evidence)


def child_specs(node: Node) -> list[tuple[str, Any, IndicatorNode | None, str]]:
    """(kind, snapshot object, indicator carried, area uuid) of each row below ``node``."""
    if node.kind == "plan":
        tree: PlanTree | None = node.obj
        return [("area", a, None, a.uuid) for a in tree.areas] if tree else []
    if node.kind == "area":
        return [("activity", a, None, node.area_uuid) for a in node.obj.activities]
    if node.kind == "activity":
        return [("sub_activity", s, s.indicators[0] if collapsed(s) else None,
                 node.area_uuid) for s in node.obj.sub_activities]
    if node.kind == "sub_activity" and node.ind is None:
        return [("indicator", i, i, node.area_uuid) for i in node.obj.indicators]
    return []
