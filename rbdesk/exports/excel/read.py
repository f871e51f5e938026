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

from openpyxl import load_workbook  # defusedxml is imported first (see safety.py)
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook.workbook import Workbook

from rbdesk.exports.excel.cells import cell_text, location
from rbdesk.exports.excel.header import find_plan_sheet
from rbdesk.exports.excel.layout import META_COLUMNS, META_FORMAT, META_KEYS, META_SHEET
from rbdesk.exports.excel.rows import PlanRows
from rbdesk.exports.excel.safety import check_workbook_file
from rbdesk.exports.excel.sheet_xml import SheetRows, read_sheet_xml
from rbdesk.exports.progress import Cancelled, Progress, ProgressFn
from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.errors import InvalidInput

log = logging.getLogger("rbdesk")


def _sheet(archive: zipfile.ZipFile, wb: Workbook, ws: Any, min_row: int = 1) -> SheetRows:
    return read_sheet_xml(archive, ws._worksheet_path, wb.shared_strings, wb._date_formats,
                          wb._timedelta_formats, wb.epoch, min_row)


def _covered(merges: list[str]) -> dict[tuple[int, int], int]:
    """Cells covered by a vertical merge (not its top cell) -> the merge's first row."""
    covered: dict[tuple[int, int], int] = {}
    for ref in merges:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if min_row is None or max_row is None or min_col is None or max_col is None:
            continue
        for r in range(min_row + 1, max_row + 1):
            for c in range(min_col, max_col + 1):
                covered[(r, c)] = min_row
    return covered


def _meta(archive: zipfile.ZipFile, wb: Workbook) -> dict[str, Any] | None:
    if META_SHEET not in wb.sheetnames:
        return None
    rows = [values for _r, values, _f in _sheet(archive, wb, wb[META_SHEET]).rows]
    info: dict[str, Any] = {}
    table: dict[int, list[str]] = {}
    for row in rows[:len(META_KEYS)]:
        if row and row[0] in META_KEYS:
            info[row[0]] = cell_text(row[1]) if len(row) > 1 else ""
    if info.get("format") != META_FORMAT:
        return None
    width = len(META_COLUMNS)
    for row in rows:
        cells = [cell_text(v) for v in row] + [""] * width
        if cells[0].isdigit():
            table[int(cells[0])] = cells[1:width]
    info["rows"] = table
    return info


def _plan_header(above: list[tuple[int, list[Any]]], meta: dict[str, Any] | None
                 ) -> dict[str, Any]:
    texts = [cell_text(v) for _r, row in above for v in row if cell_text(v)]
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


def _refuse_formulas(ws: Any, last_row: int) -> None:
    """Formulas are refused everywhere rbdesk reads: their value is not known (data_only=False)
    and a HYPERLINK or DDE formula must not travel into the plan as its title."""
    if last_row < 1:
        return
    for row in ws.iter_rows(min_row=1, max_row=last_row):
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                raise InvalidInput(tr("{where}: rumus tidak didukung; ketik nilainya langsung.")
                                   .format(where=location(ws.title, cell.row, cell.column)))


def read_plan_workbook(path: Path, progress: ProgressFn = None) -> dict[str, Any]:
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
        ws, cols, above = find_plan_sheet(wb)
        _refuse_formulas(ws, cols.header_row)  # the title rows above the table, and its header
        if META_SHEET in wb.sheetnames:
            _refuse_formulas(wb[META_SHEET], wb[META_SHEET].max_row or 0)
        with zipfile.ZipFile(path) as archive:
            meta = _meta(archive, wb)
            start = cols.header_row + cols.header_rows
            sheet = _sheet(archive, wb, ws, start)
        plan = _plan_header(above, meta)
        rows = PlanRows(cols, _covered(sheet.merges), bar, ws.max_row or 0)
        plan["areas"] = rows.read(sheet.rows, meta)
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
