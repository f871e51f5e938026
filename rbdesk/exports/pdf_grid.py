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
from reportlab.platypus import Table, TableStyle

from rbdesk.exports.fonts import FONT, FONT_BOLD
from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

Span = tuple[int, int, int, int]  # first column, last column, first row, last row (inclusive)
TAIL_ROWS = 3  # rows kept with the signature block when it has to start a new page
MIN_FILL = 0.5  # a keep-with-next group moves to the next page only if this much stays behind


class _Wrapper:
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


class GridLayout:
    """Wrapped text and row heights of a Grid; pages are computed on demand."""

    def __init__(self, grid: Grid, tick: Callable[[float], None] | None = None) -> None:
        self.grid = grid
        self.wrap = _Wrapper(FONT, grid.font_size)
        self.bold_wrap = _Wrapper(FONT_BOLD, grid.font_size)
        self.header_text, self.header_heights = self._layout(grid.header, grid.header_spans,
                                                            bold=set(range(len(grid.header))))
        self.header_height = sum(self.header_heights)
        self.text, self.base, self.need, self.row_spans = self._measure(tick)
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
        need: list[float] = []
        text: list[list[str]] = []
        for i, (c0, c1, r0, r1) in enumerate(grid.spans):
            for r in range(r0, r1 + 1):
                row_spans[r].append(i)
                covered[r].update(range(c0, c1 + 1))
        widths = [self._span_width(c, c) for c in range(len(grid.widths))]
        base = []
        for r, row in enumerate(grid.rows):
            wrap = self.bold_wrap if r in grid.bold_rows else self.wrap
            h = self._cell_height(1)
            out = [""] * len(row)
            skip = covered[r]
            for c, value in enumerate(row):
                if c in skip or not value:
                    continue
                lines = wrap.lines(value, widths[c])
                out[c] = "\n".join(lines)
                h = max(h, self._cell_height(len(lines)))
            base.append(h)
            text.append(out)
            if tick and r % 500 == 0:
                tick(r / max(n, 1))
        for c0, c1, r0, _r1 in grid.spans:
            wrap = self.bold_wrap if r0 in grid.bold_rows else self.wrap
            lines = wrap.lines(grid.rows[r0][c0], self._span_width(c0, c1))
            text[r0][c0] = "\n".join(lines)
            need.append(self._cell_height(len(lines)))
        return text, base, need, row_spans

    def heights(self, s: int, e: int) -> list[float]:
        """Row heights of rows s..e-1 printed together on one page (spans clipped to the page)."""
        h = self.base[s:e]
        ids = {i for r in range(s, e) for i in self.row_spans[r]}
        pieces = []
        for i in ids:
            _c0, _c1, r0, r1 = self.grid.spans[i]
            a, b = max(r0, s), min(r1 + 1, e)
            pieces.append((b - a, -_c0, a, b, self.need[i]))
        for _len, _c, a, b, need in sorted(pieces):
            have = sum(h[a - s:b - s])
            if need > have:
                h[b - s - 1] += need - have
        return h

    def height(self, s: int, e: int) -> float:
        return sum(self.heights(s, e))

    def _fit(self, s: int, capacity: float) -> int:
        """The largest e such that rows s..e-1 fit in capacity (at least s+1)."""
        n = len(self.base)
        if self.height(s, s + 1) > capacity:
            name = self.grid.row_names[s] if s < len(self.grid.row_names) else str(s + 1)
            raise InvalidInput(tr("Baris {row} terlalu panjang untuk satu halaman; persingkat "
                                  "teksnya atau pilih kertas F4.").format(row=name))
        lo, hi = s + 1, min(n, s + int(capacity / max(self.min_row, 1.0)) + 1)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.height(s, mid) <= capacity:
                lo = mid
            else:
                hi = mid - 1
        e = lo
        if e < n and (e - 1) in self.grid.keep_with_next:
            e = self._keep_break(s, e, capacity)
        return e

    def _keep_break(self, s: int, e: int, capacity: float) -> int:
        """Move a page break at e back out of a keep-with-next group, unless that would leave the
        page under MIN_FILL; then break inside the group, but never right after a bold (section
        title) row."""
        keep, bold = self.grid.keep_with_next, self.grid.bold_rows
        k = e
        while k > s + 1 and (k - 1) in keep:
            k -= 1
        if (k - 1) not in keep and self.height(s, k) >= MIN_FILL * capacity:
            return k
        k = e
        while k > s + 1 and (k - 1) in bold:
            k -= 1
        return k

    def paginate(self, first_capacity: float, capacity: float, tail: float = 0.0,
                 tick: Callable[[float], None] | None = None) -> list[tuple[int, int]]:
        """Page slices; the last one also leaves ``tail`` points free (the signature block)."""
        n = len(self.base)
        pages: list[tuple[int, int]] = []
        s = 0
        while s < n:
            cap = (first_capacity if not pages else capacity) - self.header_height
            e = self._fit(s, cap)
            pages.append((s, e))
            s = e
            if tick:
                tick(s / n)
        if tail and pages:
            s, e = pages[-1]
            cap = (first_capacity if len(pages) == 1 else capacity) - self.header_height
            if self.height(s, e) + tail > cap:
                j = self._tail_break(s, e, capacity - self.header_height - tail, cap)
                if j is not None:
                    pages[-1] = (s, j)
                    pages.append((j, e))
        return pages

    def _tail_break(self, s: int, e: int, room: float, cap: float) -> int | None:
        """Where to split the last page (rows s..e-1) when the signature does not fit under it.

        The page stays as full as possible: only the last TAIL_ROWS rows (or the keep-with-next
        group they belong to) go over to the signature's page, which has ``room`` for rows.
        If keeping the group together would leave the page under MIN_FILL of ``cap``, the group is
        split instead. None when nothing can move (a single row: the signature then goes over on
        its own).
        """
        if e - s < 2:
            return None
        last = e - min(TAIL_ROWS, e - s - 1)
        keep = self.grid.keep_with_next
        j = last
        while j > s and self.height(j, e) <= room:
            if (j - 1) not in keep:
                if self.height(s, j) >= MIN_FILL * cap:
                    return j
                break
            j -= 1
        j = last
        while j < e and (self.height(j, e) > room or (j - 1) in self.grid.bold_rows):
            j += 1
        return j if j < e else None

    def table(self, s: int, e: int) -> Table:
        grid = self.grid
        hn = len(grid.header)
        data = [list(r) for r in self.header_text] + [list(self.text[r]) for r in range(s, e)]
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
        for i in {i for r in range(s, e) for i in self.row_spans[r]}:
            c0, c1, r0, r1 = grid.spans[i]
            a, b = max(r0, s), min(r1, e - 1)
            if a != r0:
                data[hn + a - s][c0] = self.text[r0][c0]
            if (c0, a) != (c1, b):
                style.append(("SPAN", (c0, hn + a - s), (c1, hn + b - s)))
        for r in range(s, e):
            if r in grid.bold_rows:
                style.append(("FONT", (0, hn + r - s), (-1, hn + r - s), FONT_BOLD,
                              grid.font_size, grid.leading))
        heights = self.header_heights + self.heights(s, e)
        return Table(data, colWidths=grid.widths, rowHeights=heights, style=TableStyle(style))
