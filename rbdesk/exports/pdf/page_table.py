"""One page of a grid drawn as its own small reportlab Table, built only when it is drawn."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table, TableStyle

from rbdesk.exports.pdf.fonts import FONT, FONT_BOLD
from rbdesk.exports.pdf.grid import GridLayout, Page, continuation_mark


def page_table(layout: GridLayout, p: Page) -> Table:
    """Page p as a reportlab Table: the header, the page's rows, spanning cells clipped to it."""
    grid = layout.grid
    s, e = p.s, p.e
    hn = len(grid.header)
    heights, shown = layout.page_layout(p)
    data = [list(r) for r in layout.header_text] + [list(layout.text[r]) for r in range(s, e)]
    if p.o:
        avail = None
        if p.cut is not None and e - 1 == s:
            avail = layout.line_fit(p.cut) - 1
        data[hn] = _own_cells(layout, s, p.o, avail)
    if p.cut is not None and (e - 1 > s or not p.o):
        data[hn + e - 1 - s] = _own_cells(layout, e - 1, 0, layout.line_fit(p.cut))
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, grid.font_size, grid.leading),
        ("FONT", (0, 0), (-1, hn - 1), FONT_BOLD, grid.font_size, grid.leading),
        ("VALIGN", (0, 0), (-1, hn - 1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, hn - 1), "CENTER"),
        ("VALIGN", (0, hn), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), grid.hpad),
        ("RIGHTPADDING", (0, 0), (-1, -1), grid.hpad),
        ("TOPPADDING", (0, 0), (-1, -1), grid.vpad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), grid.vpad),
    ]
    for c, how in enumerate(grid.align):
        if how != "LEFT":
            style.append(("ALIGN", (c, hn), (c, -1), how))
    for c0, c1, r0, r1 in grid.header_spans:
        style.append(("SPAN", (c0, r0), (c1, r1)))
    for i in {i for r in range(s, e) for i in layout.row_spans[r]}:
        c0, c1, r0, r1 = grid.spans[i]
        a, b = max(r0, s), min(r1, e - 1)
        data[hn + a - s][c0] = _span_text(layout, i, p.done, shown.get(i))
        if (c0, a) != (c1, b):
            style.append(("SPAN", (c0, hn + a - s), (c1, hn + b - s)))
    for r in range(s, e):
        if r in grid.bold_rows:
            style.append(
                ("FONT", (0, hn + r - s), (-1, hn + r - s), FONT_BOLD, grid.font_size, grid.leading)
            )
    return Table(
        data,
        colWidths=grid.widths,
        rowHeights=layout.header_heights + heights,
        style=TableStyle(style),
    )


def _own_cells(layout: GridLayout, r: int, start: int, avail: int | None) -> list[str]:
    """Row r's own cells printing lines start..start+avail (with "(lanjutan)" when start>0)."""
    out = []
    for value in layout.text[r]:
        lines = value.split("\n") if value else []
        part = lines[start:] if avail is None else lines[start : start + avail]
        out.append("\n".join([continuation_mark(), *part] if start and part else part))
    return out


def _span_text(layout: GridLayout, i: int, done: dict[int, int], shown: int | None) -> str:
    c0, _c1, r0, _r1 = layout.grid.spans[i]
    full = layout.text[r0][c0]
    if not layout.flows(i):
        return full
    d, n = done.get(i, 0), layout.span_len[i]
    if d >= n:
        return layout.reminder(i)
    lines = full.split("\n")
    if d == 0:
        return "\n".join(lines if shown is None else lines[:shown])
    rest = lines[d:] if shown is None else lines[d : d + max(shown - 1, 0)]
    return "\n".join([continuation_mark(), *rest])


class PageTable(Flowable):
    """One page of a GridLayout, made into its Table only when reportlab reaches it and dropped
    once drawn, so a long plan does not hold every page's Table (and its cell state) at once."""

    def __init__(self, layout: GridLayout, page: Page) -> None:
        super().__init__()
        self.layout = layout
        self.page = page
        self._table: Table | None = None

    def _get(self) -> Table:
        if self._table is None:
            self._table = page_table(self.layout, self.page)
        return self._table

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # reportlab API
        w, h = self._get().wrap(aW, aH)
        self.width, self.height = w, h
        return w, h

    def split(self, aW: float, aH: float) -> list[Flowable]:  # reportlab API
        return self._get().splitOn(self.canv, aW, aH)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self._get().drawOn(canvas, x, y, _sW=_sW)
        self._table = None


def paged_story(
    heading: list[Flowable], tables: list[Flowable], signature: Flowable
) -> list[Flowable]:
    """An attachment: its heading, one table a page, and the signature kept whole."""
    story = list(heading)
    for i, table in enumerate(tables):
        story.append(table)
        if i < len(tables) - 1:
            story.append(PageBreak())
    story.append(KeepTogether([signature]))
    return story
