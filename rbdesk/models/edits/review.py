"""Evidence review: a reviewer's verdict on one realised month (its status, note and evidence).

Who may review is a roster role: a member of the Tim Pengarah of the plan, or a person marked
as reviewer. rbdesk has no passwords, so this is *recorded, not enforced*: the reviewer's name is
stored with the verdict, and the change log keeps who recorded it, when, and why.

What users expect when a realised month changes (:func:`resubmit`): a verdict covers what the
reviewer saw. So once a month has a verdict (memenuhi, perlu revisi or ditolak), changing its
status, its note or its evidence submits it again: the state returns to ``diajukan`` and the
reviewer's name, time and note are cleared (the change log keeps them). A month set back to
``belum`` is no longer realised and has no review state at all; realising it again submits it.
"""

from __future__ import annotations

from collections.abc import Collection

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.progress import (
    REVIEW_NEEDS_NOTE,
    REVIEW_STATES,
    SUBMITTED,
    is_realised,
    review_label,
)
from rbdesk.models.domain.tree import PlanTree
from rbdesk.models.edits.plan_edit import plan_uuid_of
from rbdesk.models.errors import ConflictError, InvalidInput, TextConflict
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import Evidence, Indicator, Person, Realisation
from rbdesk.models.storage.store import Store, Tx

REVIEW_FIELDS = ("review_state", "reviewed_by", "reviewed_at", "review_note")


def _cell(indicator_uuid: str, month: int) -> Realisation | None:
    ind = Indicator.live_by_uuid(
        indicator_uuid, tr("Indikator ini sudah dihapus atau tidak ada lagi.")
    )
    return Realisation.get_or_none(
        (Realisation.indicator == ind.id) & (Realisation.month == month) & Realisation.is_live()
    )


def review_month(
    store: Store,
    indicator_uuid: str,
    month: int,
    state: str,
    note: str = "",
    by: str = "",
    expected_version: int | None = None,
    at: str | None = None,
    shown_review: tuple[str, str] | None = None,
    evidence_seen: Collection[str] | None = None,
) -> int:
    """Record a verdict on a realised month; returns the realisation row's new version.

    ``by`` is the reviewer's name (default: the user of this PC); ``at`` restores an earlier
    review's time (undo), else the time of this transaction. ``diajukan`` clears the verdict.
    A month with no realisation is refused with a message and nothing changes.

    A verdict covers what the reviewer saw: ``expected_version`` (the row as shown),
    ``shown_review`` (its review state and note as shown) and ``evidence_seen`` (the uuids of
    the files listed). A colleague's verdict since then is refused with both notes
    (:class:`TextConflict`); a changed month or evidence with who and when.
    """
    if state not in REVIEW_STATES:
        raise InvalidInput(
            tr("Status tinjauan '{s}' tidak dikenal (pilih: {all}).").format(
                s=state, all=", ".join(s.replace("_", "-") for s in REVIEW_STATES)
            )
        )
    if not 1 <= month <= 12:
        raise InvalidInput(tr("Bulan {m} di luar 1..12.").format(m=month))
    note = note.strip()
    if state in REVIEW_NEEDS_NOTE and not note:
        raise InvalidInput(
            tr(
                "Status \u201c{s}\u201d perlu catatan peninjau: tuliskan apa yang "
                "harus diperbaiki atau alasannya."
            ).format(s=review_label(state))
        )
    with store.write() as tx:
        cell = _cell(indicator_uuid, month)
        if cell is None or not is_realised(cell.status):
            raise InvalidInput(
                tr(
                    "Bulan {m} belum ada realisasinya (status belum); tidak ada "
                    "yang dapat ditinjau. Catat realisasinya dahulu."
                ).format(m=month_long(month))
            )
        if expected_version not in (None, cell.version):
            _refuse_review(cell, note, shown_review)
        if evidence_seen is not None:
            _check_evidence(cell, set(evidence_seen))
        tx.plan_uuid = plan_uuid_of("indicator", cell.indicator)
        if state == SUBMITTED:
            values = {
                "review_state": SUBMITTED,
                "reviewed_by": "",
                "reviewed_at": "",
                "review_note": "",
            }
        else:
            values = {
                "review_state": state,
                "reviewed_by": (by.strip() or store.user),
                "reviewed_at": at or tx.at,
                "review_note": note,
            }
        return _write(tx, cell, values, expected_version)


def _refuse_review(cell: Realisation, note: str, shown: tuple[str, str] | None) -> None:
    """The month changed since it was shown: a colleague's verdict with both notes, any other
    change (status, note) with who and when."""
    theirs = (cell.review_state, cell.review_note)
    if shown is not None and theirs != shown and cell.review_state not in ("", SUBMITTED):
        label = review_label(cell.review_state)
        raise TextConflict(
            tr(
                "Tinjauan {month} sudah dicatat oleh {who} pada {when} selagi Anda menulis "
                "({label}); tinjauan Anda belum disimpan."
            ).format(
                month=month_long(cell.month),
                who=cell.reviewed_by or cell.updated_by,
                when=local_time(cell.updated_at),
                label=label,
            ),
            changed_by=cell.reviewed_by or cell.updated_by,
            changed_at=cell.updated_at,
            theirs=f"{label}: {cell.review_note}" if cell.review_note else label,
            yours=note,
        )
    raise ConflictError(
        tr(
            "Realisasi {month} sudah diubah oleh {who} pada {when} selagi Anda meninjau; "
            "periksa lagi lalu catat tinjauan."
        ).format(
            month=month_long(cell.month), who=cell.updated_by, when=local_time(cell.updated_at)
        ),
        changed_by=cell.updated_by,
        changed_at=cell.updated_at,
    )


def _check_evidence(cell: Realisation, seen: set[str]) -> None:
    """The files of the month must be the ones the reviewer saw listed."""
    live = {
        uuid
        for (uuid,) in as_tuples(
            Evidence.select(Evidence.uuid).where(
                (Evidence.indicator == cell.indicator_id)
                & (Evidence.month == cell.month)
                & Evidence.is_live()
            )
        )
    }
    changed = live ^ seen
    if not changed:
        return
    latest = (
        Evidence.select()
        .where(Evidence.uuid.in_(sorted(changed)))
        .order_by(Evidence.updated_at.desc())
        .first()
    )
    who = latest.updated_by if latest else ""
    when = latest.updated_at if latest else ""
    raise ConflictError(
        tr(
            "Bukti dukung {month} berubah selagi Anda meninjau ({who}, {when}); periksa lagi "
            "lalu catat tinjauan."
        ).format(month=month_long(cell.month), who=who, when=local_time(when) if when else ""),
        changed_by=who,
        changed_at=when,
    )


def _write(tx: Tx, cell: Realisation, values: dict[str, str], expected_version: int | None) -> int:
    changes = {k: v for k, v in values.items() if getattr(cell, k) != v}
    if not changes:
        if expected_version not in (None, cell.version):
            tx.bump(Realisation, cell.uuid, expected_version)  # raises the conflict
        return int(cell.version)
    version = tx.bump(Realisation, cell.uuid, expected_version, **changes)
    for key, value in changes.items():
        tx.log(
            "realisation", cell.uuid, "update", f"{key}[{cell.month}]", getattr(cell, key), value
        )
    return version


def after_change(status: str) -> dict[str, str]:
    """The review fields of a month whose status, note or evidence just changed (module
    docstring): submitted again when realised, no review state when not."""
    return {
        "review_state": SUBMITTED if is_realised(status) else "",
        "reviewed_by": "",
        "reviewed_at": "",
        "review_note": "",
    }


def resubmit_month(tx: Tx, indicator_id: int, month: int) -> None:
    """Inside a write that changed a month's evidence: its verdict no longer covers it."""
    cell = Realisation.get_or_none(
        (Realisation.indicator == indicator_id)
        & (Realisation.month == month)
        & Realisation.is_live()
    )
    if cell is not None and cell.review_state not in ("", SUBMITTED):
        _write(tx, cell, after_change(cell.status), None)


def reviewer_names(store: Store, tree: PlanTree) -> list[str]:
    """Who may review in this plan: the Tim Pengarah's members, then persons marked as
    reviewers, each once, in that order."""
    names = [m.person_name for t in tree.teams if t.kind == "pengarah" for m in t.members]
    with store.read():
        names += [
            n
            for (n,) in as_tuples(
                Person.select(Person.name)
                .where(
                    (Person.reviewer == True)  # noqa: E712
                    & Person.is_live()
                )
                .order_by(Person.name, Person.uuid)
            )
        ]
    return list(dict.fromkeys(names))
