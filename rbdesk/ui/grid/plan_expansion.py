"""Which rows of the grid are unfolded: the plan at first, the way to what a filter found, and
the user's own unfolding given back when the filter is cleared."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeView

from rbdesk.ui.grid.plan_filter import PlanFilterProxy
from rbdesk.ui.grid.plan_model import PlanModel
from rbdesk.ui.grid.plan_nodes import Node

EXPAND_ROWS = 1500  # rows a search may unfold by itself


class PlanExpansion:
    def __init__(self, view: QTreeView, model: PlanModel, proxy: PlanFilterProxy) -> None:
        self.view, self.model, self.proxy = view, model, proxy
        self._before_filter: set[str] | None = None
        proxy.filterAboutToChange.connect(self._remember)
        proxy.filterApplied.connect(self._filter_applied)

    def expand_default(self) -> None:
        """Unfold the plan as far as about EXPAND_ROWS rows: all of an ordinary plan, the first
        levels of a big one. Every row unfolded costs the view work on each later change."""
        if self.model.row_total() <= EXPAND_ROWS:
            self.view.expandAll()
        else:
            self._expand_within(None, EXPAND_ROWS)

    def expand_matches(self, limit: int = EXPAND_ROWS) -> None:
        """After a search or status filter: unfold the rows that lead to what was found, level
        by level, as long as no more than ``limit`` rows would be shown (never the whole plan)."""
        visible = self.proxy.visible_ids
        if visible is not None and self.proxy.narrows_rows:
            self._expand_within(visible, limit)

    def _expand(self, uuid: str) -> None:
        self.view.expand(self.proxy.mapFromSource(self.model.index_of(uuid)))

    def _remember(self) -> None:
        """Before the first filter: which rows the user had open, to give them back after."""
        if self.proxy.active or self._before_filter is not None:
            return
        self._before_filter = {
            node.uuid
            for node in self.model.made_nodes()
            if node.children
            and self.view.isExpanded(self.proxy.mapFromSource(self.model.index_of(node.uuid)))
        }

    def _filter_applied(self) -> None:
        if self.proxy.visible_ids is not None:
            self.expand_matches()
            return
        expanded, self._before_filter = self._before_filter, None
        if expanded is not None:
            self.view.collapseAll()
            for uuid in expanded:
                self._expand(uuid)

    def _expand_within(self, visible: set[int] | None, limit: int) -> None:
        level = [n for n in self.model.top_nodes() if visible is None or n.nid in visible]
        rows = len(level)
        while level:
            deeper: list[Node] = []
            for node in level:
                kids = [c for c in node.children if visible is None or c.nid in visible]
                if not kids:
                    continue
                if rows + len(kids) > limit:
                    return
                self._expand(node.uuid)
                rows += len(kids)
                deeper += kids
            level = deeper
