"""Plan tree edits through the domain operations, observed through the snapshot and the log."""

from __future__ import annotations

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import plan_edit
from rbdesk.models.errors import ConflictError, InvalidInput, NotFoundError, ReadOnlyError
from rbdesk.models.storage.schema import ChangeLog, Indicator
from rbdesk.models.storage.store import Store


@pytest.fixture
def tree(sample_store: Store):
    return load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)


def _names(nodes) -> list[str]:
    return [n.name for n in nodes]


def test_add_area_appends_and_logs(sample_store: Store, tree) -> None:
    uuid = plan_edit.add_node(sample_store, "area", tree.uuid, "Area Baru")
    fresh = load_plan_tree(sample_store, tree.uuid)
    assert fresh.areas[-1].uuid == uuid
    assert fresh.areas[-1].name == "Area Baru"
    with sample_store.read():
        entry = ChangeLog.select().where(ChangeLog.row_uuid == uuid).get()
    assert (entry.action, entry.user, entry.new, entry.plan_uuid) == (
        "create",
        "penguji",
        "Area Baru",
        tree.uuid,
    )


def test_add_at_index_renumbers_siblings(sample_store: Store, tree) -> None:
    area = tree.areas[0]
    before = _names(area.activities)
    plan_edit.add_node(sample_store, "activity", area.uuid, "Sisipan", index=1)
    after = _names(load_plan_tree(sample_store, tree.uuid).areas[0].activities)
    assert after == [before[0], "Sisipan", *before[1:]]


def test_new_sub_activity_carries_one_unnamed_indicator(sample_store: Store, tree) -> None:
    act = tree.areas[1].activities[0]
    uuid = plan_edit.add_node(sample_store, "sub_activity", act.uuid, "Sub baru")
    sub = next(
        s
        for s in load_plan_tree(sample_store, tree.uuid).areas[1].activities[0].sub_activities
        if s.uuid == uuid
    )
    assert len(sub.indicators) == 1
    assert sub.indicators[0].text == ""
    assert sub.indicators[0].planned_months == []


def test_rename_with_version_check(sample_store: Store, tree) -> None:
    area = tree.areas[0]
    version = plan_edit.set_field(
        sample_store, "area", area.uuid, "name", "Nama Baru", expected_version=area.version
    )
    assert version == area.version + 1
    assert load_plan_tree(sample_store, tree.uuid).areas[0].name == "Nama Baru"
    with pytest.raises(ConflictError) as info:
        plan_edit.set_field(
            sample_store, "area", area.uuid, "name", "Lagi", expected_version=area.version
        )
    assert "penguji" in info.value.message
    assert load_plan_tree(sample_store, tree.uuid).areas[0].name == "Nama Baru"


def test_conflict_names_the_other_user(sample_path, tree) -> None:
    ind = tree.areas[0].activities[0].sub_activities[0].indicators[0]
    other = Store.open(sample_path, user="habel")
    plan_edit.set_field(
        other, "indicator", ind.uuid, "note", "catatan Habel", expected_version=ind.version
    )
    other.close()
    mine = Store.open(sample_path, user="sri")
    with pytest.raises(ConflictError) as info:
        plan_edit.set_field(
            mine, "indicator", ind.uuid, "note", "catatan Sri", expected_version=ind.version
        )
    assert info.value.changed_by == "habel"
    assert "habel" in info.value.message
    # when, as people read it ("29 Nov 2026 14:05", this PC's time), not a stored UTC stamp
    from rbdesk.models.clock import local_time

    assert local_time(info.value.changed_at) in info.value.message
    assert info.value.changed_at[:10] not in info.value.message
    with mine.read():
        assert Indicator.get(Indicator.uuid == ind.uuid).note == "catatan Habel"
    mine.close()


def test_unknown_field_refused(sample_store: Store, tree) -> None:
    with pytest.raises(InvalidInput):
        plan_edit.set_field(sample_store, "area", tree.areas[0].uuid, "planned", "1")


def test_move_within_and_edges(sample_store: Store, tree) -> None:
    area = tree.areas[0]
    first, second = area.activities[0].uuid, area.activities[1].uuid
    assert plan_edit.move_within(sample_store, "activity", first, +1)
    acts = load_plan_tree(sample_store, tree.uuid).areas[0].activities
    assert [a.uuid for a in acts[:2]] == [second, first]
    assert not plan_edit.move_within(sample_store, "activity", second, -1)


def test_reparent_moves_subtree(sample_store: Store, tree) -> None:
    src = tree.areas[0].activities[0]
    dest = tree.areas[0].activities[1]
    sub = src.sub_activities[0]
    n_ind = len(sub.indicators)
    plan_edit.reparent(sample_store, "sub_activity", sub.uuid, dest.uuid, index=0)
    fresh = load_plan_tree(sample_store, tree.uuid).areas[0]
    assert fresh.activities[1].sub_activities[0].uuid == sub.uuid
    assert len(fresh.activities[1].sub_activities[0].indicators) == n_ind
    assert sub.uuid not in [s.uuid for s in fresh.activities[0].sub_activities]


def test_delete_is_tombstone_and_restore_brings_back(sample_store: Store, tree) -> None:
    area = tree.areas[2]
    count = sum(len(s.indicators) for a in area.activities for s in a.sub_activities)
    gone = plan_edit.delete_node(sample_store, "area", area.uuid, expected_version=area.version)
    assert len(gone) > count
    fresh = load_plan_tree(sample_store, tree.uuid)
    assert area.uuid not in [a.uuid for a in fresh.areas]
    assert len(fresh.indicators()) == len(tree.indicators()) - count
    plan_edit.restore_nodes(sample_store, "area", gone, index=2)
    again = load_plan_tree(sample_store, tree.uuid)
    assert [a.uuid for a in again.areas] == [a.uuid for a in tree.areas]
    assert len(again.indicators()) == len(tree.indicators())


def test_edit_deleted_row_is_not_found(sample_store: Store, tree) -> None:
    area = tree.areas[0]
    plan_edit.delete_node(sample_store, "area", area.uuid)
    with pytest.raises(NotFoundError):
        plan_edit.set_field(sample_store, "area", area.uuid, "name", "x")


def test_set_planned_toggles_one_month(sample_store: Store, tree) -> None:
    ind = tree.areas[0].activities[0].sub_activities[0].indicators[0]
    assert ind.planned_months == [1]
    plan_edit.set_planned(sample_store, ind.uuid, 5, True, expected_version=ind.version)
    plan_edit.set_planned(sample_store, ind.uuid, 1, False)
    fresh = (
        load_plan_tree(sample_store, tree.uuid)
        .areas[0]
        .activities[0]
        .sub_activities[0]
        .indicators[0]
    )
    assert fresh.planned_months == [5]
    with sample_store.read():
        fields = [e.field for e in ChangeLog.select().where(ChangeLog.row_uuid == ind.uuid)]
    assert fields == ["planned[5]", "planned[1]"]
    with pytest.raises(InvalidInput):
        plan_edit.set_planned(sample_store, ind.uuid, 13, True)


def test_add_and_update_plan(sample_store: Store) -> None:
    uuid = plan_edit.add_plan(sample_store, "KPU Kota Kupang", 2025, "Rencana Aksi 2025")
    assert [p.year for p in list_plans(sample_store)] == [2024, 2025]
    plan_edit.update_plan(sample_store, uuid, settings={"penyusun": "Sri Mulyawati"})
    assert load_plan_tree(sample_store, uuid).settings == {"penyusun": "Sri Mulyawati"}
    with pytest.raises(InvalidInput):
        plan_edit.add_plan(sample_store, "KPU", 1890)


def test_readonly_store_refuses_writes(sample_path, tree) -> None:
    store = Store.open(sample_path, readonly=True)
    with pytest.raises(ReadOnlyError):
        plan_edit.add_node(store, "area", tree.uuid, "x")
    store.close()


def test_a_file_opens_on_the_plan_last_used_else_this_year_else_the_newest_with_content(
    sample_store: Store,
) -> None:
    from rbdesk.models.domain.tree import choose_plan

    sample = list_plans(sample_store)[0].uuid  # 2024, full
    empty = plan_edit.add_plan(sample_store, "KPU Kota Kupang", 2025, "kosong")
    assert choose_plan(sample_store, empty, 2026) == empty  # last used on this PC
    assert choose_plan(sample_store, "hilang", 2025) == empty  # this year's
    assert choose_plan(sample_store, None, 2026) == sample  # newest with indicators
    plan_edit.delete_plan(sample_store, sample)
    assert choose_plan(sample_store, sample, 2024) == empty  # a deleted plan is not offered
    assert [p.uuid for p in list_plans(sample_store)] == [empty]
    plan_edit.restore_plan(sample_store, sample)
    assert {p.uuid for p in list_plans(sample_store)} == {sample, empty}
    with sample_store.read():
        actions = [e.action for e in ChangeLog.select().where(ChangeLog.row_uuid == sample)]
    assert actions[-2:] == ["delete", "restore"]
