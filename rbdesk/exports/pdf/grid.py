"""A table laid out and paginated by rbdesk itself, one reportlab Table per page.

reportlab splits one long Table by re-measuring the remainder at every page break, which is
quadratic in the number of rows. Here every cell is wrapped once (plain strings, measured with the
font metrics), row heights are fixed, spanning cells are clipped to each page (their text repeated
on a continuation page), and each page becomes its own small Table: linear in the number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from rbdesk.exports.pdf.fonts import FONT, FONT_BOLD
from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

Span = tuple[int, int, int, int]  # first column, last column, first row, last row (inclusive)
TAIL_ROWS = 3  # rows kept with the signature block when it has to start a new page
MIN_FILL = 0.5  # a keep-with-next group moves to the next page only if this much stays behind
SPLIT_ROOM = 0.3  # a row that does not fit is continued on the next page if this much is free
SPAN_MIN_LINES = 3  # a long spanning cell shows at least this many lines before it is continued


def continuation_mark() -> str:
    """First line of a cell continued from the previous page."""
    return tr("(lanjutan)")


class WordWrapper:
    """Greedy word wrap with cached word widths; over-long words are broken by characters."""

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self.cache: dict[str, float] = {}
        self.space = stringWidth(" ", font, size)

    def width(self, word: str) -> float:
        w = self.cache.get(word)
        if w is None:
            w = stringWidth(word, self.font, self.size)
            if len(self.cache) < 200_000:
                self.cache[word] = w
        return w

    def lines(self, text: str, width: float) -> list[str]:
        out: list[str] = []
        for para in text.split("\n"):
            line, line_w = "", 0.0
            for word in para.split():
                ww = self.width(word)
                if ww > width:
                    if line:
                        out.append(line)
                    pieces = self._break(word, width)
                    out.extend(pieces[:-1])
                    line, line_w = pieces[-1], self.width(pieces[-1])
                elif not line:
                    line, line_w = word, ww
                elif line_w + self.space + ww <= width:
                    line, line_w = f"{line} {word}", line_w + self.space + ww
                else:
                    out.append(line)
                    line, line_w = word, ww
            out.append(line)
        while len(out) > 1 and not out[-1]:
            out.pop()
        return out

    def _break(self, word: str, width: float) -> list[str]:
        """Break an over-long word after '/' or '-' where possible, else between characters."""
        pieces, current = [], ""
        for part in re.findall(r"[^/-]*[/-]|[^/-]+", word):
            if current and self.width(current + part) > width:
                pieces.append(current)
                current = ""
            if self.width(part) <= width:
                current += part
                continue
            for ch in part:
                if current and stringWidth(current + ch, self.font, self.size) > width:
                    pieces.append(current)
                    current = ch
                else:
                    current += ch
        pieces.append(current)
        return pieces


@dataclass
class Page:
    """Rows s..e-1 of one page. Row s starts at content line o (> 0: it was begun on the page
    before); ``done`` holds, for long spanning cells begun before, how many lines are printed;
    ``cut`` is the height of the last row when it is continued on the next page."""

    s: int
    e: int
    o: int = 0
    done: dict[int, int] = field(default_factory=dict)
    cut: float | None = None


@dataclass
class Grid:
    widths: list[float]
    header: list[list[str]]
    header_spans: list[Span] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    keep_with_next: set[int] = field(default_factory=set)
    bold_rows: set[int] = field(default_factory=set)
    align: list[str] = field(default_factory=list)
    font_size: float = 7.5
    leading: float = 9.0
    hpad: float = 2.5
    vpad: float = 2.0
    row_names: list[str] = field(default_factory=list)
    # spanning cells of up to this many lines are printed whole on every page they touch; longer
    # ones are printed once, continued from page to page with "(lanjutan)"
    repeat_lines: int = 8


class GridLayout:
    """Wrapped text and row heights of a Grid; pages are computed on demand."""

    def __init__(self, grid: Grid, tick: Callable[[float], None] | None = None) -> None:
        self.grid = grid
        self.wrap = WordWrapper(FONT, grid.font_size)
        self.bold_wrap = WordWrapper(FONT_BOLD, grid.font_size)
        self.header_text, self.header_heights = self._layout(grid.header, grid.header_spans,
                                                            bold=set(range(len(grid.header))))
        self.header_height = sum(self.header_heights)
        self.text, self.base, self.nl, self.span_len, self.row_spans = self._measure(tick)
        self.reminders: dict[int, str] = {}
        self.min_row = min(self.base) if self.base else grid.leading

    def _cell_height(self, lines: int) -> float:
        return lines * self.grid.leading + 2 * self.grid.vpad

    def _span_width(self, c0: int, c1: int) -> float:
        return sum(self.grid.widths[c0:c1 + 1]) - 2 * self.grid.hpad

    def _layout(self, rows: list[list[str]], spans: list[Span], bold: set[int]
                ) -> tuple[list[list[str]], list[float]]:
        """Small tables (the header): wrap, then grow the last row of each span to fit it."""
        covered = {(r, c) for c0, c1, r0, r1 in spans for r in range(r0, r1 + 1)
                   for c in range(c0, c1 + 1)}
        origin = {(r0, c0): (c0, c1, r0, r1) for c0, c1, r0, r1 in spans}
        text = [list(row) for row in rows]
        heights = []
        for r, row in enumerate(rows):
            wrap = self.bold_wrap if r in bold else self.wrap
            h = self._cell_height(1)
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                lines = wrap.lines(value, self._span_width(c, c))
                text[r][c] = "\n".join(lines)
                h = max(h, self._cell_height(len(lines)))
            heights.append(h)
        for (r, c), (c0, c1, r0, r1) in origin.items():
            wrap = self.bold_wrap if r in bold else self.wrap
            lines = wrap.lines(rows[r][c], self._span_width(c0, c1))
            text[r][c] = "\n".join(lines)
            need, have = self._cell_height(len(lines)), sum(heights[r0:r1 + 1])
            if need > have:
                heights[r1] += need - have
        return text, heights

    def _measure(self, tick: Callable[[float], None] | None):
        grid = self.grid
        n = len(grid.rows)
        row_spans: list[list[int]] = [[] for _ in range(n)]
        covered: list[set[int]] = [set() for _ in range(n)]
        nl: list[int] = []
        span_len: list[int] = []
        text: list[list[str]] = []
        for i, (c0, c1, r0, r1) in enumerate(grid.spans):
            for r in range(r0, r1 + 1):
                row_spans[r].append(i)
                covered[r].update(range(c0, c1 + 1))
        widths = [self._span_width(c, c) for c in range(len(grid.widths))]
        base = []
        for r, row in enumerate(grid.rows):
            wrap = self.bold_wrap if r in grid.bold_rows else self.wrap
            most = 0
            out = [""] * len(row)
            skip = covered[r]
            for c, value in enumerate(row):
                if c in skip or not value:
                    continue
                lines = wrap.lines(value, widths[c])
                out[c] = "\n".join(lines)
                most = max(most, len(lines))
            base.append(self._cell_height(max(most, 1)))
            nl.append(most)
            text.append(out)
            if tick and r % 500 == 0:
                tick(r / max(n, 1))
        for c0, c1, r0, _r1 in grid.spans:
            wrap = self.bold_wrap if r0 in grid.bold_rows else self.wrap
            lines = wrap.lines(grid.rows[r0][c0], self._span_width(c0, c1))
            text[r0][c0] = "\n".join(lines)
            span_len.append(len(lines))
        return text, base, nl, span_len, row_spans

    # -- pages -----------------------------------------------------------------------------

    def line_fit(self, height: float) -> int:
        """How many lines of text a cell of this height holds."""
        return max(0, int((height - 2 * self.grid.vpad) / self.grid.leading + 1e-6))

    def flows(self, i: int) -> bool:
        return self.span_len[i] > self.grid.repeat_lines

    def reminder(self, i: int) -> str:
        """What a long spanning cell shows on a page after its whole text has been printed."""
        text = self.reminders.get(i)
        if text is None:
            c0, c1, r0, _r1 = self.grid.spans[i]
            wrap = self.bold_wrap if r0 in self.grid.bold_rows else self.wrap
            first = self.text[r0][c0].split("\n", 1)[0]
            text = "\n".join(wrap.lines(f"{continuation_mark()} {first} \u2026",
                                         self._span_width(c0, c1)))
            self.reminders[i] = text
        return text

    def _span_lines(self, i: int, done: dict[int, int]) -> int:
        """Lines a spanning cell has to print from its state at the top of a page."""
        n = self.span_len[i]
        if not self.flows(i):
            return n  # short: repeated whole on every page
        d = done.get(i, 0)
        if d == 0:
            return n
        if d < n:
            return 1 + n - d  # the "(lanjutan)" line and the rest
        return self.reminder(i).count("\n") + 1

    def page_layout(self, p: Page) -> tuple[list[float], dict[int, int]]:
        """Row heights of a page, and how many lines each long spanning cell that goes on to the
        next page prints here (it fills the rows it has; the page it ends on prints the rest)."""
        s, e = p.s, p.e
        h = self.base[s:e]
        if p.o:
            rest = self.nl[s] - p.o
            h[0] = self._cell_height(1 + rest if rest > 0 else 1)
        if p.cut is not None:
            h[-1] = p.cut
        last_whole = e - 1 if p.cut is None else e - 2
        pieces = []
        for i in {i for r in range(s, e) for i in self.row_spans[r]}:
            c0, _c1, r0, r1 = self.grid.spans[i]
            a, b = max(r0, s), min(r1 + 1, e)
            lines = self._span_lines(i, p.done)
            goes_on = r1 > last_whole and self.flows(i)
            if goes_on:
                lines = min(lines, SPAN_MIN_LINES)
            pieces.append((b - a, -c0, a, b, self._cell_height(lines), i, goes_on))
        pieces.sort()
        for _len, _c, a, b, need, _i, _on in pieces:
            have = sum(h[a - s:b - s])
            if need > have:
                h[b - s - 1] += need - have
        shown = {i: min(self._span_lines(i, p.done), self.line_fit(sum(h[a - s:b - s])))
                 for _len, _c, a, b, _need, i, on in pieces if on}
        return h, shown

    def height(self, p: Page) -> float:
        return sum(self.page_layout(p)[0]) if p.e > p.s else 0.0

    def after(self, p: Page, shown: dict[int, int] | None = None) -> Page:
        """The (empty) page that starts where page p stops."""
        if shown is None:
            shown = self.page_layout(p)[1]
        if p.cut is None:
            s, o = p.e, 0
        else:
            s = p.e - 1
            start = p.o if s == p.s else 0
            o = start + self.line_fit(p.cut) - (1 if start else 0)
        done = {}
        for i, k in shown.items():
            d = p.done.get(i, 0)
            done[i] = k if d == 0 else (d + k - 1 if d < self.span_len[i] else d)
        return Page(s, s, o, done)


# -- pagination ------------------------------------------------------------------------------------


def paginate(layout: GridLayout, first_capacity: float, capacity: float, tail: float = 0.0,
             tick: Callable[[float], None] | None = None) -> list[Page]:
    """Pages; the last one also leaves ``tail`` points free (the signature block)."""
    n = len(layout.base)
    pages: list[Page] = []
    at = Page(0, 0)
    while at.s < n:
        cap = (first_capacity if not pages else capacity) - layout.header_height
        p = _fit(layout, at, cap)
        pages.append(p)
        at = layout.after(p)
        if tick:
            tick(at.s / n)
    if tail and pages:
        last = pages[-1]
        cap = (first_capacity if len(pages) == 1 else capacity) - layout.header_height
        if layout.height(last) + tail > cap:
            split = _tail_break(layout, last, capacity - layout.header_height - tail, cap)
            if split is not None:
                pages[-1:] = split
    return pages


def _fit(layout: GridLayout, start: Page, capacity: float) -> Page:
    """The page from ``start`` that fills ``capacity``: whole rows first; then a row that does
    not fit is continued on the next page when it would otherwise leave much of this page
    empty (or does not fit on an empty page at all)."""
    n = len(layout.base)
    s, o, done = start.s, start.o, start.done

    def page(e: int, cut: float | None = None) -> Page:
        return Page(s, e, o, done, cut)

    if layout.height(page(s + 1)) > capacity:
        e = s
    else:
        lo, hi = s + 1, min(n, s + int(capacity / max(layout.min_row, 1.0)) + 1)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if layout.height(page(mid)) <= capacity:
                lo = mid
            else:
                hi = mid - 1
        e = lo
        if e < n and (e - 1) in layout.grid.keep_with_next:
            k = _keep_break(layout, start, e, capacity)
            if k != e:
                return page(k)
    if e < n:
        room = capacity - layout.height(page(e))
        if e == s or (room >= SPLIT_ROOM * capacity and e not in layout.grid.bold_rows):
            p = page(e + 1, room)
            nxt = layout.after(p)
            moved = (nxt.s, nxt.o, nxt.done) != (s, o, done)
            if layout.line_fit(room) >= 2 and moved and layout.height(p) <= capacity + 1e-6:
                return p
        if e == s:
            name = layout.grid.row_names[s] if s < len(layout.grid.row_names) else str(s + 1)
            raise InvalidInput(tr("Baris {row} terlalu panjang untuk satu halaman; persingkat "
                                  "teksnya atau pilih kertas F4.").format(row=name))
    return page(e)


def _keep_break(layout: GridLayout, start: Page, e: int, capacity: float) -> int:
    """Move a page break at e back out of a keep-with-next group, unless that would leave the
    page under MIN_FILL; then break inside the group, but never right after a bold (section
    title) row."""
    s = start.s
    keep, bold = layout.grid.keep_with_next, layout.grid.bold_rows
    k = e
    while k > s + 1 and (k - 1) in keep:
        k -= 1
    if (k - 1) not in keep and (layout.height(Page(s, k, start.o, start.done))
                                >= MIN_FILL * capacity):
        return k
    k = e
    while k > s + 1 and (k - 1) in bold:
        k -= 1
    return k


def _tail_break(layout: GridLayout, last: Page, room: float, cap: float) -> list[Page] | None:
    """How to split the last page when the signature does not fit under it.

    The page stays as full as possible: only the last TAIL_ROWS rows (or the keep-with-next
    group they belong to) go over to the signature's page, which has ``room`` for rows.
    If keeping the group together would leave the page under MIN_FILL of ``cap``, the group is
    split instead. A last page holding a single (long) row sends its last lines over. None
    when nothing can move (the signature then goes over on its own).
    """
    s, e = last.s, last.e
    if e - s < 2:
        return _tail_cut(layout, last, room)

    def pair(j: int) -> list[Page]:
        head = Page(s, j, last.o, last.done)
        nxt = layout.after(head)
        return [head, Page(j, e, nxt.o, nxt.done)]

    last_j = e - min(TAIL_ROWS, e - s - 1)
    keep = layout.grid.keep_with_next
    j = last_j
    while j > s and layout.height(pair(j)[1]) <= room:
        if (j - 1) not in keep:
            if layout.height(Page(s, j, last.o, last.done)) >= MIN_FILL * cap:
                return pair(j)
            break
        j -= 1
    j = last_j
    while j < e and (layout.height(pair(j)[1]) > room or (j - 1) in layout.grid.bold_rows):
        j += 1
    return pair(j) if j < e else None


def _tail_cut(layout: GridLayout, last: Page, room: float) -> list[Page] | None:
    """A last page of one row: cut the row so that its last lines print with the signature."""
    h = layout.page_layout(last)[0][-1]
    for lines in (TAIL_ROWS, 2 * TAIL_ROWS, 4 * TAIL_ROWS):
        cut = h - lines * layout.grid.leading
        if layout.line_fit(cut) < 2:
            break
        head = Page(last.s, last.e, last.o, last.done, cut)
        nxt = layout.after(head)
        rest = Page(nxt.s, last.e, nxt.o, nxt.done)
        if (nxt.s, nxt.o, nxt.done) != (last.s, last.o, last.done) \
                and layout.height(rest) <= room:
            return [head, rest]
    return None


# -- drawing ---------------------------------------------------------------------------------------


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
            style.append(("FONT", (0, hn + r - s), (-1, hn + r - s), FONT_BOLD,
                          grid.font_size, grid.leading))
    return Table(data, colWidths=grid.widths, rowHeights=layout.header_heights + heights,
                 style=TableStyle(style))


def _own_cells(layout: GridLayout, r: int, start: int, avail: int | None) -> list[str]:
    """Row r's own cells printing lines start..start+avail (with "(lanjutan)" when start>0)."""
    out = []
    for value in layout.text[r]:
        lines = value.split("\n") if value else []
        part = lines[start:] if avail is None else lines[start:start + avail]
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
    rest = lines[d:] if shown is None else lines[d:d + max(shown - 1, 0)]
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

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        w, h = self._get().wrap(aW, aH)
        self.width, self.height = w, h
        return w, h

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        return self._get().splitOn(self.canv, aW, aH)

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        self._get().drawOn(canvas, x, y, _sW=_sW)
        self._table = None
