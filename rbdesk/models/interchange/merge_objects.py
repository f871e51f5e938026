"""A row both copies changed, combined field by field (and, in a plan's decree and settings,
key by key).

A row is many independent fields: one copy sets the decree's number, another the place of
signing; one copy inserts a sibling (renumbering the rows below), another edits a sibling's note.
Which copy changed which field is told the same way ``merge_decisions`` tells which copy changed a
row, by causality: a field a copy changed since parting has a change-log entry naming it
("note", "status[3]", "decree.number") on this row under a stamp the other copy's log does not
hold. Clocks are never compared. A whole-object entry of an older rbdesk counts for the keys its
old and new text differ in (any key, when that text cannot be read back); a row a copy created
counts for every field; a deletion or restore names ``deleted``.

A field only one copy changed is taken from it, whatever path it travelled: a merge's own "merge"
lines are not counted, since the entries of the edits it passed along travel with them. A field
both changed (or neither can be told to have changed, as after two loads of dumps) and that
differs is a conflict on that field alone; the sibling order ``seq`` never is (a fixed order
picks one). A row deleted in one copy and worked on in the other is a conflict on the deletion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rbdesk.models.domain.change_labels import JSON_FIELDS, changed_keys, json_key
from rbdesk.models.edits.review import REVIEW_FIELDS
from rbdesk.models.interchange.merge_snapshot import Snapshot, Stamp, State

MINE, THEIRS = "mine", "theirs"
BOOKKEEPING = frozenset({"uuid", "updated_at", "updated_by", "version"})
_ABSENT = object()


@dataclass
class KeyDiff:
    """One differing field of a row: a column ("title") or a decree / settings key
    ("decree.number"); ``None`` stands for a key that side does not have."""

    name: str
    mine: Any
    theirs: Any


@dataclass
class Combination:
    """``outcomes[side]``: the row's content if the conflicts go to ``side`` (both the same when
    there is no conflict); ``conflicts``: the fields both copies changed to different values."""

    outcomes: dict[str, State]
    conflicts: list[KeyDiff]


COLUMNS = ""  # the key under which _changed_since_parting lists the plain columns
# Entries that record no change of their own: a merge's "merge" lines say what it combined
# from values whose own entries travel with them (counting these would make a copy that only
# passed a value along look like its author: issue 18's ring of three copies).
PASSED_ALONG = frozenset({"merge"})


# Fields that only mean something together: a verdict is its state, reviewer, time and note; a
# penanggung jawab is the name and its link to the roster. A copy that changed one of them
# changed the whole, so they are taken (or conflict) as one.
TOGETHER = (frozenset(REVIEW_FIELDS), frozenset({"responsible", "responsible_uuid"}))


def _widened(cols: set[str] | None) -> set[str] | None:
    if cols is None:
        return None
    for group in TOGETHER:
        if cols & group:
            cols = cols | group
    return cols


def _column(field: str) -> str:
    """The column a logged field names: "status[3]" (one month of a cell) is "status"."""
    return field.partition("[")[0]


def _changed_since_parting(
    snap: Snapshot, row_uuid: str, other_known: set[Stamp]
) -> dict[str, set[str] | None]:
    """Per object column, the keys this copy's own log says it changed on the row and the other
    copy never saw; None: any key (an older whole-object entry that cannot be read). Under
    ``COLUMNS``, the plain columns it changed (None: all, as for a row it created)."""
    out: dict[str, set[str] | None] = {base: set() for base in (*JSON_FIELDS, COLUMNS)}
    for entry in snap.log:
        action, field, old, new = entry[7], entry[8] or "", entry[9], entry[10]
        if entry[6] != row_uuid or (entry[1], entry[2]) in other_known or action in PASSED_ALONG:
            continue
        cols = out[COLUMNS]
        if action == "create":
            out[COLUMNS] = None
            continue
        if action in ("delete", "restore") or (
            field not in JSON_FIELDS and json_key(field) is None
        ):
            if cols is not None:
                cols.add("deleted" if action in ("delete", "restore") else _column(field))
            continue
        split = json_key(field)
        base = split[0] if split else field
        if base not in out or out[base] is None:
            continue
        keys = changed_keys(field, old, new)
        if keys is None:
            out[base] = None
        else:
            out[base] |= keys  # type: ignore[operator]  # None was excluded just above
    return out


def key_diffs(a: State, b: State) -> list[KeyDiff]:
    """Differences of two states of a row, objects broken into their keys."""
    out: list[KeyDiff] = []
    for name in b:
        if name in BOOKKEEPING or a.get(name) == b[name]:
            continue
        if name in JSON_FIELDS:
            ao, bo = a.get(name) or {}, b[name] or {}
            out += [
                KeyDiff(f"{name}.{k}", ao.get(k), bo.get(k))
                for k in dict.fromkeys([*ao, *bo])
                if ao.get(k, _ABSENT) != bo.get(k, _ABSENT)
            ]
        else:
            out.append(KeyDiff(name, a.get(name), b[name]))
    return out


def combine(mine: Snapshot, theirs: Snapshot, m: State, t: State, newer: str) -> Combination:
    """Combine a row both copies changed (or neither can be told to have changed)."""
    mine_keys = _changed_since_parting(mine, m["uuid"], theirs.known())
    theirs_keys = _changed_since_parting(theirs, t["uuid"], mine.known())
    cols_mine, cols_theirs = _widened(mine_keys[COLUMNS]), _widened(theirs_keys[COLUMNS])
    conflicts: list[KeyDiff] = []
    # Columns: from the one copy that changed them; both (or neither): a conflict. Every
    # column either copy changed alone is set in both outcomes.
    fixed = m if newer == MINE else t
    outcomes = {MINE: dict(m), THEIRS: dict(t)}
    alone: dict[str, set[str]] = {MINE: set(), THEIRS: set()}  # fields one copy changed alone
    columns = [n for n in t if n not in BOOKKEEPING and n not in JSON_FIELDS]
    for n in columns:
        if m.get(n) == t[n]:
            continue
        in_m = cols_mine is None or n in cols_mine
        in_t = cols_theirs is None or n in cols_theirs
        if in_m and not in_t:
            value = m[n]
            alone[MINE].add(n)
        elif in_t and not in_m:
            value = t[n]
            alone[THEIRS].add(n)
        elif n == "seq":
            value = fixed[n]
        else:
            conflicts.append(KeyDiff(n, m[n], t[n]))
            continue
        for side in outcomes:
            outcomes[side][n] = value
    for base in JSON_FIELDS:
        if base not in t:
            continue  # a row of another table: plain columns only
        mo, to = dict(m.get(base) or {}), dict(t.get(base) or {})
        by_mine, by_theirs = mine_keys[base], theirs_keys[base]
        both = {MINE: dict(mo), THEIRS: dict(mo)}
        for key in dict.fromkeys([*mo, *to]):
            mv, tv = mo.get(key, _ABSENT), to.get(key, _ABSENT)
            if mv == tv:
                continue
            in_m = by_mine is None or key in by_mine
            in_t = by_theirs is None or key in by_theirs
            if in_m and not in_t:
                sources = {MINE: mv, THEIRS: mv}
                alone[MINE].add(f"{base}.{key}")
            elif in_t and not in_m:
                sources = {MINE: tv, THEIRS: tv}
                alone[THEIRS].add(f"{base}.{key}")
            else:
                conflicts.append(KeyDiff(f"{base}.{key}", mo.get(key), to.get(key)))
                sources = {MINE: mv, THEIRS: tv}
            for side, value in sources.items():
                if value is _ABSENT:
                    both[side].pop(key, None)
                else:
                    both[side][key] = value
        for side in outcomes:
            outcomes[side][base] = both[side]
    # Deleted in one copy, worked on in the other: never hidden silently. A conflict on the
    # deletion, whose outcome for the working copy keeps the row (with that copy's work).
    for deleter, worker in ((MINE, THEIRS), (THEIRS, MINE)):
        if (
            "deleted" in alone[deleter]
            and outcomes[deleter]["deleted"]
            and alone[worker] - {"seq", "deleted"}
        ):
            conflicts.insert(0, KeyDiff("deleted", m["deleted"], t["deleted"]))
            outcomes[MINE]["deleted"], outcomes[THEIRS]["deleted"] = m["deleted"], t["deleted"]
    return Combination(outcomes, conflicts)


def combined_stamp(m: State, t: State) -> Stamp:
    """The stamp of a row a merge combined from both copies: the same whichever copy merges (so
    the two results compare equal and a later merge sees no change), and no stamp either copy
    already knows. The later time is only an identity, never compared to decide anything."""
    # Every name kept, even twice ("ani + ani"): one person editing both copies must still give
    # a stamp unlike either copy's own.
    names = [n for s in (m, t) for n in str(s["updated_by"]).split(" + ")]
    return (max(m["updated_at"], t["updated_at"]), " + ".join(sorted(names)))
