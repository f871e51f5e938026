"""Editing the decree (SK): dates as people write them, version checks, the change log."""

from __future__ import annotations

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import decree_edit, roster_edit
from rbdesk.models.errors import ConflictError, InvalidInput
from rbdesk.models.storage.schema import ChangeLog
from rbdesk.models.storage.store import Store


@pytest.fixture
def plan_uuid(sample_store: Store) -> str:
    return list_plans(sample_store)[0].uuid


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2 Januari 2024", "2024-01-02"),
        ("17  agustus 2025", "2025-08-17"),
        ("1 Des. 2024", "2024-12-01"),
        ("02/01/2024", "2024-01-02"),
        ("2-1-2024", "2024-01-02"),
        ("2024-01-02", "2024-01-02"),
        ("  ", ""),
        ("5 Pebruari 2024", "2024-02-05"),
        ("5 Peb. 2024", "2024-02-05"),
        ("10 Nopember 2024", "2024-11-10"),
        ("10 Nop 2024", "2024-11-10"),
        ("3 Agt 2024", "2024-08-03"),
        ("3 Ags. 2024", "2024-08-03"),
        ("3 Agu 2024", "2024-08-03"),
        ("9 Sept. 2024", "2024-09-09"),
        ("9 SEP 2024", "2024-09-09"),
        ("1 Okt 2024", "2024-10-01"),
        ("1 Mei 2024", "2024-05-01"),
        ("1 Jun. 2024", "2024-06-01"),
        ("1 Jul 2024", "2024-07-01"),
        ("1 Mar 2024", "2024-03-01"),
        ("1 Apr 2024", "2024-04-01"),
        ("1 Jan. 2024", "2024-01-01"),
    ],
)
def test_dates_as_people_write_them(typed: str, stored: str) -> None:
    assert decree_edit.parse_decree_date(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "besok",
        "31 Februari 2024",
        "2 Jan",
        "13/13/2024",
        "2024-02-30",
        "2 Bulan 2024",
        "2 Desain 2024",
        "2 Sepatu 2024",
        "2 Janji 2024",
        "2 Mare 2024",
        "2 Des.. 2024",
    ],
)
def test_not_a_date_is_refused_in_indonesian(typed: str) -> None:
    with pytest.raises(InvalidInput, match="bukan tanggal"):
        decree_edit.parse_decree_date(typed)


@pytest.mark.parametrize("typed", ["2 Januari 1800", "01/01/1999", "2101-01-01", "2 Januari 2101"])
def test_a_year_outside_the_plan_years_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="di luar 2000–2100"):
        decree_edit.parse_decree_date(typed)


def _log_count(store: Store) -> int:
    with store.read():
        return ChangeLog.select().count()


def test_bad_date_changes_nothing(sample_store: Store, plan_uuid: str) -> None:
    before, version = decree_edit.read_decree(sample_store, plan_uuid)
    logged = _log_count(sample_store)
    with pytest.raises(InvalidInput, match="Tidak ada yang diubah"):
        decree_edit.set_decree_fields(
            sample_store, plan_uuid, {"number": "9", "date": "30 Februari 2024"}
        )
    assert decree_edit.read_decree(sample_store, plan_uuid) == (before, version)
    assert _log_count(sample_store) == logged


def test_fields_saved_dated_and_logged(sample_store: Store, plan_uuid: str) -> None:
    _, version = decree_edit.read_decree(sample_store, plan_uuid)
    new_version = decree_edit.set_decree_fields(
        sample_store,
        plan_uuid,
        {
            "number": "7b",
            "date": "3 Februari 2024",
            "signatory_nip": "19700101 199003 1 001",
            "lampiran_1": "TIM BARU",
        },
        version,
    )
    decree, now = decree_edit.read_decree(sample_store, plan_uuid)
    assert now == new_version == version + 1
    assert (decree["number"], decree["date"], decree["signatory_nip"]) == (
        "7b",
        "2024-02-03",
        "19700101 199003 1 001",
    )
    assert decree["attachment_titles"]["lampiran_1"] == "TIM BARU"
    assert decree["attachment_titles"]["lampiran_2"].startswith("RENCANA AKSI")
    with sample_store.read():
        entries = {
            e.field: e
            for e in ChangeLog.select().where(
                (ChangeLog.row_uuid == plan_uuid) & (ChangeLog.field.startswith("decree"))
            )
        }
    # One entry per changed key, each holding just that key's plain value.
    assert set(entries) == {
        "decree.number",
        "decree.date",
        "decree.signatory_nip",
        "decree.attachment_titles",
    }
    number = entries["decree.number"]
    assert (number.old, number.new, number.user) == ("1a", "7b", "penguji")
    assert (entries["decree.signatory_nip"].old, entries["decree.date"].new) == (None, "2024-02-03")
    assert entries["decree.attachment_titles"].new.startswith("Lampiran I: TIM BARU\n")


def test_colleagues_change_meanwhile_is_refused(sample_store: Store, plan_uuid: str) -> None:
    decree, version = decree_edit.read_decree(sample_store, plan_uuid)
    decree_edit.set_decree_fields(sample_store, plan_uuid, {"place": "Kupang Barat"}, version)
    with pytest.raises(ConflictError):
        decree_edit.save_decree(sample_store, plan_uuid, version, {**decree, "number": "2"})
    assert decree_edit.read_decree(sample_store, plan_uuid)[0]["number"] == "1a"


def test_unknown_field_and_bad_lists_refused(sample_store: Store, plan_uuid: str) -> None:
    with pytest.raises(InvalidInput, match="tidak dikenal"):
        decree_edit.set_decree_fields(sample_store, plan_uuid, {"nomor": "1"})
    decree, version = decree_edit.read_decree(sample_store, plan_uuid)
    with pytest.raises(InvalidInput, match="paraf"):
        decree_edit.save_decree(sample_store, plan_uuid, version, {**decree, "paraf": "Kasubbag"})
    with pytest.raises(InvalidInput, match="Tahun SK"):
        decree_edit.set_decree_fields(sample_store, plan_uuid, {"year": "dua ribu"})


def test_labels() -> None:
    assert decree_edit.letter_labels(3) == ["a.", "b.", "c."]
    assert decree_edit.letter_labels(28)[-2:] == ["aa.", "ab."]
    assert decree_edit.number_labels(2) == ["1.", "2."]
    assert decree_edit.decision_labels(11)[::5] == ["KESATU", "KEENAM", "KE-11"]


def test_kesatu_items_follow_the_teams(sample_store: Store, plan_uuid: str) -> None:
    tree = load_plan_tree(sample_store, plan_uuid)
    items = decree_edit.kesatu_items(tree.teams)
    printed = tree.decree["decisions"][0]["items"]
    assert items[:3] == printed[:3]
    assert items[-2:] == [
        "h. Tim Peningkatan Kualitas Pelayanan Publik; dan",
        "3. Tim Agen Perubahan.",
    ]
    team = next(t for t in tree.teams if t.label == "III")
    roster_edit.update_team(sample_store, team.uuid, name="TIM PENGUATAN ORGANISASI DAN TATA KERJA")
    renamed = decree_edit.kesatu_items(load_plan_tree(sample_store, plan_uuid).teams)
    assert "c. Tim Penguatan Organisasi dan Tata Kerja;" in renamed


def test_team_area_set_logged_and_version_checked(sample_store: Store, plan_uuid: str) -> None:
    tree = load_plan_tree(sample_store, plan_uuid)
    team, area = tree.teams[2], tree.areas[4]
    version = roster_edit.set_team_area(sample_store, team.uuid, area.uuid, team.version)
    fresh = load_plan_tree(sample_store, plan_uuid).teams[2]
    assert (fresh.area_uuid, fresh.version) == (area.uuid, version)
    with pytest.raises(ConflictError):
        roster_edit.set_team_area(sample_store, team.uuid, None, team.version)
    roster_edit.set_team_area(sample_store, team.uuid, None, version)
    assert load_plan_tree(sample_store, plan_uuid).teams[2].area_uuid is None
    with sample_store.read():
        fields = [e.field for e in ChangeLog.select().where(ChangeLog.row_uuid == team.uuid)]
    assert fields.count("area") == 2


def test_year_typed_as_text_is_stored_as_a_number(sample_store: Store, plan_uuid: str) -> None:
    decree_edit.set_decree_fields(sample_store, plan_uuid, {"year": " 2025 ", "paraf": "A; ;B"})
    decree = decree_edit.read_decree(sample_store, plan_uuid)[0]
    assert (decree["year"], decree["paraf"]) == (2025, ["A", "B"])
