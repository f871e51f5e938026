"""Where a grid's pages break: as full as they can be, keep-with-next groups together, long rows
continued on the next page, and the last rows kept with the signature block."""

from __future__ import annotations

from collections.abc import Callable

from rbdesk.exports.pdf.grid import GridLayout, Page
from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

TAIL_ROWS = 3  # rows kept with the signature block when it has to start a new page
MIN_FILL = 0.5  # a keep-with-next group moves to the next page only if this much stays behind
SPLIT_ROOM = 0.3  # a row that does not fit is continued on the next page if this much is free


def paginate(
    layout: GridLayout,
    first_capacity: float,
    capacity: float,
    tail: float = 0.0,
    tick: Callable[[float], None] | None = None,
) -> list[Page]:
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
            raise InvalidInput(
                tr(
                    "Baris {row} terlalu panjang untuk satu halaman; persingkat "
                    "teksnya atau pilih kertas F4."
                ).format(row=name)
            )
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
    if (k - 1) not in keep and (
        layout.height(Page(s, k, start.o, start.done)) >= MIN_FILL * capacity
    ):
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
        if (nxt.s, nxt.o, nxt.done) != (last.s, last.o, last.done) and layout.height(rest) <= room:
            return [head, rest]
    return None
