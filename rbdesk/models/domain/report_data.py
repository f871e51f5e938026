"""What the monthly monitoring report (Laporan Monitoring) says, as plain data.

Computed from a plan snapshot plus one query for the evidence filenames of the month. The report
for month M looks back on months 1..M as closed: a planned month up to M that is not ``selesai`` is
late. Signature names come from the plan's ``settings`` (editable in the file):

``report_place``, ``report_prepared_heading``, ``report_prepared_title``, ``report_prepared_name``,
``report_prepared_nip``, ``report_ack_heading``, ``report_ack_title``, ``report_ack_name``,
``report_ack_nip``. Missing names default to the Ketua of the Tim Pelaksana (prepares) and the
Ketua of the Tim Pengarah (acknowledges) in the roster, with the NIP of that person where known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.indicator_fields import DEFAULT_LEVEL_NAMES, level_name
from rbdesk.models.domain.progress import (
    SUBMITTED,
    Tally,
    indicator_tally,
    is_realised,
    late_months,
    rating_band,
)
from rbdesk.models.domain.tree import MemberNode, PlanTree, TeamNode
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import Activity, Area, Evidence, Indicator, Plan, SubActivity
from rbdesk.models.storage.store import Store


@dataclass
class CapaianRow:
    """An area, team or person with its tally: capaian and rating band follow from it."""

    label: str
    name: str
    tally: Tally
    # The same months counting only those whose evidence review accepted them (no late count);
    # left empty (percent "–") by reports that show capaian as reported only.
    verified: Tally = field(default_factory=Tally)

    @property
    def percent(self) -> float | None:
        return self.tally.percent

    @property
    def band(self) -> str:
        return rating_band(self.percent)

    @property
    def verified_percent(self) -> float | None:
        return self.verified.percent


@dataclass
class LateItem:
    area: str
    activity: str
    sub_activity: str
    indicator: str
    months: list[int]
    coordinator: str
    team: str


@dataclass
class EvidenceItem:
    area: str
    indicator: str
    filename: str
    size: int
    note: str
    recorded_by: str
    recorded_at: str
    month: int = 0  # the realisation month the file supports (1..12); 0 unknown
    # that month's review (diajukan / memenuhi / ...); "" while the month is not realised
    review_state: str = ""


@dataclass
class Signer:
    heading: str
    title: str
    name: str
    nip: str


@dataclass
class ReportData:
    title: str
    unit: str
    year: int
    month: int
    areas: list[CapaianRow]
    total: Tally
    late: list[LateItem] = field(default_factory=list)
    evidence: list[EvidenceItem] = field(default_factory=list)
    place: str = ""
    date: str = ""
    prepared: Signer | None = None
    acknowledged: Signer | None = None
    # ``total`` counting only the months whose evidence review accepted them
    verified_total: Tally = field(default_factory=Tally)
    # the plan's name of its first level ("Area perubahan", or e.g. "Sasaran")
    area_name: str = DEFAULT_LEVEL_NAMES[0]


def _coordinator(team: TeamNode | None) -> str:
    if team is None:
        return ""
    for m in team.members:
        if "koordinator" in m.role.lower():
            return m.person_name
    return team.members[0].person_name if team.members else ""


def _ketua(tree: PlanTree, kind: str) -> MemberNode | None:
    """The Ketua of the first team of ``kind`` ("Ketua", "Pengarah merangkap Ketua"; never a
    "Wakil Ketua")."""
    for team in tree.teams:
        if team.kind == kind:
            for m in team.members:
                role = m.role.lower()
                if "ketua" in role and "wakil" not in role:
                    return m
    return None


def _signer(tree: PlanTree, key: str, kind: str, heading: str, title: str) -> Signer:
    """A signer from the plan's settings, else the team's Ketua in the roster. A NIP set in the
    settings wins; the roster's NIP is used only with the roster's name."""
    s = tree.settings or {}
    name = str(s.get(f"report_{key}_name") or "")
    nip = str(s.get(f"report_{key}_nip") or "")
    if not name:
        ketua = _ketua(tree, kind)
        if ketua is not None:
            name, nip = ketua.person_name, nip or ketua.nip
    return Signer(
        s.get(f"report_{key}_heading") or heading, s.get(f"report_{key}_title") or title, name, nip
    )


def _signers(tree: PlanTree) -> tuple[Signer, Signer]:
    prepared = _signer(
        tree,
        "prepared",
        "pelaksana",
        tr("Dibuat oleh,"),
        tr("Ketua Tim Pelaksana Reformasi Birokrasi"),
    )
    ack = _signer(
        tree, "ack", "pengarah", tr("Mengetahui,"), tr("Ketua Tim Pengarah Reformasi Birokrasi")
    )
    return prepared, ack


# (indicator uuid, filename, size, note, by, at, month) as the queries below give; rows made
# elsewhere without the month are still taken (the month then is the report's, or unknown)
EvidenceRow = tuple[str, str, int, str, str, str, int] | tuple[str, str, int, str, str, str]


def month_evidence(store: Store, tree: PlanTree, month: int) -> list[EvidenceRow]:
    """(indicator uuid, filename, size, note, by, at, month) of evidence recorded for
    ``month``."""
    return evidence_between(store, tree, month, month)


def evidence_between(store: Store, tree: PlanTree, first: int, last: int) -> list[EvidenceRow]:
    """Evidence recorded for the months ``first``..``last``, month by month, oldest first."""
    with store.read():
        plan = Plan.get_or_none(Plan.uuid == tree.uuid)
        if plan is None:
            return []
        query = (
            Evidence.select(
                Indicator.uuid,
                Evidence.filename,
                Evidence.size,
                Evidence.note,
                Evidence.updated_by,
                Evidence.updated_at,
                Evidence.month,
            )
            .join(Indicator)
            .join(SubActivity)
            .join(Activity)
            .join(Area)
            .where(
                (Area.plan == plan.id)
                & (Evidence.month >= first)
                & (Evidence.month <= last)
                & Evidence.is_live()
                & Indicator.is_live()
            )
            .order_by(Evidence.month, Evidence.updated_at, Evidence.uuid)
        )
        return list(as_tuples(query))


def evidence_items(
    tree: PlanTree,
    evidence: list[EvidenceRow],
    where: dict[str, str],
    names: dict[str, str],
    month_of_report: int = 0,
) -> list[EvidenceItem]:
    """The evidence rows of indicators in the report (``where``: area name by indicator uuid,
    ``names``: the indicator's text), each with its month and that month's review, so a reader
    of the list sees which files still wait for a verdict."""
    indicators = {ind.uuid: ind for ind in tree.indicators()}
    items = []
    for row in evidence:
        u, fn, size, note, by, at = row[:6]
        month = row[6] if len(row) == 7 else month_of_report
        if u not in where:
            continue
        cell = indicators[u].realisation.get(month) if u in indicators else None
        state = (cell.review_state or SUBMITTED) if cell and is_realised(cell.status) else ""
        items.append(EvidenceItem(where[u], names.get(u, ""), fn, size, note, by, at, month, state))
    return items


def build_report(
    tree: PlanTree, month: int, evidence: list[EvidenceRow], *, today: dt.date | None = None
) -> ReportData:
    """The report for ``month`` (1..12), with the evidence rows of :func:`month_evidence`."""
    if not 1 <= int(month) <= 12:
        raise InvalidInput(tr("Bulan {m} di luar 1..12.").format(m=month))
    month = int(month)
    now = month + 1
    areas: list[CapaianRow] = []
    late: list[LateItem] = []
    where: dict[str, str] = {}
    names: dict[str, str] = {}
    total = verified_total = Tally()
    for area in tree.areas:
        team = tree.team_for_area(area.uuid)
        coordinator = _coordinator(team)
        tally = verified = Tally()
        for act in area.activities:
            for sub in act.sub_activities:
                for ind in sub.indicators:
                    t = indicator_tally(ind, month, now)
                    tally = tally + t
                    verified = verified + indicator_tally(ind, month, now, verified=True)
                    where[ind.uuid] = area.name
                    names[ind.uuid] = ind.text or sub.name or act.name
                    if t.late:
                        months = late_months(ind, now, last=month)
                        late.append(
                            LateItem(
                                area.name,
                                act.name,
                                sub.name,
                                ind.text or sub.name,
                                months,
                                coordinator,
                                team.name if team else "",
                            )
                        )
        areas.append(CapaianRow(area.label, area.name, tally, verified))
        total = total + tally
        verified_total = verified_total + verified
    items = evidence_items(tree, evidence, where, names, month)
    prepared, ack = _signers(tree)
    settings = tree.settings or {}
    place = settings.get("report_place") or tree.decree.get("place") or ""
    return ReportData(
        tree.title,
        tree.unit,
        tree.year,
        month,
        areas,
        total,
        late,
        items,
        place,
        (today or clock.today()).isoformat(),
        prepared,
        ack,
        verified_total,
        level_name(tree.level_names, "area"),
    )
