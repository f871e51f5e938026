"""Riwayat: the change log per item and per file, filtered, exported to Excel as plain text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from rbdesk.models.domain import change_watch, history
from rbdesk.models.edits import plan_edit
from rbdesk.models.storage.schema import ChangeLog, Indicator
from rbdesk.models.storage.store import Store


def _ind(store: Store) -> Indicator:
    with store.read():
        return Indicator.select().where(Indicator.deleted == False).first()  # noqa: E712


def test_per_item_history_newest_first(sample_store: Store) -> None:
    ind = _ind(sample_store)
    plan_edit.set_field(sample_store, "indicator", ind.uuid, "text", "satu")
    plan_edit.set_field(sample_store, "indicator", ind.uuid, "text", "dua")
    entries = history.query_history(sample_store, row_uuid=ind.uuid)
    assert [(e.old, e.new) for e in entries] == [("satu", "dua"), (ind.text, "satu")]
    assert all(e.user == "penguji" and e.action_label == "diubah" for e in entries)
    assert history.row_labels(sample_store, entries) == {ind.uuid: "dua"}


def test_filter_by_person_and_dates(sample_store: Store) -> None:
    ind = _ind(sample_store)
    plan_edit.set_field(sample_store, "indicator", ind.uuid, "note", "oleh penguji")
    other = Store.open(sample_store.path, user="Siti Nurhaliza")
    plan_edit.set_field(other, "indicator", ind.uuid, "note", "oleh siti")
    other.close()
    with sample_store.write():
        ChangeLog.update(at="2024-01-15T08:00:00.000000Z").where(
            ChangeLog.user == "penguji"
        ).execute()
    assert {e.user for e in history.query_history(sample_store, person="siti")} == {
        "Siti Nurhaliza"
    }
    jan = history.query_history(
        sample_store, since=dt.date(2024, 1, 15), until=dt.date(2024, 1, 15)
    )
    assert {e.user for e in jan} == {"penguji"}
    assert (
        history.query_history(sample_store, since=dt.date(2024, 1, 16), until=dt.date(2024, 12, 31))
        == []
    )
    assert "Siti Nurhaliza" in history.people(sample_store)


def test_last_change_marker_grows_only_with_changes(sample_store: Store) -> None:
    before = change_watch.last_change_marker(sample_store)
    from rbdesk.models.storage import presence

    presence.heartbeat(sample_store)
    assert change_watch.last_change_marker(sample_store) == before
    plan_edit.set_field(sample_store, "indicator", _ind(sample_store).uuid, "note", "x")
    assert change_watch.last_change_marker(sample_store) > before


def test_export_xlsx_text_never_formula(sample_store: Store, tmp_path: Path) -> None:
    ind = _ind(sample_store)
    plan_edit.set_field(sample_store, "indicator", ind.uuid, "text", '=HYPERLINK("x")')
    plan_edit.set_field(sample_store, "indicator", ind.uuid, "note", "+62 812")
    entries = history.query_history(sample_store)
    out = history.export_history_xlsx(
        entries, history.row_labels(sample_store, entries), tmp_path / "riwayat.xlsx"
    )
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]][:3] == ["Waktu", "Pengguna", "Komputer"]
    assert ws.max_row == len(entries) + 1
    values = [c.value for row in ws.iter_rows(min_row=2) for c in row]
    assert '=HYPERLINK("x")' in values and "+62 812" in values
    assert all(c.data_type == "s" for row in ws.iter_rows() for c in row if c.value is not None)


@pytest.fixture
def wita(monkeypatch):
    """Kupang's clock (WITA, UTC+8), whatever the test machine's zone."""
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX-only")
    monkeypatch.setenv("TZ", "Asia/Makassar")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _logged_by_ani(store: Store, **fields: str) -> history.HistoryEntry:
    """One change ani made at 23:30 UTC on 4 March 2024 (07:30 WITA on the 5th), as read back."""
    with store.write():
        ChangeLog.create(
            at="2024-03-04T23:30:00.000000Z", user="ani", host="PC-1", action="update", **fields
        )
    return history.query_history(store, person="ani")[0]


def test_times_and_day_filters_are_local(sample_store, wita) -> None:
    entry = _logged_by_ani(
        sample_store, entity="plan", row_uuid="x", field="title", old="a", new="b"
    )
    assert entry.when == "5 Mar 2024 07:30"  # 07:30 WITA on the 5th
    assert history.query_history(
        sample_store, person="ani", since=dt.date(2024, 3, 5), until=dt.date(2024, 3, 5)
    )
    assert not history.query_history(sample_store, person="ani", until=dt.date(2024, 3, 4))


def test_realisation_rows_read_as_indicator_and_month(sample_store) -> None:
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.edits import realisation

    ind = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid).indicators()[0]
    realisation.set_status(sample_store, ind.uuid, 3, "selesai", note="beres")
    entries = [e for e in history.query_history(sample_store) if e.entity == "realisation"]
    labels = history.row_labels(sample_store, entries)
    assert labels[entries[0].row_uuid] == f"{ind.text}, Mar"
    assert {e.field_label for e in entries} == {"Realisasi Mar", "Catatan Mar"}


def test_an_indicator_without_text_reads_as_its_sub_activity(sample_store) -> None:
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.edits import realisation

    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    sub, ind = next(
        (s, i)
        for a in tree.areas
        for c in a.activities
        for s in c.sub_activities
        for i in s.indicators
        if not i.text and s.name
    )  # as the sample has
    realisation.set_status(sample_store, ind.uuid, 4, "selesai")
    entries = [e for e in history.query_history(sample_store) if e.entity == "realisation"]
    assert history.row_labels(sample_store, entries)[entries[0].row_uuid] == f"{sub.name}, Apr"


def _plan_uuid(store: Store) -> str:
    from rbdesk.models.domain.tree import list_plans

    return list_plans(store)[0].uuid


def test_decree_and_settings_edits_are_logged_key_by_key(sample_store: Store) -> None:
    plan_uuid = _plan_uuid(sample_store)
    from rbdesk.models.edits import decree_edit

    decree, version = decree_edit.read_decree(sample_store, plan_uuid)
    considerations = [*decree["considerations"], {"label": "d.", "text": "bahwa baru;"}]
    version = plan_edit.update_plan(
        sample_store,
        plan_uuid,
        version,
        decree={**decree, "number": "027/2024", "considerations": considerations},
    )
    plan_edit.update_plan(sample_store, plan_uuid, version, settings={"ketua_nama": "Ani"})
    entries = [
        e for e in history.query_history(sample_store, row_uuid=plan_uuid) if e.action == "update"
    ]
    got = {e.field: e for e in entries}
    assert set(got) == {"decree.number", "decree.considerations", "settings.ketua_nama"}
    number = got["decree.number"]
    assert (number.field_label, number.old_text, number.new_text) == ("Nomor SK", "1a", "027/2024")
    menimbang = got["decree.considerations"]
    assert menimbang.field_label == "Menimbang"
    # Read: only the item added; the whole list is kept (and shown in a tooltip).
    assert (menimbang.old_text, menimbang.new_text) == ("", "+ d. bahwa baru;")
    assert menimbang.unchanged_note == "2 baris lain tetap"  # a. and b.
    assert menimbang.full_new_text.endswith("\nd. bahwa baru;")
    assert menimbang.full_new_text.startswith("a. bahwa")
    assert "{" not in menimbang.full_new_text and "'label'" not in menimbang.full_new_text
    ketua = got["settings.ketua_nama"]
    assert (ketua.field_label, ketua.old_text, ketua.new_text) == (
        "Pengaturan: ketua_nama",
        "",
        "Ani",
    )


def test_whole_decree_entries_of_older_files_read_as_the_keys_that_differ(
    sample_store: Store,
) -> None:
    from rbdesk.models.edits import decree_edit

    plan_uuid = _plan_uuid(sample_store)
    decree, _ = decree_edit.read_decree(sample_store, plan_uuid)
    # as rbdesk before key-by-key logging wrote it: repr of dicts
    entry = _logged_by_ani(
        sample_store,
        plan_uuid=plan_uuid,
        entity="plan",
        row_uuid=plan_uuid,
        field="decree",
        old=str(decree),
        new=str({**decree, "number": "027/2024", "place": "Kota"}),
    )
    assert entry.field_label == "Isi SK"
    assert entry.old_text == "Nomor SK: 1a; Tempat ditetapkan: Kupang"
    assert entry.new_text == "Nomor SK: 027/2024; Tempat ditetapkan: Kota"


def test_review_times_in_the_log_read_as_local_time(sample_store, wita) -> None:
    entry = _logged_by_ani(
        sample_store,
        entity="realisation",
        row_uuid="x",
        field="reviewed_at[3]",
        old="",
        new="2024-03-04T23:30:06.264355Z",
    )
    assert (entry.field_label, entry.old_text, entry.new_text) == (
        "Waktu tinjauan Mar",
        "",
        "5 Mar 2024 07:30",
    )
