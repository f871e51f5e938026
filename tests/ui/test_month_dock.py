"""The "Bulan ini" panel shows the numbers rbdesk.models.domain.progress computes."""

from __future__ import annotations

from dock_fixtures import (  # noqa: F401
    busy_ctx,
    dock_ctx,
    dock_host,
    dock_templates,
    group_count,
    group_index,
    show_dock,
)
from PySide6.QtCore import Qt

from rbdesk.models.domain.month_overview import GROUP_DONE, GROUP_LATE, GROUP_OPEN
from rbdesk.models.domain.progress import (
    capaian,
    format_percent,
    indicator_tally,
    month_tally,
    total,
)
from rbdesk.ui.panels.month_dock import MonthDock
from rbdesk.ui.panels.month_model import (
    AreaProgressModel,
    MonthItemsModel,
)
from rbdesk.ui.roles import Role
from rbdesk.ui.view_state import ViewState


def _dock(qtbot, host, ctx):
    return show_dock(qtbot, host, MonthDock(ctx, ViewState(ctx)))


def test_identity_and_today(qtbot, dock_host, busy_ctx):  # noqa: F811
    dock = _dock(qtbot, dock_host, busy_ctx)
    assert dock.objectName() == "monthDock" and dock.windowTitle() == "Bulan ini"
    assert busy_ctx.today_month() == 6
    assert dock.month == 6 and dock.month_box.currentText() == "Juni"
    assert "bulan berjalan" in dock.summary.text()


def test_numbers_equal_progress(qtbot, dock_host, busy_ctx):  # noqa: F811
    dock = _dock(qtbot, dock_host, busy_ctx)
    inds = busy_ctx.tree.indicators()
    for month in (6, 3, 9):
        dock.set_month(month)
        expected = month_tally(inds, month)
        model = dock.items_model
        late_inds = sum(indicator_tally(i, month - 1, 6).late > 0 for i in inds)
        assert group_count(model, GROUP_LATE) == late_inds
        assert group_count(model, GROUP_OPEN) == expected.planned - expected.done
        assert group_count(model, GROUP_DONE) == sum(i.status(month) == "selesai" for i in inds)
        assert group_index(model, GROUP_LATE).data(Role.COUNT) == late_inds
        text = dock.summary.text()
        assert f"<b>{expected.planned}</b> direncanakan" in text
        assert f"<b>{expected.done}</b> selesai" in text
        assert f"<b>{expected.partial}</b> sebagian" in text
        assert f"<b>{late_inds}</b> terlambat" in text
        assert format_percent(total(inds, month).percent) in text
        areas = dock.area_model
        assert areas.rowCount() == len(busy_ctx.tree.areas) == 8
        for row, area in enumerate(busy_ctx.tree.areas):
            index = areas.index(row, AreaProgressModel.COL_BAR)
            assert index.data(Role.PERCENT) == capaian(area, month)
            assert index.data() == format_percent(capaian(area, month))
    assert month_tally(inds, 6).done > 0 and dock.overview.late


def test_month_chooser_by_keyboard(qtbot, dock_host, busy_ctx):  # noqa: F811
    dock = _dock(qtbot, dock_host, busy_ctx)
    dock.month_box.setFocus()
    qtbot.keyClick(dock.month_box, Qt.Key.Key_Down)
    assert dock.month == 7 and "akan datang" in dock.summary.text()
    qtbot.mouseClick(dock.today_button, Qt.MouseButton.LeftButton)
    assert dock.month == 6


def test_clicking_an_item_selects_it_in_the_grid(qtbot, dock_host, busy_ctx):  # noqa: F811
    dock = _dock(qtbot, dock_host, busy_ctx)
    model = dock.items_model
    group = group_index(model, GROUP_OPEN)
    area = model.index(0, 0, group)
    assert (
        area.data(Role.KIND) == "area"
        and area.data(Role.UUID) == busy_ctx.tree.areas[0].uuid
        and "(" in area.data()
    )
    item = model.index(0, MonthItemsModel.COL_TEXT, area)
    uuid = item.data(Role.UUID)
    assert uuid in {i.uuid for i in busy_ctx.tree.indicators()}
    rect = dock.items_view.visualRect(item)
    # An indicator of the open group goes to its cell of the month shown, not to its text.
    with qtbot.waitSignal(dock.state.cellRequested) as signal:
        qtbot.mouseClick(dock.items_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [uuid, dock.month]
    area = dock.area_model.index(2, 0)
    with qtbot.waitSignal(dock.state.selectRequested) as signal:
        dock.area_view.activated.emit(area)
    assert signal.args == [busy_ctx.tree.areas[2].uuid]


def test_follows_edits_and_reloads(qtbot, dock_host, busy_ctx):  # noqa: F811
    from rbdesk.models.edits.realisation import set_status

    dock = _dock(qtbot, dock_host, busy_ctx)
    before = group_count(dock.items_model, GROUP_DONE)
    ind = next(
        i for i in busy_ctx.tree.indicators() if i.is_planned(6) and i.status(6) != "selesai"
    )
    set_status(busy_ctx.store, ind.uuid, 6, "selesai")
    busy_ctx.reload()
    qtbot.waitUntil(lambda: group_count(dock.items_model, GROUP_DONE) == before + 1)


def test_models_pass_the_model_tester(qtmodeltester, dock_host, qtbot, busy_ctx):  # noqa: F811
    dock = _dock(qtbot, dock_host, busy_ctx)
    qtmodeltester.check(dock.items_model)
    qtmodeltester.check(dock.area_model)
    dock.set_month(1)
    qtmodeltester.check(dock.items_model)
    empty = MonthItemsModel()
    qtmodeltester.check(empty)


def test_fills_itself_after_the_first_paint(qtbot, dock_host, busy_ctx):  # noqa: F811
    from rbdesk.ui.first_paint import has_painted

    dock = MonthDock(busy_ctx, ViewState(busy_ctx))
    assert dock.month == 6 and dock.refresh_pending and dock.summary.text() == ""
    dock_host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock_host.show()
    qtbot.waitUntil(lambda: not dock.refresh_pending)
    assert has_painted(dock_host)
    assert "bulan berjalan" in dock.summary.text()
