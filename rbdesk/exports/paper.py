"""Paper sizes for print: A4 and F4 (Folio, 215 x 330 mm, the usual paper of Indonesian offices)."""

from __future__ import annotations

from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

MM = 72.0 / 25.4

PAPERS: dict[str, tuple[float, float]] = {
    "a4": (210 * MM, 297 * MM),
    "f4": (215 * MM, 330 * MM),
}

# Excel has no paper code for F4. Code 14 is "Folio 8.5 x 13 in" (215.9 x 330.2 mm), the closest
# standard size and what Indonesian offices pick for F4 in Excel; 9 is A4.
EXCEL_PAPER_CODE = {"a4": 9, "f4": 14}


def check_paper(paper: str) -> str:
    key = (paper or "").lower()
    if key not in PAPERS:
        raise InvalidInput(tr("Ukuran kertas '{paper}' tidak dikenal; pilih A4 atau F4.")
                           .format(paper=paper))
    return key


def page_size(paper: str, *, landscape: bool = False) -> tuple[float, float]:
    width, height = PAPERS[check_paper(paper)]
    return (height, width) if landscape else (width, height)
