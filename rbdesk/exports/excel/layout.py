"""What rbdesk's plan workbook looks like, for the writer and the reader alike.

The plan sheet (Lampiran II) has 18 columns, then the plan's written columns (target, satuan,
penanggung jawab, kept columns: ``exports.written_columns``) when it has any. A hidden sheet
holds the plan's own fields and, per plan row, where each level starts, the labels, and a
fingerprint of the row's first 18 printed values; the reader trusts those rows only while every
fingerprint still matches the sheet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

PLAN_SHEET = "Lampiran II"
PLAN_COLUMNS = 18  # NO, AREA, KEGIATAN, SUB KEGIATAN, INDIKATOR, 12 months, KETERANGAN

META_SHEET = "rbdesk"
META_FORMAT = "rbdesk-plan-sheet-1"
# One row each, in order. "level_names" (JSON) and "columns" (the roles of the columns after
# KETERANGAN, in --map form) came with the plan's own level names and written columns; a sheet
# written before them lacks the two rows and reads as before.
META_KEYS = ("format", "unit", "year", "title", "decree", "settings", "level_names", "columns")
META_COLUMNS = ("row", "starts", "area", "activity", "sub", "indicator", "fingerprint")


def fingerprint(values: Sequence[Any]) -> str:
    text = "\x1f".join("" if v is None else str(v) for v in values)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
