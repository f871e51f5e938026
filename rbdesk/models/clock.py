"""Wall-clock helpers; ``RBDESK_TODAY`` pins "today" for demos, screenshots and tests."""

from __future__ import annotations

import datetime as dt
import os

from rbdesk.i18n import N_

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


MONTHS_SHORT = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("Mei"), N_("Jun"), N_("Jul"),
                N_("Agu"), N_("Sep"), N_("Okt"), N_("Nov"), N_("Des"))
MONTHS_LONG = (N_("Januari"), N_("Februari"), N_("Maret"), N_("April"), N_("Mei"), N_("Juni"),
               N_("Juli"), N_("Agustus"), N_("September"), N_("Oktober"), N_("November"),
               N_("Desember"))


def local_time(stamp: str) -> str:
    """A stored UTC stamp as the PC's local wall-clock time, "YYYY-MM-DD HH:MM:SS"."""
    try:
        moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return stamp[:19].replace("T", " ")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def utc_stamp_of_local_midnight(day: dt.date) -> str:
    """The stored-format UTC stamp at which ``day`` begins on this PC's clock."""
    local = dt.datetime.combine(day, dt.time.min).astimezone()
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
