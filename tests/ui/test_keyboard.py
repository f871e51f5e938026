"""The keyboard reaches everything in the real window: cells by arrows, folding on the tree's
columns or by +/−, Tab and F6 through the grid and into every panel, the panels' shortcuts, the
evidence and review boxes, and words for a screen reader where the grid shows colours."""

from __future__ import annotations

from pathlib import Path

import pytest
from grid_helpers import find
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from rbdesk.models.edits import realisation, review
from rbdesk.ui.grid.plan_columns import COL_NO, COL_TEXT, column_month, month_column
from rbdesk.ui.roles import Role
from rbdesk.ui.window.action_table import Act


def key(widget, k, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(widget, k, modifier)
    QApplication.processEvents()


def tab_to(widget, limit: int = 40) -> None:
    """Press Tab until ``widget`` has the focus (it must, within ``limit`` presses)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        key(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget, QApplication.focusWidget()


def focus_grid(window, qtbot, index):
    window.activateWindow()
    window.view.setFocus()
    window.view.setCurrentIndex(index)
    qtbot.waitUntil(window.view.hasFocus)


def test_arrows_move_between_months_and_fold_only_on_the_tree_columns(window, qtbot):
    view = window.view
    area = window.proxy.index(0, 0)
    row = find(window.proxy, "LHKPN")
    focus_grid(window, qtbot, row.siblingAtColumn(month_column(6)))
    key(view, Qt.Key.Key_Left)
    assert view.currentIndex().row() == row.row() and window.current_month() == 5
    key(view, Qt.Key.Key_Left)
    key(view, Qt.Key.Key_Right)
    key(view, Qt.Key.Key_Right)
    assert window.current_month() == 6 and view.isExpanded(area)
    for _ in range(6):  # back to January, then to the Uraian: no row is folded on the way
        key(view, Qt.Key.Key_Left)
    assert view.currentIndex().column() == COL_TEXT and view.isExpanded(row.parent())
    key(view, Qt.Key.Key_Down)
    key(view, Qt.Key.Key_Up)
    assert view.currentIndex() == row.siblingAtColumn(COL_TEXT)
    # On the Uraian, Left goes to the parent row and folds it; Right unfolds it again.
    parent = row.parent()
    key(view, Qt.Key.Key_Left)
    assert view.currentIndex() == parent.siblingAtColumn(COL_TEXT) and view.isExpanded(parent)
    key(view, Qt.Key.Key_Left)
    assert not view.isExpanded(parent)
    key(view, Qt.Key.Key_Right)
    assert view.isExpanded(parent) and view.currentIndex().column() == COL_TEXT
    key(view, Qt.Key.Key_Right)  # an unfolded row: on to the months
    assert window.current_month() == 1
    # + and − fold anywhere, also on a month cell.
    key(view, Qt.Key.Key_Minus)
    assert not view.isExpanded(parent) and window.current_month() == 1
    key(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)  # "+" is Shift+= here
    assert view.isExpanded(parent) and window.current_month() == 1
    key(view, Qt.Key.Key_Minus)
    key(view, Qt.Key.Key_Asterisk, Qt.KeyboardModifier.ShiftModifier)
    assert view.isExpanded(parent)
    # The No column is the tree's too: Right unfolds there, Left folds.
    focus_grid(window, qtbot, area.siblingAtColumn(COL_NO))
    key(view, Qt.Key.Key_Left)
    assert not view.isExpanded(area)
    key(view, Qt.Key.Key_Right)
    assert view.isExpanded(area)


def _reached(window, presses: int, modifier=Qt.KeyboardModifier.NoModifier, k=Qt.Key.Key_Tab):
    seen = []
    for _ in range(presses):
        key(QApplication.focusWidget() or window, k, modifier)
        widget = QApplication.focusWidget()
        seen.append(widget)
        # Where the focus is can be seen: a panel behind another's tab is brought forward (Qt
        # only moves it out of the window, so "visible" alone would not tell).
        assert widget is not None and widget.isVisible()
        dock = next((d for d in window.docks.values() if d.isAncestorOf(widget)), None)
        assert dock is None or window.rect().contains(dock.geometry()), dock.objectName()
    return seen


def _dock_of(window, widget):
    return next((name for name, d in window.docks.items() if d.isAncestorOf(widget)), "")


def test_tab_and_f6_walk_the_grid_and_into_every_panel(window, qtbot):
    row = find(window.proxy, "LHKPN")
    focus_grid(window, qtbot, row.siblingAtColumn(month_column(3)))
    seen = _reached(window, 40)
    docks = [_dock_of(window, w) for w in seen]
    # After the grid: Bulan ini, then Bukti dukung, then Tim, each into its contents.
    order = [d for i, d in enumerate(docks) if d and (i == 0 or docks[i - 1] != d)]
    assert order[:3] == ["monthDock", "evidenceDock", "rosterDock"]
    for name in ("monthDock", "evidenceDock", "rosterDock"):
        inside = [w for w, d in zip(seen, docks, strict=True) if d == name]
        assert len(inside) >= 2 or name == "evidenceDock"  # a panel's contents, not its tab
        assert window.docks[name].isVisible() or name != docks[-1]
    assert window.view in seen and window.filter_bar.search in seen
    # The focus was always on a widget that shows it (never on a hidden one).
    assert all(w is not None and w.isVisible() for w in seen)
    # Shift+Tab walks back the same way.
    focus_grid(window, qtbot, row.siblingAtColumn(month_column(3)))
    back = _reached(window, 3, Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Backtab)
    assert all(_dock_of(window, w) == "" for w in back)  # the filters above the grid
    # F6 jumps region by region: grid → Bulan ini → Bukti dukung → Tim → filters → grid.
    focus_grid(window, qtbot, row.siblingAtColumn(month_column(3)))
    jumps = [_dock_of(window, w) or w.objectName() for w in _reached(window, 5, k=Qt.Key.Key_F6)]
    assert jumps == ["monthDock", "evidenceDock", "rosterDock", "search", "planView"]
    jumps = _reached(window, 2, Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_F6)
    assert [w.objectName() for w in jumps][0] == "search"
    assert _dock_of(window, jumps[1]) == "rosterDock"


def test_panel_shortcuts_bring_the_panel_forward_and_never_hide_it(window, qtbot):
    month = window.docks["monthDock"]
    # On the office screen the panels are tabs of one column: Bulan ini sits behind Bukti dukung.
    assert window.docks["evidenceDock"] in window.tabifiedDockWidgets(month)
    window.docks["evidenceDock"].raise_()
    QApplication.processEvents()
    assert month.x() < 0  # behind the other tab (Qt moves it off the window)
    window.view.setFocus()
    act = window.acts[Act.MONTH_DOCK]
    assert act.shortcut().toString() == "Alt+3"
    for _ in range(2):  # pressed twice: still shown, still focused
        act.trigger()
        QApplication.processEvents()
        assert month.isVisible() and month.isAncestorOf(QApplication.focusWidget())
    window.acts[Act.ROSTER_DOCK].trigger()
    QApplication.processEvents()
    assert window.docks["rosterDock"].isAncestorOf(QApplication.focusWidget())
    # A panel closed with its own button comes back with its shortcut.
    window.docks["evidenceDock"].close()
    window.acts[Act.EVIDENCE_DOCK].trigger()
    QApplication.processEvents()
    assert window.docks["evidenceDock"].isVisible()


def test_every_action_of_the_evidence_and_review_boxes_by_keyboard(
    window, qtbot, tmp_path: Path, monkeypatch, messages
):
    store = window.doc.store
    row = find(window.proxy, "LHKPN")
    uuid = row.data(Role.INDICATOR_UUID)
    realisation.set_status(store, uuid, 3, "selesai")
    window.doc.reload()
    focus_grid(window, qtbot, find(window.proxy, "LHKPN").siblingAtColumn(month_column(3)))
    key(window.view, Qt.Key.Key_F6)
    key(QApplication.focusWidget(), Qt.Key.Key_F6)  # Bulan ini, then Bukti dukung
    dock = window.docks["evidenceDock"]
    assert dock.isVisible() and dock.isAncestorOf(QApplication.focusWidget())
    seen = [QApplication.focusWidget(), *_reached(window, 25)]
    inside = [w for w in seen if dock.isAncestorOf(w)]
    names = {w.objectName() for w in inside} | {
        w.text() for w in inside if isinstance(w, QPushButton)
    }
    for wanted in (
        "status_",  # the status choice: one stop, the arrows choose (as radio buttons do)
        "realisationNote",
        "reviewForOther",  # the reviewer's name is this user's until this is ticked
        "reviewNote",
        "review_memenuhi",
        "review_perlu_revisi",
        "review_ditolak",
        "evidenceFiles",
        "Tambah be&rkas…",
    ):
        assert any(wanted in n for n in names), wanted
    # Attach a file from the keyboard: Tab to "Tambah berkas", Space.
    proof = tmp_path / "notulen.pdf"
    proof.write_bytes(b"%PDF-1.4 notulen")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(proof)], ""))
    )
    add = next(w for w in inside if isinstance(w, QPushButton) and "Tambah" in w.text())
    tab_to(add)
    key(add, Qt.Key.Key_Space)
    assert [i.filename for i in realisation.list_evidence(store, uuid, 3)] == ["notulen.pdf"]
    # Open it and remove it: Tab to the list of files, Enter opens, Tab on to "Hapus".
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    tab_to(dock.view)
    key(dock.view, Qt.Key.Key_Return)
    assert [Path(u.toLocalFile()).name for u in opened] == ["notulen.pdf"]
    remove = next(w for w in dock.findChildren(QPushButton) if w.text() == "&Hapus")
    assert remove.isEnabled()  # the file the cursor is on is chosen
    tab_to(remove)
    messages.answer = True
    key(remove, Qt.Key.Key_Space)
    assert realisation.list_evidence(store, uuid, 3) == []
    # A verdict with its note, by keyboard only.
    note = dock.findChild(type(dock.note_edit), "reviewNote")
    note.setFocus()
    QTest.keyClicks(note, "Kurang tanda tangan")
    verdict = dock.review.buttons["perlu_revisi"]
    tab_to(verdict)
    key(verdict, Qt.Key.Key_Space)
    cell = window.doc.tree.indicators()[0]
    cell = next(i for i in window.doc.tree.indicators() if i.uuid == uuid).realisation[3]
    assert cell.review_state == "perlu_revisi" and cell.review_note == "Kurang tanda tangan"


def test_cells_say_in_words_what_their_colours_show(window, qtmodeltester):
    store = window.doc.store
    ind = next(i for i in window.doc.tree.indicators() if i.is_planned(6) and i.is_planned(2))
    uuid = ind.uuid
    realisation.set_status(store, uuid, 6, "selesai")
    realisation.attach_bytes(store, uuid, 6, "foto.jpg", b"jpeg")
    realisation.set_status(store, uuid, 2, "sebagian")
    review.review_month(store, uuid, 2, "memenuhi", by="Dekky")
    window.doc.reload()
    row = window.proxy.mapFromSource(window.model.index_of(uuid))
    spoken = row.siblingAtColumn(month_column(6)).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Juni: selesai, ada bukti dukung, menunggu verifikasi, bulan ini"
    spoken = row.siblingAtColumn(month_column(2)).data(Qt.ItemDataRole.AccessibleTextRole)
    # February is past and only partly done: the domain's late rule says so in words.
    assert (
        spoken == "Februari: sebagian, terlambat, belum ada bukti dukung, memenuhi (terverifikasi)"
    )
    spoken = row.siblingAtColumn(month_column(11)).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "November: " + ("direncanakan" if ind.is_planned(11) else "tidak direncanakan")
    text = row.siblingAtColumn(COL_TEXT).data(Qt.ItemDataRole.AccessibleTextRole)
    assert ind.text.split()[0] in text and text.startswith("Indikator")
    parent = row.parent().siblingAtColumn(month_column(6))
    assert parent.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Juni: ")
    qtmodeltester.check(window.model)


def test_a_bulan_ini_item_selects_its_months_cell(window, qtbot):
    dock = window.docks["monthDock"]
    dock.raise_()
    qtbot.waitUntil(lambda: not dock.refresh_pending)
    model = dock.items_model
    group = model.index(0, 0)
    area = model.index(0, 0, group)
    item = model.index(0, 0, area)
    assert item.data(Role.KIND) == "item"
    rect = dock.items_view.visualRect(item)
    qtbot.mouseClick(dock.items_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = window.view.currentIndex()
    assert column_month(current.column()) == dock.month == 6
    assert current.data(Role.INDICATOR_UUID) == item.data(Role.UUID)


def _mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


def test_alt_letters_of_the_tim_panel_are_not_the_menus(window, qtbot):
    from PySide6.QtWidgets import QAbstractButton, QTabWidget

    dock = window.docks["rosterDock"]
    dock.raise_()
    QApplication.processEvents()
    letters = [_mnemonic(a.text()) for a in window.menuBar().actions()]
    texts = [w.text() for w in dock.findChildren(QAbstractButton) if w.isVisibleTo(dock)]
    tabs = dock.findChild(QTabWidget)
    texts += [tabs.tabText(i) for i in range(tabs.count())]
    letters += [_mnemonic(t) for t in texts]
    letters = [c for c in letters if c]
    assert len(texts) >= 6
    assert sorted(c for c in set(letters) if letters.count(c) > 1) == []


def test_alt_letters_of_the_evidence_and_review_boxes_are_their_own(window, qtbot):
    """Alt+letter opens a box's button at the first press only when no menu and no other
    visible control has that letter (else Qt only moves the focus between them)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dock = window.docks["evidenceDock"]
    dock.raise_()
    QApplication.processEvents()
    letters = [_mnemonic(a.text()) for a in window.menuBar().actions()]
    texts = [w.text() for w in dock.findChildren(QAbstractButton) if w.isVisibleTo(dock)]
    texts += [w.text() for w in dock.findChildren(QLabel) if w.buddy() is not None]
    letters += [_mnemonic(t) for t in texts]
    letters = [c for c in letters if c]
    assert len(texts) >= 14
    assert sorted(c for c in set(letters) if letters.count(c) > 1) == []


def test_the_guide_has_a_keyboard_page_from_the_action_table(window, qtbot):
    from PySide6.QtGui import QKeySequence

    from rbdesk.i18n import tr
    from rbdesk.ui.dialogs.guide import GuideDialog
    from rbdesk.ui.window.action_table import DOCKS, KEYBOARD

    window.acts[Act.GUIDE].trigger()
    guide = window.findChild(GuideDialog)
    text = guide.browser.toPlainText()
    assert "Bekerja dengan papan ketik" in text and "Pintasan papan ketik" in text
    for keys, what in KEYBOARD:
        assert tr(what) in text and keys.split()[0] in text
    for act in DOCKS:  # the panels' keys, as the window binds them
        shown = window.acts[act].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert f"{shown} {window.acts[act].text()}" in text
    guide.close()


def test_a_menu_item_that_is_no_action_is_refused_not_taken_for_recent_files(window):
    from PySide6.QtWidgets import QMenu

    menu = QMenu(window)
    window.acts.fill(menu, ("recent",))  # RECENT without a recent-files menu: nothing added
    assert not menu.actions()
    with pytest.raises(ValueError, match="unknown menu item"):
        window.acts.fill(menu, ("recnet",))
