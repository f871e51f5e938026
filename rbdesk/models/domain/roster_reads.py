"""Who sits where in the roster, from the plan snapshot: each person's seats and areas, teams and
members by uuid, and the one query that re-reads a plan's teams after a roster edit (the "Tim"
panel and its commands read these). No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rbdesk.models.domain.tree import (
    MemberNode,
    PlanTree,
    TeamNode,
    load_teams,
)
from rbdesk.models.edits.roster_edit import PersonInfo
from rbdesk.models.storage.schema import Plan
from rbdesk.models.storage.store import Store

KIND_ORDER = {"pengarah": 0, "pelaksana": 1, "area": 2, "agen": 3}


@dataclass(frozen=True)
class Seat:
    team: TeamNode
    member: MemberNode


@dataclass(frozen=True)
class PersonRow:
    uuid: str
    name: str
    position: str
    unit: str
    nip: str
    version: int
    seats: tuple[Seat, ...]
    reviewer: bool = False  # marked as one who may review realised months

    def team_labels(self) -> str:
        return ", ".join(team_short_name(s.team) for s in self.seats)


def area_teams(tree: PlanTree | None) -> dict[str, str]:
    """The short name of the team answering for each area, by area uuid."""
    if tree is None:
        return {}
    return {t.area_uuid: team_short_name(t) for t in tree.teams if t.area_uuid}


def team_short_name(team: TeamNode) -> str:
    if team.kind == "pengarah":
        return "Pengarah"
    if team.kind == "pelaksana":
        return "Pelaksana"
    if team.kind == "agen":
        return "Agen"
    return team.label or team.name


def seats_of(tree: PlanTree | None, person_uuid: str) -> list[Seat]:
    if tree is None:
        return []
    seats = [Seat(t, m) for t in tree.teams for m in t.members if m.person_uuid == person_uuid]
    return sorted(seats, key=lambda s: KIND_ORDER.get(s.team.kind, 9))


def person_rows(tree: PlanTree | None, persons: Iterable[PersonInfo]) -> list[PersonRow]:
    """Every person once, however many teams of this plan they sit on."""
    return [
        PersonRow(
            p.uuid,
            p.name,
            p.position,
            p.unit,
            p.nip,
            p.version,
            tuple(seats_of(tree, p.uuid)),
            p.reviewer,
        )
        for p in persons
    ]


def person_areas(tree: PlanTree | None, person_uuid: str) -> set[str]:
    """The areas a person answers for: those of the area teams they sit on."""
    return {s.team.area_uuid for s in seats_of(tree, person_uuid) if s.team.area_uuid}


def find_team(tree: PlanTree | None, team_uuid: str) -> TeamNode | None:
    if tree is None:
        return None
    return next((t for t in tree.teams if t.uuid == team_uuid), None)


def find_member(tree: PlanTree | None, member_uuid: str) -> tuple[TeamNode, int] | None:
    """The team holding a membership and the membership's index in it."""
    for team in tree.teams if tree else []:
        for index, m in enumerate(team.members):
            if m.uuid == member_uuid:
                return team, index
    return None


def plan_teams(store: Store, plan_uuid: str) -> list[TeamNode]:
    """Re-read only the roster of a plan (after a roster edit), not the whole plan."""
    with store.read():
        plan = Plan.get_or_none((Plan.uuid == plan_uuid) & Plan.is_live())
        return load_teams(plan.id) if plan is not None else []
