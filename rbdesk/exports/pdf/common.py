"""Shared pieces of every PDF: document templates, page numbers, styles, headings, signatures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from rbdesk.exports.paper import MM, page_size
from rbdesk.exports.pdf.fonts import FONT, FONT_BOLD, register_fonts
from rbdesk.exports.pdf.wordwrap import WordWrapper
from rbdesk.exports.wording import (
    certifier_heading,
    decree_ref,
    draft_mark,
    indonesian_date,
    nip_line,
    signed_mark,
)
from rbdesk.i18n import tr
from rbdesk.models.domain.print_options import CopyForm, Paper
from rbdesk.models.errors import InvalidInput
from rbdesk.models.text import clean_text

# Margins in points: (left, right, top, bottom). The page number sits inside the bottom margin.
PORTRAIT_MARGINS = (20 * MM, 15 * MM, 15 * MM, 16 * MM)
LANDSCAPE_MARGINS = (12 * MM, 12 * MM, 12 * MM, 14 * MM)
SLACK = 2.0  # points kept free on a page against rounding in reportlab's frame arithmetic
WET_SIGNATURE = 28 * MM  # room for a wet signature with the stamp over it, on the original
PARAF_BOX = 12 * MM  # height of one initial (paraf) box
PARAF_BOX_MAX = 38 * MM  # width of one paraf box at most, where the page has room to spare
PARAF_BOX_MIN_WIDTH = 15 * MM  # width of one paraf box at least: room to write initials in
PARAF_SIZE = 7.5  # a paraf box's title, where it fits
PARAF_MIN_SIZE = 6.5  # the smallest type a paraf title is set in; smaller is hard to read on paper
PARAF_PAD = 2.0  # left and right padding in a paraf box
# the grid of paraf boxes at most, about four rows of long titles: a taller one would not fit
# on a landscape page with the signature and the rows kept with it
PARAF_MAX_HEIGHT = 120 * MM
CELL_PADDING = 3.0  # left and right, in the reports' ruled tables


def frame_size(paper: Paper, landscape: bool) -> tuple[float, float]:
    w, h = page_size(paper, landscape=landscape)
    left, right, top, bottom = LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS
    return w - left - right, h - top - bottom


def esc(text: Any) -> str:
    return escape(clean_text(str(text or ""))).replace("\n", "<br/>")


def cell_paragraph(
    text: str, style: ParagraphStyle, width: float, padding: float = CELL_PADDING
) -> Paragraph:
    """A narrow table cell's paragraph. reportlab breaks a word wider than the cell between any
    two letters ("Pe / rundang-Undangan/Dere / gulasi"); here such a cell is wrapped beforehand,
    with the same font metrics, so the word breaks after its own '/' or '-' as a person would
    write it. ``width`` is the column's, ``padding`` (left and right) included."""
    wrapper = WordWrapper(style.fontName, style.fontSize)
    # half a point less than the room, so reportlab's own arithmetic never breaks a line again
    room = width - 2 * padding - 0.5
    if all(wrapper.width(word) <= room for word in text.split()):
        return Paragraph(esc(text), style)
    return Paragraph("<br/>".join(esc(line) for line in wrapper.lines(text, room)), style)


def make_styles(size: float = 10.0) -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=size, leading=size * 1.3, alignment=TA_JUSTIFY
    )
    return {
        "body": base,
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, alignment=TA_CENTER),
        "bold": ParagraphStyle("bold", parent=base, fontName=FONT_BOLD, alignment=TA_LEFT),
        "small": ParagraphStyle(
            "small",
            parent=base,
            fontSize=size - 1.5,
            leading=(size - 1.5) * 1.25,
            alignment=TA_LEFT,
        ),
    }


class NumberedCanvas(Canvas):
    """Holds pages back until the end so each can say "Halaman i dari n"; a draft's pages also
    get a large light diagonal "KONSEP" across them."""

    draft = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # reportlab starts every page in Helvetica, which is not embedded; start in our own font
        # so that the PDF lists only embedded fonts.
        register_fonts()
        # (the doc template passes initialFontName=None explicitly)
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab API
        state = dict(self.__dict__)
        # one string per page instead of thousands of small ones; reportlab joins the page's
        # operators with newlines anyway, so the stream is the same
        state["_code"] = ["\n".join(self._code)]
        self._held.append(state)
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            self.setFont(FONT, 7.5)
            width = self._pagesize[0]
            self.drawCentredString(
                width / 2, 8 * MM, tr("Halaman {i} dari {n}").format(i=number, n=total)
            )
            if self.draft:
                self._draft_mark()
            Canvas.showPage(self)
        Canvas.save(self)

    def _draft_mark(self) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(colors.Color(0.6, 0.6, 0.6), alpha=0.3)
        self.setFont(FONT_BOLD, min(width, height) / 4.5)
        self.translate(width / 2, height / 2)
        self.rotate(35 if height > width else 25)
        self.drawCentredString(0, -0.3 * min(width, height) / 4.5, draft_mark())
        self.restoreState()


class DraftCanvas(NumberedCanvas):
    draft = True


class RbDoc(BaseDocTemplate):
    def __init__(
        self,
        path: Path,
        paper: Paper,
        *,
        title: str,
        on_page: Callable[[int], None] | None = None,
        first: str = "portrait",
        draft: bool = False,
    ) -> None:
        register_fonts()
        self.on_page = on_page
        self.draft = draft
        portrait = page_size(paper)
        super().__init__(
            str(path),
            pagesize=portrait,
            title=title,
            author="rbdesk",
            creator="rbdesk",
            leftMargin=0,
            rightMargin=0,
            topMargin=0,
            bottomMargin=0,
        )
        templates = {
            name: PageTemplate(
                id=name,
                pagesize=page_size(paper, landscape=land),
                frames=[
                    Frame(
                        m[0],
                        m[3],
                        *frame_size(paper, land),
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                        id=f"{name}-frame",
                    )
                ],
            )
            for name, land, m in (
                ("portrait", False, PORTRAIT_MARGINS),
                ("landscape", True, LANDSCAPE_MARGINS),
            )
        }
        order = [templates[first]] + [t for k, t in templates.items() if k != first]
        self.addPageTemplates(order)

    def afterPage(self) -> None:  # reportlab API
        if self.on_page:
            self.on_page(self.page)

    def build_all(self, story: list[Flowable]) -> None:
        self.build(story, canvasmaker=DraftCanvas if self.draft else NumberedCanvas)


def measure(flowables: list[Flowable], width: float, height: float = 10_000) -> float:
    total = 0.0
    for f in flowables:
        _w, h = f.wrap(width, height)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def lampiran_heading(
    decree: dict[str, Any], roman: str, title: str, width: float, size: float = 9.0
) -> list[Flowable]:
    """The attachment heading as printed: a block at the right, then the centred title."""
    st = make_styles(size)
    keputusan, nomor, about = decree_ref(decree)
    block = [
        Paragraph(esc(tr("LAMPIRAN {n}").format(n=roman)), st["left"]),
        Paragraph(esc(keputusan), st["left"]),
        Paragraph(esc(nomor), st["left"]),
        Paragraph(esc(tr("TENTANG {title}").format(title=about)), st["left"]),
    ]
    block_w = min(95 * MM, width * 0.5)
    table = Table([["", block]], colWidths=[width - block_w, block_w])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, size),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    heading = ParagraphStyle(
        "lt",
        parent=st["title"],
        fontSize=size + 1,
        leading=(size + 1) * 1.3,
        spaceBefore=8,
        spaceAfter=8,
    )
    return [table, Paragraph(esc(title), heading)]


def _cell_table(cells: list[list[Any]], widths: list[float], valign: str = "TOP") -> Table:
    t = Table(cells, colWidths=widths)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),  # not reportlab's Helvetica
                ("VALIGN", (0, 0), (-1, -1), valign),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


@dataclass(frozen=True)
class ParafLayout:
    """How the paraf boxes are set: ``columns`` boxes a row over ``rows`` rows, each box
    ``box`` points wide, the titles in ``size`` point type."""

    columns: int
    rows: int
    box: float
    size: float


def paraf_layout(titles: list[str], width: float, size: float = PARAF_SIZE) -> ParafLayout:
    """The fewest rows of boxes in which every word of every title fits whole in its box, in
    type no smaller than PARAF_MIN_SIZE (smaller is hard to read on paper) and no larger than
    ``size``; within those rows, the largest such type.

    ``width`` is the room there is: each box takes an equal share of it up to PARAF_BOX_MAX
    (a wide landscape page gets roomy boxes rather than a cramped row at one side), and no
    less than PARAF_BOX_MIN_WIDTH (room to write the initials in). The rows are balanced
    (five titles are 3 + 2, not 4 + 1), so the grid reads as one block.
    """
    register_fonts()  # measured in the font the boxes print in
    n = max(1, len(titles))

    def need(word: str, s: float) -> float:
        # half a point more than the word, so reportlab's own arithmetic never breaks it again
        return stringWidth(word, FONT, s) + 2 * PARAF_PAD + 0.5

    # A word wider than all the room even in the smallest type (a title typed without spaces)
    # is broken in any layout (after its own '/' or '-', by cell_paragraph); it must not force
    # one box a row on the other titles.
    words = [w for t in titles for w in t.split() if need(w, PARAF_MIN_SIZE) <= width] or [""]

    def longest(s: float) -> float:
        return max(need(w, s) for w in words)

    steps = max(0, round((size - PARAF_MIN_SIZE) / 0.5))
    sizes = [size - 0.5 * i for i in range(steps + 1)]
    for rows in range(1, n + 1):
        columns = -(-n // rows)
        share = width / columns
        if columns > 1 and share < PARAF_BOX_MIN_WIDTH:
            continue
        for s in sizes:
            if longest(s) <= share:
                return ParafLayout(
                    columns, -(-n // columns), max(min(share, PARAF_BOX_MAX), longest(s)), s
                )
    # only a room narrower than a box to initial in, or than the padding, comes here
    return ParafLayout(1, n, width, sizes[-1])


def paraf_boxes(titles: list[str], width: float, size: float = PARAF_SIZE) -> Table:
    """The grid of initial (paraf) boxes, one per official who checks the draft, each titled
    above its blank box and laid out by ``paraf_layout``: a single row where the titles fit,
    else rows of boxes under one "Paraf" caption, in the order the titles are listed.

    The grid stands in one cell beside the signature and cannot go over to a next page, so
    it is kept within PARAF_MAX_HEIGHT, in smaller type if need be (never under
    PARAF_MIN_SIZE); titles that do not fit even so are refused in words, where reportlab
    would fail with a LayoutError."""
    while True:
        lay = paraf_layout(titles, width, size)
        t = _paraf_table(titles, lay)
        if t.wrap(lay.columns * lay.box, PARAF_MAX_HEIGHT * 10)[1] <= PARAF_MAX_HEIGHT:
            return t
        if lay.size <= PARAF_MIN_SIZE:
            raise InvalidInput(
                tr(
                    "Kotak paraf untuk {n} jabatan tidak muat di samping tanda "
                    "tangan; kurangi jumlah pemaraf atau persingkat jabatannya."
                ).format(n=len(titles))
            )
        size = lay.size - 0.5


def _paraf_table(titles: list[str], lay: ParafLayout) -> Table:
    st = make_styles(lay.size)
    cells: list[list[Any]] = [
        [Paragraph(esc(tr("Paraf")), st["center"])] + [""] * (lay.columns - 1)
    ]
    heights: list[float | None] = [None]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, lay.size),
        ("SPAN", (0, 0), (-1, 0)),
        ("BOX", (0, 0), (-1, 0), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PARAF_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PARAF_PAD),
    ]
    for r in range(lay.rows):
        chunk = titles[r * lay.columns : (r + 1) * lay.columns]
        top = 1 + 2 * r
        cells.append(
            [cell_paragraph(t, st["center"], lay.box, PARAF_PAD) for t in chunk]
            + [""] * (lay.columns - len(chunk))
        )
        cells.append([""] * lay.columns)
        heights += [None, PARAF_BOX]
        if chunk:
            # only the boxes there are get ruled: a short last row leaves no empty boxes
            # that someone might take for a missing official's
            style.append(("GRID", (0, top), (len(chunk) - 1, top + 1), 0.5, colors.black))
    t = Table(cells, colWidths=[lay.box] * lay.columns, rowHeights=heights, hAlign="LEFT")
    t.setStyle(TableStyle(style))
    return t


def signer_width(width: float) -> float:
    """The signatory's column at the right of a signature block ``width`` wide."""
    return min(90 * MM, width / 2)


def paraf_room(width: float) -> float:
    """The room for the paraf boxes left of the signatory, with a gap between them."""
    return width - signer_width(width) - 5 * MM


def signature_block(
    decree: dict[str, Any], width: float, size: float = 9.5, copy: CopyForm = CopyForm.SALINAN
) -> Table:
    """Signatory at the right. The certified copy (``salinan``, as issued) prints the signed
    mark ("TTD") and the certifier's block at the left under it; the original (``asli``) leaves
    room for the wet signature and stamp instead, with the paraf boxes when the decree has any."""
    st = make_styles(size)
    left = st["left"]
    bold = st["bold"]
    gap = Spacer(1, 34)
    asli = copy == CopyForm.ASLI
    signer: list[Flowable] = [
        Paragraph(esc(tr("Ditetapkan di {place}").format(place=decree.get("place", ""))), left),
        Paragraph(
            esc(tr("Pada Tanggal {date}").format(date=indonesian_date(decree.get("date", "")))),
            left,
        ),
        Spacer(1, 6),
        Paragraph(esc(decree.get("signatory_title", "")), left),
    ]
    if asli:
        signer.append(Spacer(1, WET_SIGNATURE))
    else:
        signer += [Spacer(1, 10), Paragraph(esc(signed_mark(decree)), left), Spacer(1, 10)]
    signer.append(Paragraph(esc(decree.get("signatory_name", "")), bold))
    if nip := nip_line(str(decree.get("signatory_nip") or "")):
        signer.append(Paragraph(esc(nip), left))
    col = signer_width(width)
    listed = decree.get("paraf")
    paraf = [str(t) for t in listed if str(t).strip()] if isinstance(listed, list) else []
    # the paraf boxes sit at the left, level with the foot of the signature; a single row
    # takes no height of its own, while rows of them stand taller than the signature, which
    # then sits at their foot (the callers measure the whole block, so the last rows of the
    # page go over with it). They may use all the width left of it (with a gap), which on a
    # landscape page is a lot.
    beside: Any = paraf_boxes(paraf, paraf_room(width)) if asli and paraf else ""
    signer_table = _cell_table([[beside, signer]], [width - col, col], valign="BOTTOM")
    rows: list[list[Any]] = [[signer_table]]
    if not asli:
        certifier: list[Flowable] = [
            Paragraph(esc(certifier_heading(decree)), left),
            Paragraph(esc(decree.get("certifier_office", "")), left),
            Paragraph(esc(decree.get("certifier_title", "")), left),
            gap,
            Paragraph(esc(decree.get("certifier_name", "")), bold),
        ]
        if nip := nip_line(str(decree.get("certifier_nip") or "")):
            certifier.append(Paragraph(esc(nip), left))
        rows.append([_cell_table([[certifier, ""]], [col, width - col])])
    outer = _cell_table(rows, [width])
    outer.spaceBefore = 10
    return outer
