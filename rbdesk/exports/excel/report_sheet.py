"""A report sheet on openpyxl's ordinary API: title lines, ruled tables described by a list of
columns, the signature blocks and the print set-up.

Meant for reports of a few hundred rows, where openpyxl's own cells cost nothing and allow a real
chart; the plan sheet, tens of thousands of rows, is streamed instead (sheet.py). Every user
value is written as text that never becomes a formula, without the characters a worksheet cannot
hold. Row heights are set from an estimate of the wrapped lines: Excel does not grow a row for
wrapped or merged text by itself, and a cut-off line on paper is worse than a tall row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from rbdesk.exports.paper import EXCEL_PAPER_CODE, page_size
from rbdesk.exports.wording import (
    certifier_heading,
    draft_mark,
    indonesian_date,
    nip_line,
    signed_mark,
)
from rbdesk.i18n import tr
from rbdesk.models.domain.print_options import CopyForm, Paper
from rbdesk.models.domain.report_data import Signer
from rbdesk.models.text import clean_text

T = TypeVar("T")

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
GREY = PatternFill("solid", fgColor="D9D9D9")
FONT = "Arial"
LINE_PT = 12.0  # height of one line of 9-pt text
PAD_PT = 3.0  # above and below the text of a ruled cell
CHARS_PER_UNIT = 1.2  # 9-pt Arial characters per unit of column width (a unit is 11-pt wide)
WET_SIGNATURE_PT = 80.0  # room for a wet signature with the stamp over it (about 28 mm)
SIGNATURE_ROOM = "\0room"  # in a list of signature lines: the room left to sign in
KEEP_ROWS = 2  # rows above the signatures kept on their page, so they never stand alone
DEFAULT_ROW_PT = 15.0  # a row without a height of its own (the workbook's Calibri 11)
MARGINS_IN = (0.5, 0.5, 0.75, 0.75)  # left, right, top, bottom
PERCENT = "0%"  # capaian is printed rounded to whole percent, as on the PDF and the screen


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a table: its header, width (Excel units; a sheet takes its column widths
    from the column list it is made with, and every table on it wraps to those), how a row's
    value is got
    (``value(number, item)``; number 0 is the total row) and how it is shown: ``text``,
    ``center``, ``number`` or ``percent`` (a value 0..100, or None for "nothing planned")."""

    header: str
    width: float
    value: Callable[[int, T], Any]
    kind: str = "text"


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a cell ``width`` units wide, wrapping at spaces."""
    room = max(1, int(width * CHARS_PER_UNIT) - 1)
    lines = 0
    for para in str(text).split("\n"):
        used = 0
        lines += 1
        for word in para.split(" "):
            need = len(word) + (1 if used else 0)
            if used and used + need > room:
                lines += 1 + (len(word) - 1) // room
                used = len(word) % room or room
            elif not used and len(word) > room:
                lines += (len(word) - 1) // room
                used = len(word) % room or room
            else:
                used += need
    return max(1, lines)


def safe_text(value: Any) -> str:
    """User text as a worksheet can hold it: no control characters."""
    return ILLEGAL_CHARACTERS_RE.sub("", clean_text(str(value)))


class ReportSheet:
    """Writes top to bottom; ``row`` is the last row written."""

    def __init__(self, wb: Workbook, title: str, widths: Sequence[float]) -> None:
        self.ws = wb.create_sheet(title)
        self.widths = list(widths)
        self.row = 0
        self.header_rows: tuple[int, int] | None = None
        self.keep_from: int | None = None  # rows from here to the end print on one page
        for i, w in enumerate(self.widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = w

    @property
    def columns(self) -> int:
        return len(self.widths)

    def put(
        self,
        row: int,
        col: int,
        value: Any,
        *,
        bold: bool = False,
        size: float = 9,
        align: str = "left",
        box: bool = False,
        fill: bool = False,
        number_format: str | None = None,
        valign: str = "top",
    ) -> Cell:
        cell = self.ws.cell(row=row, column=col)
        if isinstance(value, str):
            cell.value = safe_text(value)
            cell.data_type = "s"  # text stays text, also when it starts with "=" or "+"
        else:
            cell.value = value
        cell.font = Font(name=FONT, size=size, bold=bold)
        cell.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=True)
        if box:
            cell.border = BOX
        if fill:
            cell.fill = GREY
        if number_format:
            cell.number_format = number_format
        return cell

    def _height(self, row: int, height: float) -> None:
        self.ws.row_dimensions[row].height = height

    def line(
        self,
        text: str,
        *,
        bold: bool = False,
        size: float = 9,
        align: str = "left",
        first: int = 1,
        last: int | None = None,
    ) -> int:
        """A line of text merged over columns ``first``..``last`` (all by default)."""
        last = last or self.columns
        self.row += 1
        self.put(self.row, first, text, bold=bold, size=size, align=align)
        if last > first:
            self.ws.merge_cells(
                start_row=self.row, start_column=first, end_row=self.row, end_column=last
            )
        width = sum(self.widths[first - 1 : last]) * 9 / size
        self._height(self.row, wrapped_lines(text, width) * LINE_PT * size / 9 + 2)
        return self.row

    def skip(self, height: float | None = None) -> int:
        self.row += 1
        if height is not None:
            self._height(self.row, height)
        return self.row

    def title(self, lines: Sequence[str]) -> None:
        for text in lines:
            self.line(text, bold=True, size=11, align="center")

    def table(
        self,
        columns: Sequence[Column[T]],
        items: Sequence[T],
        total: T | None = None,
        *,
        repeat: bool = False,
    ) -> tuple[int, int]:
        """A ruled table with a grey header row (and a grey total row); returns its first and
        last row. With ``repeat`` its header is printed again on every page (a sheet can repeat
        one block of rows only, so a long table gets a sheet of its own)."""
        self.row += 1
        head = self.row
        for c, col in enumerate(columns, 1):
            self.put(
                head, c, col.header, bold=True, align="center", box=True, fill=True, valign="center"
            )
        self._height(
            head,
            max(wrapped_lines(col.header, self.widths[c]) for c, col in enumerate(columns))
            * LINE_PT
            + 2 * PAD_PT,
        )
        if repeat:
            self.header_rows = (head, head)
        rows: list[tuple[int, T]] = list(enumerate(items, 1))
        if total is not None:
            rows.append((0, total))
        for number, item in rows:
            self.row += 1
            lines = 1
            for c, col in enumerate(columns, 1):
                value = col.value(number, item)
                lines = max(lines, self._cell(self.row, c, col, value, bold=number == 0))
            self._height(self.row, lines * LINE_PT + 2 * PAD_PT)
        return head, self.row

    def _cell(self, row: int, c: int, col: Column[Any], value: Any, *, bold: bool) -> int:
        """Write one table cell; returns the lines it takes."""
        fill = bold  # the total row is the only bold one, grey like the header
        if col.kind == "percent":
            if value is None:
                self.put(row, c, "–", bold=bold, align="center", box=True, fill=fill)
            else:
                # the whole percent the PDF prints and the rating band is read from: the
                # unrounded 90.5 would show as 91% in Excel beside the band of 90, "Baik"
                self.put(
                    row,
                    c,
                    round(float(value)) / 100.0,
                    bold=bold,
                    align="right",
                    box=True,
                    fill=fill,
                    number_format=PERCENT,
                )
            return 1
        if col.kind == "number":
            self.put(
                row, c, value, bold=bold, align="right", box=True, fill=fill, number_format="0"
            )
            return 1
        text = "" if value is None else str(value)
        self.put(
            row,
            c,
            text,
            bold=bold,
            align="center" if col.kind == "center" else "left",
            box=True,
            fill=fill,
        )
        return wrapped_lines(text, self.widths[c - 1])

    def signatures(
        self,
        left: Signer | None,
        right: Signer | None,
        *,
        place: str,
        date: str,
        decree: dict[str, Any],
        copy: CopyForm,
    ) -> None:
        """Mengetahui at the left, the preparer at the right under place and date, as on the
        PDF. ``copy`` ``asli`` leaves room for the wet signature and stamp; the certified copy
        (``salinan``) prints the signed mark ("TTD") and the certifier's block under them."""
        self.keep_from = max(1, self.row - KEEP_ROWS + 1)
        half = self._half()
        place_date = ", ".join(x for x in (place, indonesian_date(date)) if x)
        mark = "" if copy == CopyForm.ASLI else signed_mark(decree)
        self.skip()
        sides = [self._signer_lines(left, ""), self._signer_lines(right, place_date)]
        for i in range(max(len(sides[0]), len(sides[1]))):
            self.row += 1
            height = LINE_PT + 2
            for side, (first, last) in zip(
                sides, ((1, half), (half + 1, self.columns)), strict=True
            ):
                text, bold = side[i] if i < len(side) else ("", False)
                if text == SIGNATURE_ROOM:  # the signed mark, in the middle of the signature's room
                    height = max(height, 36.0 if mark else WET_SIGNATURE_PT)
                    self._merged(first, last, mark, bold, valign="center")
                    continue
                height = max(height, self._merged(first, last, text, bold))
            self._height(self.row, height)
        if copy == CopyForm.ASLI:
            return
        self.skip()
        certifier = [
            (certifier_heading(decree), False),
            (str(decree.get("certifier_office") or ""), False),
            (str(decree.get("certifier_title") or ""), False),
            (SIGNATURE_ROOM, False),
            (str(decree.get("certifier_name") or ""), True),
        ]
        if nip := nip_line(str(decree.get("certifier_nip") or "")):
            certifier.append((nip, False))
        for text, bold in certifier:
            self.row += 1
            if text == SIGNATURE_ROOM:
                self._height(self.row, 40.0)
                continue
            self._height(self.row, self._merged(1, half, text, bold))

    @staticmethod
    def _signer_lines(s: Signer | None, first_line: str) -> list[tuple[str, bool]]:
        if s is None:
            return []
        lines = [
            (first_line, False),
            (s.heading, False),
            (s.title, False),
            (SIGNATURE_ROOM, False),
            (s.name, True),
        ]
        if nip := nip_line(s.nip):
            lines.append((nip, False))
        return lines

    def _half(self) -> int:
        """The last column of the left half: the columns whose middle is left of the page's."""
        run, middle, last = 0.0, sum(self.widths) / 2, 1
        for i, w in enumerate(self.widths, 1):
            if run + w / 2 > middle:
                break
            run += w
            last = i
        return max(1, min(last, self.columns - 1))

    def _merged(self, first: int, last: int, text: str, bold: bool, valign: str = "top") -> float:
        """Text merged over ``first``..``last`` in the current row; returns the height it needs."""
        self.put(self.row, first, text, bold=bold, valign=valign)
        if last > first:
            self.ws.merge_cells(
                start_row=self.row, start_column=first, end_row=self.row, end_column=last
            )
        return wrapped_lines(text, sum(self.widths[first - 1 : last])) * LINE_PT + 2

    def print_setup(self, paper: Paper, *, landscape: bool, draft: bool) -> None:
        """A4 or F4, fit to the page's width, the table header repeated on every page, page
        numbers; a draft decree's report says KONSEP at the top of every page, as its PDF does."""
        ws = self.ws
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = EXCEL_PAPER_CODE[paper]
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as needed
        ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom = (
            MARGINS_IN
        )
        ws.page_margins.header = ws.page_margins.footer = 0.3  # room for KONSEP above the text
        ws.print_options.horizontalCentered = True
        ws.print_area = f"A1:{get_column_letter(self.columns)}{max(self.row, 1)}"
        if self.header_rows is not None:
            first, last = self.header_rows
            ws.print_title_rows = f"{first}:{last}"
        if self.keep_from is not None:
            self._keep_together(paper, landscape)
        ws.oddFooter.center.text = tr("Halaman &P dari &N")
        ws.oddFooter.center.size = 8
        if draft:
            mark_draft_pages(ws)

    def _keep_together(self, paper: Paper, landscape: bool) -> None:
        """Start a new page before ``keep_from`` when the rows from there on would be split
        (the PDF keeps its signature block with the last table rows the same way)."""
        keep = self.keep_from
        if keep is None or keep <= 1:
            return
        starts = page_starts(self.ws, paper, landscape, self.widths, self.header_rows)
        if any(keep < r <= self.row for r in starts):
            self.ws.row_breaks.append(Break(id=keep - 1))


def mark_draft_pages(ws: Worksheet | WriteOnlyWorksheet) -> None:
    """KONSEP in the page header, printed at the top of every page of the sheet: a draft
    decree's workbooks say so as its PDFs do, whichever sheet is printed."""
    ws.oddHeader.center.text = draft_mark()
    ws.oddHeader.center.size = 18
    ws.oddHeader.center.font = "Arial,Bold"
    ws.oddHeader.center.color = "808080"


def page_starts(
    ws: Worksheet,
    paper: Paper,
    landscape: bool,
    widths: Sequence[float],
    header_rows: tuple[int, int] | None,
) -> list[int]:
    """The rows that begin a printed page, estimated as Excel paginates: the sheet scaled to
    the page's width, rows never split, the repeated header on top of every later page, manual
    breaks obeyed."""
    width, height = page_size(paper, landscape=landscape)
    left, right, top, bottom = MARGINS_IN
    sheet_w = sum(w * 7 + 5 for w in widths) * 0.75  # w units are w * 7 + 5 pixels of 0.75 pt
    scale = min(1.0, (width - (left + right) * 72) / sheet_w)
    room = (height - (top + bottom) * 72) / scale

    def row_pt(row: int) -> float:
        return float(ws.row_dimensions[row].height or DEFAULT_ROW_PT)

    repeated = (
        sum(row_pt(r) for r in range(header_rows[0], header_rows[1] + 1)) if header_rows else 0.0
    )
    breaks = {b.id for b in ws.row_breaks.brk}
    starts, used = [1], 0.0
    for row in range(1, ws.max_row + 1):
        need = row_pt(row)
        if row - 1 in breaks or (used + need > room and used > 0):
            starts.append(row)
            used = repeated if header_rows and row > header_rows[1] else 0.0
        used += need
    return starts
