"""A streaming (write-only) worksheet with shared styles, merges, row heights and print set-up.

openpyxl's write-only sheet holds the styles, column widths, merges and print set-up; the rows
themselves are written as XML text by :class:`~rbdesk.exports.excel.rowxml.RowStream` (see
there why). Every user value is written as a string cell: text that starts with ``=``, ``+``,
``-`` or ``@`` stays text and never becomes a formula.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.properties import PageSetupProperties

from rbdesk.exports.excel.report_sheet import mark_draft_pages
from rbdesk.exports.excel.rowxml import RowStream
from rbdesk.exports.paper import EXCEL_PAPER_CODE
from rbdesk.i18n import tr
from rbdesk.models.domain.print_options import Paper

THIN = Side(style="thin", color="000000")
LINE_PT = 12.0  # row height per wrapped line of 9-pt text


class SheetWriter:
    def __init__(self, wb: Workbook, title: str, widths: Sequence[float]) -> None:
        self.ws = wb.create_sheet(title)
        self.widths = widths
        self.rows = RowStream()
        self._styles: dict[str, Any] = {}
        self._style_ids: dict[str, int] = {}
        # Sheet properties are streamed with the first row, so fit-to-page is set here.
        self.ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        for i, w in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = w
        self._define()

    def _define(self) -> None:
        box = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
        kinds = {
            "text": (Font(name="Arial", size=9), Alignment(wrap_text=True, vertical="top"), None),
            "cell": (Font(name="Arial", size=9), Alignment(wrap_text=True, vertical="top"), box),
            "center": (
                Font(name="Arial", size=9),
                Alignment(horizontal="center", vertical="top", wrap_text=True),
                box,
            ),
            "head": (
                Font(name="Arial", size=9, bold=True),
                Alignment(horizontal="center", vertical="center", wrap_text=True),
                box,
            ),
            "section": (
                Font(name="Arial", size=9, bold=True),
                Alignment(vertical="top", wrap_text=True),
                box,
            ),
            "title": (
                Font(name="Arial", size=11, bold=True),
                Alignment(horizontal="center", vertical="center", wrap_text=True),
                None,
            ),
            "bold": (Font(name="Arial", size=9, bold=True), Alignment(vertical="top"), None),
        }
        for name, (font, align, border) in kinds.items():
            cell = WriteOnlyCell(self.ws)
            cell.font = font
            cell.alignment = align
            if border is not None:
                cell.border = border
            self._styles[name] = cell

    def _style_id(self, name: str) -> int:
        """The workbook's id of a style, registered on first use (as openpyxl numbers them)."""
        sid = self._style_ids.get(name)
        if sid is None:
            sid = self._style_ids[name] = self._styles[name].style_id
        return sid

    @property
    def row(self) -> int:
        """The last row written (1-based), 0 before the first."""
        return self.rows.row

    def append(
        self, values: list[Any], styles: list[str] | str = "cell", height: float | None = None
    ) -> int:
        if isinstance(styles, str):
            styles = [styles] * len(values)
        elif len(styles) != len(values):
            raise ValueError("one style per value")
        return self.rows.append(values, [self._style_id(s) for s in styles], height)

    def gap(self) -> int:
        """An empty row between parts of the sheet: no cell at all, so nothing is drawn there
        (an empty cell in the boxed table style shows as a lone empty box, issue 20)."""
        return self.rows.append([], [])

    def merge(self, c0: int, r0: int, c1: int, r1: int) -> None:
        """1-based inclusive corners; added straight to the set (the public add is quadratic)."""
        if (c0, r0) != (c1, r1):
            self.ws.merged_cells.ranges.add(
                CellRange(min_col=c0, min_row=r0, max_col=c1, max_row=r1)
            )

    def lines(self, text: str, col: int, span: int = 1) -> int:
        """Estimated wrapped lines of 9-pt text in the column(s) starting at col (0-based)."""
        if not text:
            return 1
        chars = max(1.0, sum(self.widths[col : col + span]) * 1.15 - 1)
        return sum(max(1, math.ceil(len(p) / chars)) for p in str(text).split("\n"))

    def print_setup(
        self, paper: Paper, *, landscape: bool, title_rows: str | None, draft: bool = False
    ) -> None:
        """As the report sheets': fit to the page's width, the header rows repeated, page
        numbers, and on a draft decree's sheets KONSEP at the top of every page."""
        ws = self.ws
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = EXCEL_PAPER_CODE[paper]
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        ws.page_margins.header = ws.page_margins.footer = 0.2  # the mark above the top margin
        if title_rows:
            ws.print_title_rows = title_rows
        ws.oddFooter.center.text = tr("Halaman &P dari &N")
        ws.oddFooter.center.size = 8
        if draft:
            mark_draft_pages(ws)


def span_heights(base: list[float], spans: list[tuple[int, int, float]]) -> list[float]:
    """Grow the last row of each (first, last, need) span so the merged text fits."""
    heights = list(base)
    for r0, r1, need in sorted(spans, key=lambda s: s[1] - s[0]):
        have = sum(heights[r0 : r1 + 1])
        if need > have:
            heights[r1] += need - have
    return heights
