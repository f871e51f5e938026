"""Wall-clock helpers; ``RBDESK_TODAY`` pins "today" for demos, screenshots and tests."""

from __future__ import annotations

import datetime as dt
import os

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_short

ENV_TODAY = "RBDESK_TODAY"


def today() -> dt.date:
    pinned = os.environ.get(ENV_TODAY, "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return dt.date.today()


def now_iso() -> str:
    """UTC timestamp with microseconds; text so that dumps round-trip byte for byte."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# The one format of a date and time shown to people, in the window and in the command line's
# listings: "14 Jun 2024 10:05" (date pickers show "14 Jun 2024", see DATE_EDIT_FORMAT).
DATE_EDIT_FORMAT = "d MMM yyyy"


def people_time(moment: dt.datetime) -> str:
    """A local date and time as people read it: "14 Jun 2024 10:05"."""
    return f"{moment.day} {month_short(moment.month)} {moment.year} {moment:%H:%M}"


def people_time_near(moment: dt.datetime, now: dt.datetime) -> str:
    """As ``people_time``, with "Hari ini" / "Kemarin" for the last two days of ``now``'s clock:
    "Hari ini 18:59", "Kemarin 09:10", "3 Des 2026 18:59"."""
    days = (now.date() - moment.date()).days
    if days == 0:
        return tr("Hari ini {t}").format(t=f"{moment:%H:%M}")
    if days == 1:
        return tr("Kemarin {t}").format(t=f"{moment:%H:%M}")
    return people_time(moment)


def local_time(stamp: str) -> str:
    """A stored UTC stamp in this PC's local time, as people read it."""
    try:
        moment = dt.datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return stamp
    return people_time(moment.astimezone())


def local_date(stamp: str) -> str:
    """The day of a stored UTC stamp on this PC's clock, as people read it: "29 Nov 2026" (as
    ``local_time`` without the hour, for a printed column that has room for the date only)."""
    try:
        moment = dt.datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return stamp
    day = moment.astimezone()
    return f"{day.day} {month_short(day.month)} {day.year}"


def utc_stamp_of_local_midnight(day: dt.date) -> str:
    """The stored-format UTC stamp at which ``day`` begins on this PC's clock."""
    local = dt.datetime.combine(day, dt.time.min).astimezone()
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
