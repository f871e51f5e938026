"""Tests that cannot run under wine (`make test-windows`), each with the reason.

Keyed by the start of the test's node id. Only what wine itself cannot do belongs here; a test
that fails under wine because rbdesk is wrong on Windows is a bug to fix, not an entry.
"""

from __future__ import annotations

WINE_SKIPS: dict[str, str] = {
    "tests/cli/test_cli_outputs.py::test_export_onto_the_database_is_refused_also_through_a_symb": (
        "wine 8.0's kernel32 CreateSymbolicLinkW is a stub that reports success and makes no "
        "link, so the export writes a new file; on Windows os.stat follows the link to the plan"
    ),
}


def reason_under_wine(nodeid: str) -> str | None:
    return next((why for start, why in WINE_SKIPS.items() if nodeid.startswith(start)), None)
