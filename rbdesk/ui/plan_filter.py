"""Filtering the plan tree: text as you type, area/team/person, and month status.

Recursive: a matching row stays visible with its parents; a row whose own text matches shows its
whole subtree (unless a status filter narrows it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from rbdesk.models.tree import IndicatorNode
from rbdesk.ui.plan_model import Node, PlanModel

STATUS_LATE = "late"
STATUS_DUE = "due"
STATUS_DONE = "done"
STATUS_NO_EVIDENCE = "no_evidence"
STATUS_FILTERS = (STATUS_LATE, STATUS_DUE, STATUS_DONE, STATUS_NO_EVIDENCE)


def status_matches(ind: IndicatorNode, status: str, now_month: int) -> bool:
    """The status filters in the words of the filter bar (see ``MainWindow``)."""
    done = {m for m, c in ind.realisation.items() if c.status == "selesai"}
    if status == STATUS_LATE:
        return any(ind.is_planned(m) and m not in done for m in range(1, min(now_month, 13)))
    if status == STATUS_DUE:
        return 1 <= now_month <= 12 and ind.is_planned(now_month) and now_month not in done
    if status == STATUS_DONE:
        planned = [m for m in range(1, min(now_month, 12) + 1) if ind.is_planned(m)]
        return bool(planned) and all(m in done for m in planned)
    if status == STATUS_NO_EVIDENCE:
        return any(c.status != "belum" and not ind.evidence.get(m)
                   for m, c in ind.realisation.items())
    return True


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self._text = ""
        self._areas: frozenset[str] | None = None
        self._status = ""
        self._memo_key: str | None = None
        self._memo: dict[int, tuple[str, bool]] = {}

    # -- criteria ------------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return bool(self._text or self._areas is not None or self._status)

    def set_text(self, text: str) -> None:
        text = " ".join(text.split()).casefold()
        if text != self._text:
            self._memo_key = None
            self.beginFilterChange()
            self._text = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_areas(self, areas: set[str] | frozenset[str] | None) -> None:
        """Only rows of these areas (None = all)."""
        areas = None if areas is None else frozenset(areas)
        if areas != self._areas:
            self.beginFilterChange()
            self._areas = areas
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        if status != self._status:
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def clear(self) -> None:
        self.beginFilterChange()
        self._text, self._areas, self._status = "", None, ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # -- the test ------------------------------------------------------------------------------

    def _text_matches(self, node: Node) -> bool:
        """The row or one of its parents contains every word (memoised per filter pass)."""
        if self._memo_key != self._text:
            self._memo_key, self._memo = self._text, {}
        memo = self._memo
        hay = node.search_text()
        seen = memo.get(node.nid)
        if seen is not None and seen[0] is hay:   # same text as when judged
            return seen[1]
        hit = all(w in hay for w in self._text.split())
        parent = node.parent
        if not hit and parent is not None and parent.kind != "plan":
            hit = self._text_matches(parent)
        memo[node.nid] = (hay, hit)
        return hit

    def invalidate_memo(self) -> None:
        self._memo_key = None

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PlanModel):
            return True
        node = model.node_at(source_row, QModelIndex(source_parent))
        if node is None:
            return False
        if self._areas is not None and node.area_uuid not in self._areas:
            return False
        if self._status and (node.ind is None
                             or not status_matches(node.ind, self._status, model.now_month)):
            return False
        return not self._text or self._text_matches(node)
