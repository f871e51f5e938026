"""Tests that cannot run under wine (`make test-windows`), each with the reason.

Keyed by the start of the test's node id. Only what wine itself cannot do belongs here; a test
that fails under wine because rbdesk is wrong on Windows is a bug to fix, not an entry.
"""

from __future__ import annotations

WINE_SKIPS: dict[str, str] = {}


def reason_under_wine(nodeid: str) -> str | None:
    return next((why for start, why in WINE_SKIPS.items() if nodeid.startswith(start)), None)
