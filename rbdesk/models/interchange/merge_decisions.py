"""Which rows a merge takes from the other copy, and which both copies changed (conflicts).

How "changed since they parted" is decided, by causality alone, never by comparing clocks (office
PCs' clocks are often wrong, by minutes or days):

* Every write transaction stamps the rows it touches with ``(updated_at, updated_by)`` and writes at
  least one change-log entry carrying the same ``(at, user)``. So a file's change log is the set of
  transactions it has seen ("known stamps"); the stamp is only an identity, its time is not read.
* A side *changed* a row since parting when the row's state there comes from a transaction that
  side's own log records and the other side's log does not (the other side never saw it). A state
  whose stamp no log records (rows loaded from a dump) predates both logs: it is the common base.
* Only theirs changed: take theirs. Only mine changed: keep mine. Both changed, or neither can be
  told (two copies loaded apart from dumps, or conflicts settled differently on each side): field
  by field, and a field both changed to different values (other than the sibling order ``seq``)
  is a **conflict**, which the user sees; only its default is the newer stamp. Otherwise (same
  content, or only ``seq``): a fixed order of the two states picks one, the same whichever side
  merges.
* Merging imports theirs' change-log entries (so its transactions become known here), and every
  value that loses is written to the change log under the stamp of the edit that lost. That is
  what makes a second merge of the same copy a no-op, and it keeps losing values readable
  in Riwayat.

Rows are matched by uuid; realisation cells also by (indicator uuid, month), since two copies may
create the same cell with different uuids. A row both copies changed is combined field by field,
a plan's decree and settings key by key (``merge_objects``): a conflict is on the fields both
changed. A row deleted in one copy and worked on in the other is a conflict whose default keeps
the row ("dihapus di sini, dikerjakan di sana").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.change_labels import (
    entity_label,
    field_label,
    shown_pair,
    shown_value,
)
from rbdesk.models.domain.months import month_short
from rbdesk.models.interchange.merge_objects import (
    BOOKKEEPING,
    MINE,
    THEIRS,
    combine,
)
from rbdesk.models.interchange.merge_snapshot import (
    ENTITY,
    Snapshot,
    Stamp,
    State,
    indicator_title,
)
from rbdesk.models.storage.schema import ROW_MODELS, Evidence, Realisation, Row

__all__ = [
    "BOOKKEEPING",
    "MINE",
    "THEIRS",
    "Conflict",
    "Decision",
    "FieldDiff",
    "content_diff",
    "decide",
]


# The field of a conflict between two plans of one unit and year made apart (``merge_plans``).
TWIN_FIELD = "twin_plan"


def _deleted_text(deleted: Any) -> str:
    return tr("dihapus") if deleted else tr("ada")


@dataclass
class FieldDiff:
    name: str
    mine: Any
    theirs: Any
    entity: str = ""  # the table, set by its Conflict: a field's label depends on it

    @property
    def label(self) -> str:
        if self.name == TWIN_FIELD:
            return tr("Rencana aksi")
        return field_label(self.name, self.entity)

    def mine_text(self) -> str:
        """This file's value as the conflict reads; of a multi-line value (a Diktum), only the
        lines the copy lacks."""
        if self.name == "deleted":
            return _deleted_text(self.mine)
        if self.name == TWIN_FIELD:
            return tr(
                "hanya rencana berkas ini «{title}» (rencana salinan disimpan sebagai terhapus)"
            ).format(title=self.mine)
        return shown_pair(self.name, self.mine, self.theirs)[0]

    def theirs_text(self) -> str:
        if self.name == "deleted":
            return _deleted_text(self.theirs)
        if self.name == TWIN_FIELD:
            return tr("keduanya, satu diberi nama «… (rencana kedua)»")
        return shown_pair(self.name, self.mine, self.theirs)[1]

    def mine_full(self) -> str:
        """The whole value, for a tooltip: the conflict text may leave shared lines out."""
        return shown_value(self.name, self.mine)

    def theirs_full(self) -> str:
        return shown_value(self.name, self.theirs)


@dataclass
class Conflict:
    """One row both copies changed since they parted."""

    entity: str
    uuid: str  # the row's uuid in this file
    their_uuid: str
    label: str
    fields: list[FieldDiff]
    mine_by: str
    mine_at: str
    theirs_by: str
    theirs_at: str
    default: str  # MINE or THEIRS: the newer stamp, only a tie-break for the user
    # Deleted in one copy while the other worked in it (a row under it): what that work is.
    work: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for diff in self.fields:
            diff.entity = self.entity

    @property
    def key(self) -> tuple[str, str]:
        return (self.entity, self.uuid)

    @property
    def deleted_here(self) -> bool | None:
        """Of a conflict between a deletion and work ("dihapus di sini, dikerjakan di sana"):
        True when this file deleted the row, False when the copy did; None for any other."""
        for d in self.fields:
            if d.name == "deleted" and bool(d.mine) != bool(d.theirs):
                return bool(d.mine)
        return None

    def reason(self) -> str:
        """What the conflict is about, in a sentence; "" for a plain one (the fields say it)."""
        if any(d.name == TWIN_FIELD for d in self.fields):
            return tr("Rencana aksi {plan} dibuat di kedua salinan").format(plan=self.label)
        here = self.deleted_here
        if here is None:
            return ""
        text = (
            tr("Dihapus di berkas ini, dikerjakan di salinan")
            if here
            else tr("Dihapus di salinan, dikerjakan di berkas ini")
        )
        if self.work:
            shown = "; ".join(self.work[:3])
            more = len(self.work) - 3
            text += tr(": {work}").format(work=shown)
            if more > 0:
                text += tr(" (dan {n} lagi)").format(n=more)
        return text

    def default_note(self) -> str:
        """Why the default side is the default."""
        if self.deleted_here is not None:
            return tr("pekerjaan tetap ada")
        if any(d.name == TWIN_FIELD for d in self.fields):
            return tr("tidak ada yang hilang")
        return tr("lebih baru")

    @property
    def entity_label(self) -> str:
        return entity_label(self.entity)


@dataclass
class Decision:
    entity: str
    theirs: State
    mine: State | None
    winner: str  # MINE or THEIRS
    conflict: Conflict | None = None
    mine_changed: bool = False
    theirs_changed: bool = False
    # A plan row combined key by key: the content to write when the conflict (if any) goes to
    # MINE / THEIRS; None for every other row, where the winner's state is written whole.
    outcomes: dict[str, State] | None = None
    # A row deleted in one copy with work under it from the other: the side (MINE / THEIRS)
    # whose outcome brings it back, as a change of its own (``merge_deletions``).
    restore: str | None = None
    # A plan of the copy whose unit and year this file's plan ``twin`` has (``merge_plans``).
    twin: State | None = None

    def outcome(self, winner: str) -> State:
        """The state the row ends with when ``winner`` wins."""
        if self.outcomes is not None:
            return self.outcomes[winner]
        if winner == THEIRS or self.mine is None:
            return self.theirs
        return self.mine


def _stamp(state: State) -> Stamp:
    return (state["updated_at"], state["updated_by"])


def _order(state: State) -> tuple[Any, ...]:
    """Total order of edits used for "the newer wins": the same whichever side merges."""
    return (state["updated_at"], state["version"], state["updated_by"], state["uuid"])


def content_diff(mine: State, theirs: State) -> list[FieldDiff]:
    return [
        FieldDiff(k, mine[k], theirs[k])
        for k in theirs
        if k not in BOOKKEEPING and mine.get(k) != theirs[k]
    ]


def row_label(entity: str, state: State, rows: dict[str, dict[str, State]]) -> str:
    if entity == "realisation" or entity == "evidence":
        text = indicator_title(rows, state["indicator"])
        extra = f" — {state['filename']}" if entity == "evidence" else ""
        return tr("{ind}, {month}{extra}").format(
            ind=text, month=month_short(state["month"]), extra=extra
        )
    if entity == "membership":
        person = rows["person"].get(state["person"]) or {}
        team = rows["team"].get(state["team"]) or {}
        return f"{person.get('name', '?')} — {team.get('name', '?')}"
    for key in ("name", "text", "title", "filename"):
        if state.get(key):
            return str(state[key])
    return state.get("label") or state["uuid"][:8]


def _realisation_key(state: State) -> tuple[Any, ...]:
    return (state["indicator"], state["month"])


def _evidence_key(state: State) -> tuple[Any, ...]:
    return (
        state["indicator"],
        state["month"],
        state["sha256"],
        state["filename"],
        state["deleted"],
    )


# Rows two copies may each create for the same thing, with different uuids: a month's cell, and
# the same file (bytes and name) attached to the same month, listed once after merging. The
# same bytes under two names stay two rows: someone named them apart.
_SAME_ROW: dict[type[Row], Callable[[State], tuple[Any, ...]]] = {
    Realisation: _realisation_key,
    Evidence: _evidence_key,
}


def _content(state: State) -> State:
    return {k: v for k, v in state.items() if k not in BOOKKEEPING}


def _combined(d: Decision, mine: Snapshot, theirs: Snapshot) -> Decision | None:
    """A plan row both copies changed, combined key by key; None when it ends as mine is."""
    m, t = d.mine, d.theirs
    assert m is not None
    combination = combine(mine, theirs, m, t, d.winner)
    d.outcomes = combination.outcomes
    if combination.conflicts:
        d.conflict = Conflict(
            d.entity,
            m["uuid"],
            t["uuid"],
            row_label(d.entity, m, mine.rows),
            [FieldDiff(k.name, k.mine, k.theirs) for k in combination.conflicts],
            m["updated_by"],
            m["updated_at"],
            t["updated_by"],
            t["updated_at"],
            _default(d.winner, m, t, combination.conflicts),
        )
        return d
    result = _content(d.outcomes[MINE])
    if result == _content(m) == _content(t):
        d.outcomes = None  # same content: the fixed order picks one state, as for any row
        return d if d.winner == THEIRS else None
    if result == _content(m):
        return None  # theirs' differing keys are ones only this file changed: nothing lost
    d.winner = THEIRS  # something of theirs is written (the whole row, or keys of it)
    return d


def _default(newer: str, m: State, t: State, conflicts: list[Any]) -> str:
    """The side a conflict goes to unless the user chooses: the one that keeps the row when
    the other deleted it ("dihapus di sini, dikerjakan di sana" keeps the work), else the newer
    stamp, only a tie-break."""
    if any(k.name == "deleted" for k in conflicts) and m["deleted"] != t["deleted"]:
        return THEIRS if m["deleted"] else MINE
    return newer


def decide(mine: Snapshot, theirs: Snapshot) -> list[Decision]:
    known_mine, known_theirs = mine.known(), theirs.known()
    out: list[Decision] = []
    for model in ROW_MODELS:
        entity = ENTITY[model]
        mine_rows = mine.rows[entity]
        keyed = _SAME_ROW.get(model)
        by_key: dict[tuple[Any, ...], State] = {}
        if keyed is not None:
            taken = set(theirs.rows[entity])  # rows theirs has by uuid are matched by uuid
            by_key = {keyed(s): s for s in mine_rows.values() if s["uuid"] not in taken}
        for uuid, t in theirs.rows[entity].items():
            m = mine_rows.get(uuid)
            if m is None and keyed is not None:
                m = by_key.pop(keyed(t), None)
            if m is None:
                out.append(Decision(entity, t, None, THEIRS, theirs_changed=True))
                continue
            if m == t:
                continue
            diffs = content_diff(m, t)
            if not diffs and _stamp(m) == _stamp(t):
                # The same edit, numbered differently by the merges each copy made (a merge
                # writes past both versions): taking it again would only bump the number, and
                # two copies merged back and forth would never settle.
                continue
            tc = _stamp(t) in known_theirs and _stamp(t) not in known_mine
            mc = _stamp(m) in known_mine and _stamp(m) not in known_theirs
            newer = THEIRS if _order(t) > _order(m) else MINE
            decision = Decision(entity, t, m, newer, mine_changed=mc, theirs_changed=tc)
            if tc == mc:
                # Both changed it (or neither can be told): field by field.
                combined = _combined(decision, mine, theirs)
                if combined is not None:
                    out.append(combined)
                continue
            if tc and not mc:
                decision.winner = THEIRS
            elif mc and not tc:
                decision.winner = MINE
            if decision.winner == MINE and decision.conflict is None and not (tc and diffs):
                continue  # nothing to write and nothing of theirs that could be lost
            out.append(decision)
    return out
