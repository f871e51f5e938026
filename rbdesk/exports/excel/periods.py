"""Planned months as offices write them: ticks in a month column, and periods written in words.

"√", "v", "V", "✓", "1", "x", "X" in a month column mean planned, "-" means not; a cell may also
name its months: "Jan – Mar", "Jan s.d. Mar", "Agt", "Nop", "Triwulan II", "TW IV", "Semester I",
"Bulan ke-3", "Jan, Apr dan Jul", "Januari - Desember", "setiap bulan".
"""

from __future__ import annotations

import re
from typing import Any

from rbdesk.exports.excel.cells import MONTH_NAMES, cell_text

MARKS = {"√", "✓", "✔", "☑", "v", "x", "1", "true", "●", "•", "■"}
BLANK_MARKS = {"", "-", "–", "—", "0", "false"}
CHECKS = {"√", "✓", "✔", "☑"}  # marks that belong in a month column only
ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
}
WHOLE_YEAR = (
    "setiap bulan",
    "tiap bulan",
    "sepanjang tahun",
    "setahun",
    "1 tahun",
    "satu tahun",
    "januari-desember",
)
_MONTH = {name: i for i, names in enumerate(MONTH_NAMES, 1) for name in names}
_MONTH.update({"pebruari": 2, "agust": 8, "sept": 9, "nopember": 11, "okt": 10, "ags": 8})
_RANGE = re.compile(r"\s*(?:–|—|-|s\.?\s?d\.?|s/d|sampai dengan|sampai|hingga|to)\s*")
_LIST = re.compile(r"\s*(?:,|;|/|&|\+|\bdan\b|\band\b)\s*")
_NUMBER = r"(\d{1,2}|[ivx]{1,4})"
_QUARTER = re.compile(rf"^(?:triwulan|tw|trw|tri|q|kuartal)\.?\s*(?:ke\s*-?\s*)?-?{_NUMBER}$")
_SEMESTER = re.compile(rf"^(?:semester|smt|sem)\.?\s*(?:ke\s*-?\s*)?-?{_NUMBER}$")
_NTH_MONTH = re.compile(r"^(?:bulan|bln)\.?\s*(?:ke\s*-?\s*)?-?(\d{1,2})$")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def is_mark(value: Any) -> bool | None:
    """True for a planned mark, False for a blank one ("-", "0"), None for anything else."""
    if value is True or (
        isinstance(value, (int, float)) and not isinstance(value, bool) and value == 1
    ):
        return True
    text = cell_text(value).lower()
    if text in MARKS:
        return True
    if text in BLANK_MARKS or value is False:
        return False
    return None


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return ROMAN.get(text)


def _unit(text: str) -> tuple[int, int] | None:
    """The first and last month of one period word: a month, a quarter, a semester."""
    text = text.strip().rstrip(".").strip()
    if not text:
        return None
    if text in _MONTH:
        return _MONTH[text], _MONTH[text]
    if (m := _QUARTER.match(text)) and (n := _number(m.group(1))) and 1 <= n <= 4:
        return 3 * n - 2, 3 * n
    if (m := _SEMESTER.match(text)) and (n := _number(m.group(1))) and 1 <= n <= 2:
        return 6 * n - 5, 6 * n
    if (m := _NTH_MONTH.match(text)) and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1)), int(m.group(1))
    return None


def _span(first: int, last: int) -> list[int]:
    if first <= last:
        return list(range(first, last + 1))
    return sorted({*range(first, 13), *range(1, last + 1)})  # "Nov – Feb" over the year's end


def written_months(value: Any) -> list[int] | None:
    """The months a cell names in words, or None when it names no period."""
    text = cell_text(value).lower()
    if not text or isinstance(value, (int, float)):
        return None
    text = _YEAR.sub(" ", text)
    text = re.sub(r"\bs\s*[./]\s*d\b\.?", " – ", text)  # "s.d.", "s/d": a range, not a list
    text = re.sub(r"\b(ke|tw|trw|triwulan|semester|smt|q)\s*-\s*(?=\w)", r"\1 ", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;")
    if text.replace(" ", "") in WHOLE_YEAR or text in WHOLE_YEAR:
        return list(range(1, 13))
    months: set[int] = set()
    for part in _LIST.split(text):
        if not part:
            continue
        bounds = [b for b in _RANGE.split(part) if b.strip()]
        if len(bounds) == 1:
            unit = _unit(bounds[0])
            if unit is None:
                return None
            months.update(_span(*unit))
        elif len(bounds) == 2:
            a, b = _unit(bounds[0]), _unit(bounds[1])
            if a is None or b is None:
                return None
            months.update(_span(a[0], b[1]))
        else:
            return None
    return sorted(months) or None


def quarter_months(quarter: int, mode: str) -> list[int]:
    """A quarter's planned months: its last month ("akhir") or all three ("semua")."""
    if mode == "semua":
        return [3 * quarter - 2, 3 * quarter - 1, 3 * quarter]
    return [3 * quarter]
