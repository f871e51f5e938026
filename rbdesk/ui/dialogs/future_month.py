"""The question asked before a month that has not come yet is recorded as realised."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.months import month_long, not_yet_come
from rbdesk.models.domain.progress import is_realised
from rbdesk.ui.dialogs.common import confirm
from rbdesk.ui.document import PlanDocument


def realise_ahead_ok(parent: QWidget | None, doc: PlanDocument, month: int, status: str) -> bool:
    """True when ``status`` may be recorded for ``month``: at once for this month, a past one
    or "belum"; for a month still to come only on the user's yes."""
    if doc.tree is None or doc.readonly or not is_realised(status):
        return True  # a read-only file refuses the write itself: nothing to ask about
    today = clock.today()
    if not not_yet_come(month, doc.tree.year, today):
        return True
    return confirm(
        parent,
        tr("Bulan ini belum tiba"),
        tr(
            "Bulan ini belum tiba: {month} {year}, sedangkan hari ini {today}.\n\n"
            "Catat realisasi \u201c{status}\u201d untuk bulan yang belum tiba? Pilih Batal "
            "jika yang dimaksud bulan lain."
        ).format(
            month=month_long(month),
            year=doc.tree.year,
            today=f"{today.day} {month_long(today.month)} {today.year}",
            status=tr(status),
        ),
        yes=tr("Catat realisasi"),
    )
