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
from openpyxl import load_workbook  # defusedxml is imported first (see safety.py)
from openpyxl.workbook.workbook import Workbook

from rbdesk.exports.excel.cells import cell_text, location
from rbdesk.exports.excel.header import find_plan_sheet
from rbdesk.exports.excel.layout import META_COLUMNS, META_FORMAT, META_KEYS, META_SHEET
from rbdesk.exports.excel.rows import PlanRows
from rbdesk.exports.excel.safety import check_workbook_file
from rbdesk.exports.progress import Cancelled, Progress, ProgressFn
from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.errors import InvalidInput

log = logging.getLogger("rbdesk")


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


def _meta(wb: Workbook) -> dict[str, Any] | None:
    if META_SHEET not in wb.sheetnames:
        return None
    rows = list(wb[META_SHEET].iter_rows(values_only=True))
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
        meta = _meta(wb)
        with zipfile.ZipFile(path) as archive:
            covered = _merges(archive, ws._worksheet_path)
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
