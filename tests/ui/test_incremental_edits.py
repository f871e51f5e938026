"""Structural edits patch the grid in place (rows inserted / removed / moved, never a reset or a
reload of the whole plan), and the filter shows exactly the rows its rules describe."""

from __future__ import annotations

from grid_helpers import find, rows

from rbdesk.models.domain.status_filter import STATUS_DUE, STATUS_LATE, status_matches
from rbdesk.models.domain.tree import load_plan_tree
from rbdesk.ui.grid.plan_columns import COL_TEXT
from rbdesk.ui.grid.plan_filter import PlanFilterProxy
from rbdesk.ui.grid.plan_model import PlanModel
from rbdesk.ui.grid.plan_nodes import Node
from rbdesk.ui.roles import Role
from rbdesk.ui.view_state import ViewState
from rbdesk.ui.window.action_table import Act


def shape(tree) -> list:
    """uuid, version and order of every node of a snapshot, each after its parent with its depth
    (which fixes the tree as nesting would)."""
    nodes: list = []
    for a in tree.areas:
        nodes.append((0, a.uuid, a.version))
        for ac in a.activities:
            nodes.append((1, ac.uuid, ac.version))
            for s in ac.sub_activities:
                nodes.append((2, s.uuid, s.version))
                nodes += [
                    (3, i.uuid, i.version, i.planned, sorted(i.realisation), dict(i.evidence))
                    for i in s.indicators
                ]
    return nodes


class Spy:
    """Which structural signals a model emitted."""

    def __init__(self, model) -> None:
        self.events: list[tuple] = []
        model.rowsInserted.connect(lambda p, a, b: self.events.append(("inserted", p, a, b)))
        model.rowsRemoved.connect(lambda p, a, b: self.events.append(("removed", p, a, b)))
        model.rowsMoved.connect(lambda *a: self.events.append(("moved",)))
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.layoutChanged.connect(lambda *a: self.events.append(("layout",)))

    def kinds(self) -> list[str]:
        return [e[0] for e in self.events]


def test_add_and_delete_are_row_inserts_and_removes_not_reloads(window, monkeypatch):
    monkeypatch.setattr("rbdesk.ui.grid.tree_edits.confirm", lambda *a, **k: True)
    ctx, model = window.doc, window.model
    reloads: list[bool] = []
    ctx.treeReloaded.connect(lambda: reloads.append(True))
    index = find(window.proxy, "LHKPN")
    sub_uuid = index.parent().data(Role.UUID)
    row = index.row()
    window.view.setCurrentIndex(index)
    spy = Spy(model)
    window.acts[Act.ADD_SIBLING].trigger()
    new_uuid = window.view.currentIndex().data(Role.UUID)
    assert spy.kinds() == ["inserted"]
    _, parent, first, last = spy.events[0]
    assert parent.data(Role.UUID) == sub_uuid and first == last == row + 1
    assert not reloads
    # The patched snapshot is what a full load reads, versions of renumbered siblings included.
    assert shape(ctx.tree) == shape(load_plan_tree(ctx.store, ctx.plan_uuid))
    assert ctx.node(new_uuid).parent_uuid == sub_uuid
    # ... so the sibling after the new row can still be edited without a conflict.
    after = model.index_of(new_uuid).siblingAtColumn(COL_TEXT)
    nxt = after.sibling(after.row() + 1, COL_TEXT)
    assert nxt.isValid()  # LHKPN is not the last indicator of its sub-activity
    assert model.setData(nxt, "Teks baru setelah sisipan")
    assert model.node(nxt).text == "Teks baru setelah sisipan"

    spy.events.clear()
    window.view.setCurrentIndex(window.proxy.mapFromSource(model.index_of(new_uuid)))
    window.acts[Act.DELETE].trigger()
    assert spy.kinds() == ["removed"]
    assert not model.index_of(new_uuid).isValid() and ctx.node(new_uuid) is None
    assert shape(ctx.tree) == shape(load_plan_tree(ctx.store, ctx.plan_uuid))

    spy.events.clear()
    window.acts[Act.UNDO].trigger()  # the delete: the row comes back in its place
    assert spy.kinds() == ["inserted"]
    assert model.index_of(new_uuid).row() == row + 1
    assert shape(ctx.tree) == shape(load_plan_tree(ctx.store, ctx.plan_uuid))
    assert not reloads


def test_add_area_and_sub_activity_and_moves_stay_incremental(window, monkeypatch):
    monkeypatch.setattr("rbdesk.ui.grid.tree_edits.confirm", lambda *a, **k: True)
    ctx, model = window.doc, window.model
    reloads: list[bool] = []
    ctx.treeReloaded.connect(lambda: reloads.append(True))
    spy = Spy(model)
    activity = find(window.proxy, "", kind="activity")
    window.view.setCurrentIndex(activity)
    window.acts[Act.ADD_CHILD].trigger()  # a sub kegiatan, with its unnamed indicator
    sub = window.view.currentIndex()
    assert sub.data(Role.KIND) == "sub_activity" and sub.data(Role.INDICATOR_UUID)
    sub_uuid = sub.data(Role.UUID)
    window.acts[Act.MOVE_UP].trigger()
    window.acts[Act.MOVE_DOWN].trigger()
    assert window.view.currentIndex().data(Role.UUID) == sub_uuid
    area_count = model.rowCount()
    window.view.setCurrentIndex(window.proxy.index(area_count - 1, 0))
    window.acts[Act.ADD_SIBLING].trigger()  # a new area at the end
    assert model.rowCount() == area_count + 1
    assert window.filter_bar.area.count() == area_count + 2  # "Semua" + every area
    assert "reset" not in spy.kinds() and "layout" not in spy.kinds()
    assert "moved" in spy.kinds()
    assert not reloads
    assert shape(ctx.tree) == shape(load_plan_tree(ctx.store, ctx.plan_uuid))
    for _ in range(4):
        window.acts[Act.UNDO].trigger()
    assert model.rowCount() == area_count
    assert shape(ctx.tree) == shape(load_plan_tree(ctx.store, ctx.plan_uuid))


def test_regroup_moves_the_row_under_the_other_parent(window):
    ctx, model = window.doc, window.model
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.UUID)
    old_parent = index.parent().data(Role.UUID)
    window.view.setCurrentIndex(index)
    spy = Spy(model)
    window.acts[Act.INDENT].trigger()
    moved = model.index_of(uuid)
    assert moved.parent().data(Role.UUID) != old_parent
    assert ctx.node(uuid).parent_uuid == moved.parent().data(Role.UUID)
    assert "reset" not in spy.kinds()
    assert shape(ctx.tree) == shape(load_plan_tree(ctx.store, ctx.plan_uuid))


# -- the filter ------------------------------------------------------------------------------


def expected_visible(
    model: PlanModel, words: list[str], status: str = "", areas: set[str] | None = None
) -> set[int]:
    """The rule, written plainly: a row is shown when it, or a row below it, passes; a row
    passes when every word is in its own text or in one of its parents' (whose whole subtree
    then shows), it is in a chosen area, and for a status filter it is an indicator row that
    has that status."""

    def own(node: Node) -> bool:
        hay = node.search_text()
        return all(w in hay for w in words)

    def passes(node: Node) -> bool:
        if areas is not None and node.area_uuid not in areas:
            return False
        if status and (node.ind is None or not status_matches(node.ind, status, model.now_month)):
            return False
        up = node
        while up is not None and up.kind != "plan":
            if own(up):
                return True
            up = up.parent
        return not words

    shown: set[int] = set()

    def walk(node: Node) -> bool:
        below = [walk(c) for c in node.children]
        ok = passes(node) or any(below)
        if ok:
            shown.add(node.nid)
        return ok

    for area in model._root.children:
        walk(area)
    return shown


def proxy_visible(proxy: PlanFilterProxy, model: PlanModel) -> set[int]:
    return {model.node(proxy.mapToSource(i)).nid for i in rows(proxy)}


def test_filter_shows_exactly_the_rows_of_the_rule(ctx, qtmodeltester):
    model = PlanModel(ctx, ViewState(ctx))
    proxy = PlanFilterProxy()
    proxy.setSourceModel(model)
    every = proxy_visible(proxy, model)
    assert len(every) == len(model._nodes)
    typed = ""
    for char in "pelaporan":  # typing on narrows the previous result
        typed += char
        proxy.set_text(typed)
        assert proxy_visible(proxy, model) == expected_visible(model, [typed])
    for text in ("LHKPN", "lhk", "zona integritas", "tim  kerja", "tidak-ada-yang-cocok", "a"):
        proxy.set_text(text)
        words = text.casefold().split()
        assert proxy_visible(proxy, model) == expected_visible(model, words), text
    proxy.set_text("laporan")
    proxy.set_status(STATUS_LATE)
    assert proxy_visible(proxy, model) == expected_visible(model, ["laporan"], STATUS_LATE)
    area = ctx.tree.areas[2].uuid
    proxy.set_areas({area})
    proxy.set_status(STATUS_DUE)
    proxy.set_text("")
    assert proxy_visible(proxy, model) == expected_visible(model, [], STATUS_DUE, {area})
    qtmodeltester.check(proxy)
    proxy.clear()
    assert proxy_visible(proxy, model) == every
    assert proxy.visible_ids is None


def test_filter_judges_rows_edited_after_it_was_computed(window):
    ctx, model, proxy = window.doc, window.model, window.proxy
    proxy.set_text("kata-unik-xyz")
    assert list(rows(proxy)) == []
    index = model.index_of(ctx.tree.indicators()[5].uuid).siblingAtColumn(COL_TEXT)
    assert model.setData(index, "Indikator dengan kata-unik-xyz")
    visible = list(rows(proxy))
    assert [
        i.data(Role.UUID)
        for i in visible
        if i.data(Role.KIND) != "area" and i.data(Role.KIND) != "activity"
    ][-1] == index.data(Role.UUID)
    assert proxy_visible(proxy, model) == expected_visible(model, ["kata-unik-xyz"])
    assert model.setData(index, "Indikator biasa lagi")
    assert list(rows(proxy)) == []


def test_search_unfolds_only_a_bounded_number_of_rows(window):
    view, proxy = window.view, window.proxy
    view.collapseAll()
    window.filter_bar.search.setText("a")
    window.filter_bar.apply_text_now()
    found = len(proxy.visible_ids)

    def shown() -> int:
        count, index = 0, view.indexAt(view.rect().topLeft())
        index = proxy.index(0, 0)
        while index.isValid():
            count += 1
            index = view.indexBelow(index)
        return count

    assert found > 40
    view.collapseAll()
    window.expansion.expand_matches(limit=40)
    assert 0 < shown() <= 40
    view.collapseAll()
    window.expansion.expand_matches(limit=10_000)
    assert shown() == found
