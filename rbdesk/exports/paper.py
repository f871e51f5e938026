"""Paper sizes for print: A4 and F4 (Folio, 215 x 330 mm, the usual paper of Indonesian offices).
Which papers there are is ``print_options.Paper``; this module holds their measures."""

from __future__ import annotations

from rbdesk.models.domain.print_options import Paper, check_paper

MM = 72.0 / 25.4

PAPERS: dict[Paper, tuple[float, float]] = {
    Paper.A4: (210 * MM, 297 * MM),
    Paper.F4: (215 * MM, 330 * MM),
}

# Excel has no paper code for F4. Code 14 is "Folio 8.5 x 13 in" (215.9 x 330.2 mm), the closest
# standard size and what Indonesian offices pick for F4 in Excel; 9 is A4.
EXCEL_PAPER_CODE = {Paper.A4: 9, Paper.F4: 14}


def page_size(paper: Paper | str, *, landscape: bool = False) -> tuple[float, float]:
    width, height = PAPERS[check_paper(paper)]
    return (height, width) if landscape else (width, height)
