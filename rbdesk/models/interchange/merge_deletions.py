"""Deleted in one copy, worked on in the other ("dihapus di sini, dikerjakan di sana").

A deletion tombstones a row (and the hierarchy below it, in the copy that deleted); work another
copy did meanwhile under it (a month realised, evidence attached, an indicator added, a member
added to a team) would land under a tombstone: still in the file, never shown. So after the
row-by-row decisions, the rows the merge would leave alive are walked up to their parents; a
parent deleted in one copy and alive in the other, with work under it the deleting copy never
saw, is a conflict the user sees. Its default keeps the work: the parent (and every deleted
parent above it) comes back, as a change of its own ("restore" under a stamp made from both
copies' states, the same whichever copy merges), so a third copy that only saw the deletion
takes the restore. Choosing the deletion keeps it; the work stays in the file, under it.
"""

from __future__ import annotations

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_short
from rbdesk.models.interchange.merge_decisions import (
    MINE,
    THEIRS,
    Conflict,
    Decision,
    FieldDiff,
    row_label,
)
from rbdesk.models.interchange.merge_snapshot import (
    ENTITY,
    MODEL,
    Snapshot,
    Stamp,
    State,
    fk_fields,
    indicator_title,
)

Rows = dict[str, dict[str, State]]


def _final(mine: Snapshot, decisions: list[Decision]) -> Rows:
    """This file's rows as the decisions (conflicts at their defaults) would leave them."""
    rows = {entity: dict(states) for entity, states in mine.rows.items()}
    for d in decisions:
        state = d.outcome(d.conflict.default if d.conflict else d.winner)
        if d.mine is not None and d.mine["uuid"] != state["uuid"]:
            rows[d.entity].pop(d.mine["uuid"], None)
        rows[d.entity][state["uuid"]] = state
    return rows


def _parents(entity: str, state: State) -> list[tuple[str, str]]:
    return [
        (ENTITY[rel], state[name])
        for name, rel in fk_fields(MODEL[entity]).items()
        if state.get(name) is not None and (entity, name) != ("team", "area")
    ]  # a team's area is no parent of it


def _short(text: str, size: int = 48) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _work_label(entity: str, state: State, rows: Rows) -> str:
    """The work, short enough for a line: a month's indicator cut, its month and file kept."""
    if entity in ("realisation", "evidence"):
        extra = f" — {state['filename']}" if entity == "evidence" else ""
        return tr("{ind}, {month}{extra}").format(
            ind=_short(indicator_title(rows, state["indicator"])),
            month=month_short(state["month"]),
            extra=extra,
        )
    return _short(row_label(entity, state, rows))


def _stamp(state: State) -> Stamp:
    return (state["updated_at"], state["updated_by"])


def keep_hidden_work(mine: Snapshot, theirs: Snapshot, decisions: list[Decision]) -> list[Decision]:
    """``decisions`` with a conflict (default: bring it back) for every parent one copy deleted
    while the other worked under it."""
    final = _final(mine, decisions)
    sides = {MINE: mine, THEIRS: theirs}
    known = {MINE: mine.known(), THEIRS: theirs.known()}
    hidden: dict[tuple[str, str], tuple[str, list[str]]] = {}
    # Rows already in a conflict between their deletion and an edit: the work under them is
    # named there too, though the default (keeping the row) leaves nothing hidden.
    contested = {
        (d.entity, d.mine["uuid"])
        for d in decisions
        if d.mine and d.conflict and d.conflict.deleted_here is not None
    }
    for entity, states in final.items():
        for state in states.values():
            if state["deleted"]:
                continue
            todo = _parents(entity, state)
            seen: set[tuple[str, str]] = set()
            while todo:
                parent = todo.pop()
                if parent in seen:
                    continue
                seen.add(parent)
                p_entity, p_uuid = parent
                after = final[p_entity].get(p_uuid)
                if after is None:
                    continue
                todo += _parents(p_entity, after)
                m, t = mine.rows[p_entity].get(p_uuid), theirs.rows[p_entity].get(p_uuid)
                if (
                    m is None
                    or t is None
                    or m["deleted"] == t["deleted"]
                    or not (after["deleted"] or parent in contested)
                ):
                    continue
                deleter = MINE if m["deleted"] else THEIRS
                worker = THEIRS if deleter == MINE else MINE
                own = sides[worker].rows[entity].get(state["uuid"]) or state
                if not any(
                    _stamp(s) in known[worker] and _stamp(s) not in known[deleter]
                    for s in (state, own)
                ):
                    continue
                work = hidden.setdefault(parent, (worker, []))[1]
                label = _work_label(entity, state, {**theirs.rows, **mine.rows})
                if label not in work:
                    work.append(label)
    if not hidden:
        return decisions
    index = {(d.entity, d.mine["uuid"]): i for i, d in enumerate(decisions) if d.mine}
    out = list(decisions)
    for (entity, uuid), (worker, work) in sorted(hidden.items()):
        m, t = mine.rows[entity][uuid], theirs.rows[entity][uuid]
        i = index.get((entity, uuid))
        existing = out[i].conflict if i is not None else None
        if existing is not None:
            # Already a conflict on this row (a deletion against an edit of the row itself,
            # whose default keeps it): it names the work under the row too.
            existing.work += [w for w in work if w not in existing.work]
            continue
        deleted, alive = (m, t) if worker == THEIRS else (t, m)
        conflict = Conflict(
            entity,
            m["uuid"],
            t["uuid"],
            row_label(entity, m, {**theirs.rows, **mine.rows}),
            [FieldDiff("deleted", m["deleted"], t["deleted"])],
            m["updated_by"],
            m["updated_at"],
            t["updated_by"],
            t["updated_at"],
            worker,
            work=work,
        )
        decision = Decision(
            entity,
            t,
            m,
            worker,
            conflict,
            outcomes={worker: dict(alive), (MINE if worker == THEIRS else THEIRS): dict(deleted)},
            restore=worker,
        )
        if i is None:
            out.append(decision)
        else:
            out[i] = decision
    return out
