"""Merging among three or more copies, and deletions against work: examples from issue 18."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import decree_edit, plan_edit, realisation
from rbdesk.models.interchange import merge
from rbdesk.models.storage.schema import Indicator
from rbdesk.models.storage.store import Store
from tests.merge_helpers import opened, sample_base


@pytest.fixture(scope="module")
def base_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_base(tmp_path_factory.mktemp("base"))


@pytest.fixture(scope="module")
def plan_uuid(base_file: Path) -> str:
    with Store.open(base_file, readonly=True) as store:
        return list_plans(store)[0].uuid


@pytest.fixture
def copies(base_file: Path, tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name in "abcd":
        out[name] = tmp_path / f"{name}.rbdesk"
        shutil.copyfile(base_file, out[name])
    return out


def _decree(path: Path, plan: str) -> dict[str, Any]:
    with Store.open(path, readonly=True) as s:
        return decree_edit.read_decree(s, plan)[0]


def _merge(path: Path, user: str, other: Path, skew: int = 0) -> merge.MergeResult:
    with opened(path, user, skew) as s:
        return merge.merge_files(s, other)


def test_a_ring_of_three_copies_keeps_the_newest_edit_of_the_only_copy_that_made_it(
    copies, plan_uuid
) -> None:
    """Issue 18, item 2, step by step: only B ever edits the place (B1, then B2). A, whose clock
    is two days ahead, merges B (taking B1) while setting its own number; C merges B (B2), then
    A. A only passed B1 along: no conflict, and B2 stays, in every copy once they settle."""
    a, b, c = copies["a"], copies["b"], copies["c"]
    two_days = 2 * 24 * 60
    with opened(b, "budi") as s:
        decree_edit.set_decree_fields(s, plan_uuid, {"place": "B1"})
    with opened(a, "ani", two_days) as s:
        decree_edit.set_decree_fields(s, plan_uuid, {"number": "NOMOR-A"})
        assert merge.merge_files(s, b).conflicts == []
    with opened(b, "budi") as s:
        decree_edit.set_decree_fields(s, plan_uuid, {"place": "B2"})
    assert _merge(c, "citra", b).conflicts == []
    with opened(c, "citra") as s:
        plan = merge.plan_merge(s, a)
        assert plan.conflicts == []
        merge.apply_merge(s, plan)
    assert (_decree(c, plan_uuid)["place"], _decree(c, plan_uuid)["number"]) == ("B2", "NOMOR-A")
    # Settle: every copy takes every other once more; all hold B's newest edit and A's number.
    for _round in range(2):
        for mine, user, skew in ((a, "ani", two_days), (b, "budi", 0), (c, "citra", 0)):
            for theirs in (a, b, c):
                if theirs != mine:
                    assert _merge(mine, user, theirs, skew).conflicts == []
    for path in (a, b, c):
        decree = _decree(path, plan_uuid)
        assert (decree["place"], decree["number"]) == ("B2", "NOMOR-A"), path.name


@pytest.fixture(scope="module")
def tree(base_file: Path, plan_uuid: str) -> Any:
    with Store.open(base_file, readonly=True) as store:
        return load_plan_tree(store, plan_uuid)


def _indicators_of(path: Path, plan: str, sub_uuid: str) -> list[Any]:
    with Store.open(path, readonly=True) as s:
        tree = load_plan_tree(s, plan)
    return next(
        sub.indicators
        for ar in tree.areas
        for ac in ar.activities
        for sub in ac.sub_activities
        if sub.uuid == sub_uuid
    )


def test_different_fields_of_a_row_changed_in_two_copies_combine(copies, plan_uuid, tree) -> None:
    """Issue 18, item 4: a new indicator inserted above its siblings in one copy (the siblings
    are renumbered) and a sibling's note edited in the other are no conflict; both arrive."""
    a, b = copies["a"], copies["b"]
    sub = next(
        s
        for ar in tree.areas
        for ac in ar.activities
        for s in ac.sub_activities
        if len(s.indicators) >= 2
    )
    sibling = sub.indicators[1].uuid
    with opened(a, "ani") as s:
        new = plan_edit.add_node(s, "indicator", sub.uuid, "baru di atas", index=0)
    with opened(b, "budi") as s:
        plan_edit.set_field(s, "indicator", sibling, "note", "catatan B")
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        assert plan.conflicts == []
        merge.apply_merge(s, plan)
    with opened(b, "budi") as s:
        assert merge.merge_files(s, a).conflicts == []
    for path in (a, b):
        inds = _indicators_of(path, plan_uuid, sub.uuid)
        assert inds[0].uuid == new
        assert [i.note for i in inds if i.uuid == sibling] == ["catatan B"]
    # The same field changed to different values is still one conflict, on that field alone.
    with opened(a, "ani") as s:
        plan_edit.set_field(s, "indicator", sibling, "note", "catatan A")
        plan_edit.set_field(s, "indicator", sibling, "text", "teks A")
    with opened(b, "budi") as s:
        plan_edit.set_field(s, "indicator", sibling, "note", "catatan B lagi")
    with opened(a, "ani") as s:
        [conflict] = merge.plan_merge(s, b).conflicts
        assert [d.name for d in conflict.fields] == ["note"]
        merge.merge_files(s, b, prefer=merge.THEIRS)
    [ind] = [i for i in _indicators_of(a, plan_uuid, sub.uuid) if i.uuid == sibling]
    assert (ind.text, ind.note) == ("teks A", "catatan B lagi")


def test_a_row_deleted_here_and_edited_there_is_a_conflict_that_keeps_the_work(
    copies, plan_uuid, tree
) -> None:
    """Issue 18, item 3 (the row itself): by default the row comes back with the edit, in
    whichever copy merges; choosing the deletion keeps it deleted, the edit in its content."""
    a, b = copies["a"], copies["b"]
    ind = tree.areas[0].activities[0].sub_activities[0].indicators[0].uuid
    with opened(a, "ani") as s:
        plan_edit.delete_node(s, "indicator", ind)
    with opened(b, "budi") as s:
        plan_edit.set_field(s, "indicator", ind, "note", "dikerjakan B")
    shutil.copyfile(a, copies["c"])
    shutil.copyfile(b, copies["d"])
    for mine, theirs in ((a, b), (b, copies["c"])):
        with opened(mine, "staf") as s:
            [conflict] = merge.plan_merge(s, theirs).conflicts
            assert conflict.fields[0].name == "deleted"
            assert merge.merge_files(s, theirs).conflicts
            with s.read():
                row = Indicator.get(Indicator.uuid == ind)
            assert (row.deleted, row.note) == (False, "dikerjakan B"), mine.name
    with opened(copies["c"], "citra") as s:  # c: A's deletion; d: B's edit, not yet merged
        plan = merge.plan_merge(s, copies["d"])
        [conflict] = plan.conflicts
        merge.apply_merge(s, plan, choices={conflict.key: merge.MINE})
        with s.read():
            row = Indicator.get(Indicator.uuid == ind)
        assert (row.deleted, row.note) == (True, "dikerjakan B")


def _alive(path: Path, entity: str, uuid: str) -> bool:
    snap = _snapshot(path)
    return not snap.rows[entity][uuid]["deleted"]


def _snapshot(path: Path) -> merge.Snapshot:
    with Store.open(path, readonly=True) as s:
        return merge.read_snapshot(s)


@pytest.mark.parametrize("deleted", ["indicator", "sub_activity", "plan"])
def test_work_under_a_row_deleted_in_the_other_copy_is_shown_and_kept(
    copies, plan_uuid, tree, deleted
) -> None:
    """Issue 18, item 3: A deletes an indicator (or its sub-activity, or the whole plan); B
    records realisation and evidence in it and adds an indicator under the sub-activity. The
    merge shows a conflict naming the work, whichever copy merges; by default the deleted rows
    come back with their parents, and the copies settle without hiding anything."""
    a, b = copies["a"], copies["b"]
    sub = tree.areas[1].activities[0].sub_activities[0]
    ind = sub.indicators[0].uuid
    target = {"indicator": ind, "sub_activity": sub.uuid, "plan": plan_uuid}[deleted]
    with opened(a, "ani") as s:
        if deleted == "plan":
            plan_edit.delete_plan(s, plan_uuid)
        else:
            plan_edit.delete_node(s, deleted, target)
    with opened(b, "budi") as s:
        realisation.set_status(s, ind, 3, "selesai", note="rapat")
        realisation.attach_bytes(s, ind, 3, "notulen.pdf", b"%PDF notulen")
        added = plan_edit.add_node(s, "indicator", sub.uuid, "indikator baru B")
    shutil.copyfile(a, copies["c"])
    shutil.copyfile(b, copies["d"])
    for mine, theirs, here in ((a, b, True), (copies["d"], copies["c"], False)):
        with opened(mine, "staf") as s:
            plan = merge.plan_merge(s, theirs)
            # The deleted row, and the rows its deletion took along that the work is under.
            shown = {c.uuid: c for c in plan.conflicts if c.deleted_here is not None}
            assert len(shown) == len(plan.conflicts)
            conflict = shown[target]
            assert conflict.entity == deleted
            assert {c.deleted_here for c in shown.values()} == {here}
            assert {c.default for c in shown.values()} == {merge.THEIRS if here else merge.MINE}
            reason = conflict.reason()
            assert reason.startswith("Dihapus di berkas ini" if here else "Dihapus di salinan")
            assert "Mar" in reason or "indikator baru B" in reason
            merge.apply_merge(s, plan)
        for entity, uuid in (
            ("indicator", ind),
            ("sub_activity", sub.uuid),
            ("plan", plan_uuid),
            ("indicator", added),
        ):
            assert _alive(mine, entity, uuid), (mine.name, entity)
        with Store.open(mine, readonly=True) as s:
            shown = load_plan_tree(s, plan_uuid)
            assert ind in {i.uuid for i in shown.indicators()}
            assert added in {i.uuid for i in shown.indicators()}
            assert [e.filename for e in realisation.list_evidence(s, ind, 3)] == ["notulen.pdf"]
    # The two merged copies, and the copies merged with them, settle with nothing to choose.
    for mine, theirs in ((a, copies["d"]), (copies["d"], a), (b, a), (copies["c"], a)):
        assert _merge(mine, "staf", theirs).conflicts == []
    rows = [
        {
            (e, u): {k: v for k, v in st.items() if k != "version"}
            for e, states in _snapshot(p).rows.items()
            for u, st in states.items()
        }
        for p in (a, b, copies["c"], copies["d"])
    ]
    assert all(r == rows[0] for r in rows[1:])


def test_choosing_the_deletion_keeps_it_and_the_work_stays_in_the_file(copies, tree) -> None:
    a, b = copies["a"], copies["b"]
    ind = tree.areas[1].activities[0].sub_activities[0].indicators[0].uuid
    with opened(a, "ani") as s:
        plan_edit.delete_node(s, "indicator", ind)
    with opened(b, "budi") as s:
        realisation.set_status(s, ind, 4, "selesai")
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        [conflict] = plan.conflicts
        merge.apply_merge(s, plan, choices={conflict.key: merge.MINE})
    assert not _alive(a, "indicator", ind)
    cells = [c for c in _snapshot(a).rows["realisation"].values() if c["indicator"] == ind]
    assert [c["status"] for c in cells] == ["selesai"]


_BAD_ROWS = {
    "decree a list": ("UPDATE plan SET decree = '[1, 2]'", "Rencana aksi", "isi SK"),
    "settings a string": ("UPDATE plan SET settings = '\"x\"'", "Rencana aksi", "settings"),
    "year 99999": ("UPDATE plan SET year = 99999", "Rencana aksi", "99999"),
    "status hacked": (
        "UPDATE realisation SET status = 'hacked' WHERE id = (SELECT min(id) FROM realisation)",
        "Realisasi",
        "hacked",
    ),
    "planned -1": ("UPDATE indicator SET planned = -1 WHERE id = 3", "Indikator", "planned"),
    "a 3 MB note": (
        "UPDATE indicator SET note = printf('%.3000000c', 'x') WHERE id = 3",
        "Indikator",
        "terlalu panjang",
    ),
    "a stamp that is no time": (
        "UPDATE indicator SET updated_at = '9999-99-99T99:99:99Z' WHERE id = 3",
        "Indikator",
        "9999-99-99",
    ),
    "version 2**70": (
        "UPDATE indicator SET version = 1180591620717411303424 WHERE id = 3",
        "Indikator",
        "version",
    ),
}


@pytest.mark.parametrize("case", sorted(_BAD_ROWS))
def test_a_copy_with_rows_load_would_refuse_is_refused_naming_the_row(copies, case) -> None:
    """Issue 18, item 6: merge validates incoming rows with load's validator; nothing is
    written and the message names the row."""
    import hashlib
    import sqlite3

    from rbdesk.models.errors import RbdeskError

    a, b = copies["a"], copies["b"]
    with opened(b, "budi") as s:  # a realised month, so that a realisation row exists
        ind = load_plan_tree(s, list_plans(s)[0].uuid).indicators()[0].uuid
        realisation.set_status(s, ind, 2, "selesai")
    sql, entity, what = _BAD_ROWS[case]
    conn = sqlite3.connect(b)
    conn.execute(sql)
    conn.commit()
    conn.close()
    before = hashlib.sha256(a.read_bytes()).hexdigest()
    with opened(a, "ani") as s, pytest.raises(RbdeskError) as refused:
        merge.plan_merge(s, b)
    message = refused.value.message
    assert "tidak sah" in message and f"{entity} «" in message and "uuid" in message, message
    assert what in message, message
    assert hashlib.sha256(a.read_bytes()).hexdigest() == before


def test_two_copies_settle_in_one_merge_each_way_and_a_log_only_merge_says_so(
    copies, plan_uuid, tree
) -> None:
    """Issue 18, item 16: after A takes B and B takes A, neither has anything left to take
    (conflicts, combined rows, deletions against work included); a merge that only brought
    change-log lines says that, not "0 baris baru, 0 baris diperbarui, 0 konflik"."""
    a, b = copies["a"], copies["b"]
    inds = tree.indicators()
    with opened(a, "ani", 90) as s:
        decree_edit.set_decree_fields(s, plan_uuid, {"number": "NOMOR-A", "place": "Kota-A"})
        plan_edit.set_field(s, "indicator", inds[0].uuid, "note", "catatan A")
        plan_edit.set_field(s, "indicator", inds[1].uuid, "text", "teks A")
        plan_edit.delete_node(s, "indicator", inds[2].uuid)
        realisation.set_status(s, inds[3].uuid, 1, "selesai")
    with opened(b, "budi", -90) as s:
        decree_edit.set_decree_fields(s, plan_uuid, {"place": "Kota-B", "date": "2 Januari 2024"})
        plan_edit.set_field(s, "indicator", inds[0].uuid, "text", "teks B")
        plan_edit.set_field(s, "indicator", inds[1].uuid, "text", "teks B")
        realisation.set_status(s, inds[2].uuid, 5, "sebagian")
        realisation.attach_bytes(s, inds[3].uuid, 1, "foto.jpg", b"foto")
    first = _merge(a, "ani", b)
    assert first.conflicts and first.changed_rows
    second = _merge(b, "budi", a)
    assert second.changed_rows
    for mine, theirs in ((a, b), (b, a)):
        again = _merge(mine, "staf", theirs)
        assert not again.changed and again.conflicts == [], mine.name
    assert _live(a) == _live(b)
    # A copy that only took the other's log lines (its own rows already there) says so.
    c = copies["c"]
    shutil.copyfile(a, c)
    with opened(a, "ani") as s, s.write() as tx:  # a log line, as a cancelled edit leaves none
        tx.log("file", "-", "note", "", None, "catatan")
    only_log = _merge(c, "citra", a)
    assert only_log.log_imported == 1 and not only_log.changed_rows
    assert "baris baru" not in only_log.summary() and "riwayat" in only_log.summary()


def _live(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (e, u): {k: v for k, v in st.items() if k != "version"}
        for e, states in _snapshot(path).rows.items()
        for u, st in states.items()
    }


def test_the_same_file_attached_to_the_same_month_in_two_copies_is_listed_once(
    copies, tree
) -> None:
    """Issue 18, item 14."""
    a, b = copies["a"], copies["b"]
    ind = tree.indicators()[0].uuid
    for path, user in ((a, "ani"), (b, "budi")):
        with opened(path, user) as s:
            realisation.attach_bytes(s, ind, 6, "notulen.pdf", b"%PDF rapat Juni")
    assert _merge(a, "ani", b).conflicts == []
    assert _merge(b, "budi", a).conflicts == []
    for path in (a, b):
        with Store.open(path, readonly=True) as s:
            assert [e.filename for e in realisation.list_evidence(s, ind, 6)] == ["notulen.pdf"]
    assert _live(a) == _live(b)


def _plans(path: Path) -> list[tuple[int, str, str]]:
    with Store.open(path, readonly=True) as s:
        return sorted((p.year, p.uuid, p.title) for p in list_plans(s))


def test_next_years_plan_made_in_both_copies_is_a_conflict(copies, plan_uuid) -> None:
    """Issue 18, item 5: both copies made the 2025 plan. By default both stay, one renamed,
    the same whichever copy merges; choosing this file's keeps one (the copy's deleted)."""
    from rbdesk.models.edits.plan_copy import copy_plan

    a, b, c = copies["a"], copies["b"], copies["c"]
    made = {}
    for path, user in ((a, "ani"), (b, "budi")):
        with opened(path, user) as s:
            made[user] = copy_plan(s, plan_uuid, 2025)
    shutil.copyfile(a, c)
    shutil.copyfile(b, copies["d"])
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        [conflict] = plan.conflicts
        assert (conflict.entity, conflict.uuid, conflict.their_uuid) == (
            "plan",
            made["ani"],
            made["budi"],
        )
        assert conflict.reason().startswith("Rencana aksi 2025")
        assert conflict.default == merge.THEIRS
        merge.apply_merge(s, plan)
    assert _merge(b, "budi", c).conflicts  # the other way round: the same conflict
    titles = [t for y, _u, t in _plans(a) if y == 2025]
    assert len(titles) == 2 and sum(t.endswith("(rencana kedua)") for t in titles) == 1
    assert _plans(a) == _plans(b)
    assert _merge(a, "ani", b).conflicts == [] and _merge(b, "budi", a).conflicts == []
    assert _live(a) == _live(b)
    # Keeping this file's plan only: the copy's comes in deleted, and the copy takes that.
    with opened(c, "citra") as s:
        plan = merge.plan_merge(s, copies["d"])
        merge.apply_merge(s, plan, choices={plan.conflicts[0].key: merge.MINE})
    assert [u for y, u, _t in _plans(c) if y == 2025] == [made["ani"]]
    assert _merge(copies["d"], "dewi", c).conflicts == []
    assert [u for y, u, _t in _plans(copies["d"]) if y == 2025] == [made["ani"]]


def test_an_empty_object_column_of_an_older_copy_is_no_refusal(copies) -> None:
    """The validator takes an empty decree or settings column (read back as None) as empty."""
    import sqlite3

    a, b = copies["a"], copies["b"]
    conn = sqlite3.connect(b)
    conn.execute("UPDATE plan SET settings = ''")
    conn.commit()
    conn.close()
    with opened(a, "ani") as s:
        assert merge.plan_merge(s, b).conflicts == []
