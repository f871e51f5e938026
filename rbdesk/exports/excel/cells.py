"""Cell values as the plan-sheet reader understands them: text, month names and marks, labels."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from openpyxl.utils import get_column_letter

from rbdesk.i18n import tr

MONTH_NAMES = (
    ("jan", "januari"),
    ("feb", "februari", "peb"),
    ("mar", "maret"),
    ("apr", "april"),
    ("mei", "may"),
    ("jun", "juni"),
    ("jul", "juli"),
    ("agu", "agt", "agustus", "aug"),
    ("sep", "sept", "september"),
    ("okt", "oktober", "oct"),
    ("nov", "november", "nop"),
    ("des", "desember", "dec"),
)
LABEL = re.compile(r"^((?:\d{1,3}|[a-zA-Z]|[IVXLC]{1,6})[.)]|\d{1,3})[ \t]+(?=\S)")


# Cached: a plan sheet repeats its marks, names and labels row after row.
@lru_cache(maxsize=8192, typed=True)
def _normalised(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip().upper().rstrip(".:") if value is not None else ""


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def normalised(value: Any) -> str:
    try:
        return _normalised(value)
    except TypeError:  # an unhashable value
        return _normalised.__wrapped__(value)


@lru_cache(maxsize=8192)
def _month_of(key: str) -> int | None:
    key = key.lower().rstrip(".")
    for i, names in enumerate(MONTH_NAMES, 1):
        if key in names:
            return i
    return None


def month_of(value: Any) -> int | None:
    return _month_of(normalised(value))


def location(sheet: str, row: int, col: int | None = None) -> str:
    """ "Lampiran II, baris 4, kolom F": every location names its sheet."""
    if col is None:
        return tr("{sheet}, baris {row}").format(sheet=sheet, row=row)
    return tr("{sheet}, baris {row}, kolom {col}").format(
        sheet=sheet, row=row, col=get_column_letter(col)
    )


def split_label(text: str) -> tuple[str, str]:
    match = LABEL.match(text)
    if not match:
        return "", text
    return match.group(1), text[match.end() :]
