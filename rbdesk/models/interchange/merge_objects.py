"""A plan row both copies changed, combined key by key inside its decree and settings.

The decree (and the free-form settings) is one column but many independent fields: one copy
sets the number, another the place of signing. Which copy changed which key is told the same way
``merge_decisions`` tells which copy changed a row, by causality: a key a copy changed since
parting has a change-log entry ("decree.number") on this plan under a stamp the other copy's log
does not hold. Clocks are never compared. A whole-object entry of an older rbdesk counts for the
keys its old and new text differ in (any key, when that text cannot be read back).

A key only one copy changed is taken from it; a key both changed (or neither can be told to have
changed, as after two loads of dumps) and that differs is a conflict on that key alone. The plan's
other columns (unit, year, title, deleted) are told the same way from the entries that name them
(a deletion or restore names ``deleted``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rbdesk.models.domain.change_labels import JSON_FIELDS, changed_keys, json_key
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


COLUMNS = ""   # the key under which _changed_since_parting lists the plain columns


def _changed_since_parting(snap: Snapshot, row_uuid: str,
                           other_known: set[Stamp]) -> dict[str, set[str] | None]:
    """Per object column, the keys this copy's own log says it changed on the row and the other
    copy never saw; None: any key (an older whole-object entry that cannot be read). Under
    ``COLUMNS``, the plain columns it changed."""
    out: dict[str, set[str] | None] = {base: set() for base in (*JSON_FIELDS, COLUMNS)}
    for entry in snap.log:
        action, field, old, new = entry[7], entry[8], entry[9], entry[10]
        if entry[6] != row_uuid or (entry[1], entry[2]) in other_known:
            continue
        if action in ("delete", "restore") or (field and field not in JSON_FIELDS
                                               and json_key(field) is None):
            out[COLUMNS] |= {"deleted" if action in ("delete", "restore")  # type: ignore[operator]
                             else field}
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
            out += [KeyDiff(f"{name}.{k}", ao.get(k), bo.get(k))
                    for k in dict.fromkeys([*ao, *bo])
                    if ao.get(k, _ABSENT) != bo.get(k, _ABSENT)]
        else:
            out.append(KeyDiff(name, a.get(name), b[name]))
    return out


def combine(mine: Snapshot, theirs: Snapshot, m: State, t: State, newer: str) -> Combination:
    """Combine a plan row both copies changed (or neither can be told to have changed)."""
    mine_keys = _changed_since_parting(mine, m["uuid"], theirs.known())
    theirs_keys = _changed_since_parting(theirs, t["uuid"], mine.known())
    cols_mine, cols_theirs = mine_keys[COLUMNS] or set(), theirs_keys[COLUMNS] or set()
    conflicts: list[KeyDiff] = []
    # Columns: from the one copy that changed them; both (or neither): a conflict. Every
    # column either copy changed alone is set in both outcomes.
    fixed = m if newer == MINE else t
    outcomes = {MINE: dict(m), THEIRS: dict(t)}
    columns = [n for n in t if n not in BOOKKEEPING and n not in JSON_FIELDS]
    for n in columns:
        if m.get(n) == t[n]:
            continue
        if n in cols_mine and n not in cols_theirs:
            value = m[n]
        elif n in cols_theirs and n not in cols_mine:
            value = t[n]
        elif n == "seq":
            value = fixed[n]
        else:
            conflicts.append(KeyDiff(n, m[n], t[n]))
            continue
        for side in outcomes:
            outcomes[side][n] = value
    for base in JSON_FIELDS:
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
            elif in_t and not in_m:
                sources = {MINE: tv, THEIRS: tv}
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
    return Combination(outcomes, conflicts)


def combined_stamp(m: State, t: State) -> Stamp:
    """The stamp of a row a merge combined from both copies: the same whichever copy merges (so
    the two results compare equal and a later merge sees no change), and no stamp either copy
    already knows. The later time is only an identity, never compared to decide anything."""
    # Every name kept, even twice ("ani + ani"): one person editing both copies must still give
    # a stamp unlike either copy's own.
    names = [n for s in (m, t) for n in str(s["updated_by"]).split(" + ")]
    return (max(m["updated_at"], t["updated_at"]), " + ".join(sorted(names)))
