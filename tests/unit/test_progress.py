"""Capaian and month states, on hand-built indicators and on the real sample."""

from __future__ import annotations

import datetime as dt

import pytest

from rbdesk.models.domain import months, progress
from rbdesk.models.domain.months import mask_from_months
from rbdesk.models.domain.progress import MonthState, Tally
from rbdesk.models.domain.tree import Cell, IndicatorNode, list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.storage.store import Store


def _ind(months: list[int], statuses: dict[int, str]) -> IndicatorNode:
    node = IndicatorNode("u", "", "x", mask_from_months(months), "", 1)
    node.realisation = {m: Cell(s, "", f"r{m}", 1) for m, s in statuses.items()}
    return node


def test_capaian_counts_partial_as_half() -> None:
    ind = _ind([1, 2, 3, 7], {1: "selesai", 2: "sebagian", 7: "selesai"})
    assert progress.indicator_tally(ind, 3) == Tally(planned=3, done=1, partial=1, late=2)
    assert progress.capaian(ind, 3) == pytest.approx(50.0)
    assert progress.capaian(ind, 12) == pytest.approx(2.5 / 4 * 100)
    assert progress.capaian(_ind([5], {}), 4) is None
    assert progress.format_percent(None) == "–"
    assert progress.format_percent(62.5) == "62%"


def test_month_states() -> None:
    ind = _ind([1, 2, 3, 6, 9], {1: "selesai", 2: "sebagian", 4: "selesai", 6: "sebagian"})
    now = 6
    states = [progress.month_state(ind, m, now) for m in range(1, 10)]
    assert states == [
        MonthState.DONE,
        MonthState.LATE,
        MonthState.LATE,
        MonthState.UNPLANNED_DONE,
        MonthState.EMPTY,
        MonthState.PARTIAL,
        MonthState.EMPTY,
        MonthState.EMPTY,
        MonthState.PLANNED,
    ]
    assert progress.month_state(_ind([6], {}), 6, 6) is MonthState.DUE


def test_current_month_outside_the_plan_year() -> None:
    assert months.current_month(2024, dt.date(2023, 12, 31)) == 0
    assert months.current_month(2024, dt.date(2024, 6, 14)) == 6
    assert months.current_month(2024, dt.date(2025, 1, 1)) == 13


def test_planned_months_bitmask() -> None:
    mask = months.mask_from_months([1, 6, 12])
    assert months.months_from_mask(mask) == [1, 6, 12]
    assert months.is_planned(mask, 6) and not months.is_planned(mask, 7)
    assert months.months_from_mask(months.with_month(mask, 7, True)) == [1, 6, 7, 12]
    assert months.months_from_mask(months.with_month(mask, 6, False)) == [1, 12]
    assert months.with_month(mask, 6, True) == mask


@pytest.mark.parametrize("now", [0, 1, 3, 6, 12, 13])
def test_grid_rollups_give_the_same_capaian_as_the_definition(now: int) -> None:
    """The grid's parent rows (month roll-ups) and the reports (tallies up to a month) are one
    rule: partial counts half, late means planned before now and not selesai."""
    inds = [
        _ind([1, 2, 3, 7], {1: "selesai", 2: "sebagian", 7: "selesai"}),
        _ind([2, 6, 12], {2: "selesai", 6: "sebagian", 8: "selesai"}),
        _ind([], {4: "sebagian"}),
        _ind([3, 4, 5, 6], {}),
    ]
    rollups = progress.month_rollups(inds, now)
    upto = min(max(now, 0), 12)
    expected = progress.total(inds, upto, now)
    assert progress.capaian_upto(rollups, now) == expected.percent
    assert (expected.percent is None) == (upto == 0)
    assert sum((r.tally for r in rollups[:upto]), Tally()) == expected
    assert [r.extra for r in rollups] == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]
    assert [r.current for r in rollups] == [m == now for m in range(1, 13)]
    for m, r in enumerate(rollups, start=1):
        alone = progress.month_tally(inds, m)
        assert (r.planned, r.done, r.partial) == (alone.planned, alone.done, alone.partial)
        assert r.late == sum(progress.month_state(i, m, now) is MonthState.LATE for i in inds)


def test_rollup_over_the_sample(sample_store: Store) -> None:
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    first_area = tree.areas[0]
    ind = first_area.activities[0].sub_activities[0].indicators[0]  # SK Tim RB, January
    realisation.set_status(sample_store, ind.uuid, 1, "selesai")
    tree = load_plan_tree(sample_store, tree.uuid)
    jan = progress.total(progress.indicators_of(tree.areas[0]), 1)
    assert jan.done == 1
    assert progress.capaian(tree.areas[0], 1) == pytest.approx(100.0 * 1 / jan.planned)
    plan_total = progress.total(tree.indicators(), 12)
    assert plan_total.planned == sum(len(i.planned_months) for i in tree.indicators())
    team = tree.team_for_area(tree.areas[0].uuid)
    assert team is not None and "MANAJEMEN PERUBAHAN" in team.name
    assert progress.total(progress.team_indicators(tree, team), 1).percent == progress.capaian(
        tree.areas[0], 1
    )
    month = progress.month_tally(tree.indicators(), 1)
    assert (month.planned, month.done) == (
        jan.planned
        + progress.month_tally(
            [i for a in tree.areas[1:] for i in progress.indicators_of(a)], 1
        ).planned,
        1,
    )
