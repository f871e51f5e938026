"""Tampilan → Per triwulan: the quarter view of the grid in the real window. TW I-IV rolled up
from the months (planned, done, partly done, verified, a state with its symbol and colour), the
same rows as the month grid, reached and left by keyboard, following edits, its model checked
with Qt's model tester."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from rbdesk.models.domain.months import current_month
from rbdesk.models.domain.progress import MonthState, RollUp, month_rollups
from rbdesk.models.domain.quarters import quarter_months, quarter_rollups, quarter_state
from rbdesk.ui.grid.plan_columns import column_month, month_column
from rbdesk.ui.grid.quarter_model import (
    QCOL_TEXT,
    QCOL_TW1,
    QuarterModel,
    quarter_column,
)
from rbdesk.ui.roles import Role
from rbdesk.ui.view_state import Mode
from rbdesk.ui.window.action_table import Act


def _rows(model, parent: QModelIndex = QModelIndex()):  # noqa: B008 - Qt's root index
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        yield index
        yield from _rows(model, index)


def test_the_quarter_model_passes_the_model_tester(ctx, qtmodeltester) -> None:
    model = QuarterModel(ctx)
    model.set_live(True)
    qtmodeltester.check(model)
    ctx.treeReloaded.emit()  # rebuilt while shown
    qtmodeltester.check(model)


def test_quarters_are_the_months_rolled_up(ctx) -> None:
    """Every row's TW I-IV: the sums of its three months, as the models count them."""
    model = QuarterModel(ctx)
    model.set_live(True)
    now = ctx.today_month()
    assert now == current_month(ctx.tree.year, dt.date(2024, 6, 14)) == 6
    seen = 0
    for index in _rows(model):
        node = model.node(index)
        months = month_rollups(node.indicators(), now)
        for q in range(1, 5):
            cell = index.siblingAtColumn(quarter_column(q))
            r = cell.data(Role.CELL)
            three = [months[m - 1] for m in quarter_months(q)]
            assert r.planned == sum(x.planned for x in three)
            assert r.done == sum(x.done for x in three)
            assert r.partial == sum(x.partial for x in three)
            assert r.verified_done == sum(x.verified_done for x in three)
            assert r == quarter_rollups(months)[q - 1]
            state = cell.data(Role.MONTH_STATE)
            assert state == quarter_state(months, q, now)
            text = cell.data()
            if r.planned:
                assert text.endswith(f" {r.done}/{r.planned}")
            if state != MonthState.EMPTY:
                assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
                assert text  # a symbol with the colour, never the colour alone
        seen += 1
    assert seen > 100  # the whole sample plan, every level
    area = model.index(0, QCOL_TEXT)
    assert area.data() == ctx.tree.areas[0].name
    assert model.headerData(QCOL_TW1, Qt.Orientation.Horizontal) == "TW I"
    tip = model.headerData(QCOL_TW1 + 1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Triwulan II (April – Juni) (triwulan ini)"  # today is 14 June 2024


def test_quarter_states_read_as_the_months() -> None:
    empty = [RollUp()] * 12

    def months(**by_month: RollUp) -> list[RollUp]:
        out = list(empty)
        for key, r in by_month.items():
            out[int(key[1:]) - 1] = r
        return out

    assert quarter_state(empty, 2, 6) is MonthState.EMPTY
    assert quarter_state(months(m5=RollUp(extra=1)), 2, 6) is MonthState.UNPLANNED_DONE
    assert quarter_state(months(m4=RollUp(planned=1, done=1)), 2, 6) is MonthState.DONE
    late = months(m4=RollUp(planned=1, late=1), m5=RollUp(planned=1, done=1))
    assert quarter_state(late, 2, 6) is MonthState.LATE
    going = months(m4=RollUp(planned=1, done=1), m6=RollUp(planned=1))
    assert quarter_state(going, 2, 5) is MonthState.PARTIAL
    assert quarter_state(months(m6=RollUp(planned=1)), 2, 6) is MonthState.DUE
    assert quarter_state(months(m12=RollUp(planned=1)), 4, 6) is MonthState.PLANNED


def test_the_quarter_view_from_the_tampilan_menu_and_back(window, qtbot) -> None:
    """Ctrl+Shift+T (Tampilan → Tampilan per triwulan) shows the quarter view on the row the
    user was on; Enter on a quarter opens its month in the month grid on the same row."""
    tampilan = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Tampilan"
    )
    act = window.acts[Act.QUARTER_VIEW]
    assert act in tampilan.actions() and act.isCheckable()
    assert act.shortcut().toString() == "Ctrl+Shift+T"
    ind = next(i for i in window.doc.tree.indicators() if i.text and 5 in i.planned_months)
    window.select_uuid(ind.uuid)
    assert not window.quarter_view.isVisible()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_T, shift_ctrl)
    assert act.isChecked() and window.quarter_view.isVisible() and not window.view.isVisible()
    assert QApplication.focusWidget() is window.quarter_view
    assert "TRIWULAN" in window.mode_label.text()
    current = window.quarter_view.currentIndex()
    assert current.data(Role.UUID) == ind.uuid and current.column() == quarter_column(2)
    assert current.data(Role.CELL).planned >= 1
    # Enter on TW II: the month grid comes back on that row and on this month (June)
    qtbot.keyClick(window.quarter_view, Qt.Key.Key_Return)
    assert window.view.isVisible() and not act.isChecked()
    assert window.current_row_uuid() == ind.uuid
    assert column_month(window.view.currentIndex().column()) == 6
    assert "TRIWULAN" not in window.mode_label.text()


def test_the_quarter_view_follows_edits_and_month_actions_bring_the_grid_back(
    window, qtbot
) -> None:
    ind = next(
        i
        for i in window.doc.tree.indicators()
        if i.text and 11 in i.planned_months and i.status(11) != "selesai"
    )
    window.select_uuid(ind.uuid)
    window.acts[Act.QUARTER_VIEW].trigger()
    view = window.quarter_view
    index = view.quarters.index_of(ind.uuid, quarter_column(4))
    before = index.data(Role.CELL).done
    view.expand(index.parent())
    # November realised from the month grid, then undone: the quarter view follows both
    window.acts[Act.QUARTER_VIEW].trigger()
    window.set_mode(Mode.REALISATION)
    cell = window.model.index_of(ind.uuid, month_column(11))
    assert window.model.setData(cell, "selesai", Role.STATUS)
    window.acts[Act.QUARTER_VIEW].trigger()
    index = view.quarters.index_of(ind.uuid, quarter_column(4))
    assert index.data(Role.CELL).done == before + 1
    assert view.isExpanded(index.parent())  # the rows the user had open stay open
    window.doc.undo_stack.undo()  # Ctrl+Z while the quarter view is shown
    index = view.quarters.index_of(ind.uuid, quarter_column(4))
    assert index.data(Role.CELL).done == before
    assert view.currentIndex().data(Role.UUID) == ind.uuid  # still on the user's row
    # an action on the month grid's cell (Ubah → Catatan realisasi, Ctrl+T…) brings the month
    # grid back first, on the row chosen in the quarter view: nothing changes out of sight
    window.acts[Act.THIS_MONTH].trigger()
    assert window.view.isVisible() and not window.acts[Act.QUARTER_VIEW].isChecked()
    assert window.current_row_uuid() == ind.uuid
    assert column_month(window.view.currentIndex().column()) == 6


def test_expand_and_collapse_act_on_the_view_shown(window) -> None:
    window.acts[Act.QUARTER_VIEW].trigger()
    view = window.quarter_view
    first = view.quarters.index(0, 0)
    window.acts[Act.COLLAPSE].trigger()
    assert not view.isExpanded(first)
    window.acts[Act.EXPAND].trigger()
    assert view.isExpanded(first)


def test_the_filter_bar_filters_the_quarter_view_too(window, qtbot) -> None:
    """A search typed in the filter bar shows the same rows by quarter as by month; clearing it
    shows every row again."""
    window.acts[Act.QUARTER_VIEW].trigger()
    view, model = window.quarter_view, window.quarter_model
    assert window.filter_bar.isEnabled()
    window.proxy.set_text("LHKPN")
    shown = window.proxy.shown_uuids()
    assert shown
    visible = [
        index.data(Role.UUID)
        for index in _rows(model)
        if not view.isRowHidden(index.row(), index.parent())
        and all(not view.isRowHidden(p.row(), p.parent()) for p in _ancestors(index))
    ]
    assert set(visible) == shown
    found = [u for u in visible if "LHKPN" in model.index_of(u, QCOL_TEXT).data()]
    assert found and all(view.isExpanded(model.index_of(u, 0).parent()) for u in found)
    window.proxy.clear()
    assert not any(view.isRowHidden(i.row(), i.parent()) for i in _rows(model))


def _ancestors(index: QModelIndex):
    parent = index.parent()
    while parent.isValid():
        yield parent
        parent = parent.parent()
