"""Issue 20 item 4: a colleague's note, review or evidence change is never replaced unseen.

Two stores on one file, as two PCs on a shared folder: the second writes from what it showed
before the first wrote, and is refused with who, when and both texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation, review
from rbdesk.models.errors import ConflictError, TextConflict
from rbdesk.models.storage.store import Store


def _cell(store: Store, uuid: str, month: int):
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    ind = next(i for i in tree.indicators() if i.uuid == uuid)
    return ind.realisation.get(month)


@pytest.fixture
def two(sample_path: Path):
    mine = Store.open(sample_path, user="Penguji")
    theirs = Store.open(sample_path, user="Rekan")
    uuid = load_plan_tree(mine, list_plans(mine)[0].uuid).indicators()[3].uuid
    realisation.set_status(mine, uuid, 3, "selesai", note="awal")
    yield mine, theirs, uuid
    mine.close()
    theirs.close()


def test_a_colleagues_note_is_refused_with_both_texts(two) -> None:
    mine, theirs, uuid = two
    shown = _cell(mine, uuid, 3)
    realisation.set_status(theirs, uuid, 3, "selesai", note="Catatan rekan")
    with pytest.raises(TextConflict) as info:
        realisation.set_status(
            mine,
            uuid,
            3,
            "selesai",
            note="Catatan saya",
            expected_version=shown.version,
            shown_note=shown.note,
        )
    assert info.value.changed_by == "Rekan" and info.value.changed_at
    assert (info.value.theirs, info.value.yours) == ("Catatan rekan", "Catatan saya")
    assert "Rekan" in info.value.message and "Maret" in info.value.message
    assert _cell(mine, uuid, 3).note == "Catatan rekan"
    # Written again from what is now shown, deliberately, it replaces the colleague's.
    now = _cell(mine, uuid, 3)
    realisation.set_status(
        mine, uuid, 3, "selesai", "Catatan saya", expected_version=now.version, shown_note=now.note
    )
    assert _cell(theirs, uuid, 3).note == "Catatan saya"


def test_a_colleagues_status_change_is_a_plain_conflict(two) -> None:
    mine, theirs, uuid = two
    shown = _cell(mine, uuid, 3)
    realisation.set_status(theirs, uuid, 3, "sebagian")
    with pytest.raises(ConflictError) as info:
        realisation.set_status(
            mine, uuid, 3, "selesai", "baru", expected_version=shown.version, shown_note="awal"
        )
    assert not isinstance(info.value, TextConflict) and info.value.changed_by == "Rekan"
    assert (_cell(mine, uuid, 3).status, _cell(mine, uuid, 3).note) == ("sebagian", "awal")


def test_without_versions_the_command_line_writes_as_before(two) -> None:
    mine, theirs, uuid = two
    realisation.set_status(theirs, uuid, 3, "selesai", note="Catatan rekan")
    realisation.set_status(mine, uuid, 3, "selesai", note="Catatan saya")
    assert _cell(theirs, uuid, 3).note == "Catatan saya"


def test_a_colleagues_verdict_is_refused_with_both_notes(two) -> None:
    mine, theirs, uuid = two
    shown = _cell(mine, uuid, 3)
    review.review_month(theirs, uuid, 3, "perlu_revisi", note="kurang foto")
    with pytest.raises(TextConflict) as info:
        review.review_month(
            mine,
            uuid,
            3,
            "ditolak",
            note="bukan kegiatan ini",
            expected_version=shown.version,
            shown_review=(shown.review_state, shown.review_note),
        )
    assert info.value.changed_by == "Rekan"
    assert info.value.theirs == "Perlu revisi: kurang foto"
    assert info.value.yours == "bukan kegiatan ini"
    assert _cell(mine, uuid, 3).review_state == "perlu_revisi"


def test_a_verdict_on_changed_evidence_is_refused(two) -> None:
    mine, theirs, uuid = two
    seen = [e.uuid for e in realisation.list_evidence(mine, uuid, 3)]
    shown = _cell(mine, uuid, 3)
    realisation.attach_bytes(theirs, uuid, 3, "foto.jpg", b"\xff\xd8 foto")
    with pytest.raises(ConflictError) as info:
        review.review_month(
            mine,
            uuid,
            3,
            "memenuhi",
            expected_version=shown.version,
            shown_review=(shown.review_state, shown.review_note),
            evidence_seen=seen,
        )
    assert "Bukti dukung Maret berubah" in info.value.message
    assert info.value.changed_by == "Rekan"
    assert _cell(mine, uuid, 3).review_state == "diajukan"
    seen = [e.uuid for e in realisation.list_evidence(mine, uuid, 3)]
    review.review_month(mine, uuid, 3, "memenuhi", evidence_seen=seen)
    assert _cell(theirs, uuid, 3).review_state == "memenuhi"


def test_removing_evidence_a_colleague_removed_says_who(two) -> None:
    mine, theirs, uuid = two
    ev = realisation.attach_bytes(mine, uuid, 3, "notulen.pdf", b"%PDF-1.4 notulen")
    version = realisation.list_evidence(mine, uuid, 3)[0].version
    realisation.remove_evidence(theirs, ev)
    with pytest.raises(ConflictError) as info:
        realisation.remove_evidence(mine, ev, version)
    assert "notulen.pdf sudah dihapus oleh Rekan" in info.value.message
