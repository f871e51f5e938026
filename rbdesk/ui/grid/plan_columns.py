"""The plan grid's columns and the drag-and-drop type of its rows."""

from __future__ import annotations

from rbdesk.i18n import N_

COL_NO = 0
COL_TEXT = 1
COL_JAN = 2
COL_DEC = COL_JAN + 11
COL_NOTE = COL_DEC + 1
COL_TEAM = COL_NOTE + 1
COL_CAPAIAN = COL_TEAM + 1  # as reported
COL_VERIFIED = COL_CAPAIAN + 1  # counting only months whose evidence review accepted them
# What the office wrote beside an indicator: hidden until chosen from the header's menu (the
# twelve months must fit a 1366-pixel screen).
COL_TARGET = COL_VERIFIED + 1
COL_UNIT = COL_TARGET + 1
COL_PJ = COL_UNIT + 1
COLUMN_COUNT = COL_PJ + 1
OPTIONAL_COLUMNS = (COL_TARGET, COL_UNIT, COL_PJ)
# The indicator's field each optional column shows and edits, and the column's title, its name
# in the header's menu and its tooltip (translated where shown).
WRITTEN_FIELD = {COL_TARGET: "target", COL_UNIT: "target_unit", COL_PJ: "responsible"}
WRITTEN_NAMES = {
    COL_TARGET: (N_("Target"), N_("Target"), N_("Target indikator, seperti tertulis")),
    COL_UNIT: (N_("Satuan"), N_("Satuan"), N_("Satuan target")),
    COL_PJ: (N_("PJ"), N_("Penanggung jawab"), N_("Penanggung jawab indikator")),
}

MIME_TYPE = "application/x-rbdesk-node"


def month_column(month: int) -> int:
    return COL_JAN + month - 1


def column_month(column: int) -> int:
    """1..12 for a month column, 0 otherwise."""
    return column - COL_JAN + 1 if COL_JAN <= column <= COL_DEC else 0
