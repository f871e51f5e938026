"""month_overview (one pass) gives what the plain definitions in models.domain.progress give."""

from __future__ import annotations

import random

from rbdesk.models.domain.month_overview import month_overview
from rbdesk.models.domain.progress import MonthState, month_state, month_tally, total
from rbdesk.models.domain.tree import (
    ActivityNode,
    AreaNode,
    Cell,
    IndicatorNode,
    PlanTree,
    SubActivityNode,
)


def random_tree(seed: int) -> PlanTree:
    rnd = random.Random(seed)
    tree = PlanTree("p", "Unit", 2024, "", {}, {}, 1)
    n = 0
    for a in range(4):
        area = AreaNode(f"a{a}", str(a + 1), f"Area {a}", 1)
        tree.areas.append(area)
        for b in range(3):
            act = ActivityNode(f"a{a}b{b}", str(b + 1), "Kegiatan", 1)
            area.activities.append(act)
            for c in range(3):
                sub = SubActivityNode(f"a{a}b{b}c{c}", chr(97 + c), f"Sub {c}", 1)
                act.sub_activities.append(sub)
                for _ in range(rnd.randint(1, 4)):
                    n += 1
                    ind = IndicatorNode(
                        f"i{n}", "", rnd.choice(["", "Laporan"]), rnd.getrandbits(12), "", 1
                    )
                    for m in range(1, 13):
                        status = rnd.choice(["belum", "sebagian", "selesai", None, None])
                        if status:
                            ind.realisation[m] = Cell(status, "", f"r{n}-{m}", 1)
                        if rnd.random() < 0.2:
                            ind.evidence[m] = rnd.randint(1, 3)
                    sub.indicators.append(ind)
    return tree


def reference(tree: PlanTree, month: int, now: int, areas: set[str] | None):
    places = [
        (area, sub, ind)
        for area in tree.areas
        if areas is None or area.uuid in areas
        for act in area.activities
        for sub in act.sub_activities
        for ind in sub.indicators
    ]
    done, open_, late = [], [], []
    for _area, _sub, ind in places:
        state = month_state(ind, month, now)
        if ind.status(month) == "selesai":
            done.append((ind.uuid, state, (month,), ind.evidence.get(month, 0)))
        elif ind.is_planned(month):
            open_.append((ind.uuid, state, (month,), ind.evidence.get(month, 0)))
        overdue = tuple(
            m
            for m in ind.planned_months
            if m < month and month_state(ind, m, now) is MonthState.LATE
        )
        if overdue:
            late.append(
                (ind.uuid, MonthState.LATE, overdue, sum(ind.evidence.get(m, 0) for m in overdue))
            )
    inds = [p[2] for p in places]
    per_area = [
        (
            a.uuid,
            total([p[2] for p in places if p[0] is a], month, now),
            month_tally([p[2] for p in places if p[0] is a], month),
        )
        for a in tree.areas
        if areas is None or a.uuid in areas
    ]
    return done, open_, late, month_tally(inds, month), total(inds, month, now), per_area


def items(rows):
    return [(i.indicator_uuid, i.state, i.months, i.evidence) for i in rows]


def test_month_overview_matches_the_definitions():
    for seed in range(3):
        tree = random_tree(seed)
        for month in (1, 3, 6, 12):
            for now in (0, 6, 13):
                for areas in (None, {"a1", "a3"}):
                    ov = month_overview(tree, month, now, areas)
                    done, open_, late, mt, upto, per_area = reference(tree, month, now, areas)
                    assert items(ov.done) == done
                    assert items(ov.open) == open_
                    assert items(ov.late) == late
                    assert ov.month_tally == mt and ov.upto == upto
                    assert [(a.uuid, a.tally, a.month) for a in ov.areas] == per_area
