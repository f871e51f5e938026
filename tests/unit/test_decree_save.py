"""One Data SK save: decree, teams and memberships in one version-checked transaction, undone
and redone the same way, KESATU following a renamed team."""

from __future__ import annotations

from pathlib import Path

import pytest

from rbdesk.models.domain.tree import PlanTree, list_plans, load_plan_tree
from rbdesk.models.edits import roster_edit
from rbdesk.models.edits.decree_edit import (
    DecreeEdits,
    RowEdit,
    apply_decree_edits,
    kesatu_names,
    kesatu_renamed,
    read_decree,
    save_decree_edits,
)
from rbdesk.models.errors import ConflictError
from rbdesk.models.storage.schema import ChangeLog
from rbdesk.models.storage.store import Store


@pytest.fixture
def tree(sample_store: Store) -> PlanTree:
    return load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)


def _team(tree: PlanTree, label: str):
    return next(t for t in tree.teams if t.label == label)


def _state(store: Store, plan_uuid: str) -> tuple:
    fresh = load_plan_tree(store, plan_uuid)
    with store.read():
        logged = ChangeLog.select().count()
    return (
        read_decree(store, plan_uuid)[0],
        [
            (t.name, t.duties, t.area_uuid, [(m.role, m.position) for m in t.members])
            for t in fresh.teams
        ],
        logged,
    )


def _edits(tree: PlanTree, version: int, **kwargs) -> DecreeEdits:
    return DecreeEdits(tree.uuid, version, **kwargs)


def test_all_or_nothing_when_one_team_was_changed_meanwhile(
    sample_store: Store, sample_path: Path, tree: PlanTree
) -> None:
    decree, version = read_decree(sample_store, tree.uuid)
    t4, t5 = _team(tree, "IV"), _team(tree, "V")
    member = t5.members[0]
    with Store.open(sample_path, user="Rekan") as other:
        roster_edit.update_team(other, t4.uuid, name="TIM REKAN")
    before = _state(sample_store, tree.uuid)
    edits = _edits(
        tree,
        version,
        decree={**decree, "number": "NOMOR-SAYA"},
        teams=(
            RowEdit(t5.uuid, t5.version, {"name": "TIM LIMA SAYA"}),
            RowEdit(t4.uuid, t4.version, {"name": "TIM SAYA"}),
        ),
        members=(RowEdit(member.uuid, member.version, {"role": "Ketua"}),),
    )
    with pytest.raises(ConflictError, match="Rekan"):
        save_decree_edits(sample_store, edits)
    assert _state(sample_store, tree.uuid) == before  # nothing, not even the log


def test_a_member_changed_meanwhile_refuses_the_whole_save(
    sample_store: Store, sample_path: Path, tree: PlanTree
) -> None:
    decree, version = read_decree(sample_store, tree.uuid)
    member = _team(tree, "V").members[0]
    with Store.open(sample_path, user="Rekan") as other:
        roster_edit.update_member(other, member.uuid, position="Jabatan Rekan")
    before = _state(sample_store, tree.uuid)
    with pytest.raises(ConflictError):
        save_decree_edits(
            sample_store,
            _edits(
                tree,
                version,
                decree={**decree, "number": "2"},
                members=(RowEdit(member.uuid, member.version, {"role": member.role}),),
            ),
        )
    assert _state(sample_store, tree.uuid) == before


def test_saved_undone_and_redone_each_in_one_checked_transaction(
    sample_store: Store, sample_path: Path, tree: PlanTree
) -> None:
    decree, version = read_decree(sample_store, tree.uuid)
    t3 = _team(tree, "III")
    member = t3.members[0]
    original = _state(sample_store, tree.uuid)
    undo = save_decree_edits(
        sample_store,
        _edits(
            tree,
            version,
            decree={**decree, "number": "7"},
            teams=(
                RowEdit(
                    t3.uuid,
                    t3.version,
                    {
                        "name": "TIM PENGUATAN ORGANISASI",
                        "area": tree.areas[0].uuid,
                        "duties": ["a. Satu.", " "],
                    },
                ),
            ),
            members=(RowEdit(member.uuid, member.version, {"position": "Baru"}),),
        ),
    )
    saved = _state(sample_store, tree.uuid)
    assert saved[0]["number"] == "7"
    assert "c. Tim Penguatan Organisasi;" in saved[0]["decisions"][0]["items"]
    assert "c. Tim Penguatan Kelembagaan;" not in saved[0]["decisions"][0]["items"]
    assert undo.decree == decree and undo.teams[0].fields == {
        "name": t3.name,
        "area": t3.area_uuid,
        "duties": t3.duties,
    }
    with sample_store.read():
        fields = {e.field for e in ChangeLog.select().where(ChangeLog.id > original[2])}
    # per changed field, and the decree per changed key: the number, and KESATU's team list
    assert fields == {"decree.number", "decree.decisions", "name", "area", "duties", "position"}
    redo = apply_decree_edits(sample_store, undo)
    assert _state(sample_store, tree.uuid)[:2] == original[:2]
    redo_again = apply_decree_edits(sample_store, redo)
    assert _state(sample_store, tree.uuid)[:2] == saved[:2]
    # A colleague's change after the redo: the next undo is refused whole.
    with Store.open(sample_path, user="Rekan") as other:
        roster_edit.update_member(other, member.uuid, role="Ketua")
    before = _state(sample_store, tree.uuid)
    with pytest.raises(ConflictError):
        apply_decree_edits(sample_store, redo_again)
    assert _state(sample_store, tree.uuid) == before


def test_kesatu_follows_a_rename_and_says_when_it_names_no_such_team() -> None:
    decree = {
        "decisions": [
            {
                "label": "KESATU",
                "text": "",
                "items": [
                    "1. Tim Pengarah;",
                    "2. Tim Pelaksana, yang terbagi dalam;",
                    "a. Tim Penguatan;",
                    "b. Tim Penguatan Kelembagaan; dan",
                    "3. Tim Agen Perubahan.",
                ],
            }
        ]
    }
    out, notes = kesatu_renamed(
        decree,
        [
            ("TIM PENGUATAN KELEMBAGAAN", "TIM ORGANISASI"),
            ("TIM PELAKSANA", "Tim Pelaksana Harian"),
            ("TIM HILANG", "TIM BARU"),
        ],
    )
    assert out["decisions"][0]["items"] == [
        "1. Tim Pengarah;",
        "2. Tim Pelaksana Harian, yang terbagi dalam;",
        "a. Tim Penguatan;",
        "b. Tim Organisasi; dan",
        "3. Tim Agen Perubahan.",
    ]
    assert len(notes) == 1 and "Tim Hilang" in notes[0] and "Isi rincian" in notes[0]
    assert decree["decisions"][0]["items"][3] == "b. Tim Penguatan Kelembagaan; dan"
    assert kesatu_names(out["decisions"][0]["items"], "TIM PENGUATAN")
    assert not kesatu_names(out["decisions"][0]["items"], "TIM PENGUATAN KELEMBAGAAN")
    assert kesatu_renamed({}, [("A", "B")]) == ({}, [])


def test_two_teams_that_swap_names_swap_in_kesatu_too() -> None:
    decree = {
        "decisions": [
            {
                "label": "KESATU",
                "text": "",
                "items": ["c. Tim Penguatan Kelembagaan;", "d. Tim Penguatan Tata Laksana;"],
            }
        ]
    }
    out, notes = kesatu_renamed(
        decree,
        [
            ("TIM PENGUATAN KELEMBAGAAN", "TIM PENGUATAN TATA LAKSANA"),
            ("TIM PENGUATAN TATA LAKSANA", "TIM PENGUATAN KELEMBAGAAN"),
        ],
    )
    assert out["decisions"][0]["items"] == [
        "c. Tim Penguatan Tata Laksana;",
        "d. Tim Penguatan Kelembagaan;",
    ]
    assert notes == []


def test_a_rename_alone_writes_kesatu_into_the_stored_decree(
    sample_store: Store, tree: PlanTree
) -> None:
    _, version = read_decree(sample_store, tree.uuid)
    t3 = _team(tree, "III")
    undo = save_decree_edits(
        sample_store,
        _edits(tree, version, teams=(RowEdit(t3.uuid, t3.version, {"name": "TIM ORGANISASI"}),)),
    )
    items = read_decree(sample_store, tree.uuid)[0]["decisions"][0]["items"]
    assert "c. Tim Organisasi;" in items and undo.decree is not None and not undo.notes


def test_a_team_of_another_plan_is_refused(sample_store: Store, tree: PlanTree) -> None:
    from rbdesk.models.edits.plan_copy import copy_plan
    from rbdesk.models.errors import InvalidInput

    other = load_plan_tree(sample_store, copy_plan(sample_store, tree.uuid, 2025))
    team = other.teams[0]
    before = _state(sample_store, tree.uuid)
    with pytest.raises(InvalidInput, match="bukan bagian"):
        save_decree_edits(
            sample_store,
            _edits(tree, None, teams=(RowEdit(team.uuid, team.version, {"name": "X"}),)),
        )
    assert _state(sample_store, tree.uuid) == before
