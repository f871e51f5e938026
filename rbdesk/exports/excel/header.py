"""Finding the plan table in a workbook: its sheet, its header row, and which column is which."""

from __future__ import annotations

from typing import Any, TypeAlias

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from rbdesk.exports.excel.cells import location, month_of, normalised
from rbdesk.exports.excel.layout import META_SHEET, PLAN_SHEET
from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

HEADER_SCAN = 60
REQUIRED = ("AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN")

Sheet: TypeAlias = ReadOnlyWorksheet | Worksheet  # read-only as the importer opens workbooks


class HeaderColumns:
    """Which column holds what, read from a header row and (for the months) the rows under it."""

    def __init__(self, row_no: int, cells: list[Any], below: list[list[Any]],
                 sheet: str = "") -> None:
        self.sheet = sheet
        self.header_row = row_no
        self.no: int | None = None
        self.area: int | None = None
        self.act: int | None = None
        self.sub: int | None = None
        self.ind: int | None = None
        self.note: int | None = None
        for c, value in enumerate(cells, 1):
            key = normalised(value)
            if key in ("NO", "NOMOR") and self.no is None:
                self.no = c
            elif key == "AREA PERUBAHAN":
                self.area = c
            elif key == "KEGIATAN":
                self.act = c
            elif key == "SUB KEGIATAN":
                self.sub = c
            elif key.startswith("INDIKATOR"):
                self.ind = c
            elif key.startswith("KETERANGAN"):
                self.note = c
        self.months: dict[int, int] = {}
        self.header_rows = 1
        for depth, row in enumerate([cells, *below], 1):
            found = {c: m for c, v in enumerate(row, 1) if (m := month_of(v))}
            if len(set(found.values())) == 12:
                self.months = {m: c for c, m in found.items()}
                self.header_rows = max(self.header_rows, depth)
                break

    @property
    def ok(self) -> bool:
        return None not in (self.area, self.act, self.sub, self.ind)

    @property
    def missing(self) -> list[str]:
        """The required column labels this header row lacks."""
        found = (self.area, self.act, self.sub, self.ind)
        return [label for label, col in zip(REQUIRED, found, strict=True) if col is None]

    @property
    def score(self) -> tuple[int, int, int]:
        """How much of a plan header this row is: required labels, months, the other labels."""
        return (len(REQUIRED) - len(self.missing), len(self.months),
                (self.no is not None) + (self.note is not None))

    @property
    def known(self) -> set[int]:
        cols = {self.no, self.area, self.act, self.sub, self.ind, self.note, *self.months.values()}
        return {c for c in cols if c}


def scan_header(ws: Sheet) -> tuple[HeaderColumns | None, list[tuple[int, list[Any]]]]:
    """The header row of a sheet (or the row most like one) and the rows above it."""
    above: list[tuple[int, list[Any]]] = []
    best: HeaderColumns | None = None
    best_above: list[tuple[int, list[Any]]] = []
    rows = list(ws.iter_rows(min_row=1, max_row=HEADER_SCAN + 3, values_only=True))
    for i, cells in enumerate(rows[:HEADER_SCAN]):
        cols = HeaderColumns(i + 1, list(cells), [list(r) for r in rows[i + 1:i + 3]], ws.title)
        if cols.ok:
            return cols, above
        if cols.score[0] and (best is None or cols.score > best.score):
            best, best_above = cols, list(above)
        above.append((i + 1, list(cells)))
    return best, best_above


def find_plan_sheet(wb: Workbook) -> tuple[Sheet, HeaderColumns, list[tuple[int, list[Any]]]]:
    """The plan sheet, its columns, and the rows above the header (for the title).

    The sheet named "Lampiran II" is the plan sheet whenever there is one; otherwise the sheet
    whose header row has the most of the plan's column labels. A damaged header is reported for
    that sheet (naming the missing labels), never read from some other sheet instead.
    """
    sheets = [ws for ws in wb.worksheets if ws.title != META_SHEET]
    named = [ws for ws in sheets if ws.title.strip().casefold() == PLAN_SHEET.casefold()]
    found: list[tuple[Sheet, HeaderColumns, list[tuple[int, list[Any]]]]] = []
    for ws in named[:1] or sheets:
        cols, above = scan_header(ws)
        if cols is not None:
            found.append((ws, cols, above))
    complete = [f for f in found if f[1].ok]
    if complete:
        ws, cols, above = max(complete, key=lambda f: f[1].score)  # first of equals
    else:
        if not found:
            where = (tr("lembar '{sheet}'").format(sheet=named[0].title) if named
                     else tr("lembar mana pun"))
            raise InvalidInput(tr("Tidak ditemukan tabel Rencana Aksi: tidak ada baris judul "
                                  "kolom (AREA PERUBAHAN, KEGIATAN, SUB KEGIATAN, INDIKATOR "
                                  "KEBERHASILAN) di {n} baris pertama {where}.")
                               .format(n=HEADER_SCAN, where=where))
        ws, cols, _above = max(found, key=lambda f: f[1].score)
        raise InvalidInput(tr("{where}: judul kolom tabel Rencana Aksi tidak lengkap; tidak "
                              "ditemukan: {labels}. Perbaiki judul kolom lalu impor lagi.")
                           .format(where=location(ws.title, cols.header_row),
                                   labels=", ".join(cols.missing)))
    if not cols.months:
        raise InvalidInput(tr("{where}: kolom bulan Jan…Des tidak ditemukan di bawah judul "
                              "kolom.").format(where=location(ws.title, cols.header_row)))
    return ws, cols, above
