"""The plan grid's columns, their month names, and the item roles the grid's views read."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

COL_NO = 0
COL_TEXT = 1
COL_JAN = 2
COL_DEC = COL_JAN + 11
COL_NOTE = COL_DEC + 1
COL_TEAM = COL_NOTE + 1
COL_CAPAIAN = COL_TEAM + 1
COLUMN_COUNT = COL_CAPAIAN + 1

MIME_TYPE = "application/x-rbdesk-node"


def month_column(month: int) -> int:
    return COL_JAN + month - 1


def column_month(column: int) -> int:
    """1..12 for a month column, 0 otherwise."""
    return column - COL_JAN + 1 if COL_JAN <= column <= COL_DEC else 0


class Role(IntEnum):
    UUID = Qt.ItemDataRole.UserRole + 1      # the row's own node uuid
    KIND = UUID + 1                           # "area" | "activity" | "sub_activity" | "indicator"
    INDICATOR_UUID = UUID + 2                 # the indicator carried by the row ("" for parents)
    CELL = UUID + 3                           # LeafCell or RollUp for month columns
    MONTH_STATE = UUID + 4                    # MonthState of a leaf month cell
    STATUS = UUID + 5                         # belum / sebagian / selesai of a leaf month cell
    EVIDENCE = UUID + 6                       # evidence count of a leaf month cell
    AREA_UUID = UUID + 7
    VERSION = UUID + 8

