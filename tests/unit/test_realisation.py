"""Recording realisation and evidence, as a staff member would through the window."""

from __future__ import annotations

import hashlib
import mimetypes

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.errors import ConflictError, EvidenceTooLarge, InvalidInput, RbdeskError
from rbdesk.models.storage.schema import Blob, ChangeLog
from rbdesk.models.storage.store import Store


@pytest.fixture
def ind(sample_store: Store):
    return load_plan_tree(sample_store, list_plans(sample_store)[0].uuid).indicators()[3]


def _fresh(store: Store, uuid: str):
    return next(
        i for i in load_plan_tree(store, list_plans(store)[0].uuid).indicators() if i.uuid == uuid
    )


def test_status_cycle_and_note(sample_store: Store, ind) -> None:
    assert realisation.next_status("belum") == "sebagian"
    assert realisation.next_status("sebagian") == "selesai"
    assert realisation.next_status("selesai") == "belum"
    v1 = realisation.set_status(
        sample_store, ind.uuid, 2, "sebagian", note="draf disusun", expected_version=0
    )
    assert v1 == 1
    v2 = realisation.set_status(sample_store, ind.uuid, 2, "selesai", expected_version=v1)
    cell = _fresh(sample_store, ind.uuid).realisation[2]
    assert (cell.status, cell.note, cell.version, v2) == ("selesai", "draf disusun", 2, 2)
    with sample_store.read():
        log = [
            (e.field, e.old, e.new)
            for e in ChangeLog.select()
            .where(ChangeLog.row_uuid == cell.uuid)
            .order_by(ChangeLog.id)
        ]
    assert log == [
        ("status[2]", None, "sebagian"),
        ("note[2]", None, "draf disusun"),
        ("status[2]", "sebagian", "selesai"),
    ]


def test_colleague_recorded_first_is_a_conflict(sample_path, ind) -> None:
    other = Store.open(sample_path, user="benedikta")
    realisation.set_status(other, ind.uuid, 4, "selesai")
    other.close()
    mine = Store.open(sample_path)
    with pytest.raises(ConflictError) as info:
        realisation.set_status(mine, ind.uuid, 4, "sebagian", expected_version=0)
    assert info.value.changed_by == "benedikta"
    assert _fresh(mine, ind.uuid).realisation[4].status == "selesai"
    mine.close()


def test_bad_status_and_month(sample_store: Store, ind) -> None:
    with pytest.raises(InvalidInput):
        realisation.set_status(sample_store, ind.uuid, 2, "done")
    with pytest.raises(InvalidInput):
        realisation.set_status(sample_store, ind.uuid, 0, "selesai")


def test_attach_file_stores_bytes_once(sample_store: Store, ind, tmp_path) -> None:
    scan = tmp_path / "Undangan rapat.pdf"
    scan.write_bytes(b"%PDF-1.4 surat undangan" * 100)
    first = realisation.attach_file(sample_store, ind.uuid, 3, scan, note="undangan")
    second = realisation.attach_file(sample_store, ind.uuid, 5, scan)
    assert first != second
    with sample_store.read():
        assert Blob.select().count() == 1
    files = realisation.list_evidence(sample_store, ind.uuid)
    assert [(f.month, f.filename, f.mime, f.updated_by) for f in files] == [
        (3, "Undangan rapat.pdf", "application/pdf", "penguji"),
        (5, "Undangan rapat.pdf", "application/pdf", "penguji"),
    ]
    assert realisation.evidence_bytes(sample_store, files[0].sha256) == scan.read_bytes()
    assert files[0].sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert _fresh(sample_store, ind.uuid).evidence == {3: 1, 5: 1}
    out = realisation.save_evidence_copy(sample_store, first, tmp_path / "salinan.pdf")
    assert out.read_bytes() == scan.read_bytes()


def test_windows_path_names_are_cut_to_the_file_name(sample_store: Store, ind) -> None:
    uuid = realisation.attach_bytes(
        sample_store, ind.uuid, 1, "C:\\Scan\\foto kegiatan.jpg", b"\xff\xd8\xff"
    )
    info = realisation.list_evidence(sample_store, ind.uuid, 1)[0]
    assert (info.uuid, info.filename, info.mime) == (uuid, "foto kegiatan.jpg", "image/jpeg")


def test_the_type_of_a_file_is_the_same_on_every_pc(sample_store: Store, ind, monkeypatch) -> None:
    # What the module-level guess says on a PC whose registry (Windows) or /etc/mime.types
    # has its own idea (old Internet Explorer's .jpg, Office's .csv).
    registry = {".jpg": "image/pjpeg", ".csv": "application/vnd.ms-excel"}
    monkeypatch.setattr(
        mimetypes, "guess_type", lambda name, strict=True: (registry[name[-4:]], None)
    )
    for name, kind in (("foto.jpg", "image/jpeg"), ("daftar.csv", "text/csv")):
        uuid = realisation.attach_bytes(sample_store, ind.uuid, 2, name, name.encode())
        listed = realisation.list_evidence(sample_store, ind.uuid, 2)
        assert [e.mime for e in listed if e.uuid == uuid] == [kind]


def test_oversized_attachment_refused_and_nothing_stored(
    sample_store: Store, ind, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(realisation, "MAX_EVIDENCE_BYTES", 1000)
    big = tmp_path / "besar.jpg"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(EvidenceTooLarge) as info:
        realisation.attach_file(sample_store, ind.uuid, 1, big)
    assert "terlalu besar" in info.value.message
    with sample_store.read():
        assert Blob.select().count() == 0
    assert realisation.list_evidence(sample_store, ind.uuid) == []


def test_missing_file_message(sample_store: Store, ind, tmp_path) -> None:
    with pytest.raises(RbdeskError) as info:
        realisation.attach_file(sample_store, ind.uuid, 1, tmp_path / "hilang.pdf")
    assert "tidak ditemukan" in info.value.message
    with pytest.raises(InvalidInput):
        realisation.attach_file(sample_store, ind.uuid, 1, tmp_path)


def test_remove_and_restore_evidence(sample_store: Store, ind) -> None:
    uuid = realisation.attach_bytes(sample_store, ind.uuid, 6, "notulen.docx", b"notulen")
    realisation.remove_evidence(sample_store, uuid)
    assert realisation.list_evidence(sample_store, ind.uuid) == []
    assert _fresh(sample_store, ind.uuid).evidence == {}
    realisation.restore_evidence(sample_store, uuid)
    assert [e.uuid for e in realisation.list_evidence(sample_store, ind.uuid)] == [uuid]
