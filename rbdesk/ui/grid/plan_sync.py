"""Keeping the plan model in step with its snapshot without a reset.

An edit patches one node and emits ``dataChanged`` for exactly that row and its ancestors; a
reloaded snapshot is merged in place (rows inserted, removed and moved with begin/end calls) so
selection, expansion and scroll survive.
"""

from __future__ import annotations

from rbdesk.models.domain.tree import gc_paused
from rbdesk.ui.grid.node_model import NodeModel
from rbdesk.ui.grid.plan_columns import COL_JAN, COL_VERIFIED, COLUMN_COUNT
from rbdesk.ui.grid.plan_nodes import Node, child_specs, collapsed, payload


class PlanSyncMixin(NodeModel):
    """The merging half of ``PlanModel``; it runs only as part of that class."""

    def on_nodes_patched(self, uuids: list[str]) -> None:
        """Snapshot nodes changed in place: repaint exactly their rows and their ancestors'."""
        changed: list[Node] = []
        for uuid in uuids:
            # A row not made yet (below a folded-up row) is repainted through the nearest
            # row that has been made: its roll-up includes the change.
            node = self.built_ancestor(uuid)
            if node is not None and self._shape_changed(node):
                self._changed(changed)
                self.sync()
                return
            if node is not None:
                changed.append(node)
        self._changed(changed)

    def _shape_changed(self, node: Node) -> bool:
        """An indicator's text was set or cleared so its sub-activity folds or unfolds."""
        sub = node if node.kind == "sub_activity" else node.parent
        if sub is None or sub.kind != "sub_activity":
            return False
        return collapsed(sub.obj) != (sub.ind is not None)

    # -- merging a reloaded snapshot in place ---------------------------------------------------

    def sync(self) -> None:
        """Merge ``doc.tree`` (freshly loaded) into the model without a reset."""
        if (
            self.doc.tree is None
            or self._root.obj is None
            or self.doc.tree.uuid != self._root.obj.uuid
        ):
            self.reset()
            return
        self.now_month = self.doc.today_month()
        self._root.obj = self.doc.tree
        changed: list[Node] = []
        with gc_paused():
            self._sync_children(self._root, changed)
        self._changed(changed)

    def _changed(self, changed: list[Node]) -> None:
        """Repaint changed rows, and the rolled-up cells of their ancestors once each."""
        dirty: dict[int, Node] = {}
        last = COLUMN_COUNT - 1
        for node in changed:
            if self._nodes.get(node.nid) is not node:
                continue  # removed again later in the same merge
            node.invalidate()
            self.dataChanged.emit(self._index(node, 0), self._index(node, last))
            parent = node.parent
            while parent is not None and parent is not self._root:
                dirty[parent.nid] = parent
                parent = parent.parent
        for parent in dirty.values():
            parent.invalidate()
            self.dataChanged.emit(self._index(parent, COL_JAN), self._index(parent, COL_VERIFIED))

    def _forget(self, node: Node) -> None:
        stack = [node]
        while stack:
            n = stack.pop()
            self._nodes.pop(n.nid, None)
            if self._by_uuid.get(n.obj.uuid) is n:
                del self._by_uuid[n.obj.uuid]
            stack.extend(n.drop())  # freed by reference counting, not the collector

    @staticmethod
    def _renumber(pnode: Node, start: int = 0) -> None:
        for row in range(start, len(pnode.children)):
            pnode.children[row].row = row

    def sync_parents(self, parent_uuids: list[str]) -> None:
        """Merge a structural edit: the snapshot child lists of these parents were patched.

        Only those parents are compared (rows inserted, removed and moved with begin/end
        calls), never the whole plan, so adding or deleting a row costs the same on any plan.
        """
        targets: list[tuple[Node, int]] = []
        for uuid in parent_uuids:
            if self._root.obj is not None and uuid == self._root.obj.uuid:
                targets.append((self._root, 1))
                continue
            node = self._by_uuid.get(uuid)
            if node is None:
                ancestor = self.built_ancestor(uuid)
                if ancestor is None:
                    self.sync()
                    return
                # Rows below it were never made: they will be made from the new snapshot.
                targets.append((ancestor, 0))
                continue
            if node.kind == "sub_activity" and node.parent is not None:
                # Its indicators changed: it may fold into one row or unfold.
                targets.append((node.parent, 2))
            else:
                targets.append((node, 1))
        changed: list[Node] = []
        with gc_paused():
            for node, depth in targets:
                if depth == 0:
                    changed.append(node)
                elif self._nodes.get(node.nid) is node or node is self._root:
                    self._sync_children(node, changed, depth)
        self._changed(changed)

    def _sync_children(self, pnode: Node, changed: list[Node], depth: int | None = None) -> None:
        if not pnode.built:
            return  # its rows will be made from the new snapshot when first asked for
        specs = child_specs(pnode)
        keys = [(k, o.uuid) for k, o, _i, _a in specs]
        wanted = set(keys)
        old = pnode.children
        pindex = self._index(pnode)
        i = len(old) - 1
        while i >= 0:
            if old[i].key in wanted:
                i -= 1
                continue
            j = i
            while j > 0 and old[j - 1].key not in wanted:
                j -= 1
            self.beginRemoveRows(pindex, j, i)
            for gone in old[j : i + 1]:
                self._forget(gone)
            del old[j : i + 1]
            self._renumber(pnode, j)
            self.endRemoveRows()
            if pnode is not self._root:
                changed.append(pnode)
            i = j - 1
        for pos, (kind, obj, ind, area) in enumerate(specs):
            key = keys[pos]
            if pos < len(old) and old[pos].key == key:
                continue
            j = next((k for k in range(pos + 1, len(old)) if old[k].key == key), -1)
            if j >= 0:
                self.beginMoveRows(pindex, j, j, pindex, pos)
                old.insert(pos, old.pop(j))
                self._renumber(pnode, pos)
                self.endMoveRows()
            else:
                self.beginInsertRows(pindex, pos, pos)
                old.insert(pos, self._new(kind, obj, ind, pnode, area))
                self._renumber(pnode, pos)
                self.endInsertRows()
                changed.append(old[pos])
        for child, (_kind, obj, ind, _area) in zip(old, specs, strict=True):
            before = payload(child)
            replaced = child.obj is not obj
            child.obj, child.ind = obj, ind
            self._by_uuid[obj.uuid] = child
            if payload(child) != before or (replaced and not child.built):
                # (below a row whose rows were never made, anything may have changed)
                changed.append(child)
            if depth is None:
                self._sync_children(child, changed)
            elif depth > 1:
                self._sync_children(child, changed, depth - 1)
