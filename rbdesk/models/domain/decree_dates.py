"""When a decree's date of issue is surprising enough to ask about before it is stored.

A decree is numbered within its year ("NOMOR 1 TAHUN 2024") and issued in that year, so a date
of issue in another year ("2 Januari 2025" on a 2024 SK) is nearly always the year typed
wrong; it is not refused (a correction decree can be dated so), but asked about, as other
surprising values are. The window and the command line ask with the words given here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_long


def decree_year(decree: Mapping[str, Any], plan_year: int) -> int:
    """The decree's own year (as its number prints it), else the plan's."""
    year = str(decree.get("year") or "").strip()
    return int(year) if year.isdigit() else plan_year


def date_outside_year(decree: Mapping[str, Any], plan_year: int) -> str | None:
    """Why the date of issue of ``decree`` (as stored: an ISO date, or empty for a draft) is
    surprising, in words for the user; None when it is not (a draft has no date yet)."""
    text = str(decree.get("date") or "").strip()
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        return None  # no date (a draft); a date that is no date is refused before this
    year = decree_year(decree, plan_year)
    if date.year == year:
        return None
    return tr(
        "Tanggal SK {date} tidak jatuh pada tahun SK itu ({year}); biasanya tahunnya salah ketik."
    ).format(date=f"{date.day} {month_long(date.month)} {date.year}", year=year)
