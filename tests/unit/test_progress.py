"""Capaian and month states, on hand-built indicators and on the real sample."""

from __future__ import annotations

import datetime as dt

import pytest

from rbdesk.models.domain import progress
from rbdesk.models.domain.progress import MonthState, Tally
from rbdesk.models.domain.tree import Cell, IndicatorNode, list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.storage.schema import mask_from_months
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
    assert states == [MonthState.DONE, MonthState.LATE, MonthState.LATE,
                      MonthState.UNPLANNED_DONE, MonthState.EMPTY, MonthState.PARTIAL,
                      MonthState.EMPTY, MonthState.EMPTY, MonthState.PLANNED]
    assert progress.month_state(_ind([6], {}), 6, 6) is MonthState.DUE


def test_current_month_outside_the_plan_year() -> None:
    assert progress.current_month(2024, dt.date(2023, 12, 31)) == 0
    assert progress.current_month(2024, dt.date(2024, 6, 14)) == 6
    assert progress.current_month(2024, dt.date(2025, 1, 1)) == 13


def test_rollup_over_the_sample(sample_store: Store) -> None:
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    first_area = tree.areas[0]
    ind = first_area.activities[0].sub_activities[0].indicators[0]   # SK Tim RB, January
    realisation.set_status(sample_store, ind.uuid, 1, "selesai")
    tree = load_plan_tree(sample_store, tree.uuid)
    jan = progress.total(progress.indicators_of(tree.areas[0]), 1)
    assert jan.done == 1
    assert progress.capaian(tree.areas[0], 1) == pytest.approx(100.0 * 1 / jan.planned)
    plan_total = progress.total(tree.indicators(), 12)
    assert plan_total.planned == sum(len(i.planned_months) for i in tree.indicators())
    team = tree.team_for_area(tree.areas[0].uuid)
    assert team is not None and "MANAJEMEN PERUBAHAN" in team.name
    assert progress.team_capaian(tree, team, 1) == progress.capaian(tree.areas[0], 1)
    month = progress.month_tally(tree.indicators(), 1)
    assert (month.planned, month.done) == (jan.planned + progress.month_tally(
        [i for a in tree.areas[1:] for i in progress.indicators_of(a)], 1).planned, 1)
