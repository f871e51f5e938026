"""Capaian (achievement) and month states, computed from a plan snapshot: the one definition
that the grid, the panels, the reports and the exports all use.

Capaian up to month M = (planned indicator-months up to M that are done, ``sebagian`` counting
half) / (all planned indicator-months up to M). None when nothing is planned up to M.

Capaian comes in two readings: *as reported* (the realisation recorded, whatever its review) and
*verified* (only months whose evidence review is ``memenuhi`` count; the rest count as not done).
Both have the same denominator, so verified capaian is never above reported capaian.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.months import MONTHS, is_planned
from rbdesk.models.domain.statuses import ReviewState, Status
from rbdesk.models.domain.tree import (
    ActivityNode,
    AreaNode,
    IndicatorNode,
    PlanTree,
    SubActivityNode,
    TeamNode,
)

# What was done in an indicator-month, in the order a click cycles through them.
STATUSES = tuple(Status)

# The evidence review of a realised month (see ``statuses.ReviewState``); the short names are
# kept because every review rule reads better with them.
SUBMITTED, ACCEPTED = ReviewState.SUBMITTED, ReviewState.ACCEPTED
REVISION, REJECTED = ReviewState.REVISION, ReviewState.REJECTED
REVIEW_STATES = tuple(ReviewState)
REVIEW_LABELS: dict[str, str] = {
    SUBMITTED: N_("Diajukan"),
    ACCEPTED: N_("Memenuhi"),
    REVISION: N_("Perlu revisi"),
    REJECTED: N_("Ditolak"),
}
# Verdicts that need the reviewer's reason: the person who fixes the month must know what to fix.
REVIEW_NEEDS_NOTE = frozenset({REVISION, REJECTED})


def review_label(state: str) -> str:
    """ "Diajukan", "Memenuhi", ...; "" for a month with no review state."""
    return tr(REVIEW_LABELS[state]) if state in REVIEW_LABELS else ""


def is_realised(status: str) -> bool:
    """A realised month has something to review: work recorded as partly or fully done."""
    return status in STATUSES and status != Status.BELUM


def review_code(text: str) -> str | None:
    """A review state from what a user typed ("perlu-revisi", "Perlu revisi", "memenuhi")."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    return key if key in REVIEW_STATES else None


def verified_status(status: str, review_state: str) -> str:
    """The status that verified capaian counts: the recorded one once accepted, else belum."""
    return status if review_state == ACCEPTED else Status.BELUM


def is_overdue(status: str, month: int, now_month: int) -> bool:
    """THE late rule, for a planned month: it is past (before ``now_month``) and not selesai;
    ``sebagian`` is still late. The grid, its filter, the panels and every report use it (a
    report for month M looks from M + 1: month M itself is then past)."""
    return month < now_month and status != Status.SELESAI


def is_late(ind: IndicatorNode, month: int, now_month: int) -> bool:
    """``month`` is planned for ``ind`` and late as seen from ``now_month``."""
    return ind.is_planned(month) and is_overdue(ind.status(month), month, now_month)


def late_months(ind: IndicatorNode, now_month: int, first: int = 1, last: int = 12) -> list[int]:
    """The months ``first``..``last`` of ``ind`` that are late as seen from ``now_month``."""
    return [m for m in range(max(first, 1), min(last, 12) + 1) if is_late(ind, m, now_month)]


class MonthState(StrEnum):
    """What one indicator-month cell means to the reader of the grid."""

    EMPTY = "empty"  # not planned, nothing done
    PLANNED = "planned"  # planned, in the future
    DUE = "due"  # planned this month, not yet done
    LATE = "late"  # planned in a past month, not done (sebagian still late)
    PARTIAL = "partial"  # sebagian, not (yet) late: this month or future
    DONE = "done"  # planned and selesai
    UNPLANNED_DONE = "extra"  # done (or partly) without having been planned


def month_state(ind: IndicatorNode, month: int, now_month: int) -> MonthState:
    return state_of(ind.is_planned(month), ind.status(month), month, now_month)


def state_of(planned: bool, status: str, month: int, now_month: int) -> MonthState:
    """The month state from its parts, for loops that already hold them (``month_state``)."""
    if not planned:
        return MonthState.EMPTY if status == Status.BELUM else MonthState.UNPLANNED_DONE
    if status == Status.SELESAI:
        return MonthState.DONE
    if is_overdue(status, month, now_month):
        return MonthState.LATE
    if status == Status.SEBAGIAN:
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
        return Tally(
            self.planned + other.planned,
            self.done + other.done,
            self.partial + other.partial,
            self.late + other.late,
        )


def indicator_tally(
    ind: IndicatorNode, upto: int, now_month: int | None = None, verified: bool = False
) -> Tally:
    """Planned months 1..upto; ``late`` counts those before ``now_month`` not selesai.
    ``verified``: count only months whose review is ``memenuhi``."""
    planned = done = partial = late = 0
    now = upto + 1 if now_month is None else now_month
    for m in range(1, min(upto, 12) + 1):
        if not ind.is_planned(m):
            continue
        planned += 1
        status = ind.status(m)
        if verified:
            status = verified_status(status, ind.review_state(m))
        if status == Status.SELESAI:
            done += 1
        else:
            partial += status == Status.SEBAGIAN
        late += is_overdue(status, m, now)
    return Tally(planned, done, partial, late)


def month_tally(indicators: Iterable[IndicatorNode], month: int) -> Tally:
    """One month only, used for the rolled-up parent cells of the grid."""
    planned = done = partial = 0
    for ind in indicators:
        if ind.is_planned(month):
            planned += 1
            status = ind.status(month)
            done += status == Status.SELESAI
            partial += status == Status.SEBAGIAN
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
    # Evidence review of the group's realised months: accepted ones planned and done / partly
    # done (verified capaian), and how many await review, need revision or were rejected.
    verified_done: int = 0
    verified_partial: int = 0
    submitted: int = 0
    revision: int = 0
    rejected: int = 0

    @property
    def tally(self) -> Tally:
        return Tally(self.planned, self.done, self.partial, self.late)

    @property
    def verified_tally(self) -> Tally:
        return Tally(self.planned, self.verified_done, self.verified_partial, 0)


def month_rollups(indicators: Iterable[IndicatorNode], now_month: int) -> list[RollUp]:
    """The twelve month roll-ups of a group, in one pass (the grid asks for every parent)."""
    counts = [[0] * 11 for _ in MONTHS]
    review_slot: dict[str, int] = {SUBMITTED: 8, REVISION: 9, REJECTED: 10}
    for ind in indicators:
        planned, real, ev = ind.planned, ind.realisation, ind.evidence
        for m in MONTHS:
            c = counts[m - 1]
            cell = real.get(m)
            status = cell.status if cell else Status.BELUM
            accepted = (
                cell is not None and verified_status(status, cell.review_state) != Status.BELUM
            )
            if is_planned(planned, m):
                c[0] += 1
                if status == Status.SELESAI:
                    c[1] += 1
                    c[6] += accepted
                else:
                    c[2] += status == Status.SEBAGIAN
                    c[7] += accepted and status == Status.SEBAGIAN
                c[3] += is_overdue(status, m, now_month)
            elif status != Status.BELUM:
                c[4] += 1
            c[5] += ev.get(m, 0)
            if cell is not None and cell.review_state in review_slot:
                c[review_slot[cell.review_state]] += 1
    return [
        RollUp(
            planned=c[0],
            done=c[1],
            partial=c[2],
            late=c[3],
            extra=c[4],
            evidence=c[5],
            current=(m == now_month),
            verified_done=c[6],
            verified_partial=c[7],
            submitted=c[8],
            revision=c[9],
            rejected=c[10],
        )
        for m, c in zip(MONTHS, counts, strict=True)
    ]


def capaian_upto(rollups: Sequence[RollUp], now_month: int, verified: bool = False) -> float | None:
    """Capaian of a group up to ``now_month``, from its month roll-ups; ``verified``: only
    accepted months count."""
    result = Tally()
    for r in rollups[: min(max(now_month, 0), 12)]:
        result = result + (r.verified_tally if verified else r.tally)
    return result.percent


def total(
    indicators: Iterable[IndicatorNode],
    upto: int,
    now_month: int | None = None,
    verified: bool = False,
) -> Tally:
    result = Tally()
    for ind in indicators:
        result = result + indicator_tally(ind, upto, now_month, verified)
    return result


def indicators_of(
    node: PlanTree | AreaNode | ActivityNode | SubActivityNode | IndicatorNode,
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


def capaian(
    node: PlanTree | AreaNode | ActivityNode | SubActivityNode | IndicatorNode,
    upto: int,
    verified: bool = False,
) -> float | None:
    return total(indicators_of(node), upto, verified=verified).percent


def team_indicators(tree: PlanTree, team: TeamNode) -> list[IndicatorNode]:
    """An area team answers for its area; other teams for nothing on the grid."""
    area = next((a for a in tree.areas if a.uuid == team.area_uuid), None)
    return indicators_of(area) if area else []


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
