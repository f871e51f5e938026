"""A table laid out and paginated by rbdesk itself, one reportlab Table per page.

reportlab splits one long Table by re-measuring the remainder at every page break, which is
quadratic in the number of rows. Here every cell is wrapped once (plain strings, measured with the
font metrics), row heights are fixed, spanning cells are clipped to each page (their text repeated
on a continuation page), and each page becomes its own small Table: linear in the number of rows.

This module holds the grid (Grid), its wrapped text and row heights, and the geometry of one page
(GridLayout); paginate.py decides where the pages break and page_table.py draws each page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rbdesk.exports.pdf.fonts import FONT, FONT_BOLD
from rbdesk.exports.pdf.wordwrap import WordWrapper
from rbdesk.i18n import tr

Span = tuple[int, int, int, int]  # first column, last column, first row, last row (inclusive)
SPAN_MIN_LINES = 3  # a long spanning cell shows at least this many lines before it is continued
# a long spanning cell's reminder on the pages after its text: its first paragraph (the
# activity's own name, before the list of its parts), whole up to this many lines
REMINDER_LINES = 4


def continuation_mark() -> str:
    """First line of a cell continued from the previous page."""
    return tr("(lanjutan)")


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
    """Wrapped text and row heights of a Grid, and the row heights of any one page of it."""

    def __init__(self, grid: Grid, tick: Callable[[float], None] | None = None) -> None:
        self.grid = grid
        self.wrap = WordWrapper(FONT, grid.font_size)
        self.bold_wrap = WordWrapper(FONT_BOLD, grid.font_size)
        self.header_text, self.header_heights = self._layout(
            grid.header, grid.header_spans, bold=set(range(len(grid.header)))
        )
        self.header_height = sum(self.header_heights)
        self.text, self.base, self.nl, self.span_len, self.row_spans = self._measure(tick)
        self.reminders: dict[int, str] = {}
        self.min_row = min(self.base) if self.base else grid.leading

    def _cell_height(self, lines: int) -> float:
        return lines * self.grid.leading + 2 * self.grid.vpad

    def _span_width(self, c0: int, c1: int) -> float:
        return sum(self.grid.widths[c0 : c1 + 1]) - 2 * self.grid.hpad

    def _layout(
        self, rows: list[list[str]], spans: list[Span], bold: set[int]
    ) -> tuple[list[list[str]], list[float]]:
        """Small tables (the header): wrap, then grow the last row of each span to fit it."""
        covered = {
            (r, c) for c0, c1, r0, r1 in spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
        }
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
            need, have = self._cell_height(len(lines)), sum(heights[r0 : r1 + 1])
            if need > have:
                heights[r1] += need - have
        return text, heights

    def _measure(
        self, tick: Callable[[float], None] | None
    ) -> tuple[list[list[str]], list[float], list[int], list[int], list[list[int]]]:
        """The body: wrapped text, base row heights, lines per row (own cells), lines per
        spanning cell, and the spans that touch each row."""
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
        """What a long spanning cell shows on a page after its whole text has been printed:
        "(lanjutan)" and the cell's first paragraph, whole (a name cut after its first line,
        "3 Penyelenggaraan Integritas di …", tells the reader less than it seems to); only a
        first paragraph longer than REMINDER_LINES is shortened, after a whole word."""
        text = self.reminders.get(i)
        if text is None:
            c0, c1, r0, _r1 = self.grid.spans[i]
            wrap = self.bold_wrap if r0 in self.grid.bold_rows else self.wrap
            width = self._span_width(c0, c1)
            source = self.grid.rows[r0][c0]
            first = next((p.strip() for p in source.split("\n") if p.strip()), "")
            lines = wrap.lines(f"{continuation_mark()} {first}", width)
            if len(lines) > REMINDER_LINES:
                lines = lines[:REMINDER_LINES]
                words = lines[-1].split()
                while len(words) > 1 and wrap.width(" ".join([*words, "\u2026"])) > width:
                    words.pop()
                lines[-1] = " ".join([*words, "\u2026"])
            text = "\n".join(lines)
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
            have = sum(h[a - s : b - s])
            if need > have:
                h[b - s - 1] += need - have
        shown = {
            i: min(self._span_lines(i, p.done), self.line_fit(sum(h[a - s : b - s])))
            for _len, _c, a, b, _need, i, on in pieces
            if on
        }
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
