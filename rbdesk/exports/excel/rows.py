"""The data rows of a plan sheet turned into areas, activities, sub-activities and indicators."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rbdesk.exports.excel.cells import (
    BLANK_MARKS,
    CHECKS,
    MARKS,
    cell_text,
    location,
    month_of,
    normalised,
    split_label,
)
from rbdesk.exports.excel.header import HeaderColumns
from rbdesk.exports.excel.layout import PLAN_COLUMNS, fingerprint
from rbdesk.exports.progress import Progress
from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

MAX_ROWS = 250_000
CLOSING = ("ditetapkan", "salinan sesuai", "mengetahui", "pada tanggal", "disahkan")
MAX_ERRORS = 15


def _strip_label(label: str, text: str) -> str:
    if not label:
        return text
    if text == label:
        return ""
    return text[len(label) + 1:] if text.startswith(label + " ") else text


class PlanRows:
    def __init__(self, cols: HeaderColumns, covered: dict[tuple[int, int], int], bar: Progress,
                 max_row: int) -> None:
        self.cols = cols
        self.covered = covered
        self.bar = bar
        self.max_row = max(max_row, 1)
        self.errors: list[str] = []

    def fail(self, row: int, col: int | None, what: str) -> None:
        self.errors.append(f"{location(self.cols.sheet, row, col)}: {what}")

    def _skip(self, nonempty: dict[int, Any]) -> bool:
        keys = {normalised(v) for v in nonempty.values()}
        if {"AREA PERUBAHAN", "KEGIATAN"} <= keys:
            return True  # a header row repeated on a later page
        if sum(1 for v in nonempty.values() if month_of(v)) >= 6:
            return True  # the month-name row
        values = [cell_text(v) for v in nonempty.values()]
        if len(values) >= 5 and all(v.isdigit() for v in values):
            numbers = sorted(int(v) for v in values)
            return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        return False

    @property
    def first_row(self) -> int:
        """The first row under the header: where the table's rows start."""
        return self.cols.header_row + self.cols.header_rows

    def _rows(self, source: Iterable[tuple[int, list[Any], set[int]]]
              ) -> list[tuple[int, list[Any]]]:
        """``source``: the sheet's non-empty rows from ``first_row`` on, as (row number, values
        from column 1, columns holding a formula); see ``sheet_xml.read_sheet_xml``."""
        cols = self.cols
        known = cols.known
        month_cols = set(cols.months.values())
        start = self.first_row
        data = []
        for n, (r, cells, formula_cols) in enumerate(source):
            if r < start:
                continue
            if r - start > MAX_ROWS:
                raise InvalidInput(tr("Tabel terlalu panjang (lebih dari {n} baris).")
                                   .format(n=MAX_ROWS))
            if n % 1000 == 0:
                self.bar.fraction(0.1 + 0.5 * min(1.0, r / self.max_row))
            nonempty = {c: v for c, v in enumerate(cells, 1) if cell_text(v)}
            if not nonempty:
                continue
            first = normalised(nonempty[min(nonempty)]).lower()
            if first.startswith(CLOSING):
                break
            formulas = sorted(formula_cols)
            if formulas:
                # the workbook is read with data_only=False: a formula's result is not known
                for c in formulas:
                    self.fail(r, c, tr("rumus tidak didukung; ketik nilainya langsung"))
                if len(self.errors) >= MAX_ERRORS:
                    break
                continue
            if self._skip(nonempty):
                continue
            for c, v in nonempty.items():
                t = cell_text(v)
                if c in month_cols:
                    continue
                if c not in known:
                    what = (tr("tanda bulan di luar kolom bulan Jan…Des")
                            if t.lower() in MARKS else tr("isi di luar kolom tabel"))
                    self.fail(r, c, f"{what} ('{t[:30]}')")
                elif t in CHECKS:
                    self.fail(r, c, tr("tanda {mark} di luar kolom bulan").format(mark=t))
            data.append((r, list(cells) + [None] * max(0, PLAN_COLUMNS - len(cells))))
            if len(self.errors) >= MAX_ERRORS:
                break
        return data

    def _months(self, r: int, cells: list[Any]) -> list[int]:
        planned = []
        for m, c in sorted(self.cols.months.items()):
            v = cells[c - 1] if c - 1 < len(cells) else None
            if v is True or (isinstance(v, (int, float)) and not isinstance(v, bool) and v == 1):
                planned.append(m)
                continue
            t = cell_text(v).lower()
            if t in MARKS:
                planned.append(m)
            elif t not in BLANK_MARKS:
                self.fail(r, c, tr("tanda bulan '{v}' tidak dikenal (gunakan √, v, x atau 1)")
                          .format(v=cell_text(v)[:20]))
        return planned

    def read(self, source: Iterable[tuple[int, list[Any], set[int]]],
             meta: dict[str, Any] | None) -> list[dict[str, Any]]:
        """The sheet's areas as plain dicts, or InvalidInput listing every row/column problem."""
        data = self._rows(source)
        # the hidden sheet's rows, trusted only while every row still has its fingerprint
        saved: dict[int, list[str]] | None = None
        if meta and data:
            table = meta["rows"]
            if set(table) == {r for r, _c in data} and all(
                    table[r][5] == fingerprint(cells[:PLAN_COLUMNS]) for r, cells in data):
                saved = table
        areas: list[dict[str, Any]] = []
        area: dict[str, Any] | None = None
        act: dict[str, Any] | None = None
        sub: dict[str, Any] | None = None
        c = self.cols

        def cell(cells: list[Any], col: int | None) -> str:
            return cell_text(cells[col - 1]) if col else ""

        def starts(r: int, cells: list[Any], col: int | None) -> bool:
            return bool(col) and bool(cell(cells, col)) and (r, col) not in self.covered

        for r, cells in data:
            months = self._months(r, cells)
            ind_text, note = cell(cells, c.ind), cell(cells, c.note)
            if saved is not None:
                flags, a_lab, c_lab, s_lab, i_lab, _fp = saved[r]
                new_area, new_act, new_sub = "A" in flags, "C" in flags, "S" in flags
                act_text = _strip_label(c_lab, cell(cells, c.act))
                sub_text = _strip_label(s_lab, cell(cells, c.sub))
                ind_text = _strip_label(i_lab, ind_text)
            else:
                new_area = starts(r, cells, c.area) or starts(r, cells, c.no)
                new_act = new_area or starts(r, cells, c.act)
                new_sub = new_act or starts(r, cells, c.sub)
                a_lab = cell(cells, c.no)
                c_lab, act_text = split_label(cell(cells, c.act))
                s_lab, sub_text = split_label(cell(cells, c.sub))
                i_lab, ind_text = split_label(ind_text)
            has_ind = bool(ind_text or i_lab or months or note)
            if new_area:
                area = {"label": a_lab, "name": cell(cells, c.area), "activities": []}
                areas.append(area)
                act = sub = None
            elif area is None:
                self.fail(r, c.area, tr("baris pertama tabel tidak menyebut AREA PERUBAHAN"))
                continue
            if new_act:
                act = sub = None
                if act_text or c_lab or sub_text or s_lab or has_ind:
                    act = {"label": c_lab, "name": act_text, "sub_activities": []}
                    area["activities"].append(act)
            if new_sub:
                sub = None
                if sub_text or s_lab or has_ind:
                    if act is None:
                        act = {"label": "", "name": "", "sub_activities": []}
                        area["activities"].append(act)
                    sub = {"label": s_lab, "name": sub_text, "indicators": []}
                    act["sub_activities"].append(sub)
            if sub is None:
                if not has_ind:
                    continue
                if act is None:
                    act = {"label": "", "name": "", "sub_activities": []}
                    area["activities"].append(act)
                sub = {"label": "", "name": "", "indicators": []}
                act["sub_activities"].append(sub)
            if has_ind or not sub["indicators"]:
                sub["indicators"].append({"label": i_lab, "text": ind_text,
                                          "planned_months": months, "note": note,
                                          "realisation": [], "evidence": []})
            if len(self.errors) >= MAX_ERRORS:
                break
        if self.errors:
            raise InvalidInput(tr("Buku kerja tidak dapat diimpor; tidak ada yang ditambahkan:")
                               + "\n" + "\n".join(self.errors[:MAX_ERRORS]))
        return areas
