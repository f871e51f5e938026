"""The reads behind the side panels agree with rbdesk.models.domain.progress."""

from __future__ import annotations

import pytest

from rbdesk.models.domain.month_overview import clamp_month, find_place, month_overview
from rbdesk.models.domain.progress import (
    MonthState,
    capaian,
    indicator_tally,
    month_state,
    month_tally,
    total,
)
from rbdesk.models.domain.roster_reads import (
    find_member,
    person_areas,
    person_rows,
    plan_teams,
    seats_of,
)
from rbdesk.models.domain.tree import Cell, list_plans, load_plan_tree
from rbdesk.models.edits.realisation import set_status
from rbdesk.models.edits.roster_edit import add_person, list_persons


@pytest.fixture
def tree(sample_store):
    """The sample with realisation recorded in the snapshot only (no slow writes needed)."""
    snapshot = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    for i, ind in enumerate(snapshot.indicators()):
        for m in ind.planned_months:
            if m <= 6 and i % 3 != 2:
                ind.realisation[m] = Cell(("selesai", "sebagian")[i % 3], "", f"r{i}-{m}", 1)
    extra = snapshot.indicators()[1]
    month = next(m for m in range(1, 13) if not extra.is_planned(m))
    extra.realisation[month] = Cell("selesai", "", "extra", 1)
    return snapshot


def test_snapshot_realisation_reads_like_stored(sample_store):
    """The in-memory fixture above means the same as realisation written to the file."""
    ind = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid).indicators()[0]
    set_status(sample_store, ind.uuid, ind.planned_months[0], "sebagian")
    again = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid).indicators()[0]
    assert again.status(ind.planned_months[0]) == "sebagian"
    assert (
        month_overview(
            load_plan_tree(sample_store, list_plans(sample_store)[0].uuid),
            ind.planned_months[0],
            13,
        ).month_tally.partial
        == 1
    )


@pytest.mark.parametrize("month,now", [(6, 6), (3, 6), (9, 6), (1, 0), (12, 13)])
def test_month_overview_matches_progress(tree, month, now):
    ov = month_overview(tree, month, now)
    inds = tree.indicators()
    assert ov.month_tally == month_tally(inds, month)
    assert ov.upto == total(inds, month, now)
    assert ov.late_cells == total(inds, month - 1, now).late
    assert len(ov.late) == sum(indicator_tally(i, month - 1, now).late > 0 for i in inds)
    assert len(ov.open) + sum(i.state is MonthState.DONE for i in ov.done) == ov.month_tally.planned
    assert {i.indicator_uuid for i in ov.done} == {
        i.uuid for i in inds if i.status(month) == "selesai"
    }
    for item in ov.open:
        ind = find_place(tree, item.indicator_uuid).indicator
        assert item.state is month_state(ind, month, now)
    for area, prog in zip(tree.areas, ov.areas, strict=True):
        assert prog.uuid == area.uuid
        assert prog.percent == capaian(area, month)


def test_june_2024_has_every_kind(tree):
    ov = month_overview(tree, 6, 6)
    assert ov.open and ov.done and ov.late
    assert all(m < 6 for item in ov.late for m in item.months)
    assert {i.state for i in ov.open} <= {MonthState.DUE, MonthState.PARTIAL}


def test_overview_of_some_areas(tree):
    area = tree.areas[0]
    ov = month_overview(tree, 6, 6, {area.uuid})
    assert [a.uuid for a in ov.areas] == [area.uuid]
    assert all(i.area_uuid == area.uuid for i in ov.open + ov.done + ov.late)


def test_empty_tree_and_clamping():
    assert month_overview(None, 0, 0).month == 1
    assert clamp_month(13) == 12 and clamp_month(0) == 1


def test_each_person_once_with_their_seats(sample_store, tree):
    rows = person_rows(tree, list_persons(sample_store))
    names = [r.name for r in rows]
    assert len(names) == len(set(r.uuid for r in rows)) == 22
    habel = next(r for r in rows if r.name.startswith("Habel"))
    assert len(habel.seats) == 3
    assert habel.team_labels() == "I, V, Agen"
    assert person_areas(tree, habel.uuid) == {
        s.team.area_uuid for s in habel.seats if s.team.kind == "area"
    }
    assert len(person_areas(tree, habel.uuid)) == 2
    new = add_person(sample_store, "Orang Baru")
    rows = person_rows(tree, list_persons(sample_store))
    assert next(r for r in rows if r.uuid == new).seats == ()
    assert seats_of(tree, new) == []


def test_find_member_and_plan_teams(tree, sample_store):
    team = tree.teams[3]
    assert find_member(tree, team.members[2].uuid) == (team, 2)
    assert find_member(tree, "nope") is None
    fresh = plan_teams(sample_store, tree.uuid)
    assert [t.uuid for t in fresh] == [t.uuid for t in tree.teams]
    assert plan_teams(sample_store, "nope") == []
