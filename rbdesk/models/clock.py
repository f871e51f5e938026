"""Wall-clock helpers; ``RBDESK_TODAY`` pins "today" for demos, screenshots and tests."""

from __future__ import annotations

import datetime as dt
import os

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


def local_time(stamp: str) -> str:
    """A stored UTC stamp as people read it on this PC: "14 Jun 2024 10:05", local time."""
    try:
        moment = dt.datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return stamp
    local = moment.astimezone()
    return f"{local.day} {month_short(local.month)} {local.year} {local:%H:%M}"


def utc_stamp_of_local_midnight(day: dt.date) -> str:
    """The stored-format UTC stamp at which ``day`` begins on this PC's clock."""
    local = dt.datetime.combine(day, dt.time.min).astimezone()
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
