"""Read a plan sheet (Lampiran II) from a workbook: rbdesk's own, or one made by hand.

The header row is found by its labels anywhere in the first rows of a sheet; merged cells and
blank cells under a hierarchy cell continue the group above; blank spacer rows, repeated header
rows and the column-number row are skipped; the table ends at the signature block. A workbook that
cannot be understood raises InvalidInput naming the row and column; nothing is returned half-read.
"""

from __future__ import annotations

import json
import logging
import re
import zipfile
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeET
from openpyxl import load_workbook  # defusedxml is imported first (see excel_safety)
from openpyxl.utils import get_column_letter

from rbdesk.exports.excel.layout import META_COLUMNS, META_FORMAT, META_KEYS, META_SHEET, PLAN_SHEET
from rbdesk.exports.excel.safety import check_workbook_file
from rbdesk.exports.progress import Cancelled, Progress, ProgressFn
from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.errors import InvalidInput

log = logging.getLogger("rbdesk")

HEADER_SCAN = 60
MAX_ROWS = 250_000
MARKS = {"√", "✓", "✔", "v", "x", "1", "true"}
BLANK_MARKS = {"", "-", "–", "0", "false"}
MONTH_NAMES = (("jan", "januari"), ("feb", "februari", "peb"), ("mar", "maret"), ("apr", "april"),
               ("mei", "may"), ("jun", "juni"), ("jul", "juli"), ("agu", "agt", "agustus", "aug"),
               ("sep", "sept", "september"), ("okt", "oktober", "oct"), ("nov", "november", "nop"),
               ("des", "desember", "dec"))
REQUIRED = ("AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN")
CLOSING = ("ditetapkan", "salinan sesuai", "mengetahui", "pada tanggal", "disahkan")
LABEL = re.compile(r"^((?:\d{1,3}|[a-zA-Z]|[IVXLC]{1,6})[.)]|\d{1,3})[ \t]+(?=\S)")


def _norm(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip().upper().rstrip(".:") if value is not None \
        else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _month_of(value: Any) -> int | None:
    key = _norm(value).lower().rstrip(".")
    for i, names in enumerate(MONTH_NAMES, 1):
        if key in names:
            return i
    return None


def _where(sheet: str, row: int, col: int | None = None) -> str:
    """"Lampiran II, baris 4, kolom F": every location names its sheet."""
    if col is None:
        return tr("{sheet}, baris {row}").format(sheet=sheet, row=row)
    return tr("{sheet}, baris {row}, kolom {col}").format(sheet=sheet, row=row,
                                                          col=get_column_letter(col))


class _Columns:
    def __init__(self, row_no: int, cells: list[Any], below: list[list[Any]],
                 sheet: str = "") -> None:
        self.sheet = sheet
        self.header_row = row_no
        self.no = self.area = self.act = self.sub = self.ind = self.note = None
        for c, value in enumerate(cells, 1):
            key = _norm(value)
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
            found = {c: m for c, v in enumerate(row, 1) if (m := _month_of(v))}
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


def _merges(archive: zipfile.ZipFile, sheet_path: str) -> dict[tuple[int, int], int]:
    """Cells covered by a vertical merge (not its top cell) -> the merge's first row."""
    covered: dict[tuple[int, int], int] = {}
    from openpyxl.worksheet.cell_range import CellRange

    with archive.open(sheet_path) as fh:
        for _event, elem in SafeET.iterparse(fh):
            if elem.tag.endswith("}mergeCell"):
                cr = CellRange(elem.get("ref"))
                for r in range(cr.min_row + 1, cr.max_row + 1):
                    for c in range(cr.min_col, cr.max_col + 1):
                        covered[(r, c)] = cr.min_row
            elif elem.tag.endswith("}row"):
                elem.clear()
    return covered


def _scan(ws) -> tuple[_Columns | None, list[tuple[int, list[Any]]]]:
    """The header row of a sheet (or the row most like one) and the rows above it."""
    above: list[tuple[int, list[Any]]] = []
    best: _Columns | None = None
    best_above: list[tuple[int, list[Any]]] = []
    rows = list(ws.iter_rows(min_row=1, max_row=HEADER_SCAN + 3, values_only=True))
    for i, cells in enumerate(rows[:HEADER_SCAN]):
        cols = _Columns(i + 1, list(cells), [list(r) for r in rows[i + 1:i + 3]], ws.title)
        if cols.ok:
            return cols, above
        if cols.score[0] and (best is None or cols.score > best.score):
            best, best_above = cols, list(above)
        above.append((i + 1, list(cells)))
    return best, best_above


def _find_sheet(wb) -> tuple[Any, _Columns, list[tuple[int, list[Any]]]]:
    """The plan sheet, its columns, and the rows above the header (for the title).

    The sheet named "Lampiran II" is the plan sheet whenever there is one; otherwise the sheet
    whose header row has the most of the plan's column labels. A damaged header is reported for
    that sheet (naming the missing labels), never read from some other sheet instead.
    """
    sheets = [ws for ws in wb.worksheets if ws.title != META_SHEET]
    named = [ws for ws in sheets if ws.title.strip().casefold() == PLAN_SHEET.casefold()]
    found = [(ws, *_scan(ws)) for ws in (named[:1] or sheets)]
    complete = [f for f in found if f[1] is not None and f[1].ok]
    if complete:
        ws, cols, above = max(complete, key=lambda f: f[1].score)  # first of equals
    else:
        partial = [f for f in found if f[1] is not None]
        if not partial:
            where = (tr("lembar '{sheet}'").format(sheet=named[0].title) if named
                     else tr("lembar mana pun"))
            raise InvalidInput(tr("Tidak ditemukan tabel Rencana Aksi: tidak ada baris judul "
                                  "kolom (AREA PERUBAHAN, KEGIATAN, SUB KEGIATAN, INDIKATOR "
                                  "KEBERHASILAN) di {n} baris pertama {where}.")
                               .format(n=HEADER_SCAN, where=where))
        ws, cols, _above = max(partial, key=lambda f: f[1].score)
        raise InvalidInput(tr("{where}: judul kolom tabel Rencana Aksi tidak lengkap; tidak "
                              "ditemukan: {labels}. Perbaiki judul kolom lalu impor lagi.")
                           .format(where=_where(ws.title, cols.header_row),
                                   labels=", ".join(cols.missing)))
    if not cols.months:
        raise InvalidInput(tr("{where}: kolom bulan Jan…Des tidak ditemukan di bawah judul "
                              "kolom.").format(where=_where(ws.title, cols.header_row)))
    return ws, cols, above


def _meta(wb) -> dict[str, Any] | None:
    if META_SHEET not in wb.sheetnames:
        return None
    rows = list(wb[META_SHEET].iter_rows(values_only=True))
    info: dict[str, Any] = {}
    table: dict[int, list[str]] = {}
    for row in rows[:len(META_KEYS)]:
        if row and row[0] in META_KEYS:
            info[row[0]] = _text(row[1]) if len(row) > 1 else ""
    if info.get("format") != META_FORMAT:
        return None
    width = len(META_COLUMNS)
    for row in rows:
        cells = [_text(v) for v in row] + [""] * width
        if cells[0].isdigit():
            table[int(cells[0])] = cells[1:width]
    info["rows"] = table
    return info


def _plan_header(above: list[tuple[int, list[Any]]], meta: dict[str, Any] | None) -> dict:
    texts = [_text(v) for _r, row in above for v in row if _text(v)]
    title = next((t for t in texts if "RENCANA AKSI" in t.upper()), max(texts, key=len)
                 if texts else "")
    year_match = re.search(r"\b(20\d\d)\b", " ".join([title, *texts]))
    plan = {"unit": "", "year": int(year_match.group(1)) if year_match else clock.today().year,
            "title": title, "decree": {}, "settings": {}, "areas": [], "teams": []}
    if meta:
        plan["unit"] = meta.get("unit", "")
        plan["title"] = meta.get("title", title)
        if str(meta.get("year", "")).isdigit():
            plan["year"] = int(meta["year"])
        for key in ("decree", "settings"):
            try:
                value = json.loads(meta.get(key) or "{}")
            except ValueError:
                value = {}
            plan[key] = value if isinstance(value, dict) else {}
    return plan


def split_label(text: str) -> tuple[str, str]:
    match = LABEL.match(text)
    if not match:
        return "", text
    return match.group(1), text[match.end():]


def read_plan_workbook(path: Path, progress: ProgressFn = None) -> dict:
    path = Path(path)
    check_workbook_file(path)
    bar = Progress(progress)
    bar.fraction(0.0)
    try:
        # data_only=False: a formula cell keeps its formula, so it can be refused (its cached
        # value may be missing or stale) instead of silently reading as blank.
        wb = load_workbook(path, read_only=True, data_only=False)
    except InvalidInput:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        log.warning("load_workbook(%s) failed: %s: %s", path.name, type(exc).__name__, exc)
        raise InvalidInput(tr("{name} tidak dapat dibaca sebagai buku kerja Excel.")
                           .format(name=path.name)) from None
    try:
        ws, cols, above = _find_sheet(wb)
        meta = _meta(wb)
        with zipfile.ZipFile(path) as archive:
            covered = _merges(archive, ws._worksheet_path)
        from rbdesk.exports.excel.rows import PlanRows

        plan = _plan_header(above, meta)
        rows = PlanRows(cols, covered, bar, ws.max_row or 0)
        plan["areas"] = rows.read(ws, meta)
    except (InvalidInput, Cancelled):
        raise
    except Exception as exc:  # a sheet part openpyxl cannot parse while reading rows
        log.warning("reading %s failed: %s: %s", path.name, type(exc).__name__, exc)
        raise InvalidInput(tr("{name} tidak dapat dibaca sebagai buku kerja Excel.")
                           .format(name=path.name)) from None
    finally:
        wb.close()
    if not plan["areas"]:
        raise InvalidInput(tr("Tabel Rencana Aksi di lembar '{sheet}' kosong.")
                           .format(sheet=ws.title))
    bar.finish()
    return plan
