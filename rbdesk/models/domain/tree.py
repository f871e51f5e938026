"""A read-only snapshot of one plan as plain Python objects, for views and exports.

Loaded with a handful of flat queries (no per-row queries), so a 20,000-indicator plan loads fast.
Evidence bytes are never loaded here: only counts per month.
"""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from rbdesk.models.domain.indicator_fields import level_names
from rbdesk.models.domain.months import is_planned, months_from_mask
from rbdesk.models.domain.statuses import Status
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import (
    Activity,
    Area,
    Evidence,
    Indicator,
    Membership,
    Person,
    Plan,
    Realisation,
    SubActivity,
    Team,
)
from rbdesk.models.storage.store import Store

# A realisation's month, then its columns in the order of Cell's fields.
CELL_COLUMNS = (
    Realisation.month,
    Realisation.status,
    Realisation.note,
    Realisation.uuid,
    Realisation.version,
    Realisation.updated_by,
    Realisation.updated_at,
    Realisation.review_state,
    Realisation.reviewed_by,
    Realisation.reviewed_at,
    Realisation.review_note,
)


@dataclass
class Cell:
    status: str
    note: str
    uuid: str
    version: int
    updated_by: str = ""
    updated_at: str = ""
    review_state: str = ""
    reviewed_by: str = ""
    reviewed_at: str = ""
    review_note: str = ""


@dataclass
class IndicatorNode:
    uuid: str
    label: str
    text: str
    planned: int
    note: str
    version: int
    updated_by: str = ""
    updated_at: str = ""
    realisation: dict[int, Cell] = field(default_factory=dict)
    evidence: dict[int, int] = field(default_factory=dict)
    # What the office wrote beside it (models.domain.indicator_fields).
    target: str = ""
    target_unit: str = ""
    responsible: str = ""
    responsible_uuid: str = ""
    extra_columns: list[list[str]] = field(default_factory=list)

    @property
    def planned_months(self) -> list[int]:
        return months_from_mask(self.planned)

    def is_planned(self, month: int) -> bool:
        return is_planned(self.planned, month)

    def status(self, month: int) -> str:
        cell = self.realisation.get(month)
        return cell.status if cell else Status.BELUM

    def review_state(self, month: int) -> str:
        cell = self.realisation.get(month)
        return cell.review_state if cell else ""


# What the office wrote beside an indicator, read after its other columns (see with_written).
WRITTEN_COLUMNS = (
    Indicator.target,
    Indicator.target_unit,
    Indicator.responsible,
    Indicator.responsible_uuid,
    Indicator.extra_columns,
)
# An indicator's columns in the order of IndicatorNode's first eight fields, then the written ones.
INDICATOR_COLUMNS = (
    Indicator.uuid,
    Indicator.label,
    Indicator.text,
    Indicator.planned,
    Indicator.note,
    Indicator.version,
    Indicator.updated_by,
    Indicator.updated_at,
    *WRITTEN_COLUMNS,
)


def with_written(node: IndicatorNode, values: Sequence[Any]) -> IndicatorNode:
    """``node`` with the values of WRITTEN_COLUMNS; the kept columns may come as the JSON text
    stored (a raw read) or already parsed."""
    node.target, node.target_unit, node.responsible, node.responsible_uuid, extra = values
    if isinstance(extra, str):
        extra = json.loads(extra) if extra else []
    node.extra_columns = [list(pair) for pair in extra or []]
    return node


@dataclass
class SubActivityNode:
    uuid: str
    label: str
    name: str
    version: int
    indicators: list[IndicatorNode] = field(default_factory=list)


@dataclass
class ActivityNode:
    uuid: str
    label: str
    name: str
    version: int
    sub_activities: list[SubActivityNode] = field(default_factory=list)


@dataclass
class AreaNode:
    uuid: str
    label: str
    name: str
    version: int
    activities: list[ActivityNode] = field(default_factory=list)


@dataclass
class MemberNode:
    uuid: str
    person_uuid: str
    person_name: str
    role: str
    position: str
    version: int
    nip: str = ""  # the person's NIP, printed under the name where a report is signed


@dataclass
class TeamNode:
    uuid: str
    kind: str
    label: str
    name: str
    area_uuid: str | None
    duties: list[str]
    version: int
    members: list[MemberNode] = field(default_factory=list)


@dataclass
class PlanTree:
    uuid: str
    unit: str
    year: int
    title: str
    decree: dict[str, Any]
    settings: dict[str, Any]
    version: int
    areas: list[AreaNode] = field(default_factory=list)
    teams: list[TeamNode] = field(default_factory=list)
    # The plan's own names of its levels as stored ([]: the defaults); read them through
    # ``names`` (models.domain.indicator_fields.level_names).
    level_names: list[str] = field(default_factory=list)

    @property
    def names(self) -> tuple[str, str, str, str]:
        """The four level names this plan shows, from the top."""
        return level_names(self.level_names)

    def indicators(self) -> list[IndicatorNode]:
        return [
            i
            for a in self.areas
            for ac in a.activities
            for s in ac.sub_activities
            for i in s.indicators
        ]

    def team_for_area(self, area_uuid: str) -> TeamNode | None:
        return next((t for t in self.teams if t.area_uuid == area_uuid), None)


@dataclass
class PlanSummary:
    uuid: str
    unit: str
    year: int
    title: str


def list_plans(store: Store) -> list[PlanSummary]:
    with store.read():
        rows = as_tuples(
            Plan.live(Plan.uuid, Plan.unit, Plan.year, Plan.title).order_by(
                Plan.year, Plan.unit, Plan.uuid
            )
        )
        return [PlanSummary(*r) for r in rows]


def choose_plan(store: Store, last_used: str | None, year: int) -> str | None:
    """The plan a file opens on: the one last used on this PC, else this year's, else the
    newest that has indicators (an empty plan made by mistake must not look like lost data),
    else the newest."""
    plans = list_plans(store)
    if not plans:
        return None
    if last_used and any(p.uuid == last_used for p in plans):
        return last_used
    this_year = [p for p in plans if p.year == year]
    if this_year:
        return this_year[0].uuid
    with store.read():
        filled = {
            u
            for (u,) in as_tuples(
                Plan.select(Plan.uuid)
                .join(Area)
                .join(Activity)
                .join(SubActivity)
                .join(Indicator)
                .where(
                    Plan.is_live()
                    & Area.is_live()
                    & Activity.is_live()
                    & SubActivity.is_live()
                    & Indicator.is_live()
                )
                .distinct()
            )
        }
    return next((p.uuid for p in reversed(plans) if p.uuid in filled), plans[-1].uuid)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Bulk loading makes tens of thousands of objects that all stay alive; meanwhile Python's
    cyclic collector would scan the whole (growing) heap again and again and free nothing.
    Objects that do become garbage are still freed at once by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _rows(query: Any) -> Any:
    """The query's rows as the driver returns them.

    Every column read here is a plain integer or text, which needs none of peewee's per-value
    conversion; skipping it makes loading a 20,000-indicator plan several times faster.
    """
    return query.model._meta.database.execute(query)


def _named_columns(model: Any, parent: Any) -> tuple[Any, ...]:
    """An area's, activity's or sub-activity's id and parent's id, then its node's fields."""
    return (model.id, parent, model.uuid, model.label, model.name, model.version)


def _attach(
    query: Any, parents: dict[int, Any], make: Callable[..., Any], children: str
) -> dict[int, Any]:
    """Each row (id, parent's id, the node's fields) made a node and put in its parent's list
    of ``children``, by id; the rows under a parent not read (deleted) are left out."""
    nodes: dict[int, Any] = {}
    for row_id, parent_id, *fields in _rows(query):
        if parent_id in parents:
            nodes[row_id] = make(*fields)
            getattr(parents[parent_id], children).append(nodes[row_id])
    return nodes


def load_plan_tree(store: Store, plan_uuid: str) -> PlanTree:
    with store.read(), gc_paused():
        return _load_plan_tree(plan_uuid)


def _load_plan_tree(plan_uuid: str) -> PlanTree:
    plan = Plan.get((Plan.uuid == plan_uuid) & Plan.is_live())
    tree = PlanTree(
        plan.uuid,
        plan.unit,
        plan.year,
        plan.title,
        plan.decree or {},
        plan.settings or {},
        plan.version,
        level_names=list(plan.level_names or []),
    )
    areas = _attach(
        Area.select(*_named_columns(Area, Area.plan))
        .where((Area.plan == plan.id) & Area.is_live())
        .order_by(Area.seq, Area.uuid),
        {plan.id: tree},
        AreaNode,
        "areas",
    )
    acts = _attach(
        Activity.select(*_named_columns(Activity, Activity.area))
        .join(Area)
        .where((Area.plan == plan.id) & Activity.is_live() & Area.is_live())
        .order_by(Activity.seq, Activity.uuid),
        areas,
        ActivityNode,
        "activities",
    )
    subs = _attach(
        SubActivity.select(*_named_columns(SubActivity, SubActivity.activity))
        .join(Activity)
        .join(Area)
        .where((Area.plan == plan.id) & SubActivity.is_live())
        .order_by(SubActivity.seq, SubActivity.uuid),
        acts,
        SubActivityNode,
        "sub_activities",
    )
    inds: dict[int, IndicatorNode] = _attach(
        Indicator.select(Indicator.id, Indicator.sub_activity, *INDICATOR_COLUMNS)
        .join(SubActivity)
        .join(Activity)
        .join(Area)
        .where((Area.plan == plan.id) & Indicator.is_live())
        .order_by(Indicator.seq, Indicator.uuid),
        subs,
        lambda *fields: with_written(IndicatorNode(*fields[:8]), fields[8:]),
        "indicators",
    )
    for ind_id, month, *cell in _rows(
        Realisation.select(Realisation.indicator, *CELL_COLUMNS)
        .join(Indicator)
        .join(SubActivity)
        .join(Activity)
        .join(Area)
        .where((Area.plan == plan.id) & Realisation.is_live())
    ):
        if ind_id in inds:
            inds[ind_id].realisation[month] = Cell(*cell)
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for ind_id, month in _rows(
        Evidence.select(Evidence.indicator, Evidence.month)
        .join(Indicator)
        .join(SubActivity)
        .join(Activity)
        .join(Area)
        .where((Area.plan == plan.id) & Evidence.is_live())
    ):
        counts[ind_id][month] = counts[ind_id].get(month, 0) + 1
    for ind_id, per_month in counts.items():
        if ind_id in inds:
            inds[ind_id].evidence = per_month
    tree.teams = load_teams(plan.id, areas)
    return tree


def load_teams(plan_id: int, areas: dict[int, AreaNode] | None = None) -> list[TeamNode]:
    area_uuid = {k: v.uuid for k, v in (areas or {}).items()}
    if areas is None:
        area_uuid = dict(as_tuples(Area.select(Area.id, Area.uuid).where(Area.plan == plan_id)))
    teams: dict[int, TeamNode] = {}
    for tid, u, kind, label, name, area_id, duties, ver in as_tuples(
        Team.select(
            Team.id,
            Team.uuid,
            Team.kind,
            Team.label,
            Team.name,
            Team.area,
            Team.duties,
            Team.version,
        )
        .where((Team.plan == plan_id) & Team.is_live())
        .order_by(Team.seq, Team.uuid)
    ):
        teams[tid] = TeamNode(u, kind, label, name, area_uuid.get(area_id), list(duties or []), ver)
    for team_id, u, person_uuid, person_name, role, position, ver, nip in as_tuples(
        Membership.select(
            Membership.team,
            Membership.uuid,
            Person.uuid,
            Person.name,
            Membership.role,
            Membership.position,
            Membership.version,
            Person.nip,
        )
        .join(Person)
        .switch(Membership)
        .join(Team)
        .where((Team.plan == plan_id) & Membership.is_live() & Person.is_live())
        .order_by(Membership.seq, Membership.uuid)
    ):
        if team_id in teams:
            teams[team_id].members.append(
                MemberNode(u, person_uuid, person_name, role, position, ver, nip or "")
            )
    return list(teams.values())
