"""A believable half year recorded on the built-in sample (``make screenshots`` shows it):
most early work done, some partly, some late, evidence attached, and the Tim Pengarah's reviews.

The picks are arithmetic on the indicator's place, so every run records the same months.
"""

from __future__ import annotations

from rbdesk.models.domain.statuses import ReviewState, Status
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits.realisation import attach_bytes, set_status
from rbdesk.models.edits.review import review_month
from rbdesk.models.storage.store import Store


def record_half_year(store: Store) -> None:
    """A believable half year: most early work done, some partly, some late, evidence attached."""
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    for n, ind in enumerate(tree.indicators()):
        for month in ind.planned_months:
            if month > 6:
                break
            pick = (n * 7 + month * 3) % 10
            if month == 6 and pick < 6:
                continue  # this month: mostly still open
            if pick < 6:
                set_status(store, ind.uuid, month, Status.SELESAI)
                if pick < 4:
                    attach_bytes(
                        store,
                        ind.uuid,
                        month,
                        f"bukti-{n}-{month}.pdf",
                        f"%PDF-1.4 bukti {n} {month}".encode(),
                        mime="application/pdf",
                    )
            elif pick < 8:
                set_status(
                    store,
                    ind.uuid,
                    month,
                    Status.SEBAGIAN,
                    note="Menunggu tanda tangan" if pick == 6 else "",
                )
        if n % 23 == 5:
            set_status(store, ind.uuid, 4, Status.SELESAI, note="Dikerjakan lebih awal")
    _record_reviews(store)


def _record_reviews(store: Store) -> None:
    """The Tim Pengarah has reviewed the early months: most accepted, a few sent back or
    rejected, the latest still awaiting review; the shown cell needs revision."""
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    pengarah = [m.person_name for t in tree.teams if t.kind == "pengarah" for m in t.members]
    by = pengarah[0] if pengarah else "Tim Pengarah"
    for n, ind in enumerate(tree.indicators()):
        for month, cell in sorted(ind.realisation.items()):
            if cell.status == Status.BELUM or month >= 5:
                continue
            pick = (n * 5 + month) % 12
            if pick < 8:
                review_month(store, ind.uuid, month, ReviewState.ACCEPTED, by=by)
            elif pick == 8:
                review_month(
                    store,
                    ind.uuid,
                    month,
                    ReviewState.REVISION,
                    by=by,
                    note="Lampirkan daftar hadir yang ditandatangani",
                )
            elif pick == 9 and cell.status == Status.SELESAI:
                review_month(
                    store,
                    ind.uuid,
                    month,
                    ReviewState.REJECTED,
                    by=by,
                    note="Bukti dukung bukan dari kegiatan bulan ini",
                )
    target = next(i for i in tree.indicators() if i.evidence)
    month = max(target.evidence)
    if target.status(month) != Status.BELUM:
        review_month(
            store,
            target.uuid,
            month,
            ReviewState.REVISION,
            by=by,
            note="Notulen belum ditandatangani ketua tim",
        )
