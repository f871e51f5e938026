"""A merge that brings unreviewed evidence to a reviewed month sends the month back for review.

The local rule (``edits.review``): a verdict covers what the reviewer saw, so a change to a
reviewed month's status, note or evidence submits it again. Evidence rows are merged on their
own, so a merge can join a verdict from one copy with evidence added in the other (the verdict
then covers files its reviewer never saw). After the merge has written its rows, every month it
touched that ends with a verdict is checked: the verdict still covers the month if some copy had
exactly this realisation (status, note and verdict) *and* exactly this evidence for the month. If
not, the month goes back to ``diajukan`` by the same rule (``review.after_change``) and with the
same log entries as a local edit, under a stamp made from both copies' states of the month: the
same whichever copy merges, so copies merged into each other both ways end up equal.
Status and note travel with the verdict in one row: a copy that changed them while the other
reviewed is already a conflict the user settles.
"""

from __future__ import annotations

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_short
from rbdesk.models.domain.progress import SUBMITTED
from rbdesk.models.edits.review import REVIEW_FIELDS, after_change
from rbdesk.models.interchange.merge_objects import BOOKKEEPING, combined_stamp
from rbdesk.models.interchange.merge_snapshot import Snapshot, State, indicator_title
from rbdesk.models.storage.schema import ChangeLog, Indicator, Realisation

Month = tuple[str, int]  # (indicator uuid, month)


def _by_month(snap: Snapshot) -> dict[Month, State]:
    return {(s["indicator"], s["month"]): s for s in snap.rows["realisation"].values()}


def _content(state: State) -> State:
    return {k: v for k, v in state.items() if k not in BOOKKEEPING}


def _realisations(snap: Snapshot) -> dict[Month, State]:
    return {
        (s["indicator"], s["month"]): _content(s)
        for s in snap.rows["realisation"].values()
        if not s["deleted"]
    }


def _evidence(snap: Snapshot) -> dict[Month, dict[str, State]]:
    out: dict[Month, dict[str, State]] = {}
    for s in snap.rows["evidence"].values():
        if not s["deleted"]:
            out.setdefault((s["indicator"], s["month"]), {})[s["uuid"]] = _content(s)
    return out


Landed = tuple[str, State | None, State]  # (entity, this file's state or None, state written)


def _after(here: Snapshot, landed: list[Landed]) -> Snapshot:
    """This file's realisation and evidence rows as the merge leaves them."""
    rows = {e: dict(here.rows[e]) for e in ("realisation", "evidence")}
    for entity, mine, final in landed:
        if mine is not None:
            rows[entity].pop(mine["uuid"], None)
        rows[entity][final["uuid"]] = final
    return Snapshot(rows, [], set())


def uncovered_verdicts(here: Snapshot, theirs: Snapshot, landed: list[Landed]) -> list[Month]:
    """The months the merge touched whose verdict after it no copy reached with the same
    realisation and evidence: the verdict was given without seeing some of it."""
    touched = {(s["indicator"], s["month"]) for _e, m, f in landed for s in (m, f) if s}
    sides = [(_realisations(s), _evidence(s)) for s in (here, theirs)]
    after = _after(here, landed)
    real_after, ev_after = _realisations(after), _evidence(after)
    out = []
    for key in sorted(touched):
        state = real_after.get(key)
        if state is None or state["review_state"] in ("", SUBMITTED):
            continue
        covered = any(
            reals.get(key) == state and evs.get(key, {}) == ev_after.get(key, {})
            for reals, evs in sides
        )
        if not covered:
            out.append(key)
    return out


def _label(text: str, month: int) -> str:
    return tr("{ind}, {month}").format(ind=text or tr("(indikator)"), month=month_short(month))


def foreseen(here: Snapshot, theirs: Snapshot, landed: list[Landed]) -> list[str]:
    """What :func:`resubmit_uncovered` would send back, read from the snapshots alone (the
    merge's first phase, before anything is written)."""
    rows = {
        entity: {**theirs.rows[entity], **here.rows[entity]}
        for entity in ("indicator", "sub_activity")
    }
    return [
        _label(indicator_title(rows, ind_uuid), month)
        for ind_uuid, month in uncovered_verdicts(here, theirs, landed)
    ]


def resubmit_uncovered(
    host: str, here: Snapshot, theirs: Snapshot, landed: list[Landed]
) -> list[str]:
    """Inside the merge's transaction, after its rows are written: send back every month
    :func:`uncovered_verdicts` finds; a readable line for each for the merge report."""
    lines = []
    mine_cells, their_cells = _by_month(here), _by_month(theirs)
    for ind_uuid, month in uncovered_verdicts(here, theirs, landed):
        ind = Indicator.get(Indicator.uuid == ind_uuid)
        cell = Realisation.get((Realisation.indicator == ind.id) & (Realisation.month == month))
        states = [
            s
            for s in (mine_cells.get((ind_uuid, month)), their_cells.get((ind_uuid, month)))
            if s is not None
        ]
        at, user = combined_stamp(states[0], states[-1])
        values = after_change(cell.status)
        # Past both copies' versions (a window showing either has its edit refused), and the
        # same number whichever copy merges.
        version = max(int(s["version"]) for s in states) + 1
        Realisation.update(version=version, updated_at=at, updated_by=user, **values).where(
            Realisation.id == cell.id
        ).execute()
        for key in REVIEW_FIELDS:
            if getattr(cell, key) != values[key]:
                ChangeLog.create(
                    at=at,
                    user=user,
                    host=host,
                    plan_uuid=None,
                    entity="realisation",
                    row_uuid=cell.uuid,
                    action="update",
                    field=f"{key}[{month}]",
                    old=getattr(cell, key),
                    new=values[key],
                )
        lines.append(_label(ind.text or ind.sub_activity.name or ind.label, month))
    return lines
