"""Opening a workbook to import: .xlsx/.xlsm through openpyxl's parts and our own sheet reader,
.xls and .ods through python-calamine (values and merges; no fill colours, no formulas).

Every sheet comes back as a bounded :class:`SheetGrid`. The safety checks run first.
"""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # defusedxml is imported first (see safety.py)
from openpyxl.styles.colors import COLOR_INDEX

from rbdesk.exports.excel.grid import SheetGrid
from rbdesk.exports.excel.ods_parts import read_ods_parts
from rbdesk.exports.excel.safety import check_workbook_file
from rbdesk.exports.excel.sheet_xml import read_sheet_xml
from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

log = logging.getLogger("rbdesk")

WHITE = {"FFFFFF"}
CALAMINE_KINDS = (".xls", ".ods")
MAX_CALAMINE_CELLS = 5_000_000


def colour_key(color: Any) -> str | None:
    """A fill colour as a short, stable key: "FFFF00", "tema5+0.40", or None for no colour."""
    if color is None:
        return None
    kind = getattr(color, "type", None)
    if kind == "rgb" and isinstance(color.rgb, str) and len(color.rgb) >= 6:
        rgb = color.rgb[-6:].upper()
        return None if rgb in WHITE or color.rgb == "00000000" else rgb
    if kind == "theme" and isinstance(color.theme, int):
        tint = float(color.tint or 0.0)
        return f"tema{color.theme}" + (f"{tint:+.2f}" if tint else "")
    if kind == "indexed" and isinstance(color.indexed, int) and color.indexed < 64:
        rgb = COLOR_INDEX[color.indexed][-6:].upper()
        return None if rgb in WHITE else rgb
    return None


def _fill_styles(wb: Any) -> dict[int, str]:
    """Cell style index -> the colour of its solid fill, for the styles that have one."""
    out: dict[int, str] = {}
    fills = getattr(wb, "_fills", [])
    for i, style in enumerate(getattr(wb, "_cell_styles", [])):
        fill_id = getattr(style, "fillId", 0)
        if not fill_id or fill_id >= len(fills):
            continue
        fill = fills[fill_id]
        if getattr(fill, "patternType", None) not in (
            "solid",
            "darkGray",
            "mediumGray",
            "lightGray",
        ):
            continue
        key = colour_key(getattr(fill, "fgColor", None))
        if key:
            out[i] = key
    return out


class Book:
    """An open workbook: its sheet names and, one at a time, its sheets as grids."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind = path.suffix.lower()
        check_workbook_file(path)
        self._wb: Any = None
        self._cal: Any = None
        self._ods: dict[str, Any] | None = None
        if self.kind in CALAMINE_KINDS:
            self._open_calamine()
        else:
            self._open_xlsx()

    def _unreadable(self) -> InvalidInput:
        return InvalidInput(
            tr("{name} tidak dapat dibaca sebagai buku kerja Excel.").format(name=self.path.name)
        )

    def _open_xlsx(self) -> None:
        try:
            # data_only=False: a formula keeps its formula, so it can be refused (its cached
            # value may be missing or stale) instead of silently reading as blank.
            self._wb = load_workbook(self.path, read_only=True, data_only=False)
        except InvalidInput:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            log.warning("load_workbook(%s) failed: %s: %s", self.path.name, type(exc).__name__, exc)
            raise self._unreadable() from None
        self.sheet_names: list[str] = list(self._wb.sheetnames)
        self._fills = _fill_styles(self._wb)

    def _open_calamine(self) -> None:
        from python_calamine import CalamineWorkbook

        self._ods = read_ods_parts(self.path) if self.kind == ".ods" else None
        try:
            self._cal = CalamineWorkbook.from_path(str(self.path))
            self.sheet_names = list(self._cal.sheet_names)
        except Exception as exc:  # calamine's errors for damaged or encrypted files
            log.warning("calamine(%s) failed: %s: %s", self.path.name, type(exc).__name__, exc)
            raise self._unreadable() from None

    @property
    def colours_readable(self) -> bool:
        return self._cal is None

    def grid(self, name: str) -> SheetGrid:
        if self._cal is not None:
            return self._calamine_grid(name)
        wb = self._wb
        ws = wb[name]
        try:
            with zipfile.ZipFile(self.path) as archive:
                rows = read_sheet_xml(
                    archive,
                    ws._worksheet_path,
                    wb.shared_strings,
                    wb._date_formats,
                    wb._timedelta_formats,
                    wb.epoch,
                    1,
                    self._fills,
                )
        except InvalidInput:
            raise
        except Exception as exc:  # a sheet part that cannot be parsed
            log.warning("reading %s failed: %s: %s", self.path.name, type(exc).__name__, exc)
            raise self._unreadable() from None
        grid = SheetGrid(name)
        for r, values, formulas in rows.rows:
            grid.values[r] = {c: v for c, v in enumerate(values, 1) if v is not None}
            grid.formulas.extend((r, c) for c in sorted(formulas))
        grid.fills = rows.fills
        grid.set_merges(rows.merges)
        return grid

    def _calamine_grid(self, name: str) -> SheetGrid:
        grid = SheetGrid(name, colours_read=False)
        try:
            sheet = self._cal.get_sheet_by_name(name)
            end = sheet.end or (0, 0)
            if (end[0] + 1) * (end[1] + 1) > MAX_CALAMINE_CELLS:
                raise InvalidInput(
                    tr("Lembar '{sheet}' terlalu besar untuk diimpor.").format(sheet=name)
                )
            # from A1, so that row and column numbers are the sheet's own
            for r, row in enumerate(sheet.to_python(skip_empty_area=False), 1):
                cells = {c: v for c, v in enumerate(row, 1) if v is not None and v != ""}
                if cells:
                    grid.values[r] = cells
            merges = sheet.merged_cell_ranges or []
        except InvalidInput:
            raise
        except Exception as exc:  # calamine's errors for a damaged sheet
            log.warning(
                "calamine sheet %s of %s failed: %s: %s",
                name,
                self.path.name,
                type(exc).__name__,
                exc,
            )
            raise self._unreadable() from None
        refs = [
            f"{_letters(c1 + 1)}{r1 + 1}:{_letters(c2 + 1)}{r2 + 1}"
            for (r1, c1), (r2, c2) in merges
        ]
        if self._ods is not None and name in self._ods:  # calamine gives none for .ods
            refs = self._ods[name].merges
            grid.formulas = list(self._ods[name].formulas)
        grid.set_merges(refs)
        return grid

    def close(self) -> None:
        if self._wb is not None:
            self._wb.close()
        if self._cal is not None:
            self._cal.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _letters(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)
