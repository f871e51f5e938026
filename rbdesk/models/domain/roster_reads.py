"""Who sits where in the roster, from the plan snapshot: each person's seats and areas, teams and
members by uuid, and the one query that re-reads a plan's teams after a roster edit (the "Tim"
panel and its commands read these). No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rbdesk.i18n import tr
from rbdesk.models.domain.tree import (
    MemberNode,
    PlanTree,
    TeamNode,
    load_teams,
)
from rbdesk.models.storage.schema import Plan
from rbdesk.models.storage.store import Store

KIND_ORDER = {"pengarah": 0, "pelaksana": 1, "area": 2, "agen": 3}


@dataclass(frozen=True)
class Seat:
    team: TeamNode
    member: MemberNode


@dataclass(frozen=True)
class PersonInfo:
    """A person of the file (shared by its plans), as ``roster_edit.list_persons`` reads them;
    ``seats`` are those on the teams of one plan, filled in by ``person_rows``."""

    uuid: str
    name: str
    position: str
    unit: str
    nip: str
    version: int
    reviewer: bool = False  # may review realised months (recorded, not enforced)
    seats: tuple[Seat, ...] = ()

    def team_labels(self) -> str:
        return ", ".join(team_short_name(s.team) for s in self.seats)


def area_teams(tree: PlanTree | None) -> dict[str, str]:
    """The short name of the team answering for each area, by area uuid."""
    if tree is None:
        return {}
    return {t.area_uuid: team_short_name(t) for t in tree.teams if t.area_uuid}


SMALL_WORDS = {"dan", "di", "pada", "dari", "ke", "yang", "untuk", "atau", "serta"}


def team_title(team: TeamNode) -> str:
    """The decree writes team names in capitals; a narrow panel reads better in title case."""
    name = team.name.strip()
    if name.isupper():
        words = name.lower().split()
        name = " ".join(
            w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
        )
    if team.kind in ("pengarah", "pelaksana") and not name.lower().startswith("tim"):
        name = tr("Tim {name}").format(name=name)
    return f"{team.label}. {name}" if team.kind == "area" and team.label else name


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


def person_rows(tree: PlanTree | None, persons: Iterable[PersonInfo]) -> list[PersonInfo]:
    """Every person once with their seats, however many teams of this plan they sit on."""
    return [replace(p, seats=tuple(seats_of(tree, p.uuid))) for p in persons]


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
