"""Roster (Lampiran I) edits: persons are shared, memberships belong to teams."""

from __future__ import annotations

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import roster_edit
from rbdesk.models.errors import ConflictError, InvalidInput
from rbdesk.models.storage.store import Store


@pytest.fixture
def tree(sample_store: Store):
    return load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)


def _team(store: Store, name_part: str):
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    return next(t for t in tree.teams if name_part in t.name)


def test_sample_persons_are_unique(sample_store: Store) -> None:
    names = [p.name for p in roster_edit.list_persons(sample_store)]
    assert len(names) == len(set(names)) == 22


def test_add_person_and_membership(sample_store: Store, tree) -> None:
    uuid = roster_edit.add_person(
        sample_store,
        "Yohana Seran",
        "Pelaksana pada Subbagian Teknis",
        "Sekretariat KPU Kota Kupang",
        nip="199001012020122001",
    )
    team = _team(sample_store, "PENGAWASAN")
    before = len(team.members)
    m_uuid = roster_edit.add_member(sample_store, team.uuid, uuid)
    team = _team(sample_store, "PENGAWASAN")
    assert len(team.members) == before + 1
    added = team.members[-1]
    assert (added.uuid, added.person_name, added.role, added.position) == (
        m_uuid,
        "Yohana Seran",
        "Anggota",
        "Pelaksana pada Subbagian Teknis",
    )
    with pytest.raises(InvalidInput):
        roster_edit.add_member(sample_store, team.uuid, uuid)


def test_empty_name_refused(sample_store: Store) -> None:
    with pytest.raises(InvalidInput):
        roster_edit.add_person(sample_store, "   ")


def test_update_person_with_version(sample_store: Store) -> None:
    person = next(p for p in roster_edit.list_persons(sample_store) if p.name == "Sri Mulyawati")
    roster_edit.update_person(sample_store, person.uuid, person.version, nip="198001012005022001")
    with pytest.raises(ConflictError):
        roster_edit.update_person(sample_store, person.uuid, person.version, nip="x")
    fresh = next(p for p in roster_edit.list_persons(sample_store) if p.uuid == person.uuid)
    assert fresh.nip == "198001012005022001"


def test_delete_person_removes_memberships_and_restore(sample_store: Store) -> None:
    person = next(
        p for p in roster_edit.list_persons(sample_store) if p.name == "Litvina I. Pareira"
    )
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    held = [m.uuid for t in tree.teams for m in t.members if m.person_uuid == person.uuid]
    assert len(held) >= 3
    gone = roster_edit.delete_person(sample_store, person.uuid)
    assert sorted(gone) == sorted(held)
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    assert not [m for t in tree.teams for m in t.members if m.person_uuid == person.uuid]
    roster_edit.restore_person(sample_store, person.uuid, gone)
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    assert len([m for t in tree.teams for m in t.members if m.person_uuid == person.uuid]) == 3


def test_move_update_remove_member(sample_store: Store) -> None:
    team = _team(sample_store, "MANAJEMEN PERUBAHAN")
    first, second = team.members[0], team.members[1]
    assert roster_edit.move_member(sample_store, second.uuid, -1)
    assert [m.uuid for m in _team(sample_store, "MANAJEMEN PERUBAHAN").members[:2]] == [
        second.uuid,
        first.uuid,
    ]
    roster_edit.update_member(sample_store, second.uuid, role="Koordinator merangkap Anggota")
    roster_edit.remove_member(sample_store, first.uuid)
    members = _team(sample_store, "MANAJEMEN PERUBAHAN").members
    assert first.uuid not in [m.uuid for m in members]
    assert members[0].role == "Koordinator merangkap Anggota"
    roster_edit.restore_member(sample_store, first.uuid, index=0)
    assert _team(sample_store, "MANAJEMEN PERUBAHAN").members[0].uuid == first.uuid


def test_team_duties_and_new_team(sample_store: Store, tree) -> None:
    team = _team(sample_store, "KELEMBAGAAN")
    roster_edit.update_team(sample_store, team.uuid, duties=["a. Tugas satu;", " ", "b. Dua."])
    assert _team(sample_store, "KELEMBAGAAN").duties == ["a. Tugas satu;", "b. Dua."]
    uuid = roster_edit.add_team(sample_store, tree.uuid, "agen", "TIM AGEN KEDUA")
    assert _team(sample_store, "AGEN KEDUA").uuid == uuid
    with pytest.raises(InvalidInput):
        roster_edit.add_team(sample_store, tree.uuid, "lain", "x")
    roster_edit.delete_team(sample_store, uuid)
    assert "TIM AGEN KEDUA" not in [t.name for t in load_plan_tree(sample_store, tree.uuid).teams]


def test_a_deleted_team_comes_back_with_its_members(sample_store: Store, tree) -> None:
    team = _team(sample_store, "KELEMBAGAAN")
    roster_edit.delete_team(sample_store, team.uuid)
    assert all(t.uuid != team.uuid for t in load_plan_tree(sample_store, tree.uuid).teams)
    roster_edit.restore_team(sample_store, team.uuid)
    back = _team(sample_store, "KELEMBAGAAN")
    assert back.uuid == team.uuid
    assert [m.uuid for m in back.members] == [m.uuid for m in team.members] != []
