"""Evidence review: verdicts on realised months, resubmission, verified capaian, and the review
fields through dump, load, merge and migration."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from rbdesk.models.clock import local_time
from rbdesk.models.domain import progress
from rbdesk.models.domain.history import query_history
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation, review, roster_edit
from rbdesk.models.errors import InvalidInput
from rbdesk.models.interchange import merge
from rbdesk.models.interchange.dump import dump_data, dumps
from rbdesk.models.interchange.load import create_file, load_data
from rbdesk.models.storage import migrations
from rbdesk.models.storage.schema import ChangeLog, Person, Plan, Realisation
from rbdesk.models.storage.store import Store
from tests.review_reads import Review, get_review

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _first(store: Store) -> tuple[str, str]:
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    return tree.uuid, tree.indicators()[0].uuid


def _cell(store: Store, ind: str, month: int) -> Review | None:
    return get_review(store, ind, month)


def test_review_records_who_when_why_and_logs_it(sample_store: Store) -> None:
    _, ind = _first(sample_store)
    realisation.set_status(sample_store, ind, 1, "selesai", note="SK ditetapkan")
    first = _cell(sample_store, ind, 1)
    assert first is not None and first.state == "diajukan" and first.by == ""
    review.review_month(
        sample_store, ind, 1, "perlu_revisi", note="Lampirkan SK bertanda tangan", by="Deky Ballo"
    )
    got = _cell(sample_store, ind, 1)
    assert got is not None
    assert (got.state, got.by, got.note) == (
        "perlu_revisi",
        "Deky Ballo",
        "Lampirkan SK bertanda tangan",
    )
    assert got.at.endswith("Z") and got.version == first.version + 1
    with sample_store.read():
        logged = {
            (e.field, e.old, e.new)
            for e in ChangeLog.select().where(ChangeLog.field.startswith("review"))
        }
    assert ("review_state[1]", "diajukan", "perlu_revisi") in logged
    assert ("reviewed_by[1]", "", "Deky Ballo") in logged
    assert ("review_note[1]", "", "Lampirkan SK bertanda tangan") in logged


def test_review_of_unrealised_month_is_refused_and_changes_nothing(sample_store: Store) -> None:
    _, ind = _first(sample_store)
    realisation.set_status(sample_store, ind, 2, "belum")
    with sample_store.read():
        before = ChangeLog.select().count()
    for month in (1, 2):  # no realisation row at all; a row that says belum
        with pytest.raises(InvalidInput, match="belum ada realisasinya"):
            review.review_month(sample_store, ind, month, "memenuhi", by="Deky Ballo")
    with sample_store.read():
        assert ChangeLog.select().count() == before
        assert Realisation.get(Realisation.month == 2).review_state == ""
    assert _cell(sample_store, ind, 1) is None


@pytest.mark.parametrize("state", ["perlu_revisi", "ditolak"])
def test_revision_and_rejection_need_the_reason(sample_store: Store, state: str) -> None:
    _, ind = _first(sample_store)
    realisation.set_status(sample_store, ind, 1, "selesai")
    with pytest.raises(InvalidInput, match="perlu catatan"):
        review.review_month(sample_store, ind, 1, state, note="  ")
    assert _cell(sample_store, ind, 1).state == "diajukan"  # type: ignore[union-attr]
    with pytest.raises(InvalidInput, match="tidak dikenal"):
        review.review_month(sample_store, ind, 1, "lulus")


def test_any_change_resubmits_a_reviewed_month(sample_store: Store) -> None:
    _, ind = _first(sample_store)
    realisation.set_status(sample_store, ind, 1, "sebagian")

    def verdict() -> str:
        cell = _cell(sample_store, ind, 1)
        return cell.state if cell else "-"

    review.review_month(sample_store, ind, 1, "memenuhi", by="Deky Ballo")
    realisation.set_status(sample_store, ind, 1, "selesai")  # status changed
    assert verdict() == "diajukan" and _cell(sample_store, ind, 1).by == ""  # type: ignore[union-attr]
    review.review_month(sample_store, ind, 1, "perlu_revisi", note="Foto kegiatan kurang")
    realisation.set_status(sample_store, ind, 1, "selesai", note="Foto ditambahkan")  # note
    assert verdict() == "diajukan"
    review.review_month(sample_store, ind, 1, "ditolak", note="Bukan dokumen bulan ini")
    ev = realisation.attach_bytes(sample_store, ind, 1, "foto.jpg", b"jpeg" * 10)  # evidence
    assert verdict() == "diajukan"
    review.review_month(sample_store, ind, 1, "memenuhi")
    realisation.remove_evidence(sample_store, ev)
    assert verdict() == "diajukan"
    review.review_month(sample_store, ind, 1, "memenuhi")
    realisation.set_status(sample_store, ind, 1, "selesai", note="Foto ditambahkan")  # no change
    assert verdict() == "memenuhi"
    realisation.set_status(sample_store, ind, 1, "belum")  # not realised any more
    assert verdict() == ""
    realisation.set_status(sample_store, ind, 1, "selesai")
    assert verdict() == "diajukan"


def test_verified_capaian_counts_only_accepted_months(sample_store: Store) -> None:
    plan_uuid, _ = _first(sample_store)
    tree = load_plan_tree(sample_store, plan_uuid)
    planned = [(i.uuid, m) for i in tree.indicators() for m in i.planned_months if m <= 6][:4]
    for (ind, m), status in zip(
        planned, ["selesai", "selesai", "sebagian", "selesai"], strict=True
    ):
        realisation.set_status(sample_store, ind, m, status)
    review.review_month(sample_store, *planned[0], "memenuhi")
    review.review_month(sample_store, *planned[2], "memenuhi")
    review.review_month(sample_store, *planned[3], "ditolak", note="Tidak sesuai")
    tree = load_plan_tree(sample_store, plan_uuid)
    reported = progress.total(tree.indicators(), 6)
    verified = progress.total(tree.indicators(), 6, verified=True)
    assert (reported.planned, reported.done, reported.partial) == (verified.planned, 3, 1)
    assert (verified.done, verified.partial) == (1, 1)
    rollups = progress.month_rollups(tree.indicators(), 7)
    assert progress.capaian_upto(rollups, 6, verified=True) == pytest.approx(verified.percent)
    assert progress.capaian_upto(rollups, 6) == pytest.approx(reported.percent)
    assert sum(r.submitted for r in rollups) == 1 and sum(r.rejected for r in rollups) == 1


def test_who_may_review_is_pengarah_or_marked(sample_store: Store) -> None:
    plan_uuid, _ = _first(sample_store)
    tree = load_plan_tree(sample_store, plan_uuid)
    pengarah = [m.person_name for t in tree.teams if t.kind == "pengarah" for m in t.members]
    assert pengarah and review.reviewer_names(sample_store, tree) == pengarah
    other = next(p for p in roster_edit.list_persons(sample_store) if p.name not in pengarah)
    roster_edit.update_person(sample_store, other.uuid, other.version, reviewer=True)
    assert review.reviewer_names(sample_store, tree) == [*pengarah, other.name]
    assert next(p for p in roster_edit.list_persons(sample_store) if p.uuid == other.uuid).reviewer


def test_review_fields_roundtrip_through_dump(sample_store: Store, tmp_path: Path) -> None:
    _, ind = _first(sample_store)
    realisation.set_status(sample_store, ind, 1, "selesai")
    realisation.set_status(sample_store, ind, 2, "sebagian")
    review.review_month(sample_store, ind, 1, "perlu_revisi", note="Kurang notulen", by="Deky")
    person = roster_edit.list_persons(sample_store)[0]
    roster_edit.update_person(sample_store, person.uuid, person.version, reviewer=True)
    first = dumps(dump_data(sample_store))
    doc = json.loads(first)
    cells = doc["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0][
        "realisation"
    ]
    assert [(c["review_state"], c["reviewed_by"], c["review_note"]) for c in cells] == [
        ("perlu_revisi", "Deky", "Kurang notulen"),
        ("diajukan", "", ""),
    ]
    assert doc["persons"][0]["reviewer"] is True
    store = Store.create(tmp_path / "b.rbdesk")
    load_data(store, doc)
    assert dumps(dump_data(store)) == first
    store.close()


def test_version_1_document_loads_with_realised_months_submitted(
    sample_store: Store, tmp_path: Path
) -> None:
    _, ind = _first(sample_store)
    realisation.set_status(sample_store, ind, 1, "selesai")
    realisation.set_status(sample_store, ind, 2, "belum")
    doc = dump_data(sample_store)
    doc["format_version"] = 1
    for p in doc["persons"]:
        del p["reviewer"]
    cells = doc["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0][
        "realisation"
    ]
    for c in cells:
        for key in ("review_state", "reviewed_by", "reviewed_at", "review_note"):
            del c[key]
    store = Store.create(tmp_path / "v1.rbdesk")
    load_data(store, doc)
    assert [get_review(store, ind, m).state for m in (1, 2)] == ["diajukan", ""]  # type: ignore[union-attr]
    store.close()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"review_state": "lulus"}, "review_state"),
        ({"review_state": ""}, "review_state"),  # a realised month has one
        ({"reviewed_at": "kemarin"}, "reviewed_at"),
    ],
)
def test_bad_review_fields_load_nothing(
    sample_store: Store, tmp_path: Path, change: dict, message: str
) -> None:
    _, ind = _first(sample_store)
    realisation.set_status(sample_store, ind, 1, "selesai")
    doc = copy.deepcopy(dump_data(sample_store))
    doc["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0][
        "realisation"
    ][0].update(change)
    store = Store.create(tmp_path / "baru.rbdesk")
    with pytest.raises(InvalidInput, match=message):
        load_data(store, doc)
    with store.read():
        assert Plan.select().count() == 0
    store.close()


def test_review_states_travel_through_merge(tmp_path: Path) -> None:
    base = tmp_path / "induk.rbdesk"
    create_file(base, sample=True, user="induk").close()
    with Store.open(base, user="induk") as store:
        _, ind = _first(store)
        realisation.set_status(store, ind, 1, "selesai")
        realisation.set_status(store, ind, 2, "selesai")
    mine, theirs = tmp_path / "a.rbdesk", tmp_path / "b.rbdesk"
    shutil.copyfile(base, mine)
    shutil.copyfile(base, theirs)
    with Store.open(theirs, user="pengarah") as store:  # the reviewer's copy, by USB stick
        review.review_month(store, ind, 1, "memenuhi", by="Deky Ballo")
        review.review_month(store, ind, 2, "perlu_revisi", note="Tambah foto", by="Deky Ballo")
    with Store.open(mine, user="staf") as store:
        realisation.set_status(store, ind, 3, "sebagian")
        result = merge.merge_files(store, theirs)
        assert not result.conflicts and result.updated == 2
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
        node = next(i for i in tree.indicators() if i.uuid == ind)
        assert [node.review_state(m) for m in (1, 2, 3)] == ["memenuhi", "perlu_revisi", "diajukan"]
        assert node.realisation[2].review_note == "Tambah foto"
        assert node.realisation[1].reviewed_by == "Deky Ballo"
        assert not merge.merge_files(store, theirs).changed  # a second merge is a no-op
        history = query_history(store, plan_uuid=list_plans(store)[0].uuid)
        assert any("Deky Ballo" in (e.new or "") for e in history)
        assert any(
            e.field == "review_state[2]"
            and e.new_text == "Perlu revisi"
            and e.field_label == "Tinjauan Feb"
            for e in history
        )


def _parted(tmp_path: Path, month: int = 2) -> tuple[Path, Path, str]:
    """Two copies of a file whose first indicator has ``month`` (February) realised, diajukan."""
    base = tmp_path / "induk.rbdesk"
    create_file(base, sample=True, user="induk").close()
    with Store.open(base, user="induk") as store:
        _, ind = _first(store)
        realisation.set_status(store, ind, month, "selesai")
    mine, theirs = tmp_path / "a.rbdesk", tmp_path / "b.rbdesk"
    shutil.copyfile(base, mine)
    shutil.copyfile(base, theirs)
    return mine, theirs, ind


@pytest.mark.parametrize("verdict_here", [True, False])
def test_merged_evidence_the_verdict_never_saw_sends_the_month_back(
    tmp_path: Path, verdict_here
) -> None:
    mine, theirs, ind = _parted(tmp_path)
    reviewed, attached = (mine, theirs) if verdict_here else (theirs, mine)
    with Store.open(reviewed, user="pengarah") as store:
        review.review_month(store, ind, 2, "memenuhi", by="Deky Ballo")
    with Store.open(attached, user="staf") as store:
        realisation.attach_bytes(store, ind, 2, "foto-baru.jpg", b"foto baru")
        assert get_review(store, ind, 2).state == "diajukan"  # type: ignore[union-attr]
    with Store.open(mine, user="staf") as store:
        foreseen = merge.plan_merge(store, theirs).to_resubmit
        result = merge.merge_files(store, theirs)
        assert result.conflicts == [] and foreseen == result.resubmitted
        got = get_review(store, ind, 2)
        assert got is not None and (got.state, got.by, got.note) == ("diajukan", "", "")
        assert len(result.resubmitted) == 1 and result.resubmitted[0].endswith(", Feb")
        assert "kembali berstatus Diajukan" in result.summary()
        history = query_history(store, row_uuid=ind)
        back = next(e for e in history if e.field == "review_state[2]" and e.new == "diajukan")
        # Under a stamp made of both copies' states of the month, the same whichever merges.
        assert (back.old_text, back.new_text, back.user) == (
            "Memenuhi",
            "Diajukan",
            "induk + pengarah",
        )
        # The merge settled it: the same copy again changes nothing and keeps the month back.
        assert not merge.merge_files(store, theirs).changed
        assert get_review(store, ind, 2).state == "diajukan"  # type: ignore[union-attr]


def test_a_verdict_that_saw_all_the_evidence_stays(tmp_path: Path) -> None:
    mine, theirs, ind = _parted(tmp_path)
    with Store.open(theirs, user="staf") as store:
        realisation.attach_bytes(store, ind, 2, "foto.jpg", b"foto")
        review.review_month(store, ind, 2, "memenuhi", by="Deky Ballo")
        realisation.attach_bytes(store, ind, 3, "lain.jpg", b"bulan lain")
    with Store.open(mine, user="staf") as store:
        result = merge.merge_files(store, theirs)
        assert result.resubmitted == [] and result.conflicts == []
        assert get_review(store, ind, 2).state == "memenuhi"  # type: ignore[union-attr]


def test_both_copies_reviewing_the_same_month_is_a_conflict(tmp_path: Path) -> None:
    mine, theirs, ind = _parted(tmp_path, month=1)
    with Store.open(theirs, user="b") as store:
        review.review_month(store, ind, 1, "ditolak", note="Salah bulan", by="Ketua")
    with Store.open(mine, user="a") as store:
        review.review_month(store, ind, 1, "memenuhi", by="Anggota")
        plan = merge.plan_merge(store, theirs)
        assert [c.entity for c in plan.conflicts] == ["realisation"]
        assert plan.conflicts[0].label.endswith(", Jan")  # the month named as everywhere else
        labels = {f.name for f in plan.conflicts[0].fields}
        assert {"review_state", "reviewed_by", "review_note"} <= labels
        # Review times are shown as people read them, not as the stored UTC stamp.
        at = next(f for f in plan.conflicts[0].fields if f.name == "reviewed_at")
        assert local_time(at.mine) == at.mine_text() and "T" not in at.mine_text()
        merge.apply_merge(store, plan, prefer=merge.THEIRS)
        assert get_review(store, ind, 1).state == "ditolak"  # type: ignore[union-attr]
        with store.read():  # the log keeps the stamp itself; Riwayat shows it in local time
            lost = ChangeLog.get(
                (ChangeLog.action == "conflict") & (ChangeLog.field == "reviewed_at")
            )
        assert lost.old == at.mine


def _v2_file(path: Path) -> None:
    """A file as rbdesk wrote it at schema version 2: one realised and one unrealised month."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=2)
    book = "'2024-01-02T00:00:00.000000Z', 'lama', 1"
    conn.executescript(f"""
        INSERT INTO person (uuid, updated_at, updated_by, version, name, nip)
            VALUES ('00000000-0000-4000-8000-000000000001', {book}, 'Sri', '');
        INSERT INTO plan (uuid, updated_at, updated_by, version, unit, year)
            VALUES ('00000000-0000-4000-8000-000000000002', {book}, 'KPU', 2024);
        INSERT INTO area (uuid, updated_at, updated_by, version, plan_id, seq, name)
            VALUES ('00000000-0000-4000-8000-000000000003', {book}, 1, 0, 'A');
        INSERT INTO activity (uuid, updated_at, updated_by, version, area_id, seq, name)
            VALUES ('00000000-0000-4000-8000-000000000004', {book}, 1, 0, 'K');
        INSERT INTO sub_activity (uuid, updated_at, updated_by, version, activity_id, seq, name)
            VALUES ('00000000-0000-4000-8000-000000000005', {book}, 1, 0, 'S');
        INSERT INTO indicator (uuid, updated_at, updated_by, version, sub_activity_id, seq,
                               planned)
            VALUES ('00000000-0000-4000-8000-000000000006', {book}, 1, 0, 3);
        INSERT INTO realisation (uuid, updated_at, updated_by, version, indicator_id, month,
                                 status, note)
            VALUES ('00000000-0000-4000-8000-000000000007', {book}, 1, 1, 'selesai', 'SK'),
                   ('00000000-0000-4000-8000-000000000008', {book}, 1, 2, 'belum', '');
    """)
    conn.close()


def test_version_2_file_migrates_with_realised_months_submitted(tmp_path: Path) -> None:
    path = tmp_path / "v2.rbdesk"
    _v2_file(path)
    store = Store.open(path)
    assert store.state.migrated_from == 2
    assert migrations.user_version(store.db.connection()) == migrations.SCHEMA_VERSION
    with store.read():
        rows = {r.month: r for r in Realisation.select()}
        assert not Person.get().reviewer
    assert (rows[1].review_state, rows[2].review_state) == ("diajukan", "")
    # The migration is no edit: stamps and versions stay, so copies migrated apart agree.
    assert (rows[1].version, rows[1].updated_by) == (1, "lama")
    assert rows[1].reviewed_by == rows[1].reviewed_at == rows[1].review_note == ""
    store.close()


def test_version_1_fixture_migrates_to_submitted(tmp_path: Path) -> None:
    old = tmp_path / "rencana-2023.rbdesk"
    shutil.copy(FIXTURES / "v1-sample.rbdesk", old)
    with Store.open(old) as store, store.read():
        assert Realisation.get().review_state == "diajukan"
