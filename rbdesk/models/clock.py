"""Wall-clock helpers; ``RBDESK_TODAY`` pins "today" for demos, screenshots and tests."""

from __future__ import annotations

import datetime as dt
import os

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
