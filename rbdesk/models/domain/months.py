"""The twelve months of a plan year: their names, the planned-months bitmask, and "now"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rbdesk.i18n import N_, tr

MONTHS = tuple(range(1, 13))
MONTHS_SHORT = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("Mei"),
    N_("Jun"),
    N_("Jul"),
    N_("Agu"),
    N_("Sep"),
    N_("Okt"),
    N_("Nov"),
    N_("Des"),
)
MONTHS_LONG = (
    N_("Januari"),
    N_("Februari"),
    N_("Maret"),
    N_("April"),
    N_("Mei"),
    N_("Juni"),
    N_("Juli"),
    N_("Agustus"),
    N_("September"),
    N_("Oktober"),
    N_("November"),
    N_("Desember"),
)


def month_short(month: int) -> str:
    return tr(MONTHS_SHORT[month - 1]) if 1 <= month <= 12 else "?"


def month_long(month: int) -> str:
    return tr(MONTHS_LONG[month - 1]) if 1 <= month <= 12 else "?"


# Bit m-1 set means month m is planned: one integer keeps 20,000-row plans cheap to load.
def is_planned(mask: int, month: int) -> bool:
    return bool(mask & (1 << (month - 1)))


def with_month(mask: int, month: int, planned: bool) -> int:
    bit = 1 << (month - 1)
    return mask | bit if planned else mask & ~bit


def months_from_mask(mask: int) -> list[int]:
    return [m for m in MONTHS if is_planned(mask, m)]


def mask_from_months(months: Iterable[int]) -> int:
    mask = 0
    for m in months:
        mask |= 1 << (int(m) - 1)
    return mask


def current_month(year: int, today: dt.date) -> int:
    """The plan-year month that is "now": 0 before the year starts, 13 after it ends."""
    if today.year < year:
        return 0
    if today.year > year:
        return 13
    return today.month


def not_yet_come(month: int, year: int, today: dt.date) -> bool:
    """Whether the plan's ``month`` of ``year`` lies after today: realising it is allowed (work
    done ahead of plan) but asked first, since it is more often a click on the wrong column."""
    return month > current_month(year, today)
