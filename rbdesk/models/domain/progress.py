"""Capaian (achievement) and month states, computed from a plan snapshot: the one definition
that the grid, the panels, the reports and the exports all use.

Capaian up to month M = (planned indicator-months up to M that are done, ``sebagian`` counting
half) / (all planned indicator-months up to M). None when nothing is planned up to M.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.months import MONTHS, is_planned
from rbdesk.models.domain.tree import (
    ActivityNode,
    AreaNode,
    IndicatorNode,
    PlanTree,
    SubActivityNode,
    TeamNode,
)

# What was done in an indicator-month, as recorded: not yet, partly, done.
STATUSES = ("belum", "sebagian", "selesai")


class MonthState(StrEnum):
    """What one indicator-month cell means to the reader of the grid."""

    EMPTY = "empty"            # not planned, nothing done
    PLANNED = "planned"        # planned, in the future
    DUE = "due"                # planned this month, not yet done
    LATE = "late"              # planned in a past month, not done (sebagian still late)
    PARTIAL = "partial"        # sebagian, not (yet) late: this month or future
    DONE = "done"              # planned and selesai
    UNPLANNED_DONE = "extra"   # done (or partly) without having been planned


def month_state(ind: IndicatorNode, month: int, now_month: int) -> MonthState:
    status = ind.status(month)
    if not ind.is_planned(month):
        return MonthState.EMPTY if status == "belum" else MonthState.UNPLANNED_DONE
    if status == "selesai":
        return MonthState.DONE
    if month < now_month:
        return MonthState.LATE
    if status == "sebagian":
        return MonthState.PARTIAL
    return MonthState.DUE if month == now_month else MonthState.PLANNED


@dataclass(frozen=True)
class Tally:
    planned: int = 0
    done: int = 0
    partial: int = 0
    late: int = 0

    @property
    def score(self) -> float:
        """Done counts whole, ``sebagian`` half."""
        return self.done + 0.5 * self.partial

    @property
    def percent(self) -> float | None:
        return None if self.planned == 0 else 100.0 * self.score / self.planned

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.planned + other.planned, self.done + other.done,
                     self.partial + other.partial, self.late + other.late)


def indicator_tally(ind: IndicatorNode, upto: int, now_month: int | None = None) -> Tally:
    """Planned months 1..upto; ``late`` counts those before ``now_month`` not selesai."""
    planned = done = partial = late = 0
    now = upto + 1 if now_month is None else now_month
    for m in range(1, min(upto, 12) + 1):
        if not ind.is_planned(m):
            continue
        planned += 1
        status = ind.status(m)
        if status == "selesai":
            done += 1
        else:
            if status == "sebagian":
                partial += 1
            if m < now:
                late += 1
    return Tally(planned, done, partial, late)


def month_tally(indicators: Iterable[IndicatorNode], month: int) -> Tally:
    """One month only, used for the rolled-up parent cells of the grid."""
    planned = done = partial = 0
    for ind in indicators:
        if ind.is_planned(month):
            planned += 1
            status = ind.status(month)
            done += status == "selesai"
            partial += status == "sebagian"
    return Tally(planned, done, partial, 0)


@dataclass(frozen=True)
class RollUp:
    """One month of a group of indicators (a parent row of the grid): how many are planned,
    done, partly done, late, done without a plan, and how many evidence files they carry."""

    planned: int = 0
    done: int = 0
    partial: int = 0
    late: int = 0
    extra: int = 0
    evidence: int = 0
    current: bool = False

    @property
    def tally(self) -> Tally:
        return Tally(self.planned, self.done, self.partial, self.late)


def month_rollups(indicators: Iterable[IndicatorNode], now_month: int) -> list[RollUp]:
    """The twelve month roll-ups of a group, in one pass (the grid asks for every parent)."""
    counts = [[0, 0, 0, 0, 0, 0] for _ in MONTHS]
    for ind in indicators:
        planned, real, ev = ind.planned, ind.realisation, ind.evidence
        for m in MONTHS:
            c = counts[m - 1]
            cell = real.get(m)
            status = cell.status if cell else "belum"
            if is_planned(planned, m):
                c[0] += 1
                if status == "selesai":
                    c[1] += 1
                else:
                    c[2] += status == "sebagian"
                    c[3] += m < now_month
            elif status != "belum":
                c[4] += 1
            c[5] += ev.get(m, 0)
    return [RollUp(planned, done, partial, late, extra, evidence, current=(m == now_month))
            for m, (planned, done, partial, late, extra, evidence)
            in zip(MONTHS, counts, strict=True)]


def capaian_upto(rollups: Sequence[RollUp], now_month: int) -> float | None:
    """Capaian of a group up to ``now_month``, from its month roll-ups."""
    result = Tally()
    for r in rollups[:min(max(now_month, 0), 12)]:
        result = result + r.tally
    return result.percent


def total(indicators: Iterable[IndicatorNode], upto: int, now_month: int | None = None) -> Tally:
    result = Tally()
    for ind in indicators:
        result = result + indicator_tally(ind, upto, now_month)
    return result


def indicators_of(node: PlanTree | AreaNode | ActivityNode | SubActivityNode | IndicatorNode
                  ) -> list[IndicatorNode]:
    if isinstance(node, IndicatorNode):
        return [node]
    if isinstance(node, SubActivityNode):
        return list(node.indicators)
    if isinstance(node, ActivityNode):
        return [i for s in node.sub_activities for i in s.indicators]
    if isinstance(node, AreaNode):
        return [i for a in node.activities for s in a.sub_activities for i in s.indicators]
    return node.indicators()


def capaian(node: PlanTree | AreaNode | ActivityNode | SubActivityNode | IndicatorNode,
            upto: int) -> float | None:
    return total(indicators_of(node), upto).percent


def team_indicators(tree: PlanTree, team: TeamNode) -> list[IndicatorNode]:
    """An area team answers for its area; other teams for nothing on the grid."""
    area = next((a for a in tree.areas if a.uuid == team.area_uuid), None)
    return indicators_of(area) if area else []


def team_capaian(tree: PlanTree, team: TeamNode, upto: int) -> float | None:
    return total(team_indicators(tree, team), upto).percent


# The rating band of RB monitoring: lowest score of the band, name.
BANDS = ((91, N_("Sangat Baik")), (76, N_("Baik")), (66, N_("Cukup")), (51, N_("Kurang")))


def rating_band(percent: float | None) -> str:
    """91–100 Sangat Baik, 76–90 Baik, 66–75 Cukup, 51–65 Kurang, ≤ 50 Sangat Kurang; "–"
    when nothing was planned. The score is rounded as printed (90.6% is 91%)."""
    if percent is None:
        return "–"
    score = round(percent)
    for low, name in BANDS:
        if score >= low:
            return tr(name)
    return tr("Sangat Kurang")


def format_percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"
