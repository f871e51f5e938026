"""Properties of merges among three and four copies, in random orders, with skewed clocks.

Each field edit is given a value no other edit gives, and the test keeps, per copy, which edits
that copy has seen (its own, and everything of a copy it merged). An edit is *superseded
causally* when a later edit of the same field was made on a copy that had seen it. After the
copies settle (each merges every other until nothing changes):

* they converge: every copy holds the same rows;
* every field whose edits left exactly one not superseded holds that edit's value (whatever
  path the value travelled, whichever clock was ahead): no acknowledged edit is lost;
* a field with concurrent edits holds one of them, and only such fields were ever conflicts.

Examples: ``RBDESK_MERGE_EXAMPLES`` (default 20; before the fixes of issue 18 the first run found
a lost edit). Hypothesis keeps failing examples in its database, so a failure found once is tried
first on the next run.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import decree_edit, plan_edit, realisation
from rbdesk.models.interchange import merge
from rbdesk.models.interchange.merge_decisions import BOOKKEEPING
from rbdesk.models.storage.store import Store
from tests.merge_helpers import sample_base, skewed

EXAMPLES = int(os.environ.get("RBDESK_MERGE_EXAMPLES", "20"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# The fields the games edit: decree keys and the plan's title (one row, combined key by key),
# two indicators' text and note, and the note of one realised month.
FIELDS = ("decree.number", "decree.place", "title", "text0", "note0", "note1", "cell0")


@pytest.fixture(scope="module")
def game_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = sample_base(tmp_path_factory.mktemp("ring"))
    with Store.open(path, readonly=True) as store:
        plan = list_plans(store)[0].uuid
        inds = load_plan_tree(store, plan).indicators()
    return path, {"plan": plan, "inds": [inds[0].uuid, inds[5].uuid]}


def _write(store: Store, name: str, value: str, t: dict[str, Any]) -> None:
    if name.startswith("decree."):
        decree_edit.set_decree_fields(store, t["plan"], {name[7:]: value})
    elif name == "title":
        plan_edit.update_plan(store, t["plan"], title=value)
    elif name == "cell0":
        realisation.set_status(store, t["inds"][0], 3, "sebagian", note=value)
    else:
        column, k = name[:-1], int(name[-1])
        plan_edit.set_field(store, "indicator", t["inds"][k], column, value)


def _read(snap: merge.Snapshot, name: str, t: dict[str, Any]) -> Any:
    if name.startswith("decree."):
        return snap.rows["plan"][t["plan"]]["decree"].get(name[7:])
    if name == "title":
        return snap.rows["plan"][t["plan"]]["title"]
    if name == "cell0":
        cells = [
            c
            for c in snap.rows["realisation"].values()
            if c["indicator"] == t["inds"][0] and c["month"] == 3
        ]
        return cells[0]["note"] if cells else None
    column, k = name[:-1], int(name[-1])
    return snap.rows["indicator"][t["inds"][k]][column]


@dataclass
class Edit:
    name: str
    value: str
    seen: frozenset[str]  # the values of the edits its copy had seen when it was made


@dataclass
class Game:
    copies: list[Path]
    users: list[str]
    skews: list[int]
    seen: list[set[str]] = field(default_factory=list)  # per copy: values of edits it knows
    edits: list[Edit] = field(default_factory=list)

    def open(self, i: int) -> Store:
        store = Store.open(self.copies[i], user=self.users[i])
        store.clock = skewed(self.skews[i])
        return store

    def edit(self, i: int, name: str, t: dict[str, Any]) -> None:
        value = f"{self.users[i]}-{len(self.edits)}"
        with self.open(i) as store:
            _write(store, name, value, t)
        self.edits.append(Edit(name, value, frozenset(self.seen[i])))
        self.seen[i].add(value)

    def merge(self, i: int, j: int) -> merge.MergeResult:
        with self.open(i) as store:
            result = merge.merge_files(store, self.copies[j])
        self.seen[i] |= self.seen[j]
        return result


def _live(snap: merge.Snapshot) -> dict[tuple[str, Any], dict[str, Any]]:
    out = {}
    for entity, rows in snap.rows.items():
        for state in rows.values():
            key = (state["indicator"], state["month"]) if entity == "realisation" else state["uuid"]
            out[(entity, key)] = {
                k: v
                for k, v in state.items()
                if k not in BOOKKEEPING or k in ("updated_at", "updated_by")
            }
    return out


def _snapshot(path: Path) -> merge.Snapshot:
    with Store.open(path, readonly=True) as store:
        return merge.read_snapshot(store)


steps = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 3), st.sampled_from(FIELDS)),
        st.tuples(st.just("merge"), st.integers(0, 3), st.integers(0, 3)),
    ),
    min_size=4,
    max_size=14,
)


@PROPERTY
@given(
    n=st.sampled_from([3, 4]),
    script=steps,
    skews=st.lists(st.integers(-2 * 24 * 60, 2 * 24 * 60), min_size=4, max_size=4),
)
def test_copies_in_any_merge_order_keep_every_edit_not_superseded(
    game_base, tmp_path_factory, n, script, skews
) -> None:
    base, t = game_base
    work = tmp_path_factory.mktemp("game")
    copies = [work / f"{name}.rbdesk" for name in "abcd"[:n]]
    for path in copies:
        shutil.copyfile(base, path)
    game = Game(copies, ["ani", "budi", "citra", "dewi"][:n], skews[:n], [set() for _ in copies])
    conflicted: set[str] = set()
    for kind, i, x in script:
        i %= n
        if kind == "edit":
            game.edit(i, x, t)
        elif x % n != i:
            result = game.merge(i, x % n)
            conflicted |= {d.name for c in result.conflicts for d in c.fields}
    # Settle: rounds of every copy merging every other, until a round changes nothing.
    for _round in range(4):
        changed = False
        for i in range(n):
            for j in range(n):
                if i != j:
                    result = game.merge(i, j)
                    changed |= result.changed_rows
                    conflicted |= {d.name for c in result.conflicts for d in c.fields}
        if not changed:
            break
    assert not changed, "the copies did not settle"
    snaps = [_snapshot(p) for p in copies]
    assert all(_live(s) == _live(snaps[0]) for s in snaps[1:]), "the copies did not converge"
    final = snaps[0]
    for name in FIELDS:
        edits = [e for e in game.edits if e.name == name]
        latest = [e for e in edits if not any(e.value in other.seen for other in edits)]
        value = _read(final, name, t)
        if len(latest) == 1:
            assert value == latest[0].value, (name, value, latest[0].value)
        elif latest:
            assert value in {e.value for e in latest}, (name, value)
            assert _label_of(name) in conflicted, name


def _label_of(name: str) -> str:
    """The conflict's field name for a game field."""
    if name in ("cell0",):
        return "note"
    if name.startswith("decree."):
        return name
    return name.rstrip("0123456789")
