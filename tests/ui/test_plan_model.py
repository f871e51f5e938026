"""The plan model and its filter proxy, checked with Qt's model tester and without widgets."""

from __future__ import annotations

from grid_helpers import find, rows
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from rbdesk.models.domain.month_cells import LeafCell
from rbdesk.models.domain.progress import MonthState, RollUp
from rbdesk.models.domain.status_filter import STATUS_LATE
from rbdesk.models.edits import plan_edit
from rbdesk.ui.grid.plan_columns import COL_CAPAIAN, COL_TEXT, month_column
from rbdesk.ui.grid.plan_filter import PlanFilterProxy
from rbdesk.ui.grid.plan_model import PlanModel
from rbdesk.ui.roles import Role
from rbdesk.ui.view_state import ViewState


def test_model_passes_qt_model_tester(ctx, qtmodeltester):
    model = PlanModel(ctx, ViewState(ctx))
    qtmodeltester.check(model)


def test_proxy_passes_model_tester_while_filtering(ctx, qtmodeltester):
    model = PlanModel(ctx, ViewState(ctx))
    proxy = PlanFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("LHKPN")
    proxy.set_status(STATUS_LATE)
    qtmodeltester.check(proxy)


def test_rows_follow_the_plan_and_fold_unnamed_indicators(ctx):
    model = PlanModel(ctx, ViewState(ctx))
    tree = ctx.tree
    assert model.rowCount() == len(tree.areas) == 8
    assert model.index(0, COL_TEXT).data() == "Manajemen Perubahan"
    # A sub-activity whose only indicator has no text is one row carrying that schedule.
    folded = [
        s
        for a in tree.areas
        for ac in a.activities
        for s in ac.sub_activities
        if len(s.indicators) == 1 and not s.indicators[0].text.strip()
    ]
    planned = [s for s in folded if s.indicators[0].planned]
    assert planned
    sub = planned[0]
    index = model.index_of(sub.uuid)
    assert model.rowCount(index) == 0
    assert index.data(Role.INDICATOR_UUID) == sub.indicators[0].uuid
    month = sub.indicators[0].planned_months[0]
    cell = index.siblingAtColumn(month_column(month)).data(Role.CELL)
    assert isinstance(cell, LeafCell) and cell.state != MonthState.EMPTY


def test_parent_rows_roll_up_their_months(ctx):
    model = PlanModel(ctx, ViewState(ctx))
    area = model.index(0, 0)
    node = model.node(area)
    june = area.siblingAtColumn(month_column(6)).data(Role.CELL)
    assert isinstance(june, RollUp)
    planned = sum(i.is_planned(6) for i in node.indicators())
    assert june.planned == planned > 0
    assert area.siblingAtColumn(month_column(6)).data() == f"0/{planned}"
    # Jan is past (today is 14 June 2024) and nothing is done yet: late.
    jan = area.siblingAtColumn(month_column(1)).data(Role.CELL)
    assert jan.late == jan.planned > 0
    assert area.siblingAtColumn(COL_CAPAIAN).data() == "0%"


def test_reload_merges_in_place_keeping_persistent_indexes(ctx, qtmodeltester):
    model = PlanModel(ctx, ViewState(ctx))
    qtmodeltester.check(model)
    lhkpn = find(model, "LHKPN")
    keep = QPersistentModelIndex(lhkpn)
    sub = lhkpn.parent()
    first = model.index(0, 0, sub)
    uuid_first = first.data(Role.UUID)
    plan_edit.add_node(ctx.store, "indicator", sub.data(Role.UUID), "Indikator baru", 0)
    plan_edit.delete_node(ctx.store, "indicator", uuid_first)
    plan_edit.set_field(ctx.store, "indicator", keep.data(Role.UUID), "text", "LHKPN tepat waktu")
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    ctx.reload()
    assert not resets
    assert keep.isValid()
    assert QModelIndex(keep).siblingAtColumn(COL_TEXT).data() == "LHKPN tepat waktu"
    assert model.index(0, COL_TEXT, QModelIndex(keep.parent())).data() == "Indikator baru"
    assert model.index_of(uuid_first).isValid() is False


def test_toggle_patch_emits_exact_data_changed(ctx, qtbot):
    from rbdesk.ui.undo.plan_steps import SetPlannedCommand

    model = PlanModel(ctx, ViewState(ctx))
    index = find(model, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    changed = []
    model.dataChanged.connect(lambda tl, br, roles: changed.append((tl, br)))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged):
        ctx.undo_stack.push(SetPlannedCommand(ctx, uuid, 9, True))
    assert index.siblingAtColumn(month_column(9)).data(Role.MONTH_STATE) == MonthState.PLANNED
    # The row itself, then each ancestor's month/capaian span: nothing else.
    assert changed[0][0].row() == index.row() and changed[0][0].parent() == index.parent()
    assert len(changed) == 1 + 3
    assert all(tl.parent() == br.parent() for tl, br in changed)
    assert Qt.ItemFlag.ItemIsEditable & model.flags(index.siblingAtColumn(COL_TEXT))


def test_capaian_column_is_the_models_capaian(ctx):
    """With real work recorded, every row's Capaian is what models.domain.progress computes."""
    from rbdesk.models.domain import progress
    from rbdesk.models.edits import realisation

    tree = ctx.tree
    first = tree.areas[0].activities[0].sub_activities[0].indicators[0]
    second = tree.areas[1].activities[0].sub_activities[0].indicators[0]
    for ind, status in ((first, "selesai"), (second, "sebagian")):
        for month in ind.planned_months[:2]:
            realisation.set_status(ctx.store, ind.uuid, month, status)
    ctx.reload()
    model = PlanModel(ctx, ViewState(ctx))
    now = ctx.today_month()
    seen = set()
    for index in rows(model):
        node = model.node(index)
        expected = progress.format_percent(progress.capaian(node.obj, now))
        shown = index.siblingAtColumn(COL_CAPAIAN).data()
        assert shown == expected, (index.data(Role.KIND), node.text)
        seen.add(shown)
    assert {"0%", "100%", "50%"} <= seen


def _area_cells(model):
    return [
        [
            model.index(r, c).data(role)
            for c in range(model.columnCount())
            for role in (Qt.ItemDataRole.DisplayRole, Role.CELL)
        ]
        for r in range(model.rowCount())
    ]


def test_rows_are_made_when_first_asked_for(ctx, qtmodeltester):
    model = PlanModel(ctx, ViewState(ctx))
    assert model.rowCount() == 8 and len(model._nodes) == 8 < model.row_total()
    assert all(model.hasChildren(model.index(r, 0)) for r in range(8))
    assert len(model._nodes) == 8  # asking did not make them
    full = PlanModel(ctx, ViewState(ctx))
    assert sum(1 for _ in rows(full)) == full.row_total() == len(full._nodes)
    assert _area_cells(model) == _area_cells(full)  # roll-ups need no child rows

    # A deep row is found by uuid (its parents are made on the way), and search finds it.
    ind = next(i for i in reversed(ctx.tree.indicators()) if i.text.strip())
    index = model.index_of(ind.uuid)
    assert index.isValid() and index.data(Role.UUID) == ind.uuid
    assert model.parent(model.parent(model.parent(index))).isValid()
    proxy = PlanFilterProxy()
    proxy.setSourceModel(PlanModel(ctx, ViewState(ctx)))
    proxy.set_text(ind.text.split()[0])
    assert any(i.data(Role.UUID) == ind.uuid for i in rows(proxy))

    # An edit below rows never made still reaches the roll-up of the area above it.
    lazy = PlanModel(ctx, ViewState(ctx))
    before = _area_cells(lazy)
    month = next(m for m in range(1, 13) if not ind.is_planned(m))
    ctx.patch(ind.uuid, planned=ind.planned | (1 << (month - 1)))
    assert _area_cells(lazy) == _area_cells(PlanModel(ctx, ViewState(ctx))) != before
    qtmodeltester.check(lazy)


def test_rows_not_shown_yet_are_made_between_events(ctx, qtbot):
    model = PlanModel(ctx, ViewState(ctx))
    assert len(model._nodes) < model.row_total()
    qtbot.waitUntil(lambda: len(model._nodes) == model.row_total())
    assert sum(1 for _ in rows(model)) == model.row_total()
