"""Guessing a sheet's mapping: its header row(s) and each column's role, from the header words.

The words are the ones Indonesian RB plans use: AREA PERUBAHAN, Tema, Sasaran, Program, Kegiatan,
Sub kegiatan, Rencana aksi, Output/Keluaran, Indikator; month names, TW I…IV / Triwulan, Bulan ke-,
years; Keterangan, Target, Satuan, Penanggung jawab; Anggaran, Realisasi, Capaian (kept). Level
columns are put on rbdesk's four levels by their words when those are in order, else by their
order (the last level column is the row that carries the schedule).
"""

from __future__ import annotations

import re
from typing import Any

from rbdesk.exports.excel.cells import cell_text, month_of, normalised
from rbdesk.exports.excel.grid import SheetGrid
from rbdesk.exports.excel.mapping import LEVELS, ColumnRole, Mapping, Role
from rbdesk.exports.excel.periods import ROMAN

HEADER_SCAN = 60
# level words -> the rbdesk level they usually are (0 area … 3 indicator)
LEVEL_WORDS = (
    ("SUB KEGIATAN", 2),
    ("SUBKEGIATAN", 2),
    ("AREA", 0),
    ("TEMA", 0),
    ("SASARAN", 1),
    ("PROGRAM", 1),
    ("KEGIATAN", 1),
    ("RENCANA AKSI", 2),
    ("TAHAPAN", 2),
    ("OUTPUT", 2),
    ("KELUARAN", 2),
    ("INDIKATOR", 3),
    ("URAIAN", 3),
)
KEEP_WORDS = (
    "ANGGARAN",
    "BIAYA",
    "DANA",
    "REALISASI",
    "CAPAIAN",
    "BUKTI",
    "ALASAN",
    "TINDAK LANJUT",
    "KENDALA",
    "HAMBATAN",
    "PERMASALAHAN",
    "SUMBER",
    "NILAI",
    "BOBOT",
    "STATUS",
    "PROGRES",
    "PERSENTASE",
    "%",
)
PJ_WORDS = (
    "PENANGGUNG JAWAB",
    "PENANGGUNGJAWAB",
    "PJ",
    "PIC",
    "KOORDINATOR",
    "PELAKSANA",
    "UNIT KERJA",
    "INSTANSI",
    "PIHAK TERKAIT",
    "OPD",
    "TIM",
)
NUMBER_WORDS = ("NO", "NOMOR", "NO URUT", "NOMOR URUT", "KODE")
_QUARTER = re.compile(r"^(?:TRIWULAN|TW|TRW|Q|KUARTAL)\s*[-.]?\s*(I{1,3}|IV|[1-4])$")
_NTH_MONTH = re.compile(r"^BULAN\s*KE\s*-?\s*(\d{1,2})$")
_YEAR = re.compile(r"^(19|20)\d\d$")
# one cell of a column-number row: "6", "(6)", and "5a" for a column inserted by hand
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,3})\s*[A-Za-z]?\)?\.?$")


def _words(text: str) -> str:
    return re.sub(r"[^A-Z0-9%]+", " ", text.upper()).strip()


def _has(text: str, word: str) -> bool:
    return re.search(rf"(^|\s){re.escape(word)}($|\s)", text) is not None


def _quarter(text: str) -> int | None:
    m = _QUARTER.match(text.replace(".", " ").strip())
    if not m:
        return None
    q = m.group(1)
    return int(q) if q.isdigit() else ROMAN[q.lower()]


def schedule_of(text: str, group: str = "") -> ColumnRole | None:
    """The month, quarter or year a header cell names ("Mar", "TW II", "2025", "Bulan ke-3")."""
    t = normalised(text)
    if not t:
        return None
    if (m := month_of(t)) is not None:
        return ColumnRole(Role.BULAN, m)
    if (m2 := _NTH_MONTH.match(_words(t))) and 1 <= int(m2.group(1)) <= 12:
        return ColumnRole(Role.BULAN, int(m2.group(1)))
    if (q := _quarter(_words(t))) is not None:
        return ColumnRole(Role.TRIWULAN, q)
    grouped = _words(group)
    if (
        t.lower() in ROMAN
        and ROMAN[t.lower()] <= 4
        and (_has(grouped, "TRIWULAN") or _has(grouped, "TW"))
    ):
        return ColumnRole(Role.TRIWULAN, ROMAN[t.lower()])
    if t.isdigit() and 1 <= int(t) <= 4 and (_has(grouped, "TRIWULAN") or _has(grouped, "TW")):
        return ColumnRole(Role.TRIWULAN, int(t))
    if _YEAR.match(t):
        return ColumnRole(Role.TAHUN, int(t))
    return None


def _level_rank(words: str) -> int | None:
    for word, rank in LEVEL_WORDS:
        if _has(words, word):
            return rank
    return None


def role_of_header(chain: list[str]) -> tuple[ColumnRole | None, int | None]:
    """A column's role from its header texts (top to bottom); for a level column, its rank."""
    texts = [t for t in chain if t]
    if not texts:
        return None, None
    words = _words(" ".join(texts))
    group = " ".join(texts[:-1])
    keep = any(_has(words, w) for w in KEEP_WORDS)
    sched = schedule_of(texts[-1], group)
    if sched is not None:
        if keep:  # "ANGGARAN" over TW I…IV: a budget per quarter, not a schedule
            return ColumnRole(Role.SIMPAN), None
        return sched, None
    last = _words(texts[-1])
    if last in NUMBER_WORDS or words in NUMBER_WORDS:
        return ColumnRole(Role.NOMOR), None
    if _has(words, "KETERANGAN") or _has(words, "KET") or _has(words, "CATATAN"):
        return ColumnRole(Role.KETERANGAN), None
    if keep:
        return ColumnRole(Role.SIMPAN), None
    if _has(words, "SATUAN"):
        return ColumnRole(Role.SATUAN), None
    if _has(words, "TARGET"):
        return ColumnRole(Role.TARGET), None
    if any(_has(words, w) for w in PJ_WORDS):
        return ColumnRole(Role.PJ), None
    if _has(words, "TRIWULAN") or _has(words, "TW"):
        return ColumnRole(Role.TRIWULAN), None
    if any(_has(words, w) for w in ("WAKTU", "JADWAL", "BULAN", "PELAKSANAAN", "PERIODE")):
        return ColumnRole(Role.BULAN), None
    rank = _level_rank(words)
    if rank is not None:
        return ColumnRole(Role.INDIKATOR), rank  # a level; which one is settled below
    return ColumnRole(Role.SIMPAN), None


def _header_text(grid: SheetGrid, row: int, col: int) -> str:
    """A header cell's text; a cell inside a merged range reads its top-left cell."""
    value = grid.value(row, col)
    if value is None and (anchor := grid.anchor(row, col)) is not None:
        value = grid.value(*anchor)
    return cell_text(value)


def _row_score(grid: SheetGrid, row: int) -> tuple[int, int]:
    levels = schedule = 0
    for value in grid.row_values(row).values():
        text = cell_text(value)
        if not isinstance(value, str) or len(text) > 60:
            if isinstance(value, int) and _YEAR.match(str(value)):
                schedule += 1
            continue
        role, rank = role_of_header([text])
        if rank is not None:
            levels += 1
        elif role is not None and role.role in (
            Role.BULAN,
            Role.TRIWULAN,
            Role.TAHUN,
            Role.KETERANGAN,
            Role.NOMOR,
            Role.TARGET,
            Role.PJ,
            Role.SATUAN,
        ):
            schedule += 1
    return levels, schedule


def find_header(grid: SheetGrid) -> tuple[int, int] | None:
    """The first header row and how many rows the header takes, or None."""
    best: tuple[int, int, int] | None = None  # score, -row, row
    for row in range(1, min(grid.max_row, HEADER_SCAN) + 1):
        levels, schedule = _row_score(grid, row)
        if levels == 0 or levels + schedule < 2:
            continue
        score = levels * 3 + schedule
        if best is None or score > best[0]:
            best = (score, -row, row)
    if best is None:
        return None
    return best[2], header_depth(grid, best[2])


def column_number(text: str) -> int | None:
    """The number of one cell of a column-number row ("6", "(6)", "5a"), else None."""
    found = _COLUMN_NUMBER.match(text.strip())
    return int(found.group(1)) if found else None


def is_column_numbers(values: dict[int, Any]) -> bool:
    """Whether a row (column -> value) is the row numbering the columns under a header: five
    or more cells, each a number, counting up by one from left to right. A column inserted by
    hand (a TARGET beside the indicator) leaves its mark in that count, so a few steps may
    differ: its number repeated ("5, 6, 6, 7"), lettered ("5, 5a, 6"), or one skipped."""
    numbers = [column_number(cell_text(values[c])) for c in sorted(values)]
    if len(numbers) < 5 or any(n is None for n in numbers):
        return False
    counted = [n for n in numbers if n is not None]
    steps = [b - a for a, b in zip(counted, counted[1:], strict=False)]
    if any(not 0 <= step <= 2 for step in steps):
        return False
    return sum(1 for step in steps if step != 1) <= len(steps) // 4


def header_depth(grid: SheetGrid, row: int) -> int:
    """How many rows the header starting at ``row`` takes: month, quarter or year names and the
    column-number row under it belong to it."""
    depth = 1
    for below in (row + 1, row + 2):
        cells = grid.row_values(below)
        if not cells:
            break
        scheds = sum(
            1
            for c in cells
            if schedule_of(_header_text(grid, below, c), _header_text(grid, row, c))
        )
        if scheds >= 2 or is_column_numbers(cells):
            depth = below - row + 1
        else:
            break
    return depth


def header_chain(grid: SheetGrid, row: int, depth: int, col: int) -> list[str]:
    chain: list[str] = []
    for r in range(row, row + depth):
        text = _header_text(grid, r, col)
        anchor = grid.anchor(r, col)
        if anchor is not None and anchor[0] < r:
            continue  # merged down from the row above: already counted
        if r > row and column_number(text) is not None and not schedule_of(text, " ".join(chain)):
            continue  # the column-number row under the header
        chain.append(text)
    return chain


def has_data(grid: SheetGrid, first: int, col: int) -> bool:
    return any(col in grid.row_values(r) for r in grid.values if r >= first)


def guess_columns(grid: SheetGrid, row: int, depth: int) -> dict[int, ColumnRole]:
    """Every column's role: from its header, level columns put on the four levels."""
    first = row + depth
    width = grid.max_col
    roles: dict[int, ColumnRole] = {}
    ranks: dict[int, int] = {}
    for col in range(1, width + 1):
        chain = header_chain(grid, row, depth, col)
        role, rank = role_of_header(chain)
        if role is None:
            role = ColumnRole(Role.SIMPAN) if has_data(grid, first, col) else None
        if role is None:
            continue
        roles[col] = role
        if rank is not None:
            ranks[col] = rank
    for col, level in place_levels(ranks).items():
        roles[col] = ColumnRole(level)
    return roles


def place_levels(ranks: dict[int, int], sections: bool = False) -> dict[int, Role]:
    """Level columns (column -> the rank their word suggests) on rbdesk's four levels."""
    cols = sorted(ranks)
    if not cols:
        return {}
    words = [ranks[c] for c in cols]
    if len(set(words)) == len(words) and words == sorted(words):
        return {c: LEVELS[ranks[c]] for c in cols}
    # by order: the last column is the indicator; the rest fill the levels from the top,
    # extra ones joining the top level's text (a five-level plan)
    out = {cols[-1]: Role.INDIKATOR}
    rest = cols[:-1]
    top = (
        [Role.KEGIATAN, Role.SUBKEGIATAN]
        if sections
        else [Role.AREA, Role.KEGIATAN, Role.SUBKEGIATAN]
    )
    if len(rest) <= len(top):
        for c, level in zip(rest, top, strict=False):
            out[c] = level
    else:
        extra = len(rest) - len(top)
        for c in rest[: extra + 1]:
            out[c] = top[0]
        for c, level in zip(rest[extra + 1 :], top[1:], strict=True):
            out[c] = level
    return out


def guess_mapping(grid: SheetGrid, given: Mapping | None = None) -> Mapping | None:
    """A full mapping for ``grid``, keeping whatever ``given`` already says."""
    m = Mapping() if given is None else given
    if m.header_row is None:
        found = find_header(grid)
        if found is None:
            return None
        m.header_row, m.header_rows = found
    elif given is not None and given.header_rows == 1 and not given.columns:
        m.header_rows = header_depth(grid, m.header_row)
    guessed = guess_columns(grid, m.header_row, m.header_rows)
    # the columns the user mapped win; the others keep their guessed role. A column mapped
    # as a month or quarter without a number takes the header's.
    for col, role in list(m.columns.items()):
        auto = guessed.get(col)
        if role.number is None and auto is not None and auto.role is role.role:
            m.columns[col] = auto
    m.columns = {**guessed, **m.columns}
    return m


def header_words(grid: SheetGrid, row: int, depth: int) -> str:
    """The header's words, column by column, in one normal form: what makes two workbooks "of
    the same header" for a remembered mapping (the rows under it and the sheet's name aside)."""
    cells = {c for r in range(row, row + depth) for c in grid.row_values(r)}
    return "|".join(
        f"{c}:" + " / ".join(_words(t) for t in header_chain(grid, row, depth, c) if t)
        for c in sorted(cells)
    )
