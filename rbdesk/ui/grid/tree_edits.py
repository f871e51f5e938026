"""Structural edits of the plan from the grid: add, delete, rename, move, regroup, drag and drop.

Levels are fixed (area → kegiatan → sub kegiatan → indikator), so "indent/outdent" moves a row
into the previous / next group of its level (e.g. an indikator into the sub kegiatan above), the
way a misplaced row of the printed SK is put right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rbdesk.i18n import tr
from rbdesk.models.domain.hierarchy import CHILD, level_title
from rbdesk.ui.dialogs.common import confirm
from rbdesk.ui.grid.plan_columns import COL_TEXT
from rbdesk.ui.grid.plan_nodes import Node
from rbdesk.ui.grid.plan_view import DROP_ABOVE, DROP_BELOW, DROP_ON
from rbdesk.ui.operations import UndoStep, push
from rbdesk.ui.undo import plan_commands as uc

if TYPE_CHECKING:
    from rbdesk.ui.window.main_window import MainWindow



def _parent_uuid(win: MainWindow, node: Node) -> str:
    if node.kind == "area":
        return win.doc.plan_uuid
    return node.parent.uuid if node.parent is not None else ""


def _push(win: MainWindow, cmd: UndoStep) -> bool:
    if win.doc.readonly:
        win.show_message(tr("Berkas dibuka hanya-baca; perubahan tidak dapat disimpan."))
        return False
    return push(cmd).ok


def add_sibling(win: MainWindow) -> None:
    node = win.current_node()
    if node is None:
        kind, parent, index = "area", win.doc.plan_uuid, None
    else:
        kind, parent, index = node.kind, _parent_uuid(win, node), node.row + 1
    if _push(win, uc.AddNodeCommand(win.doc, win.state, kind, parent, index, _new_text(kind))):
        win.edit_current(COL_TEXT)


def _new_text(kind: str) -> str:
    return tr("{level} baru").format(level=level_title(kind))


def add_child(win: MainWindow) -> None:
    node = win.current_node()
    if node is None:
        add_sibling(win)
        return
    kind = CHILD.get(node.kind)
    if kind is None:
        win.show_message(tr("Indikator tidak dapat memiliki baris anak; gunakan "
                            "\"Tambah baris di bawah\" (Insert)."))
        return
    if _push(win, uc.AddNodeCommand(win.doc, win.state, kind, node.uuid, None, _new_text(kind))):
        win.edit_current(COL_TEXT)


def delete_current(win: MainWindow) -> None:
    node = win.current_node()
    if node is None:
        return
    count = len(node.indicators())
    what = level_title(node.kind).lower()
    text = tr("Hapus {what} \"{name}\"").format(what=what, name=(node.text or "")[:80])
    if node.kind != "indicator" and count:
        text += tr(" beserta {n} indikator di dalamnya").format(n=count)
    text += tr("?\n\nPenghapusan dapat diurungkan dengan Ctrl+Z.")
    if not confirm(win, tr("Hapus baris"), text, tr("Hapus")):
        return
    _push(win, uc.DeleteNodeCommand(win.doc, win.state, node.kind, node.uuid, node.row,
                                    _parent_uuid(win, node)))


def move(win: MainWindow, delta: int) -> None:
    node = win.current_node()
    if node is None:
        return
    siblings = node.parent.children if node.parent is not None else []
    target = node.row + delta
    if not 0 <= target < len(siblings):
        win.show_message(tr("Baris ini sudah paling atas.") if delta < 0
                         else tr("Baris ini sudah paling bawah."))
        return
    _push(win, uc.MoveCommand(win.doc, win.state, node.kind, node.uuid, delta))


def regroup(win: MainWindow, delta: int) -> None:
    """Move the row into the previous (delta -1, at the end) or next (+1, at the start) group."""
    node = win.current_node()
    if node is None:
        return
    parent = node.parent
    if node.kind == "area" or parent is None or parent.parent is None:
        win.show_message(tr("Area perubahan tidak memiliki kelompok di atasnya."))
        return
    uncles = parent.parent.children
    pos = parent.row + delta
    if not 0 <= pos < len(uncles):
        win.show_message(tr("Tidak ada kelompok sebelumnya.") if delta < 0
                         else tr("Tidak ada kelompok berikutnya."))
        return
    target = uncles[pos]
    index = None if delta < 0 else 0
    text = tr("Pindahkan ke kelompok sebelumnya") if delta < 0 \
        else tr("Pindahkan ke kelompok berikutnya")
    _push(win, uc.ReparentCommand(win.doc, win.state, node.kind, node.uuid, target.uuid, index,
                                  parent.uuid, node.row, text))


def drop(win: MainWindow, source: str, target_uuid: str, where: str) -> bool:
    """Drag and drop: beside a row of the same level, or onto a row of the parent level."""
    kind, _, uuid = source.partition(":")
    src = win.model._by_uuid.get(uuid)
    dst = win.model._by_uuid.get(target_uuid)
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
        parent_uuid = _parent_uuid(win, dst)
        index = dst.row + (1 if where == DROP_BELOW else 0)
        if dst.parent is src.parent and src.row < index:
            index -= 1
    elif CHILD.get(dst.kind) == src.kind and where == DROP_ON:
        parent_uuid, index = dst.uuid, None
    else:
        win.show_message(tr("{what} tidak dapat dipindahkan ke sana.").format(
            what=level_title(src.kind)))
        return False
    old_parent = _parent_uuid(win, src)
    if src.kind == "area":
        if index is None or index == src.row:
            return False
        return _push(win, uc.MoveCommand(win.doc, win.state, "area", src.uuid, index - src.row))
    if parent_uuid == old_parent and index == src.row:
        return False
    return _push(win, uc.ReparentCommand(win.doc, win.state, src.kind, src.uuid, parent_uuid, index,
                                         old_parent, src.row))
