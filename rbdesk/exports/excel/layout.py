"""What rbdesk's plan workbook looks like, for the writer and the reader alike.

The plan sheet (Lampiran II) has 18 columns. A hidden sheet holds the plan's own fields and, per
plan row, where each level starts, the labels, and a fingerprint of the row's printed values; the
reader trusts those rows only while every fingerprint still matches the sheet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

PLAN_SHEET = "Lampiran II"
PLAN_COLUMNS = 18  # NO, AREA, KEGIATAN, SUB KEGIATAN, INDIKATOR, 12 months, KETERANGAN

META_SHEET = "rbdesk"
META_FORMAT = "rbdesk-plan-sheet-1"
META_KEYS = ("format", "unit", "year", "title", "decree", "settings")  # one row each, in order
META_COLUMNS = ("row", "starts", "area", "activity", "sub", "indicator", "fingerprint")


def fingerprint(values: Sequence[Any]) -> str:
    text = "\x1f".join("" if v is None else str(v) for v in values)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
