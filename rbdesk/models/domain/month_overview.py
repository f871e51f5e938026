"""A month at a glance, from the plan snapshot: what is planned, done, late and awaiting review
in one month, per area, and where each indicator sits in the plan (the "Bulan ini" panel and the
evidence panel read these). No query per row, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.progress import (
    REJECTED,
    REVISION,
    SUBMITTED,
    MonthState,
    Tally,
    is_overdue,
    month_state,
    state_of,
    verified_status,
)
from rbdesk.models.domain.statuses import Status
from rbdesk.models.domain.tree import (
    AreaNode,
    IndicatorNode,
    PlanTree,
    SubActivityNode,
    gc_paused,
)


def clamp_month(month: int) -> int:
    """``today_month`` is 0 before the plan year and 13 after it; panels show a real month."""
    return max(1, min(12, month))


# The groups of the "Bulan ini" panel (and of a person's tasks), by kind.
GROUP_OPEN, GROUP_LATE, GROUP_DONE = "open", "late", "done"
GROUP_SUBMITTED, GROUP_REVISION = "submitted", "revision"
ALL_GROUPS = (GROUP_OPEN, GROUP_LATE, GROUP_REVISION, GROUP_SUBMITTED, GROUP_DONE)


def group_title(kind: str, month: int) -> str:
    """The title of a group row when the panel shows ``month``."""
    name = month_long(month) if 1 <= month <= 12 else ""
    if kind == GROUP_OPEN:
        return tr("Direncanakan {m}, belum selesai").format(m=name)
    if kind == GROUP_LATE:
        return tr("Terlambat dari bulan sebelumnya")
    if kind == GROUP_SUBMITTED:
        return tr("Menunggu verifikasi (s.d. {m})").format(m=name)
    if kind == GROUP_REVISION:
        return tr("Perlu revisi atau ditolak (s.d. {m})").format(m=name)
    return tr("Selesai {m}").format(m=name)


@dataclass(frozen=True)
class IndicatorPlace:
    area: AreaNode
    sub: SubActivityNode
    indicator: IndicatorNode

    @property
    def text(self) -> str:
        """An unnamed indicator stands for its sub-activity, as in the grid."""
        return self.indicator.text.strip() or self.sub.name.strip()

    @property
    def label(self) -> str:
        return self.indicator.label or self.sub.label


def places(tree: PlanTree, area_uuids: set[str] | None = None) -> Iterable[IndicatorPlace]:
    for area in tree.areas:
        if area_uuids is not None and area.uuid not in area_uuids:
            continue
        for act in area.activities:
            for sub in act.sub_activities:
                for ind in sub.indicators:
                    yield IndicatorPlace(area, sub, ind)


def find_place(tree: PlanTree | None, indicator_uuid: str) -> IndicatorPlace | None:
    if tree is None or not indicator_uuid:
        return None
    # Compare uuids only; build the one place found (the panels ask on every cursor move).
    for area in tree.areas:
        for act in area.activities:
            for sub in act.sub_activities:
                for ind in sub.indicators:
                    if ind.uuid == indicator_uuid:
                        return IndicatorPlace(area, sub, ind)
    return None


# --- one month at a glance -------------------------------------------------------------------

# Which review state a group row of several months shows: the one that most needs doing.
_REVIEW_URGENCY: dict[str, int] = {SUBMITTED: 0, REVISION: 1, REJECTED: 2}


@dataclass(frozen=True)
class MonthItem:
    indicator_uuid: str
    label: str
    text: str
    area_uuid: str
    area_label: str
    state: MonthState
    months: tuple[int, ...]  # the months this row is about (the chosen one, or the late ones)
    evidence: int  # evidence files attached in those months
    review: str = ""  # review groups: the state of those months (the worst of them)


@dataclass(frozen=True)
class AreaProgress:
    uuid: str
    label: str
    name: str
    tally: Tally  # planned months 1..M, late counted against "now"
    month: Tally  # the chosen month alone
    verified: Tally = Tally()  # planned months 1..M counting only accepted ones (no late)

    @property
    def percent(self) -> float | None:
        return self.tally.percent


@dataclass
class MonthOverview:
    month: int
    now_month: int
    open: list[MonthItem] = field(default_factory=list)  # planned in M, not selesai
    done: list[MonthItem] = field(default_factory=list)  # selesai in M (planned or not)
    late: list[MonthItem] = field(default_factory=list)  # planned before M, overdue now
    month_tally: Tally = field(default_factory=Tally)  # the chosen month alone
    upto: Tally = field(default_factory=Tally)  # planned months 1..M
    areas: list[AreaProgress] = field(default_factory=list)
    # Realised months 1..M whose evidence awaits review, or needs revision (or was rejected).
    submitted: list[MonthItem] = field(default_factory=list)
    revision: list[MonthItem] = field(default_factory=list)
    verified: Tally = field(default_factory=Tally)  # planned months 1..M, accepted only

    @property
    def late_cells(self) -> int:
        return sum(len(i.months) for i in self.late)


def month_overview(
    tree: PlanTree | None, month: int, now_month: int, area_uuids: set[str] | None = None
) -> MonthOverview:
    """What is planned, done and overdue in ``month``, seen from ``now_month``.

    ``late`` lists the indicators with a planned month before ``month`` that is late now
    (planned, past, not selesai), each once with its late months. ``area_uuids`` narrows it
    to some areas (a team's, a person's).

    One pass over the snapshot: the same numbers as ``progress.month_state``,
    ``progress.month_tally`` and ``progress.total``, but a 20,000-indicator plan is summed in a
    few tens of milliseconds.
    """
    with gc_paused():
        return _month_overview(tree, month, now_month, area_uuids)


def _item(
    area: AreaNode,
    sub: SubActivityNode,
    ind: IndicatorNode,
    state: MonthState,
    months: Sequence[int],
    review: str = "",
) -> MonthItem:
    """A row of the overview about ``months`` of one indicator (named as in the grid)."""
    return MonthItem(
        ind.uuid,
        ind.label or sub.label,
        ind.text.strip() or sub.name.strip(),
        area.uuid,
        area.label,
        state,
        tuple(months),
        sum(ind.evidence.get(m, 0) for m in months),
        review,
    )


def _month_overview(
    tree: PlanTree | None, month: int, now_month: int, area_uuids: set[str] | None
) -> MonthOverview:
    month = clamp_month(month)
    result = MonthOverview(month, now_month)
    if tree is None:
        return result
    bit = 1 << (month - 1)
    upto_mask = (1 << month) - 1
    done_items, open_items, late_items = result.done, result.open, result.late
    submitted_items, revision_items = result.submitted, result.revision
    for area in tree.areas:
        if area_uuids is not None and area.uuid not in area_uuids:
            continue
        # the chosen month alone, and planned months 1..month ("upto")
        mt_planned = mt_done = mt_partial = 0
        up_planned = up_done = up_partial = up_late = 0
        v_done = v_partial = 0
        for act in area.activities:
            for sub in act.sub_activities:
                for ind in sub.indicators:
                    planned, real = ind.planned, ind.realisation
                    cell = real.get(month)
                    status = cell.status if cell is not None else Status.BELUM
                    state = state_of(bool(planned & bit), status, month, now_month)
                    if planned & bit:
                        mt_planned += 1
                        mt_done += status == Status.SELESAI
                        mt_partial += status == Status.SEBAGIAN
                    overdue: list[int] = []
                    bits = planned & upto_mask
                    m = 1
                    while bits:
                        if bits & 1:
                            up_planned += 1
                            c = real.get(m)
                            s = c.status if c is not None else Status.BELUM
                            if c is not None:
                                v = verified_status(s, c.review_state)
                                v_done += v == Status.SELESAI
                                v_partial += v == Status.SEBAGIAN
                            up_done += s == Status.SELESAI
                            up_partial += s == Status.SEBAGIAN
                            if is_overdue(s, m, now_month):
                                up_late += 1
                                if m < month:
                                    overdue.append(m)
                        bits >>= 1
                        m += 1
                    if status == Status.SELESAI or planned & bit:
                        item = _item(area, sub, ind, state, (month,))
                        (done_items if status == Status.SELESAI else open_items).append(item)
                    if overdue:
                        late_items.append(_item(area, sub, ind, MonthState.LATE, overdue))
                    if not real:
                        continue
                    waiting = [
                        m for m, c in real.items() if m <= month and c.review_state == SUBMITTED
                    ]
                    fixing = [
                        m
                        for m, c in real.items()
                        if m <= month and c.review_state in (REVISION, REJECTED)
                    ]
                    for months, items in ((waiting, submitted_items), (fixing, revision_items)):
                        if months:
                            months.sort()
                            worst = max(
                                (real[m].review_state for m in months),
                                key=_REVIEW_URGENCY.__getitem__,
                            )
                            state = month_state(ind, months[-1], now_month)
                            items.append(_item(area, sub, ind, state, months, worst))
        month_part = Tally(mt_planned, mt_done, mt_partial, 0)
        upto = Tally(up_planned, up_done, up_partial, up_late)
        verified = Tally(up_planned, v_done, v_partial, 0)
        result.areas.append(
            AreaProgress(area.uuid, area.label, area.name, upto, month_part, verified)
        )
        result.month_tally = result.month_tally + month_part
        result.upto = result.upto + upto
        result.verified = result.verified + verified
    return result
