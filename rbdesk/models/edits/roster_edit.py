"""Editing the roster (Lampiran I): persons, teams and memberships.

Persons are shared by every plan in the file; teams and memberships belong to one plan.
"""

from __future__ import annotations

from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.roster_reads import PersonInfo
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import TEAM_KINDS, Area, Membership, Person, Plan, Team
from rbdesk.models.storage.store import Store, Tx

PERSON_FIELDS = {"name", "position", "unit", "nip", "reviewer"}
MEMBER_FIELDS = {"role", "position"}
TEAM_FIELDS = {"name", "label", "duties"}


def _update(
    tx: Tx,
    model: Any,
    entity: str,
    row: Any,
    expected_version: int | None,
    fields: dict[str, Any],
    allowed: set[str],
) -> int:
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(tr("Kolom tidak dikenal: {f}").format(f=", ".join(sorted(unknown))))
    if "name" in fields and not str(fields["name"]).strip():
        raise InvalidInput(tr("Nama tidak boleh kosong."))
    changes = {k: v for k, v in fields.items() if getattr(row, k) != v}
    if not changes:
        return row.version
    version = tx.bump(model, row.uuid, expected_version, **changes)
    for key, value in changes.items():
        tx.log(entity, row.uuid, "update", key, getattr(row, key), value)
    return version


def list_persons(store: Store) -> list[PersonInfo]:
    with store.read():
        rows = as_tuples(
            Person.live(
                Person.uuid,
                Person.name,
                Person.position,
                Person.unit,
                Person.nip,
                Person.version,
                Person.reviewer,
            ).order_by(Person.name, Person.uuid)
        )
        return [
            PersonInfo(u, name, position, unit, nip, version, bool(reviewer))
            for u, name, position, unit, nip, version, reviewer in rows
        ]


def add_person(
    store: Store,
    name: str,
    position: str = "",
    unit: str = "",
    nip: str = "",
    reviewer: bool = False,
) -> str:
    if not name.strip():
        raise InvalidInput(tr("Nama tidak boleh kosong."))
    with store.write() as tx:
        person = Person(
            name=name.strip(), position=position, unit=unit, nip=nip, reviewer=reviewer, uuid=""
        )
        tx.insert(person)
        tx.log("person", person.uuid, "create", "name", None, person.name)
        return person.uuid


def update_person(
    store: Store, uuid: str, expected_version: int | None = None, **fields: Any
) -> int:
    with store.write() as tx:
        return _update(
            tx, Person, "person", Person.live_by_uuid(uuid), expected_version, fields, PERSON_FIELDS
        )


def delete_person(store: Store, uuid: str, expected_version: int | None = None) -> list[str]:
    """Tombstone a person and every membership they hold; returns the membership uuids."""
    with store.write() as tx:
        person = Person.live_by_uuid(uuid)
        tx.bump(Person, uuid, expected_version, deleted=True)
        tx.log("person", uuid, "delete", "name", person.name, None)
        gone = []
        for m in Membership.select().where((Membership.person == person.id) & Membership.is_live()):
            tx.bump(Membership, m.uuid, None, deleted=True)
            tx.log("membership", m.uuid, "delete", "person", person.name, None)
            gone.append(m.uuid)
        return gone


def restore_person(store: Store, uuid: str, membership_uuids: list[str]) -> None:
    with store.write() as tx:
        Person.get(Person.uuid == uuid)
        tx.bump(Person, uuid, None, deleted=False)
        tx.log("person", uuid, "restore")
        for m_uuid in membership_uuids:
            tx.bump(Membership, m_uuid, None, deleted=False)
            tx.log("membership", m_uuid, "restore")


def _members(team_id: int) -> list[Membership]:
    return list(
        Membership.select()
        .where((Membership.team == team_id) & Membership.is_live())
        .order_by(Membership.seq, Membership.uuid)
    )


def _renumber(tx: Tx, rows: list[Membership]) -> None:
    for seq, row in enumerate(rows):
        if row.seq != seq:
            tx.bump(Membership, row.uuid, None, seq=seq)


def add_member(
    store: Store,
    team_uuid: str,
    person_uuid: str,
    role: str = "Anggota",
    position: str | None = None,
    index: int | None = None,
) -> str:
    with store.write() as tx:
        team = Team.live_by_uuid(team_uuid)
        person = Person.live_by_uuid(person_uuid)
        tx.plan_uuid = team.plan.uuid
        members = _members(team.id)
        if any(m.person_id == person.id for m in members):
            raise InvalidInput(
                tr("{name} sudah menjadi anggota {team}.").format(name=person.name, team=team.name)
            )
        pos = len(members) if index is None else max(0, min(index, len(members)))
        member = Membership(
            team=team,
            person=person,
            seq=pos,
            role=role,
            position=person.position if position is None else position,
            uuid="",
        )
        tx.insert(member)
        members.insert(pos, member)
        _renumber(tx, members)
        tx.log("membership", member.uuid, "create", "person", None, person.name)
        return member.uuid


def update_member(
    store: Store, uuid: str, expected_version: int | None = None, **fields: Any
) -> int:
    with store.write() as tx:
        return update_member_in(tx, uuid, expected_version, fields)


def update_member_in(
    tx: Tx, uuid: str, expected_version: int | None, fields: dict[str, Any]
) -> int:
    """:func:`update_member` inside the caller's transaction (one save of several rows)."""
    member = Membership.live_by_uuid(uuid)
    tx.plan_uuid = member.team.plan.uuid
    return _update(tx, Membership, "membership", member, expected_version, fields, MEMBER_FIELDS)


def remove_member(store: Store, uuid: str, expected_version: int | None = None) -> None:
    with store.write() as tx:
        member = Membership.live_by_uuid(uuid)
        tx.plan_uuid = member.team.plan.uuid
        tx.bump(Membership, uuid, expected_version, deleted=True)
        tx.log("membership", uuid, "delete", "person", member.person.name, None)
        _renumber(tx, _members(member.team_id))


def restore_member(store: Store, uuid: str, index: int | None = None) -> None:
    with store.write() as tx:
        member = Membership.get(Membership.uuid == uuid)
        tx.plan_uuid = member.team.plan.uuid
        tx.bump(Membership, uuid, None, deleted=False)
        tx.log("membership", uuid, "restore")
        members = [m for m in _members(member.team_id) if m.uuid != uuid]
        pos = len(members) if index is None else max(0, min(index, len(members)))
        members.insert(pos, Membership.get(Membership.uuid == uuid))
        _renumber(tx, members)


def move_member(store: Store, uuid: str, delta: int) -> bool:
    with store.write() as tx:
        member = Membership.live_by_uuid(uuid)
        tx.plan_uuid = member.team.plan.uuid
        members = _members(member.team_id)
        index = next(i for i, m in enumerate(members) if m.uuid == uuid)
        target = index + delta
        if delta == 0 or not 0 <= target < len(members):
            return False
        members.insert(target, members.pop(index))
        _renumber(tx, members)
        tx.log("membership", uuid, "move", "seq", index, target)
        return True


def add_team(
    store: Store,
    plan_uuid: str,
    kind: str,
    name: str,
    label: str = "",
    area_uuid: str | None = None,
    duties: list[str] | None = None,
) -> str:
    if kind not in TEAM_KINDS:
        raise InvalidInput(tr("Jenis tim '{k}' tidak dikenal.").format(k=kind))
    if not name.strip():
        raise InvalidInput(tr("Nama tim tidak boleh kosong."))
    with store.write(plan_uuid) as tx:
        plan = Plan.live_by_uuid(plan_uuid)
        area = Area.live_by_uuid(area_uuid) if area_uuid else None
        seq = Team.select().where(Team.plan == plan.id).count()
        team = Team(
            plan=plan,
            seq=seq,
            kind=kind,
            label=label,
            name=name,
            area=area,
            duties=duties or [],
            uuid="",
        )
        tx.insert(team)
        tx.log("team", team.uuid, "create", "name", None, name)
        return team.uuid


def update_team(store: Store, uuid: str, expected_version: int | None = None, **fields: Any) -> int:
    with store.write() as tx:
        return update_team_in(tx, uuid, expected_version, fields)


def update_team_in(tx: Tx, uuid: str, expected_version: int | None, fields: dict[str, Any]) -> int:
    """:func:`update_team` inside the caller's transaction (one save of several rows)."""
    team = Team.live_by_uuid(uuid)
    tx.plan_uuid = team.plan.uuid
    if "duties" in fields:
        fields = {**fields, "duties": [str(d) for d in fields["duties"] if str(d).strip()]}
    return _update(tx, Team, "team", team, expected_version, fields, TEAM_FIELDS)


def delete_team(store: Store, uuid: str) -> None:
    """Tombstone a team; its members' seats go with it (and come back with it)."""
    with store.write() as tx:
        team = Team.live_by_uuid(uuid)
        tx.plan_uuid = team.plan.uuid
        tx.bump(Team, uuid, None, deleted=True)
        tx.log("team", uuid, "delete", "name", team.name, None)


def restore_team(store: Store, uuid: str) -> None:
    """Undo of :func:`delete_team` (and redo of :func:`add_team`)."""
    with store.write() as tx:
        team = Team.get(Team.uuid == uuid)
        tx.plan_uuid = team.plan.uuid
        tx.bump(Team, uuid, None, deleted=False)
        tx.log("team", uuid, "restore", "name", None, team.name)


def set_team_area(
    store: Store, uuid: str, area_uuid: str | None, expected_version: int | None = None
) -> int:
    """Which change area a team serves (None: none); the team's new version."""
    with store.write() as tx:
        return set_team_area_in(tx, uuid, area_uuid, expected_version)


def set_team_area_in(tx: Tx, uuid: str, area_uuid: str | None, expected_version: int | None) -> int:
    """:func:`set_team_area` inside the caller's transaction (one save of several rows)."""
    team = Team.live_by_uuid(uuid)
    tx.plan_uuid = team.plan.uuid
    area = Area.live_by_uuid(area_uuid) if area_uuid else None
    if area is not None and area.plan_id != team.plan_id:
        raise InvalidInput(tr("Area itu bukan bagian dari rencana tim ini."))
    old = Area.get_by_id(team.area_id).uuid if team.area_id else None
    if old == (area.uuid if area else None):
        return int(team.version)
    version = tx.bump(Team, uuid, expected_version, area=area.id if area else None)
    tx.log("team", uuid, "update", "area", old, area.uuid if area else None)
    return version
