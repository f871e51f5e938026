"""Filtering the plan tree: text as you type, area/team/person, and month status.

A matching row stays visible with its parents; a row whose own text matches shows its whole
subtree (unless a status filter narrows it).

The rows to show are worked out in Python over the model's rows, once per change of the
criteria, as a set of row ids; ``filterAcceptsRow`` is then a set lookup. Qt's own recursive
filtering would call back into Python for every row of the plan on every keystroke. Words are
found in one string holding every row's search text (built once per snapshot change), so a
keystroke on a 20,000-indicator plan costs milliseconds, not the hundreds a row-by-row test did.
Rows changed after the set was computed (edits, inserted rows) are judged on their own when
Qt asks about them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal

from rbdesk.models.domain.status_filter import status_matches
from rbdesk.ui.grid.plan_model import PlanModel
from rbdesk.ui.grid.plan_nodes import Node, clock_now


class SearchIndex:
    """Every row's search text in one string, so a word is found by ``str.find``."""

    def __init__(self, root: Node) -> None:
        nodes: list[Node] = []
        stack = list(reversed(root.children))
        while stack:
            node = stack.pop()
            nodes.append(node)
            stack.extend(reversed(node.children))
        self.nodes = nodes
        self.texts = [n.search_text() for n in nodes]
        starts, pos = [], 0
        for text in self.texts:
            starts.append(pos)
            pos += len(text) + 1
        self.starts = starts
        self.blob = "\n".join(self.texts)  # a word never holds whitespace, so never spans two

    def find(self, word: str) -> list[int]:
        """Positions (in ``nodes``) of the rows whose text contains ``word``."""
        out: list[int] = []
        blob, starts, last = self.blob, self.starts, len(self.starts) - 1
        at = blob.find(word)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            out.append(k)
            if k >= last:
                break
            at = blob.find(word, starts[k + 1])
        return out

    def matches(self, words: tuple[str, ...], among: Iterable[int] | None = None) -> list[int]:
        """Rows containing every word; ``among`` narrows the rows looked at."""
        if not words:
            return []
        ordered = sorted(words, key=len, reverse=True)
        if among is None:
            among, ordered = self.find(ordered[0]), ordered[1:]
        texts = self.texts
        return [k for k in among if all(w in texts[k] for w in ordered)]


class PlanFilterProxy(QSortFilterProxyModel):
    filterAboutToChange = Signal()  # the criteria are about to change (rows still as they were)
    filterApplied = Signal()  # the criteria changed and the rows shown were worked out again

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(False)  # ancestors are part of the visible set
        self.setDynamicSortFilter(True)
        self._text = ""
        self._words: tuple[str, ...] = ()
        self._areas: frozenset[str] | None = None
        self._status = ""
        self._visible: set[int] | None = None  # node ids shown; None = every row
        self._root: Node | None = None  # the model root _visible was computed for
        self._at = 0  # change clock when it was computed
        self._late: dict[int, tuple[int, bool]] = {}  # rows judged later: (touched, shown)
        self._index: SearchIndex | None = None
        self._index_at = -1
        self._last: tuple[str, list[int]] | None = None  # previous text and its own matches
        self._src: PlanModel | None = None

    # -- criteria ------------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return bool(self._text or self._areas is not None or self._status)

    @property
    def narrows_rows(self) -> bool:
        """Words or a status chosen: the rows shown are a few among many (an area is not)."""
        return bool(self._words or self._status)

    @property
    def visible_ids(self) -> set[int] | None:
        """The rows (node ids) shown by the current criteria; None when nothing is filtered."""
        return self._visible

    def shown_indicators(self) -> tuple[int, int] | None:
        """(indicator rows shown, all indicator rows) while filtering, else None."""
        model = self._src
        if self._visible is None or model is None:
            return None
        # Every shown row is made (the filter walked to it); the plan's total is the snapshot's,
        # since rows of unfolded parts of a big plan may not be made yet.
        shown = sum(
            1
            for nid in self._visible
            if (node := model._nodes.get(nid)) is not None and node.ind is not None
        )
        tree = model.doc.tree
        return shown, len(tree.indicators()) if tree is not None else shown

    def shown_uuids(self) -> set[str] | None:
        """The plan nodes of the rows shown while filtering (for the quarter view, whose rows
        are the same); None when nothing is filtered."""
        model = self._src
        if self._visible is None or model is None:
            return None
        return {node.uuid for nid in self._visible if (node := model._nodes.get(nid)) is not None}

    def _change(self, text: str, areas: frozenset[str] | None, status: str) -> None:
        self.filterAboutToChange.emit()
        self.beginFilterChange()
        self._text, self._words = text, tuple(text.split())
        self._areas, self._status = areas, status
        self._compute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.filterApplied.emit()

    def set_text(self, text: str) -> None:
        text = " ".join(text.split()).casefold()
        if text != self._text:
            self._change(text, self._areas, self._status)

    def set_areas(self, areas: set[str] | frozenset[str] | None) -> None:
        """Only rows of these areas (None = all)."""
        areas = None if areas is None else frozenset(areas)
        if areas != self._areas:
            self._change(self._text, areas, self._status)

    def set_status(self, status: str) -> None:
        if status != self._status:
            self._change(self._text, self._areas, status)

    def clear(self) -> None:
        self._change("", None, "")

    # -- working out the visible rows ------------------------------------------------------------

    def setSourceModel(self, model: Any) -> None:
        self._src = model if isinstance(model, PlanModel) else None
        super().setSourceModel(model)

    def _search_index(self, model: PlanModel) -> SearchIndex:
        if self._index is None or self._index_at != clock_now() or self._root is not model._root:
            self._index = SearchIndex(model._root)
            self._index_at = clock_now()
            self._last = None
        return self._index

    def _own_matches(self, model: PlanModel) -> list[Node]:
        """Rows whose own text holds every word (narrowed from the last keystroke's result)."""
        index = self._search_index(model)
        among = None
        if self._last is not None and self._last[0] and self._text.startswith(self._last[0]):
            among = self._last[1]  # typing on: the new matches are among the old ones
        found = index.matches(self._words, among)
        self._last = (self._text, found)
        return [index.nodes[k] for k in found]

    def _compute(self) -> None:
        model = self._src
        self._late = {}
        if model is None or not self.active:
            self._visible, self._root, self._at = None, None, clock_now()
            return
        self._root = model._root
        visible: set[int] = set()
        if self._words:
            own = self._own_matches(model)
            marked = {n.nid for n in own}
            starts = []
            for node in own:  # skip rows inside another matching row: walked with it
                parent = node.parent
                while parent is not None and parent.nid not in marked:
                    parent = parent.parent
                if parent is None:
                    starts.append(node)
        else:
            starts = list(model._root.children)
        areas, status, now = self._areas, self._status, model.now_month
        for start in starts:
            if areas is not None and start.area_uuid not in areas:
                continue
            stack = [start]
            while stack:
                node = stack.pop()
                stack.extend(node.children)
                if status and (node.ind is None or not status_matches(node.ind, status, now)):
                    continue
                row: Node | None = node
                while row is not None and row.nid not in visible and row.kind != "plan":
                    visible.add(row.nid)
                    row = row.parent
        self._visible = visible
        self._at = clock_now()

    # -- rows changed since: judged one by one -------------------------------------------------

    def _accepts(self, node: Node) -> bool:
        """The criteria on the row alone (its text or a parent's, its area, its status)."""
        if self._areas is not None and node.area_uuid not in self._areas:
            return False
        if self._status:
            model = self._src
            now = model.now_month if model is not None else 0
            if node.ind is None or not status_matches(node.ind, self._status, now):
                return False
        if not self._words:
            return True
        up: Node | None = node
        while up is not None and up.kind != "plan":
            hay = up.search_text()
            if all(w in hay for w in self._words):
                return True
            up = up.parent
        return False

    def _shown(self, node: Node) -> bool:
        visible = self._visible
        if visible is None:
            return True
        if node.touched <= self._at:
            return node.nid in visible
        late = self._late.get(node.nid)
        if late is not None and late[0] == node.touched:
            return late[1]
        shown = self._accepts(node) or any(self._shown(c) for c in node.children)
        self._late[node.nid] = (node.touched, shown)
        return shown

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._visible is None:
            return True
        model = self._src
        if model is None:
            return True
        if model._root is not self._root:  # the model was rebuilt (another plan)
            self._compute()
            if self._visible is None:
                return True
        pnode = (
            model._nodes.get(source_parent.internalId()) if source_parent.isValid() else model._root
        )
        if pnode is None or not 0 <= source_row < len(pnode.children):
            return False
        return self._shown(pnode.children[source_row])
