"""Merging among three or more copies, and deletions against work: examples from issue 18."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import decree_edit, plan_edit
from rbdesk.models.interchange import merge
from rbdesk.models.interchange.load import create_file
from rbdesk.models.storage.schema import Indicator
from rbdesk.models.storage.store import Store


def skewed(minutes: int) -> Callable[[], str]:
    """A PC clock that is ``minutes`` ahead (negative: behind) of the true time."""
    def clock() -> str:
        moment = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return clock


@contextmanager
def opened(path: Path, user: str, skew: int = 0) -> Iterator[Store]:
    store = Store.open(path, user=user)
    store.clock = skewed(skew)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def base_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "induk.rbdesk"
    create_file(path, sample=True, user="induk").close()
    return path


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
        copies, plan_uuid) -> None:
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
    return next(sub.indicators for ar in tree.areas for ac in ar.activities
                for sub in ac.sub_activities if sub.uuid == sub_uuid)


def test_different_fields_of_a_row_changed_in_two_copies_combine(copies, plan_uuid,
                                                                 tree) -> None:
    """Issue 18, item 4: a new indicator inserted above its siblings in one copy (the siblings
    are renumbered) and a sibling's note edited in the other are no conflict; both arrive."""
    a, b = copies["a"], copies["b"]
    sub = next(s for ar in tree.areas for ac in ar.activities for s in ac.sub_activities
               if len(s.indicators) >= 2)
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
        copies, plan_uuid, tree) -> None:
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
    with opened(copies["c"], "citra") as s:   # c: A's deletion; d: B's edit, not yet merged
        plan = merge.plan_merge(s, copies["d"])
        [conflict] = plan.conflicts
        merge.apply_merge(s, plan, choices={conflict.key: merge.MINE})
        with s.read():
            row = Indicator.get(Indicator.uuid == ind)
        assert (row.deleted, row.note) == (True, "dikerjakan B")
