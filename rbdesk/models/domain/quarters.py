"""The four quarters (triwulan) of a plan year and what a quarter of a row means, rolled up from
its months: the same counts and states as a month, so the quarter view of the grid reads as the
month grid does.

Many offices monitor by quarter (TW I-IV); the months stay the record, the quarters are read
from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.progress import MonthState, RollUp

QUARTERS = (1, 2, 3, 4)
QUARTER_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarter_months(quarter: int) -> range:
    """The three months of ``quarter`` (1..4)."""
    return range(3 * quarter - 2, 3 * quarter + 1)


def quarter_of(month: int) -> int:
    """The quarter 1..4 of a month 1..12; 0 outside the year (before or after it)."""
    return (month - 1) // 3 + 1 if 1 <= month <= 12 else 0


def quarter_short(quarter: int) -> str:
    """ "TW I" … "TW IV", the column heading."""
    return tr("TW {n}").format(n=QUARTER_ROMAN[quarter])


def quarter_long(quarter: int) -> str:
    """ "Triwulan II (April – Juni)"."""
    months = quarter_months(quarter)
    return tr("Triwulan {n} ({a} – {b})").format(
        n=QUARTER_ROMAN[quarter], a=month_long(months[0]), b=month_long(months[-1])
    )


def quarter_rollup(months: Sequence[RollUp]) -> RollUp:
    """A quarter's counts: the sums of its months' roll-ups (planned months, done, partly done,
    late, done without a plan, evidence files, reviews); current when one of them is."""
    sums = {f.name: sum(getattr(r, f.name) for r in months) for f in fields(RollUp)}
    sums["current"] = any(r.current for r in months)
    return RollUp(**sums)


def quarter_rollups(rollups: Sequence[RollUp]) -> list[RollUp]:
    """The four quarter roll-ups from a row's twelve month roll-ups."""
    return [quarter_rollup([rollups[m - 1] for m in quarter_months(q)]) for q in QUARTERS]


def quarter_state(rollups: Sequence[RollUp], quarter: int, now_month: int) -> MonthState:
    """What a quarter of a row means to the reader, from the row's twelve month roll-ups, in the
    month states' words: nothing planned (or done without a plan), all done, something late,
    something partly done or done while the rest is to come, due (a planned month of it is this
    month and not done), or planned ahead."""
    months = [rollups[m - 1] for m in quarter_months(quarter)]
    total = quarter_rollup(months)
    if not total.planned:
        return MonthState.UNPLANNED_DONE if total.extra else MonthState.EMPTY
    if total.done == total.planned:
        return MonthState.DONE
    if total.late:
        return MonthState.LATE
    if total.partial or total.done:
        return MonthState.PARTIAL
    due = any(
        m == now_month and r.planned > r.done
        for m, r in zip(quarter_months(quarter), months, strict=True)
    )
    return MonthState.DUE if due else MonthState.PLANNED
