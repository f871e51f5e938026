"""What the period reports (Laporan Triwulan I-IV, Semester I/II, Tahunan) say, as data.

Pure computation from a plan snapshot plus the evidence rows of the period. Capaian is up to the
last month of the period, both as reported and as verified (only months whose evidence review is
``memenuhi`` count; see ``progress``). Late items: planned in the period, before "now", not
``selesai``. A person's capaian is that of the areas of the teams they sit on. ``reviews`` lists
every realised month of the period with its evidence and its review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rbdesk.i18n import N_, tr
from rbdesk.models import clock
from rbdesk.models.domain.indicator_fields import DEFAULT_LEVEL_NAMES, level_name
from rbdesk.models.domain.months import current_month, month_short
from rbdesk.models.domain.print_options import Part
from rbdesk.models.domain.progress import (
    SUBMITTED,
    Tally,
    indicators_of,
    is_realised,
    late_months,
    team_indicators,
    total,
)
from rbdesk.models.domain.report_data import (
    CapaianRow,
    EvidenceItem,
    EvidenceRow,
    Signer,
    _coordinator,
    _signers,
    evidence_between,
    evidence_items,
)
from rbdesk.models.domain.tree import PlanTree
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.store import Store

# period: (first month, last month, title)
PERIODS: dict[str, tuple[int, int, str]] = {
    Part.SEMESTER1: (1, 6, N_("LAPORAN SEMESTER I")),
    Part.SEMESTER2: (7, 12, N_("LAPORAN SEMESTER II")),
    Part.ANNUAL: (1, 12, N_("LAPORAN TAHUNAN")),
    Part.TRIWULAN1: (1, 3, N_("LAPORAN TRIWULAN I")),
    Part.TRIWULAN2: (4, 6, N_("LAPORAN TRIWULAN II")),
    Part.TRIWULAN3: (7, 9, N_("LAPORAN TRIWULAN III")),
    Part.TRIWULAN4: (10, 12, N_("LAPORAN TRIWULAN IV")),
}


@dataclass
class ReviewItem:
    """One realised month of the period: what was reported, its evidence, and its review."""

    area: str
    indicator: str
    month: int
    status: str  # sebagian / selesai
    evidence: int  # files attached for that month
    review_state: str  # diajukan / memenuhi / perlu_revisi / ditolak
    reviewed_by: str
    reviewed_at: str  # ISO 8601 UTC, "" while awaiting review
    review_note: str


@dataclass
class PeriodLate:
    area: str
    indicator: str
    months: list[int]
    coordinator: str
    notes: str


@dataclass
class PeriodReport:
    period: str
    title: str
    unit: str
    year: int
    first: int
    last: int
    areas: list[CapaianRow]
    teams: list[CapaianRow]
    persons: list[CapaianRow]
    total: Tally
    monthly: list[tuple[int, float | None]]  # cumulative capaian at the end of each month
    late: list[PeriodLate] = field(default_factory=list)
    evidence: list[EvidenceItem] = field(default_factory=list)
    place: str = ""
    date: str = ""
    prepared: Signer | None = None
    acknowledged: Signer | None = None
    verified_total: Tally = field(default_factory=Tally)
    # cumulative verified capaian at the end of each month, as ``monthly``
    monthly_verified: list[tuple[int, float | None]] = field(default_factory=list)
    reviews: list[ReviewItem] = field(default_factory=list)
    # the plan's name of its first level ("Area perubahan", or e.g. "Sasaran")
    area_name: str = DEFAULT_LEVEL_NAMES[0]

    @property
    def heading(self) -> str:
        return tr(PERIODS[self.period][2])


def check_period(period: str) -> tuple[int, int]:
    if period not in PERIODS:
        raise InvalidInput(
            tr(
                "Periode '{p}' tidak dikenal; pilih triwulan1..triwulan4, semester1, "
                "semester2 atau annual."
            ).format(p=period)
        )
    first, last, _t = PERIODS[period]
    return first, last


def period_evidence(store: Store, tree: PlanTree, period: str) -> list[EvidenceRow]:
    """(indicator uuid, filename, size, note, by, at, month) of evidence recorded in the
    period."""
    return evidence_between(store, tree, *check_period(period))


def build_period_report(
    tree: PlanTree, period: str, evidence: list[EvidenceRow], *, today: dt.date | None = None
) -> PeriodReport:
    first, last = check_period(period)
    day = today or clock.today()
    now = current_month(tree.year, day)
    areas: list[CapaianRow] = []
    late: list[PeriodLate] = []
    where: dict[str, str] = {}
    names: dict[str, str] = {}
    by_area: dict[str, Tally] = {}
    verified_by_area: dict[str, Tally] = {}
    reviews: list[ReviewItem] = []
    for area in tree.areas:
        inds = indicators_of(area)
        tally = total(inds, last, now)
        verified = total(inds, last, now, verified=True)
        by_area[area.uuid] = tally
        verified_by_area[area.uuid] = verified
        areas.append(CapaianRow(area.label, area.name, tally, verified))
        coordinator = _coordinator(tree.team_for_area(area.uuid))
        for act in area.activities:
            for sub in act.sub_activities:
                for ind in sub.indicators:
                    where[ind.uuid] = area.name
                    names[ind.uuid] = ind.text or sub.name or act.name
                    for month, cell in sorted(ind.realisation.items()):
                        if first <= month <= last and is_realised(cell.status):
                            reviews.append(
                                ReviewItem(
                                    area.name,
                                    names[ind.uuid],
                                    month,
                                    cell.status,
                                    ind.evidence.get(month, 0),
                                    cell.review_state or SUBMITTED,
                                    cell.reviewed_by,
                                    cell.reviewed_at,
                                    cell.review_note,
                                )
                            )
                    months = late_months(ind, now, first, last)
                    if months:
                        notes = "; ".join(
                            f"{month_short(m)}: {c.note}"
                            for m in months
                            if (c := ind.realisation.get(m)) and c.note
                        )
                        late.append(
                            PeriodLate(area.name, ind.text or sub.name, months, coordinator, notes)
                        )
    teams = [
        CapaianRow(
            t.label,
            t.name,
            total(team_indicators(tree, t), last, now),
            total(team_indicators(tree, t), last, now, verified=True),
        )
        for t in tree.teams
        if t.area_uuid
    ]
    persons: dict[str, CapaianRow] = {}
    seen: dict[str, set[str]] = {}
    for t in tree.teams:
        if not t.area_uuid or t.area_uuid not in by_area:
            continue
        for m in t.members:
            row = persons.setdefault(m.person_uuid, CapaianRow("", m.person_name, Tally()))
            got = seen.setdefault(m.person_uuid, set())
            if t.area_uuid not in got:  # an area counts once however many seats
                got.add(t.area_uuid)
                row.tally = row.tally + by_area[t.area_uuid]
                row.verified = row.verified + verified_by_area[t.area_uuid]
    grand = total(tree.indicators(), last, now)
    monthly = [(m, total(tree.indicators(), m, now).percent) for m in range(first, last + 1)]
    monthly_verified = [
        (m, total(tree.indicators(), m, now, verified=True).percent) for m in range(first, last + 1)
    ]
    items = evidence_items(tree, evidence, where, names)
    prepared, ack = _signers(tree)
    settings = tree.settings or {}
    place = settings.get("report_place") or tree.decree.get("place") or ""
    return PeriodReport(
        period,
        tree.title,
        tree.unit,
        tree.year,
        first,
        last,
        areas,
        teams,
        sorted(persons.values(), key=lambda r: r.name.lower()),
        grand,
        monthly,
        late,
        items,
        place,
        day.isoformat(),
        prepared,
        ack,
        total(tree.indicators(), last, now, verified=True),
        monthly_verified,
        reviews,
        level_name(tree.level_names, "area"),
    )
