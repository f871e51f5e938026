"""The window shows what offices write beside an indicator: Target, Satuan and PJ columns hidden
by default and shown from the header's menu (remembered), the row's details in its tooltip,
edits that are undoable and version-checked, and the plan's own level names in the header."""

from __future__ import annotations

from grid_helpers import find, rows
from PySide6.QtCore import Qt

from rbdesk.models.domain.node_reads import load_indicator
from rbdesk.models.edits.indicator_edit import set_indicator_fields, set_level_names
from rbdesk.models.storage.store import Store
from rbdesk.ui.grid.plan_columns import COL_PJ, COL_TARGET, COL_TEXT, COL_UNIT
from rbdesk.ui.grid.plan_view import PlanView
from rbdesk.ui.roles import Role


def test_columns_hidden_until_chosen_from_the_header_menu(window, qtbot) -> None:
    view = window.view
    assert all(view.isColumnHidden(c) for c in (COL_TARGET, COL_UNIT, COL_PJ))
    menu = view.header_menu()
    assert [a.text() for a in menu.actions()] == ["Target", "Satuan", "Penanggung jawab"]
    assert not any(a.isChecked() for a in menu.actions())
    menu.actions()[0].setChecked(True)
    menu.actions()[2].setChecked(True)
    assert not view.isColumnHidden(COL_TARGET) and not view.isColumnHidden(COL_PJ)
    assert view.isColumnHidden(COL_UNIT)
    assert window.proxy.headerData(COL_PJ, Qt.Orientation.Horizontal) == "PJ"
    # remembered on this PC: a grid made later shows the same columns
    again = PlanView()
    again.setModel(window.proxy)
    again.setup_columns()
    assert [again.isColumnHidden(c) for c in (COL_TARGET, COL_UNIT, COL_PJ)] == [
        False,
        True,
        False,
    ]


def test_edit_target_and_pj_in_the_grid_then_undo(window, qtbot) -> None:
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    store = window.doc.store
    assert window.proxy.setData(index.siblingAtColumn(COL_TARGET), "100")
    assert window.proxy.setData(index.siblingAtColumn(COL_UNIT), "%")
    assert window.proxy.setData(index.siblingAtColumn(COL_PJ), "Sri Mulyawati")
    ind = load_indicator(store, uuid)
    assert ind is not None and (ind.target, ind.target_unit, ind.responsible) == (
        "100",
        "%",
        "Sri Mulyawati",
    )
    assert ind.responsible_uuid  # linked to the roster's person
    assert index.siblingAtColumn(COL_TARGET).data() == "100"
    tip = index.siblingAtColumn(COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Target: 100 %" in tip and "Penanggung jawab: Sri Mulyawati (daftar tim)" in tip
    window.doc.undo_stack.undo()
    assert load_indicator(store, uuid).responsible == ""
    assert index.siblingAtColumn(COL_PJ).data() == ""
    window.doc.undo_stack.redo()
    assert load_indicator(store, uuid).responsible == "Sri Mulyawati"


def test_an_edit_on_a_row_changed_elsewhere_is_refused(window, sample_path, messages) -> None:
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    with Store.open(sample_path, user="Lain") as other:
        set_indicator_fields(other, uuid, {"target": "90"})
    assert not window.proxy.setData(index.siblingAtColumn(COL_TARGET), "100")
    assert load_indicator(window.doc.store, uuid).target == "90"


def test_the_header_names_the_plans_levels(window, qtbot) -> None:
    tip = window.proxy.headerData(COL_TEXT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Area perubahan › Kegiatan › Sub kegiatan › Indikator keberhasilan"
    set_level_names(
        window.doc.store, window.doc.tree.uuid, ["Sasaran", "Program", "Kegiatan", "Output"]
    )
    window.doc.reload()
    tip = window.proxy.headerData(COL_TEXT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Sasaran › Program › Kegiatan › Output"
    area = find(window.proxy, "", kind="area")
    assert area.siblingAtColumn(COL_TEXT).data(Qt.ItemDataRole.ToolTipRole).startswith("Sasaran: ")
    bar = window.filter_bar
    assert bar.area_label.text() == "Sasaran:" and bar.area.itemText(0) == "Semua"


def test_search_finds_a_row_by_its_penanggung_jawab(window, qtbot) -> None:
    uuid = find(window.proxy, "LHKPN").data(Role.INDICATOR_UUID)
    set_indicator_fields(window.doc.store, uuid, {"responsible": "Subbag Hukum", "target": "12"})
    window.doc.reload()
    window.filter_bar.search.setText("subbag hukum")
    window.filter_bar.apply_text_now()
    leaves = [
        i for i in rows(window.proxy) if i.data(Role.INDICATOR_UUID) and i.data(Role.KIND) != "area"
    ]
    assert {i.data(Role.INDICATOR_UUID) for i in leaves if not window.proxy.hasChildren(i)} == {
        uuid
    }


def test_a_new_row_is_named_after_the_plans_level(window, qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit

    from rbdesk.ui.window.action_table import Act

    set_level_names(
        window.doc.store, window.doc.plan_uuid, ["Sasaran", "Program", "Kegiatan", "Output"]
    )
    window.doc.reload()
    window.view.setCurrentIndex(find(window.proxy, "LHKPN"))
    window.acts[Act.ADD_SIBLING].trigger()
    editor = next(e for e in window.view.viewport().findChildren(QLineEdit) if e.isVisible())
    assert editor.text() == "Output baru"
