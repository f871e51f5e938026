"""The plan document: one per open file, shared by the window, the grid and the panels.

It holds the store, the snapshot of the plan shown and its index by uuid, the undo stack, and the
signals that tell the views what changed. Writes go through ``ui.operations.run``; what the user
is looking at (mode, lock, selection) is ``ui.view_state``.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from rbdesk.models import clock
from rbdesk.models.domain.hierarchy import CHILD, LEVELS, children_attr
from rbdesk.models.domain.months import current_month
from rbdesk.models.domain.node_reads import child_rows, load_indicator, load_subtree
from rbdesk.models.domain.signing import is_signed
from rbdesk.models.domain.tree import (
    IndicatorNode,
    PlanTree,
    choose_plan,
    gc_paused,
    load_plan_tree,
)
from rbdesk.models.storage.store import Store


class NodeRef(NamedTuple):
    """Where a uuid sits in the current snapshot: its level, its node and its parent's uuid.

    A named tuple: the index of a 20,000-indicator plan holds some 30,000 of them.
    """

    kind: str  # "area" | "activity" | "sub_activity" | "indicator"
    node: Any
    parent_uuid: str  # the plan uuid for areas
    area_uuid: str


def _index_subtree(
    index: dict[str, NodeRef], kind: str, obj: Any, parent_uuid: str, area_uuid: str
) -> None:
    stack = [(kind, obj, parent_uuid)]
    while stack:
        kind, obj, parent_uuid = stack.pop()
        index[obj.uuid] = NodeRef(kind, obj, parent_uuid, area_uuid)
        child_kind = CHILD.get(kind)
        if child_kind is not None:
            stack += [
                (child_kind, c, obj.uuid) for c in getattr(obj, LEVELS[child_kind].list_in_parent)
            ]


class PlanDocument(QObject):
    planChanged = Signal(str)  # another plan of the file was chosen
    treeReloaded = Signal()  # the snapshot was replaced (others' commits, conflicts)
    refused = Signal(str)  # what was asked was refused or failed: the message
    edited = Signal()  # something was written by this window
    userChanged = Signal(str)  # the name this PC's user works under
    nodesPatched = Signal(list)  # these snapshot nodes (uuids) were updated in place
    childrenChanged = Signal(list)  # the child lists of these nodes (uuids) were patched

    def __init__(
        self, store: Store, plan_uuid: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.plan_uuid = choose_plan(store, plan_uuid, clock.today().year) or ""
        self.tree: PlanTree | None = (
            load_plan_tree(store, self.plan_uuid) if self.plan_uuid else None
        )
        self._index: dict[str, NodeRef] | None = None

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    def today_month(self) -> int:
        """The month that counts as "now" for this plan (0 before its year, 13 after)."""
        year = self.tree.year if self.tree else clock.today().year
        return current_month(year, clock.today())

    @property
    def user(self) -> str:
        return self.store.user

    def set_user(self, name: str) -> None:
        """Berkas → Ganti nama pengguna: later writes carry the new name, and whatever shows
        the user's name (the status bar, the review box) hears of it."""
        self.store.user = name
        self.userChanged.emit(name)

    @property
    def plan_signed(self) -> bool:
        """The plan's decree is signed (``signing``): the planned months are what was signed."""
        return self.tree is not None and is_signed(self.tree.decree)

    def set_plan(self, plan_uuid: str, keep_undo: bool = False) -> None:
        """Show another plan. Its undo history starts afresh, since the commands on the stack
        name rows of the plan left; ``keep_undo`` is for the undo and redo of a command that
        itself makes, deletes or restores a plan, which is then the only command on the stack
        behind the one shown, so its redo (or undo) stays available."""
        if plan_uuid == self.plan_uuid:
            return
        self.plan_uuid = plan_uuid
        self.tree = load_plan_tree(self.store, plan_uuid)
        self._index = None
        if not keep_undo:
            self.undo_stack.clear()
        self.planChanged.emit(plan_uuid)

    def reload(self) -> None:
        if self.plan_uuid:
            self.tree = load_plan_tree(self.store, self.plan_uuid)
        self._index = None
        self.treeReloaded.emit()

    # -- the snapshot by uuid ------------------------------------------------------------------

    def node(self, uuid: str) -> NodeRef | None:
        """Look a node of the current snapshot up by uuid (built once per snapshot)."""
        if self._index is None:
            with gc_paused():
                self._index = self._build_index()
        return self._index.get(uuid)

    def indicator(self, uuid: str) -> IndicatorNode | None:
        ref = self.node(uuid)
        return ref.node if ref and ref.kind == "indicator" else None

    def _build_index(self) -> dict[str, NodeRef]:
        index: dict[str, NodeRef] = {}
        tree = self.tree
        if tree is None:
            return index
        for area in tree.areas:
            _index_subtree(index, "area", area, tree.uuid, area.uuid)
        return index

    def patch(self, uuid: str, **fields: Any) -> None:
        """Update one snapshot node in place after this window wrote it; views repaint it."""
        ref = self.node(uuid)
        if ref is None:
            return
        for key, value in fields.items():
            setattr(ref.node, key, value)
        self.nodesPatched.emit([uuid])

    def refresh_children(self, parent_uuids: list[str]) -> None:
        """After a structural edit by this window, re-read only these parents' child lists.

        Siblings keep their snapshot objects (with the versions the renumbering gave them), new
        or restored nodes are read with their subtree, removed ones dropped; listeners get
        ``childrenChanged``. Falls back to a full :meth:`reload` if a parent is unknown.
        Others' commits still come through :meth:`reload`, merged by the grid.
        """
        tree = self.tree
        if tree is None:
            return
        patched: list[str] = []
        for parent_uuid in dict.fromkeys(parent_uuids):
            if parent_uuid == tree.uuid:
                parent_kind, parent, area_uuid = "plan", tree, ""
            else:
                ref = self.node(parent_uuid)
                if ref is None or ref.kind == "indicator":
                    self.reload()
                    return
                parent_kind, parent, area_uuid = ref.kind, ref.node, ref.area_uuid
            kind = CHILD[parent_kind]
            children = getattr(parent, LEVELS[kind].list_in_parent)
            current = {child.uuid: child for child in children}
            fresh = []
            for uuid, version, by, at in child_rows(self.store, kind, parent_uuid):
                obj = current.pop(uuid, None)
                if obj is None:
                    obj = load_subtree(self.store, kind, uuid)
                    if obj is None:
                        self.reload()
                        return
                    self._index_add(kind, obj, parent_uuid, area_uuid or obj.uuid)
                else:
                    obj.version = version
                    if kind == "indicator":
                        obj.updated_by, obj.updated_at = by, at
                fresh.append(obj)
            children[:] = fresh
            for gone in current.values():
                self._index_drop(gone)
            patched.append(parent_uuid)
        if patched:
            self.childrenChanged.emit(patched)

    def _index_add(self, kind: str, obj: Any, parent_uuid: str, area_uuid: str) -> None:
        if self._index is not None:  # else built from the patched snapshot when first asked
            _index_subtree(self._index, kind, obj, parent_uuid, area_uuid)

    def _index_drop(self, obj: Any) -> None:
        if self._index is None:
            return
        stack = [obj]
        while stack:
            obj = stack.pop()
            ref = self._index.get(obj.uuid)
            if ref is not None and ref.node is obj:  # not if it moved under another parent
                del self._index[obj.uuid]
                attr = children_attr(ref.kind)
                if attr is not None:
                    stack += getattr(obj, attr)

    def refresh_indicator(self, uuid: str) -> None:
        """Re-read one indicator (schedule, realisation, evidence counts) after a write.

        Cheap (three indexed queries); docks call it after attaching or removing evidence.
        """
        ind = self.indicator(uuid)
        if ind is None:
            return
        fresh = load_indicator(self.store, uuid)
        if fresh is None:
            self.reload()
            return
        for field in fields(IndicatorNode):  # in place: the views hold this very object
            setattr(ind, field.name, getattr(fresh, field.name))
        self.nodesPatched.emit([uuid])
