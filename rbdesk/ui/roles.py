"""The item-data roles every rbdesk view reads, defined once so that no two models give one
number two meanings."""

from __future__ import annotations

from enum import IntEnum, unique

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

# What Qt passes to a model method: either kind of index; the invisible root, as a default.
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


@unique
class Role(IntEnum):
    UUID = Qt.ItemDataRole.UserRole + 1  # the row's own uuid (plan node, team, person, file…)
    KIND = UUID + 1  # what the row is: a plan level, or "group" | "team" | "member"…
    INDICATOR_UUID = UUID + 2  # the indicator carried by a grid row ("" for parents)
    CELL = UUID + 3  # LeafCell or RollUp of a grid month column
    MONTH_STATE = UUID + 4  # MonthState of an indicator-month
    STATUS = UUID + 5  # belum / sebagian / selesai of an indicator-month
    EVIDENCE = UUID + 6  # evidence count of an indicator-month
    AREA_UUID = UUID + 7
    VERSION = UUID + 8  # the row version an edit is checked against
    PERSON_UUID = UUID + 9
    TEAM_UUID = UUID + 10
    PERCENT = UUID + 11  # capaian as a number (None when nothing is planned)
    COUNT = UUID + 12  # how many items a group row holds
    CHOICE = UUID + 15  # a merge conflict's chosen side
    PLANNED = UUID + 16  # whether an indicator-month is planned (settable)
    REVIEW = UUID + 17  # evidence review state of an indicator-month ("" if unrealised)
    MONTH = UUID + 18  # the month (1..12) a panel row is about, 0 for none
