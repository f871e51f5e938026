"""Merging copies edited apart: examples, then properties over random edit sequences."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import decree_edit, plan_edit, realisation, review
from rbdesk.models.errors import (
    ConflictError,
    InvalidInput,
    NotFoundError,
    RbdeskError,
    ReadOnlyError,
)
from rbdesk.models.interchange import merge
from rbdesk.models.interchange.load import create_file
from rbdesk.models.interchange.merge_decisions import BOOKKEEPING
from rbdesk.models.interchange.merge_objects import key_diffs
from rbdesk.models.storage.schema import Blob, ChangeLog, Evidence, Indicator, Realisation
from rbdesk.models.storage.store import Store
from tests.merge_helpers import opened, sample_base
from tests.review_reads import get_review

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(path: Path) -> merge.Snapshot:
    with Store.open(path, readonly=True) as store:
        return merge.read_snapshot(store)


@pytest.fixture(scope="module")
def base_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_base(tmp_path_factory.mktemp("base"))


@pytest.fixture(scope="module")
def targets(base_file: Path) -> dict[str, Any]:
    with Store.open(base_file, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    inds = [
        ind.uuid
        for area in tree.areas[:4]
        for act in area.activities[:1]
        for sub in act.sub_activities[:1]
        for ind in sub.indicators[:1]
    ]
    subs = [
        sub.uuid
        for area in tree.areas[:2]
        for act in area.activities[:1]
        for sub in act.sub_activities[:1]
    ]
    return {"plan": tree.uuid, "indicators": inds, "subs": subs}


@pytest.fixture
def pair(base_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.rbdesk", tmp_path / "b.rbdesk"
    shutil.copyfile(base_file, a)
    shutil.copyfile(base_file, b)
    return a, b


def _set_indicator(path: Path, user: str, ind: str, field: str, value: str, skew: int = 0) -> None:
    with opened(path, user, skew) as s:
        plan_edit.set_field(s, "indicator", ind, field, value)


def _text_edited_apart(pair, targets, mine: str, theirs: str) -> tuple[Path, Path, str]:
    """Ani sets the first indicator's text in A, then Budi in B: (A, B, that indicator)."""
    a, b = pair
    ind = targets["indicators"][0]
    _set_indicator(a, "ani", ind, "text", mine)
    _set_indicator(b, "budi", ind, "text", theirs)
    return a, b, ind


def _indicator(uuid: str) -> Indicator:
    return Indicator.get(Indicator.uuid == uuid)


# --- examples ---------------------------------------------------------------------------------


def test_only_theirs_changed_is_taken_without_conflict(pair, targets) -> None:
    a, b = pair
    ind = targets["indicators"][0]
    _set_indicator(b, "budi", ind, "text", "dari B")
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        assert plan.conflicts == [] and plan.to_update == 1
        result = merge.apply_merge(s, plan)
        with s.read():
            assert _indicator(ind).text == "dari B"
            assert _indicator(ind).updated_by == "budi"
        assert result.updated == 1 and result.log_imported >= 1
        # B's own change-log entry travelled with it: Riwayat shows who did it on the copy.
        with s.read():
            assert (
                ChangeLog.select()
                .where((ChangeLog.row_uuid == ind) & (ChangeLog.user == "budi"))
                .exists()
            )


@pytest.mark.parametrize("skew", [-15, -24 * 60, 15, 24 * 60])
def test_a_clock_that_is_wrong_does_not_decide_who_changed(pair, targets, skew) -> None:
    """The office edits, copies the file; a PC whose clock is off edits the copy afterwards."""
    a, b = pair
    ind = targets["indicators"][0]
    _set_indicator(a, "ani", ind, "note", "kantor")
    shutil.copyfile(a, b)
    _set_indicator(b, "budi", ind, "note", "laptop", skew=skew)
    with opened(a, "ani") as s:
        result = merge.merge_files(s, b)
        with s.read():
            assert _indicator(ind).note == "laptop"
        assert (result.updated, result.conflicts) == (1, [])
    # And the other way round: the laptop's copy merges the office file and keeps its own edit.
    with opened(b, "budi", skew=skew) as s:
        result = merge.merge_files(s, a)
        with s.read():
            assert _indicator(ind).note == "laptop"
        assert result.conflicts == []


@pytest.mark.parametrize("skew", [-24 * 60, 24 * 60])
def test_edits_on_both_sides_conflict_whatever_the_clocks(pair, targets, skew) -> None:
    a, b = pair
    ind = targets["indicators"][0]
    _set_indicator(b, "budi", ind, "note", "laptop", skew=skew)
    with opened(a, "ani") as s:
        plan_edit.set_field(s, "indicator", ind, "note", "kantor")
        plan = merge.plan_merge(s, b)
        assert [c.uuid for c in plan.conflicts] == [ind]


def test_only_mine_changed_is_kept(pair, targets) -> None:
    a, b = pair
    ind = targets["indicators"][0]
    with opened(a, "ani") as s:
        plan_edit.set_field(s, "indicator", ind, "text", "dari A")
        result = merge.merge_files(s, b)
        with s.read():
            assert _indicator(ind).text == "dari A"
        assert not result.changed and result.conflicts == []


def test_conflict_newer_wins_by_default_and_loser_is_logged(pair, targets) -> None:
    a, b, ind = _text_edited_apart(pair, targets, "lama dari A", "baru dari B")
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        assert len(plan.conflicts) == 1
        c = plan.conflicts[0]
        assert (c.entity, c.mine_by, c.theirs_by, c.default) == (
            "indicator",
            "ani",
            "budi",
            merge.THEIRS,
        )
        assert [(d.name, d.mine, d.theirs) for d in c.fields] == [
            ("text", "lama dari A", "baru dari B")
        ]
        result = merge.apply_merge(s, plan)
        assert result.resolved == {c.key: merge.THEIRS}
        with s.read():
            assert _indicator(ind).text == "baru dari B"
            lost = ChangeLog.get((ChangeLog.action == "conflict") & (ChangeLog.row_uuid == ind))
        assert (lost.user, lost.old, lost.new) == ("ani", "lama dari A", "baru dari B")


def test_conflict_choice_mine_keeps_mine_and_logs_theirs(pair, targets) -> None:
    a, b, ind = _text_edited_apart(pair, targets, "A", "B")
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        merge.apply_merge(s, plan, choices={plan.conflicts[0].key: merge.MINE})
        with s.read():
            assert _indicator(ind).text == "A"
            lost = ChangeLog.get((ChangeLog.action == "conflict") & (ChangeLog.row_uuid == ind))
        assert (lost.user, lost.old, lost.new) == ("budi", "B", "A")
        # The conflict was settled: merging the same copy again shows and changes nothing.
        again = merge.plan_merge(s, b)
        assert again.conflicts == [] and not again.has_changes
        with s.read():
            count = ChangeLog.select().count()
        assert not merge.merge_files(s, b).changed
        with s.read():
            assert ChangeLog.select().count() == count


def test_prefer_theirs_overrides_newer(pair, targets) -> None:
    a, b = pair
    ind = targets["indicators"][0]
    _set_indicator(b, "budi", ind, "note", "B lebih dulu")
    with opened(a, "ani") as s:
        plan_edit.set_field(s, "indicator", ind, "note", "A lebih baru")
        result = merge.merge_files(s, b, prefer=merge.THEIRS)
        with s.read():
            assert _indicator(ind).note == "B lebih dulu"
        assert list(result.resolved.values()) == [merge.THEIRS]


def test_deletion_travels_as_tombstone(pair, targets) -> None:
    a, b = pair
    sub = targets["subs"][0]
    with opened(b, "budi") as s:
        gone = plan_edit.delete_node(s, "sub_activity", sub)
    with opened(a, "ani") as s:
        merge.merge_files(s, b)
        for uuid in gone:
            with s.read():
                assert (
                    Indicator.get_or_none(Indicator.uuid == uuid) is None
                    or Indicator.get(Indicator.uuid == uuid).deleted
                )
        tree = load_plan_tree(s, targets["plan"])
        alive = {x.uuid for ar in tree.areas for ac in ar.activities for x in ac.sub_activities}
        assert sub not in alive


def test_delete_versus_edit_is_a_conflict(pair, targets) -> None:
    a, b = pair
    ind = targets["indicators"][1]
    with opened(b, "budi") as s:
        plan_edit.delete_node(s, "indicator", ind)
    with opened(a, "ani") as s:
        plan_edit.set_field(s, "indicator", ind, "text", "diubah A")
        plan = merge.plan_merge(s, b)
        assert [c.uuid for c in plan.conflicts] == [ind]
        assert "deleted" in [d.name for d in plan.conflicts[0].fields]


def test_new_rows_and_evidence_bytes_are_copied(pair, targets) -> None:
    a, b = pair
    sub = targets["subs"][1]
    with opened(b, "budi") as s:
        new_ind = plan_edit.add_node(s, "indicator", sub, "indikator baru B")
        realisation.set_status(s, new_ind, 4, "selesai", "rapat")
        ev = realisation.attach_bytes(s, new_ind, 4, "notulen.pdf", b"%PDF notulen")
    with opened(a, "ani") as s:
        result = merge.merge_files(s, b)
        assert result.blobs_copied == 1
        with s.read():
            assert _indicator(new_ind).text == "indikator baru B"
            assert (
                realisation.evidence_bytes(s, Evidence.get(Evidence.uuid == ev).sha256)
                == b"%PDF notulen"
            )
            cell = Realisation.get(Realisation.indicator == _indicator(new_ind).id)
        assert (cell.month, cell.status, cell.note) == (4, "selesai", "rapat")


def test_same_evidence_bytes_stored_once(pair, targets) -> None:
    a, b = pair
    ind = targets["indicators"][0]
    for path, user in ((a, "ani"), (b, "budi")):
        with opened(path, user) as s:
            realisation.attach_bytes(s, ind, 2, f"foto-{user}.jpg", b"same bytes")
    with opened(a, "ani") as s:
        merge.merge_files(s, b)
        with s.read():
            assert (
                Blob.select()
                .where(Blob.sha256 == hashlib.sha256(b"same bytes").hexdigest())
                .count()
                == 1
            )
        assert len(realisation.list_evidence(s, ind, 2)) == 2


def test_same_cell_created_twice_is_matched_by_indicator_and_month(pair, targets) -> None:
    a, b = pair
    ind = targets["indicators"][0]
    with opened(a, "ani") as s:
        realisation.set_status(s, ind, 5, "sebagian")
    with opened(b, "budi") as s:
        realisation.set_status(s, ind, 5, "selesai")
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        assert [c.entity for c in plan.conflicts] == ["realisation"]
        merge.apply_merge(s, plan)
        with s.read():
            cells = list(
                Realisation.select().where(
                    (Realisation.indicator == _indicator(ind).id) & (Realisation.month == 5)
                )
            )
        assert [c.status for c in cells] == ["selesai"]


def test_other_file_is_never_modified(pair, targets) -> None:
    a, b = pair
    _set_indicator(b, "budi", targets["indicators"][0], "text", "B")
    before = _digest(b)
    with opened(a, "ani") as s:
        plan_edit.set_field(s, "indicator", targets["indicators"][0], "text", "A")
        merge.merge_files(s, b)
    assert _digest(b) == before
    assert not Path(str(b) + "-journal").exists()


def test_unrelated_files_are_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.rbdesk", tmp_path / "b.rbdesk"
    for path in (a, b):
        with Store.create(path) as s:
            plan_edit.add_plan(s, "KPU Kota Kupang", 2024)
    with opened(a) as s, pytest.raises(RbdeskError, match="bukan salinan"):
        merge.plan_merge(s, b)


def test_same_file_and_readonly_are_refused(pair) -> None:
    a, b = pair
    with opened(a) as s, pytest.raises(RbdeskError, match="berkas ini sendiri"):
        merge.plan_merge(s, a)
    with Store.open(a, readonly=True) as s, pytest.raises(ReadOnlyError):
        merge.plan_merge(s, b)


def test_older_copy_is_read_through_a_migrated_temporary_copy(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "baru.rbdesk", tmp_path / "lama.rbdesk"
    shutil.copyfile(FIXTURES / "v1-sample.rbdesk", mine)
    shutil.copyfile(FIXTURES / "v1-sample.rbdesk", theirs)
    before = _digest(theirs)
    with opened(mine) as s:
        plan = merge.plan_merge(s, theirs)
        assert not plan.has_changes
    assert _digest(theirs) == before


def test_repeated_syncs_do_not_invent_conflicts(pair, targets) -> None:
    a, b = pair
    ind = targets["indicators"][0]
    _set_indicator(b, "budi", ind, "text", "B1")
    with opened(a, "ani") as s:
        merge.merge_files(s, b)
        plan_edit.set_field(s, "indicator", ind, "text", "A2 berdasar B1")
    with opened(b, "budi") as s:  # B brings A's file back in: A's edit was based on B1
        plan = merge.plan_merge(s, a)
        assert plan.conflicts == []
        merge.apply_merge(s, plan)
        with s.read():
            assert _indicator(ind).text == "A2 berdasar B1"
        plan_edit.set_field(s, "indicator", ind, "text", "B3")
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        assert plan.conflicts == []
        merge.apply_merge(s, plan)
        with s.read():
            assert _indicator(ind).text == "B3"


def _set_decree(path: Path, user: str, plan_uuid: str, fields: dict[str, str]) -> None:
    with opened(path, user) as s:
        decree_edit.set_decree_fields(s, plan_uuid, fields)


def _decree(path: Path, plan_uuid: str) -> dict[str, Any]:
    with Store.open(path, readonly=True) as s:
        return decree_edit.read_decree(s, plan_uuid)[0]


def test_decree_keys_changed_in_different_copies_are_combined(pair, targets) -> None:
    a, b = pair
    plan_uuid = targets["plan"]
    _set_decree(a, "ani", plan_uuid, {"number": "NOMOR-A"})
    _set_decree(b, "budi", plan_uuid, {"place": "Kota-B"})
    a2, b2 = a.with_name("a2.rbdesk"), b.with_name("b2.rbdesk")
    shutil.copyfile(a, a2)
    shutil.copyfile(b, b2)
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        assert plan.conflicts == [] and plan.to_update == 1
        result = merge.apply_merge(s, plan)
        assert result.updated == 1 and result.conflicts == []
        # The second merge of the same copy is a no-op.
        assert not merge.merge_files(s, b).changed
        with s.read():
            merged_log = ChangeLog.get(
                (ChangeLog.action == "merge") & (ChangeLog.row_uuid == plan_uuid)
            )
    assert (merged_log.field, merged_log.old, merged_log.new) == (
        "decree.place",
        "Kupang",
        "Kota-B",
    )
    assert merged_log.user == "ani + budi"
    decree = _decree(a, plan_uuid)
    assert (decree["number"], decree["place"]) == ("NOMOR-A", "Kota-B")
    # Merged the other way round: the same plan row, stamp included.
    with opened(b2, "budi") as s:
        assert merge.merge_files(s, a2).conflicts == []
    assert _snapshot(b2).rows["plan"] == _snapshot(a).rows["plan"]
    # And the copy that took the combination in gives it back without conflict.
    with opened(b, "budi") as s:
        result = merge.merge_files(s, a)
        assert result.conflicts == [] and result.updated == 1
    assert _decree(b, plan_uuid) == decree


def test_a_decree_key_changed_in_both_copies_is_one_readable_conflict(pair, targets) -> None:
    a, b = pair
    plan_uuid = targets["plan"]
    _set_decree(a, "ani", plan_uuid, {"place": "Kota-A", "number": "NOMOR-A"})
    _set_decree(b, "budi", plan_uuid, {"place": "Kota-B", "signed_mark": "TTD"})
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        assert len(plan.conflicts) == 1
        c = plan.conflicts[0]
        assert [(d.label, d.mine_text(), d.theirs_text()) for d in c.fields] == [
            ("Tempat ditetapkan", "Kota-A", "Kota-B")
        ]
        merge.apply_merge(s, plan, choices={c.key: merge.MINE})
        with s.read():
            lost = ChangeLog.get(
                (ChangeLog.action == "conflict") & (ChangeLog.row_uuid == plan_uuid)
            )
        assert (lost.field, lost.user, lost.old, lost.new) == (
            "decree.place",
            "budi",
            "Kota-B",
            "Kota-A",
        )
        assert not merge.merge_files(s, b).changed
    decree = _decree(a, plan_uuid)
    # The conflict was on the place alone: the keys each copy changed alone are both kept.
    assert (decree["place"], decree["number"], decree["signed_mark"]) == (
        "Kota-A",
        "NOMOR-A",
        "TTD",
    )


def test_plan_title_changed_in_one_copy_and_decree_in_the_other_both_arrive(pair, targets) -> None:
    a, b = pair
    plan_uuid = targets["plan"]
    _set_decree(a, "ani", plan_uuid, {"number": "NOMOR-A"})
    with opened(b, "budi") as s:
        plan_edit.update_plan(s, plan_uuid, title="Judul dari B")
        plan_edit.update_plan(s, plan_uuid, year=2025)
    with opened(a, "ani") as s:
        assert merge.merge_files(s, b).conflicts == []
    plan = _snapshot(a).rows["plan"][plan_uuid]
    assert (plan["title"], plan["year"], plan["decree"]["number"]) == (
        "Judul dari B",
        2025,
        "NOMOR-A",
    )
    with opened(a, "ani") as s:  # and the title both changed is a conflict on the title
        plan_edit.update_plan(s, plan_uuid, title="Judul dari A")
    with opened(b, "budi") as s:
        plan_edit.update_plan(s, plan_uuid, title="Judul lain dari B")
    with opened(a, "ani") as s:
        [c] = merge.plan_merge(s, b).conflicts
    assert [(d.label, d.mine_text(), d.theirs_text()) for d in c.fields] == [
        ("Judul", "Judul dari A", "Judul lain dari B")
    ]


def test_whole_decree_entries_of_older_files_still_tell_which_keys_changed(pair, targets) -> None:
    a, b = pair
    plan_uuid = targets["plan"]
    _set_decree(a, "ani", plan_uuid, {"number": "NOMOR-A"})
    before = _decree(b, plan_uuid)
    with opened(b, "budi") as s:
        decree_edit.set_decree_fields(s, plan_uuid, {"place": "Kota-B"})
        with s.write():  # as an older rbdesk logged it: one entry, repr of the whole decree
            entry = ChangeLog.get(ChangeLog.field == "decree.place")
            entry.field, entry.old = "decree", str(before)
            entry.new = str({**before, "place": "Kota-B"})
            entry.save()
    with opened(a, "ani") as s:
        assert merge.merge_files(s, b).conflicts == []
    decree = _decree(a, plan_uuid)
    assert (decree["number"], decree["place"]) == ("NOMOR-A", "Kota-B")


def test_a_verdict_sent_back_by_the_merge_is_the_same_whichever_copy_merges(pair, targets) -> None:
    a, b = pair
    ind = targets["indicators"][0]
    with opened(a, "induk") as s:
        realisation.set_status(s, ind, 5, "selesai")
    shutil.copyfile(a, b)  # parted after the month was realised
    with opened(a, "ani") as s:
        review.review_month(s, ind, 5, "memenuhi")
    with opened(b, "budi") as s:
        realisation.attach_bytes(s, ind, 5, "foto.jpg", b"foto")
    a2, b2 = a.with_name("a2.rbdesk"), b.with_name("b2.rbdesk")
    shutil.copyfile(a, a2)
    shutil.copyfile(b, b2)
    with opened(a, "ani") as s:
        assert len(merge.merge_files(s, b).resubmitted) == 1
        assert not merge.merge_files(s, b).changed
    with opened(b2, "budi") as s:
        assert len(merge.merge_files(s, a2).resubmitted) == 1
    cells = [
        {
            u: {k: v for k, v in c.items() if k != "version"}
            for u, c in _snapshot(p).rows["realisation"].items()
        }
        for p in (a, b2)
    ]
    assert cells[0] == cells[1]
    # Brought together once more, neither copy sees anything to change or to choose.
    with opened(a, "ani") as s:
        result = merge.merge_files(s, b2)
        assert result.conflicts == [] and result.resubmitted == [] and result.updated == 0


# --- properties -------------------------------------------------------------------------------

Op = tuple[str, int, int, str]
ops = st.lists(
    st.tuples(
        st.sampled_from(
            ["text", "note", "plan", "status", "evidence", "delete", "add", "decree", "review"]
        ),
        st.integers(0, 3),
        st.integers(1, 12),
        st.sampled_from(["x", "y", "z"]),
    ),
    max_size=6,
)


def _apply(path: Path, user: str, script: list[Op], targets: dict[str, Any], skew: int = 0) -> None:
    actions: dict[str, Callable[[Store, str, int, str], Any]] = {
        "text": lambda s, i, m, v: plan_edit.set_field(s, "indicator", i, "text", f"{user}-{v}"),
        "note": lambda s, i, m, v: plan_edit.set_field(s, "indicator", i, "note", v),
        "plan": lambda s, i, m, v: plan_edit.set_planned(s, i, m, v != "x"),
        "status": lambda s, i, m, v: realisation.set_status(
            s, i, m, {"x": "belum", "y": "sebagian", "z": "selesai"}[v]
        ),
        "evidence": lambda s, i, m, v: realisation.attach_bytes(
            s, i, m, f"{v}.txt", f"{user}{v}".encode()
        ),
        "delete": lambda s, i, m, v: plan_edit.delete_node(s, "indicator", i),
        "add": lambda s, i, m, v: plan_edit.add_node(
            s, "indicator", targets["subs"][m % 2], f"baru {user} {v}"
        ),
        # Realised first (when not yet), so that verdicts meet evidence from the other copy.
        "review": lambda s, i, m, v: (
            realisation.set_status(s, i, m, "selesai") if get_review(s, i, m) is None else None,
            review.review_month(
                s, i, m, {"x": "memenuhi", "y": "perlu_revisi", "z": "ditolak"}[v], note="cek"
            ),
        ),
        # One decree key of three, or the plan's title, picked by the month: copies often
        # change different keys of the one plan row.
        "decree": lambda s, i, m, v: (
            decree_edit.set_decree_fields(
                s, targets["plan"], {("number", "place", "title")[m % 3]: f"{user}-{v}"}
            )
            if m % 4
            else plan_edit.update_plan(s, targets["plan"], title=f"{user}-{v}")
        ),
    }
    with opened(path, user, skew) as store:
        for kind, index, month, value in script:
            try:
                inds = targets["indicators"]
                actions[kind](store, inds[index % len(inds)], month, value)
            except NotFoundError:
                pass  # the indicator was deleted earlier in this script
            except InvalidInput:
                pass  # a review of a month not realised (or no longer) in this script


def _key(entity: str, state: dict[str, Any]) -> tuple[str, Any]:
    if entity == "realisation":
        return (entity, (state["indicator"], state["month"]))
    return (entity, state["uuid"])


def _rows(snap: merge.Snapshot) -> dict[tuple[str, Any], dict[str, Any]]:
    out = {}
    for entity, rows in snap.rows.items():
        for state in rows.values():
            out[_key(entity, state)] = state
    return out


def _content(state: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in state.items() if k not in BOOKKEEPING}


def _field(state: dict[str, Any], name: str) -> Any:
    """A column, or a decree / settings key ("decree.number")."""
    column, _, key = name.partition(".")
    return (state[column] or {}).get(key) if key else state[column]


def _settled(
    rows: dict[tuple[str, Any], dict[str, Any]], conflicted: set[str]
) -> dict[tuple[str, Any], dict[str, Any]]:
    """The rows no conflict touched (a conflict names its row's uuid in either file), without
    their version: that is each file's own edit counter (a merge moves it past both sides), not
    content."""
    return {
        key: {k: v for k, v in state.items() if k != "version"}
        for key, state in rows.items()
        if state["uuid"] not in conflicted
    }


PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# PC clocks off by up to two days either way, on either side.
skews = st.integers(-2 * 24 * 60, 2 * 24 * 60)


@PROPERTY
@given(mine_ops=ops, theirs_ops=ops, mine_skew=skews, theirs_skew=skews)
def test_merge_properties(
    base_file, targets, tmp_path_factory, mine_ops, theirs_ops, mine_skew, theirs_skew
) -> None:
    work = tmp_path_factory.mktemp("prop")
    a, b = work / "a.rbdesk", work / "b.rbdesk"
    shutil.copyfile(base_file, a)
    shutil.copyfile(base_file, b)
    _apply(a, "ani", mine_ops, targets, mine_skew)
    _apply(b, "budi", theirs_ops, targets, theirs_skew)
    base, before_a, before_b = _rows(_snapshot(base_file)), _rows(_snapshot(a)), _rows(_snapshot(b))
    digest_b = _digest(b)

    a2, b2 = work / "a2.rbdesk", work / "b2.rbdesk"
    shutil.copyfile(a, a2)
    shutil.copyfile(b, b2)
    with opened(a, "ani") as s:
        first = merge.merge_files(s, b)
        merged = merge.read_snapshot(s)
        # Idempotent: the same copy again changes nothing at all.
        again = merge.merge_files(s, b)
        assert not again.changed and again.conflicts == []
        assert merge.read_snapshot(s) == merged
    assert _digest(b) == digest_b
    after = _rows(merged)
    log = {(e[1], e[2], e[6], e[7]) for e in merged.log}

    # Nothing lost: every row of either side is there; an edit that did not survive is in the log.
    for side in (before_a, before_b):
        for key, state in side.items():
            assert key in after
            final = after[key]
            if base.get(key) == state or _content(final) == _content(state):
                continue
            if key in base:
                # Combined field by field (a plan's decree key by key): each field this side
                # changed is in the result, or its loss is logged.
                # (The sibling order a renumbering moved is no edit of its own: a fixed order
                # of the two states picks it.)
                survived = all(
                    _field(final, d.name) == d.theirs
                    for d in key_diffs(base[key], state)
                    if d.name != "seq"
                )
                if survived:
                    continue
            if (
                key[0] == "realisation"
                and (final["updated_at"], final["updated_by"], final["uuid"], "update") in log
                and final["review_state"] == "diajukan"
                and state["review_state"] not in ("", "diajukan")
            ):
                continue  # a verdict the merge sent back for review: logged as that change
            assert (state["updated_at"], state["updated_by"], final["uuid"], "conflict") in log, (
                key,
                state,
                final,
            )
    # Every change-log entry of the copy travelled (but the lines that say what was merged into
    # the copy itself: those stay that file's own).
    assert {e[1:] for e in _snapshot(b).log if e[7] != "merge" or e[5] != "file"} <= {
        e[1:] for e in merged.log
    }

    # Whichever side merges, the same rows conflict, and every other row comes out the same (so
    # without conflicts the whole result does not depend on who merges).
    with opened(b2, "budi") as s:
        reverse = merge.merge_files(s, a2)
        reversed_rows = _rows(merge.read_snapshot(s))
    assert {(c.entity, c.uuid, c.their_uuid) for c in first.conflicts} == {
        (c.entity, c.their_uuid, c.uuid) for c in reverse.conflicts
    }
    conflicted = {u for c in first.conflicts for u in (c.uuid, c.their_uuid)}
    assert _settled(reversed_rows, conflicted) == _settled(after, conflicted)
    if not first.conflicts:  # and siblings come out in the same order on both sides
        assert _order_of(a) == _order_of(b2)


@PROPERTY
@given(history=ops, theirs_ops=ops, base_skew=skews, theirs_skew=skews)
def test_a_copy_edited_alone_comes_back_whole(
    base_file, targets, tmp_path_factory, history, theirs_ops, base_skew, theirs_skew
) -> None:
    """Only the copy was edited after parting: merging it back gives exactly the copy's content,
    with no conflict, whichever clock is ahead."""
    work = tmp_path_factory.mktemp("alone")
    a, b = work / "a.rbdesk", work / "b.rbdesk"
    shutil.copyfile(base_file, a)
    _apply(a, "ani", history, targets, base_skew)
    shutil.copyfile(a, b)
    _apply(b, "budi", theirs_ops, targets, theirs_skew)
    with opened(a, "ani", base_skew) as s:
        result = merge.merge_files(s, b)
        merged = merge.read_snapshot(s)
    assert result.conflicts == []
    want = {k: _content(v) for k, v in _rows(_snapshot(b)).items()}
    assert {k: _content(v) for k, v in _rows(merged).items()} == want


def _order_of(path: Path) -> list[list[str]]:
    with Store.open(path, readonly=True) as s:
        tree = load_plan_tree(s, list_plans(s)[0].uuid)
    return [
        [i.uuid for i in sub.indicators]
        for ar in tree.areas
        for ac in ar.activities
        for sub in ac.sub_activities
    ]


@pytest.mark.parametrize("adds", [(1, 1), (2, 3)])
def test_new_siblings_merged_both_ways_come_out_in_one_order(pair, targets, adds) -> None:
    a, b = pair
    sub = targets["subs"][0]
    for path, user, n in ((a, "ani", adds[0]), (b, "budi", adds[1])):
        with opened(path, user) as s:
            for k in range(n):
                plan_edit.add_node(s, "indicator", sub, f"baru {user} {k}")
    a2, b2 = a.with_name("a2.rbdesk"), b.with_name("b2.rbdesk")
    shutil.copyfile(a, a2)
    shutil.copyfile(b, b2)
    with opened(a, "ani") as s:
        merge.merge_files(s, b2)
    with opened(b, "budi") as s:
        merge.merge_files(s, a2)
    assert _order_of(a) == _order_of(b)


def test_a_row_the_merge_changed_refuses_an_edit_based_on_the_old_row(pair, targets) -> None:
    """Both copies edited the row once (equal versions); the merge takes theirs. A window
    that still shows this file's old row must have its edit refused, not silently applied."""
    a, b = pair
    ind = targets["indicators"][2]
    _set_indicator(b, "budi", ind, "note", "dari B")
    with opened(a, "ani") as s:
        plan_edit.set_field(s, "indicator", ind, "note", "dari A")
        with s.read():
            shown = _indicator(ind).version  # what a window on A still holds
        merge.merge_files(s, b, prefer=merge.THEIRS)
        with s.read():
            merged = _indicator(ind)
        assert merged.note == "dari B" and merged.version > shown
        with pytest.raises(ConflictError):
            plan_edit.set_field(s, "indicator", ind, "note", "ketikan lama", expected_version=shown)
        with s.read():
            assert _indicator(ind).note == "dari B"
    with opened(a, "ani") as s:  # and merging again changes nothing
        assert not merge.merge_files(s, b).changed


def test_setting_the_same_status_again_leaves_no_unexplained_stamp(pair, targets) -> None:
    """Found by the merge property: the copy recorded 'sebagian' twice. The second, which
    changed nothing, used to move the row's stamp without a change-log entry, so the merge took
    the copy's row for untouched and silently kept this file's 'belum'."""
    a, b = pair
    ind = targets["indicators"][0]
    with opened(a, "ani") as s:
        realisation.set_status(s, ind, 1, "belum")
    with opened(b, "budi") as s:
        assert realisation.set_status(s, ind, 1, "sebagian") == 1
        assert realisation.set_status(s, ind, 1, "sebagian") == 1  # nothing new: no bump
    with opened(a, "ani") as s:
        plan = merge.plan_merge(s, b)
        assert [c.entity for c in plan.conflicts] == ["realisation"]
        merge.apply_merge(s, plan, prefer=merge.THEIRS)
        with s.read():
            cells = list(Realisation.select().where(Realisation.month == 1))
        assert [c.status for c in cells if not c.deleted] == ["sebagian"]


def test_copies_merged_back_and_forth_settle(tmp_path: Path) -> None:
    """The office's USB round trip: each copy takes the other's in turn. Once both hold the
    same edits a merge changes nothing, though each merge numbered the rows it wrote past both
    versions; no "digabung" line is written for a merge that only took log lines."""
    x, y = tmp_path / "x.rbdesk", tmp_path / "y.rbdesk"
    create_file(x, sample=True, user="x").close()
    shutil.copyfile(x, y)
    with Store.open(x, user="ani") as store:
        plan = list_plans(store)[0].uuid
        decree_edit.set_decree_fields(
            store, plan, {"place": "Kota-X"}, decree_edit.read_decree(store, plan)[1]
        )
        ind = load_plan_tree(store, plan).indicators()[0]
        realisation.set_status(store, ind.uuid, 1, "selesai")
        review.review_month(store, ind.uuid, 1, "memenuhi", by="Deky Ballo")
    results = []
    for _round in range(3):
        for mine, theirs in ((y, x), (x, y)):
            with Store.open(mine, user="staf") as store:
                results.append(merge.merge_files(store, theirs))
    assert results[0].updated and not any(r.changed for r in results[2:])
    # The one merge that changed rows (y took x) wrote one line, in y: a copy's own "digabung"
    # lines stay in that copy (taking them would be news to the next merge back).
    for path, lines in ((x, 0), (y, 1)):
        with Store.open(path, readonly=True) as store, store.read():
            assert ChangeLog.select().where(ChangeLog.action == "merge").count() == lines
