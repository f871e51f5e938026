"""The plan grid's columns and the drag-and-drop type of its rows."""

from __future__ import annotations

COL_NO = 0
COL_TEXT = 1
COL_JAN = 2
COL_DEC = COL_JAN + 11
COL_NOTE = COL_DEC + 1
COL_TEAM = COL_NOTE + 1
COL_CAPAIAN = COL_TEAM + 1  # as reported
COL_VERIFIED = COL_CAPAIAN + 1  # counting only months whose evidence review accepted them
COLUMN_COUNT = COL_VERIFIED + 1

MIME_TYPE = "application/x-rbdesk-node"


def month_column(month: int) -> int:
    return COL_JAN + month - 1


def column_month(column: int) -> int:
    """1..12 for a month column, 0 otherwise."""
    return column - COL_JAN + 1 if COL_JAN <= column <= COL_DEC else 0
