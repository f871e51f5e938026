"""When a decree (SK) counts as signed: the one rule behind the lock on the signed plan's months,
the "KONSEP" mark of the printed documents and what the command line reports.

A decree is signed when it carries both its number and its date, as the office means it: a date
typed ahead of the number is still a draft waiting for its number.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def is_signed(decree: Mapping[str, Any] | None) -> bool:
    """The decree has a number and a date (blank text counts as none)."""
    if not decree:
        return False
    return all(str(decree.get(key) or "").strip() for key in ("number", "date"))
