"""Structural edits of the plan from the grid: add, delete, rename, move, regroup, drag and drop.

Levels are fixed (area → kegiatan → sub kegiatan → indikator), so "indent/outdent" moves a row
into the previous / next group of its level (e.g. an indikator into the sub kegiatan above), the
way a misplaced row of the printed SK is put right.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from rbdesk.i18n import tr
from rbdesk.models.domain.hierarchy import CHILD, level_title
from rbdesk.models.domain.indicator_fields import level_name
from rbdesk.ui.dialogs.common import confirm
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.plan_model import PlanModel
from rbdesk.ui.grid.plan_nodes import Node
from rbdesk.ui.grid.plan_view import DROP_ABOVE, DROP_BELOW, DROP_ON
from rbdesk.ui.operations import push
from rbdesk.ui.undo import plan_steps as uc
from rbdesk.ui.view_state import ViewState


class TreeEdits:
    """The grid's structural edits, given what they use: the document and view state, the grid's
    model, its current row and a way to start editing its text, a parent for the question
    before a delete, and a notifier."""

    def __init__(
        self,
        doc: PlanDocument,
        state: ViewState,
        model: PlanModel,
        current: Callable[[], Node | None],
        edit_text: Callable[[], None],
        parent: QWidget,
        notify: Callable[[str], None],
    ) -> None:
        self.doc, self.state, self.model = doc, state, model
        self.current, self.edit_text = current, edit_text
        self.parent, self.notify = parent, notify

    def _level(self, kind: str) -> str:
        """What the plan calls this level: its own name (Program, Output), else rbdesk's."""
        tree = self.doc.tree
        if tree is not None and tree.level_names:
            return level_name(tree.level_names, kind)
        return level_title(kind)

    def _new_text(self, kind: str) -> str:
        return tr("{level} baru").format(level=self._level(kind))

    def _parent_uuid(self, node: Node) -> str:
        if node.kind == "area":
            return self.doc.plan_uuid
        return node.parent.uuid if node.parent is not None else ""

    def add_sibling(self) -> None:
        node = self.current()
        if node is None:
            kind, parent, index = "area", self.doc.plan_uuid, None
        else:
            kind, parent, index = node.kind, self._parent_uuid(node), node.row + 1
        self._add(kind, parent, index)

    def _add(self, kind: str, parent: str, index: int | None) -> None:
        new = uc.AddNodeCommand(self.doc, self.state, kind, parent, index, self._new_text(kind))
        if push(new).ok:
            self.edit_text()

    def add_child(self) -> None:
        node = self.current()
        if node is None:
            self.add_sibling()
            return
        kind = CHILD.get(node.kind)
        if kind is None:
            self.notify(
                tr(
                    "Indikator tidak dapat memiliki baris anak; gunakan "
                    '"Tambah baris di bawah" (Insert).'
                )
            )
            return
        self._add(kind, node.uuid, None)

    def delete_current(self) -> None:
        node = self.current()
        if node is None:
            return
        count = len(node.indicators())
        what = self._level(node.kind).lower()
        text = tr('Hapus {what} "{name}"').format(what=what, name=(node.text or "")[:80])
        if node.kind != "indicator" and count:
            text += tr(" beserta {n} indikator di dalamnya").format(n=count)
        text += tr("?\n\nPenghapusan dapat diurungkan dengan Ctrl+Z.")
        if not confirm(self.parent, tr("Hapus baris"), text, tr("Hapus")):
            return
        push(uc.DeleteNodeCommand(self.doc, self.state, node.kind, node.uuid, node.row))

    def move(self, delta: int) -> None:
        node = self.current()
        if node is None:
            return
        siblings = node.parent.children if node.parent is not None else []
        target = node.row + delta
        if not 0 <= target < len(siblings):
            up, down = tr("Baris ini sudah paling atas."), tr("Baris ini sudah paling bawah.")
            self.notify(up if delta < 0 else down)
            return
        push(uc.MoveCommand(self.doc, self.state, node.kind, node.uuid, delta))

    def regroup(self, delta: int) -> None:
        """Move the row into the previous (delta -1, at the end) or next (+1, at the start)
        group."""
        node = self.current()
        if node is None:
            return
        parent = node.parent
        if node.kind == "area" or parent is None or parent.parent is None:
            self.notify(tr("Area perubahan tidak memiliki kelompok di atasnya."))
            return
        uncles = parent.parent.children
        pos = parent.row + delta
        if not 0 <= pos < len(uncles):
            back, on = tr("Tidak ada kelompok sebelumnya."), tr("Tidak ada kelompok berikutnya.")
            self.notify(back if delta < 0 else on)
            return
        target = uncles[pos]
        index = None if delta < 0 else 0
        back, on = tr("Pindahkan ke kelompok sebelumnya"), tr("Pindahkan ke kelompok berikutnya")
        text = back if delta < 0 else on
        push(
            uc.ReparentCommand(
                self.doc,
                self.state,
                node.kind,
                node.uuid,
                target.uuid,
                index,
                parent.uuid,
                node.row,
                text,
            )
        )

    def drop(self, source: str, target_uuid: str, where: str) -> bool:
        """Drag and drop: beside a row of the same level, or onto a row of the parent level."""
        kind, _, uuid = source.partition(":")
        src = self.model.find(uuid)
        dst = self.model.find(target_uuid)
        if src is None or dst is None or src is dst or src.kind != kind:
            return False
        ancestor = dst.parent
        while ancestor is not None:
            if ancestor is src:
                return False
            ancestor = ancestor.parent
        parent_uuid: str
        index: int | None
        if dst.kind == src.kind and where in (DROP_ABOVE, DROP_BELOW):
            parent_uuid = self._parent_uuid(dst)
            index = dst.row + (1 if where == DROP_BELOW else 0)
            if dst.parent is src.parent and src.row < index:
                index -= 1
        elif CHILD.get(dst.kind) == src.kind and where == DROP_ON:
            parent_uuid, index = dst.uuid, None
        else:
            self.notify(
                tr("{what} tidak dapat dipindahkan ke sana.").format(what=self._level(src.kind))
            )
            return False
        old_parent = self._parent_uuid(src)
        if src.kind == "area":
            if index is None or index == src.row:
                return False
            return push(uc.MoveCommand(self.doc, self.state, "area", src.uuid, index - src.row)).ok
        if parent_uuid == old_parent and index == src.row:
            return False
        return push(
            uc.ReparentCommand(
                self.doc, self.state, src.kind, src.uuid, parent_uuid, index, old_parent, src.row
            )
        ).ok
