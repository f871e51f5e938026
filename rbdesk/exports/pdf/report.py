"""The monthly monitoring report (Laporan Monitoring) for the Tim Pengarah."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from rbdesk.exports.pdf.common import (
    CELL_PADDING,
    WET_SIGNATURE,
    cell_paragraph,
    esc,
    frame_size,
    make_styles,
)
from rbdesk.exports.pdf.fonts import FONT, FONT_BOLD, register_fonts
from rbdesk.exports.pdf.wordwrap import WordWrapper
from rbdesk.exports.wording import (
    capaian_note,
    certifier_heading,
    indonesian_date,
    nip_line,
    signed_mark,
)
from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_long, month_short
from rbdesk.models.domain.period_report import PeriodLate, PeriodReport
from rbdesk.models.domain.print_options import CopyForm, Paper
from rbdesk.models.domain.progress import format_percent, review_label
from rbdesk.models.domain.report_data import CapaianRow, EvidenceItem, LateItem, ReportData, Signer

GREY = colors.Color(0.85, 0.85, 0.85)


KEEP_ROWS = 3  # table rows kept on the signature's page
AREA_WIDTH = 115.0  # the area column of the late-items and evidence tables
PERIOD_EVIDENCE_AREA_WIDTH = 90.0  # narrower beside the period list's month and review columns


def _table(
    rows: list[list[Any]],
    widths: list[float],
    *,
    total_row: bool = False,
    tail: Flowable | None = None,
) -> Table:
    """A ruled table, header row repeated; ``tail`` (the signature block) becomes an unruled last
    row that the table never splits from its last KEEP_ROWS rows, so the signature cannot end up
    alone on a page."""
    body = len(rows)
    data = list(rows)
    if tail is not None:
        data.append([tail] + [""] * (len(widths) - 1))
    table = Table(data, colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("GRID", (0, 0), (-1, body - 1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if total_row:
        style.append(("BACKGROUND", (0, body - 1), (-1, body - 1), GREY))
    if tail is not None:
        style += [
            ("SPAN", (0, body), (-1, body)),
            ("LEFTPADDING", (0, body), (-1, body), 0),
            ("RIGHTPADDING", (0, body), (-1, body), 0),
            ("TOPPADDING", (0, body), (-1, body), 14),
            ("NOSPLIT", (0, max(1, body - KEEP_ROWS)), (-1, body)),
        ]
    table.setStyle(TableStyle(style))
    return table


def _section(text: str, style: ParagraphStyle, keep: float) -> list[Flowable]:
    """A section heading that starts a new page unless ``keep`` points follow it on this one."""
    return [CondPageBreak(keep), Paragraph(esc(text), style), Spacer(1, 4)]


BAR_ROW = 16.0  # height of one bar's row, for a label of one line
BAR_LABEL_WIDTH = 150.0
BAR_LABEL_SIZE = 7.5
BAR_LABEL_LEADING = 8.5


def bar_labels(report: ReportData) -> list[list[str]]:
    """Each area's label, wrapped in the label column: whole, on as many lines as it needs
    (a name cut short, "Penguatan Peraturan Perundang-…", is a different area to a reader).
    The first line starts with the area's number; the others are drawn indented under the
    name (``bar_indent``)."""
    register_fonts()
    wrapper = WordWrapper(FONT, BAR_LABEL_SIZE)
    room = BAR_LABEL_WIDTH - 6  # a gap before the bar
    out = []
    for area in report.areas:
        number = f"{area.label}. " if area.label else ""
        lines = wrapper.lines(area.name, room - bar_indent(number))
        out.append([number + lines[0], *lines[1:]])
    return out


def bar_indent(number: str) -> float:
    """How far a bar label's second and later lines stand in: under the name, not the number."""
    return stringWidth(number, FONT, BAR_LABEL_SIZE)


def bar_chart(report: ReportData, width: float) -> Drawing:
    """Horizontal bars of capaian per area, with the percentage written beside each bar."""
    label_w, value_w = BAR_LABEL_WIDTH, 40.0
    bar_w = width - label_w - value_w
    labels = bar_labels(report)
    rows = [max(BAR_ROW, BAR_ROW + (len(lines) - 1) * BAR_LABEL_LEADING) for lines in labels]
    height = sum(rows) + 24
    d = Drawing(width, height)
    d.initialFontName = FONT  # not reportlab's default Helvetica, which is not embedded
    y = height - 8
    for area, lines, row_h in zip(report.areas, labels, rows, strict=True):
        y -= row_h
        # the label's lines centred on the bar, the bar as high as for a one-line label
        mid = y + row_h / 2
        first = mid - 3.5 + (len(lines) - 1) * BAR_LABEL_LEADING / 2
        indent = bar_indent(f"{area.label}. " if area.label else "")
        for k, line in enumerate(lines):
            d.add(
                String(
                    indent if k else 0,
                    first - k * BAR_LABEL_LEADING,
                    line,
                    fontName=FONT,
                    fontSize=BAR_LABEL_SIZE,
                )
            )
        bar_y = mid - (BAR_ROW - 5) / 2
        pct = area.percent or 0.0
        d.add(
            Rect(
                label_w,
                bar_y,
                bar_w,
                BAR_ROW - 5,
                fillColor=colors.white,
                strokeColor=colors.grey,
                strokeWidth=0.4,
            )
        )
        d.add(
            Rect(
                label_w,
                bar_y,
                bar_w * pct / 100.0,
                BAR_ROW - 5,
                fillColor=colors.Color(0.25, 0.45, 0.7),
                strokeColor=None,
            )
        )
        d.add(
            String(
                label_w + bar_w + 4,
                mid - 3.5,
                format_percent(area.percent),
                fontName=FONT_BOLD,
                fontSize=BAR_LABEL_SIZE,
            )
        )
    base = y
    for pct in (0, 25, 50, 75, 100):
        x = label_w + bar_w * pct / 100
        d.add(Line(x, base - 2, x, base + 1, strokeColor=colors.grey, strokeWidth=0.4))
        d.add(String(x - 6, base - 11, f"{pct}%", fontName=FONT, fontSize=6))
    return d


def _signer(
    s: Signer | None, st: dict[str, ParagraphStyle], first_line: str = "", mark: str = ""
) -> list[Flowable]:
    """One signer; ``mark`` ("TTD") stands where the certified copy shows the original was
    signed, without it there is room for the wet signature and stamp."""
    if s is None:
        return []
    out: list[Flowable] = []
    if first_line.strip():
        out.append(Paragraph(esc(first_line), st["left"]))
    elif first_line:
        out.append(Spacer(1, st["left"].leading))  # keeps both signers' lines level
    out += [
        Paragraph(esc(s.heading), st["left"]),
        Paragraph(esc(s.title), st["left"]),
    ]
    if mark:
        out += [Spacer(1, 10), Paragraph(esc(mark), st["left"]), Spacer(1, 10)]
    else:
        out.append(Spacer(1, WET_SIGNATURE))
    out.append(Paragraph(esc(s.name), st["bold"]))
    if nip := nip_line(s.nip):
        out.append(Paragraph(esc(nip), st["left"]))
    return out


def _certifier(decree: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The certifier's block of a certified copy, as under the decree."""
    out: list[Flowable] = [
        Spacer(1, 10),
        Paragraph(esc(certifier_heading(decree)), st["left"]),
        Paragraph(esc(decree.get("certifier_office", "")), st["left"]),
        Paragraph(esc(decree.get("certifier_title", "")), st["left"]),
        Spacer(1, 34),
        Paragraph(esc(decree.get("certifier_name", "")), st["bold"]),
    ]
    if nip := nip_line(str(decree.get("certifier_nip") or "")):
        out.append(Paragraph(esc(nip), st["left"]))
    return out


def capaian_table(
    rows_in: list[CapaianRow],
    first_col: str,
    width: float,
    st: dict[str, Any],
    total: CapaianRow | None = None,
) -> Table:
    """Capaian per area, team or person: the tally, capaian as reported with its rating band,
    and capaian as verified; ``total`` (JUMLAH) as the last, bold row."""
    hs = make_styles(7.5)["bold"]
    head = [
        tr("NO"),
        first_col,
        tr("RENCANA"),
        tr("SELESAI"),
        tr("SEBAGIAN"),
        tr("TERLAMBAT"),
        tr("CAPAIAN DILAPORKAN"),
        tr("PREDIKAT"),
        tr("CAPAIAN TERVERIFIKASI"),
    ]
    # Each number column just wide enough for its header word on one line ("TERLAMBAT",
    # "DILAPORKAN", "TERVERIFIKASI"); the name takes the rest, a narrow column where a long
    # team name ("...PERUNDANG-UNDANGAN") must break after its hyphen, not inside a word.
    fixed = [44, 44, 46, 54, 60, 66, 64]
    widths = [22, width - 22 - sum(fixed), *fixed]
    rows: list[list[Any]] = [[Paragraph(esc(h), hs) for h in head]]
    for i, r in enumerate(rows_in, 1):
        t = r.tally
        rows.append(
            [
                r.label or str(i),
                cell_paragraph(r.name, st["left"], widths[1]),
                t.planned,
                t.done,
                t.partial,
                t.late,
                format_percent(r.percent),
                r.band,
                format_percent(r.verified_percent),
            ]
        )
    if total is not None:
        t = total.tally
        rows.append(
            [
                "",
                cell_paragraph(total.name, st["bold"], widths[1]),
                t.planned,
                t.done,
                t.partial,
                t.late,
                format_percent(total.percent),
                total.band,
                format_percent(total.verified_percent),
            ]
        )
    table = _table(rows, widths, total_row=total is not None)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), FONT, 9),
                ("ALIGN", (2, 1), (-3, -1), "RIGHT"),
                ("ALIGN", (-1, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def report_story(
    report: ReportData,
    paper: Paper,
    copy: CopyForm = CopyForm.SALINAN,
    decree: dict[str, Any] | None = None,
) -> list[Flowable]:
    """The report; ``copy`` as for the decree: ``asli`` to sign, ``salinan`` the certified copy
    (with the certifier of ``decree``)."""
    decree = decree or {}
    width, _h = frame_size(paper, landscape=False)
    st = make_styles(9.0)
    cell, small = st["left"], st["small"]
    month = month_long(report.month)
    story: list[Flowable] = [
        Paragraph(esc(tr("LAPORAN MONITORING RENCANA AKSI REFORMASI BIROKRASI")), st["title"]),
        Paragraph(esc(report.unit.upper()), st["title"]),
        Paragraph(
            esc(tr("BULAN {month} TAHUN {year}").format(month=month.upper(), year=report.year)),
            st["title"],
        ),
        Spacer(1, 10),
        Paragraph(
            esc(
                tr("A. Capaian per {area} sampai dengan bulan {month}").format(
                    area=report.area_name.lower(), month=month
                )
            ),
            st["bold"],
        ),
        Spacer(1, 2),
        Paragraph(esc(capaian_note()), small),
        Spacer(1, 4),
    ]
    table = capaian_table(
        report.areas,
        report.area_name.upper(),
        width,
        st,
        total=CapaianRow("", tr("JUMLAH"), report.total, report.verified_total),
    )
    story += [table, Spacer(1, 8), bar_chart(report, width), Spacer(1, 10)]
    sign = signature_block(report, decree, st, width, copy)
    keep = 80.0  # the heading, the table's header and its first rows
    story += _section(
        tr("B. Indikator yang terlambat (direncanakan s.d. {month}, belum selesai)").format(
            month=month
        ),
        st["bold"],
        keep,
    )
    if report.late:
        head = (
            tr("NO"),
            tr("AREA"),
            tr("INDIKATOR / SUB KEGIATAN"),
            tr("BULAN"),
            tr("KOORDINATOR"),
        )
        rows = late_rows(report.late, head, AREA_WIDTH, small)
        story.append(_table(rows, [25, AREA_WIDTH, width - 25 - AREA_WIDTH - 60 - 90, 60, 90]))
    else:
        story.append(Paragraph(esc(tr("Tidak ada indikator yang terlambat.")), cell))
    story.append(Spacer(1, 10))
    story += evidence_section(
        tr("C. Bukti dukung yang dicatat untuk bulan {month}").format(month=month),
        tr("Belum ada bukti dukung untuk bulan ini."),
        report.evidence,
        sign,
        width,
        st,
        keep,
    )
    return story


def numbered_rows(
    head: Sequence[str],
    items: Sequence[Any],
    area_width: float,
    small: ParagraphStyle,
    rest: Callable[[Any], list[Any]],
) -> list[list[Any]]:
    """A ruled table's header row, then a row per item: its number, area, indicator and the
    cells ``rest(item)``."""
    hs = make_styles(7.5)["bold"]
    rows: list[list[Any]] = [[Paragraph(esc(h), hs) for h in head]]
    for i, item in enumerate(items, 1):
        rows.append(
            [
                str(i),
                cell_paragraph(item.area, small, area_width),
                Paragraph(esc(item.indicator), small),
                *rest(item),
            ]
        )
    return rows


def late_rows(
    late: Sequence[LateItem | PeriodLate],
    head: Sequence[str],
    area_width: float,
    small: ParagraphStyle,
) -> list[list[Any]]:
    """The late indicators' table: their months and coordinator; a period's have notes."""

    def cells(item: LateItem | PeriodLate) -> list[Any]:
        notes = [item.notes] if isinstance(item, PeriodLate) else []
        months = ", ".join(month_short(m) for m in item.months)
        return [Paragraph(esc(text), small) for text in (months, item.coordinator, *notes)]

    return numbered_rows(head, late, area_width, small, cells)


def signature_block(
    report: ReportData | PeriodReport,
    decree: dict[str, Any],
    st: dict[str, ParagraphStyle],
    width: float,
    copy: CopyForm,
) -> Table:
    """Mengetahui (left) and the preparer (right, under place and date); on a certified copy
    "TTD" and the certifier's block below."""
    place_date = ", ".join(x for x in (report.place, indonesian_date(report.date)) if x)
    half = width / 2
    mark = "" if copy == CopyForm.ASLI else signed_mark(decree)
    cells: list[list[Any]] = [
        [
            _signer(report.acknowledged, st, " ", mark),
            _signer(report.prepared, st, place_date, mark),
        ]
    ]
    if copy != CopyForm.ASLI:
        cells.append([_certifier(decree, st), ""])
    sign = Table(cells, colWidths=[half, half])
    sign.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return sign


def evidence_section(
    heading: str,
    empty: str,
    evidence: list[EvidenceItem],
    sign: Table,
    width: float,
    st: dict[str, ParagraphStyle],
    keep: float,
    *,
    months: bool = False,
) -> list[Flowable]:
    """The reports' last section: the evidence list, the signature kept with its last rows.
    Each file shows its month's review, so the list says which files still wait for a verdict;
    with ``months`` (a report over several months) also the month."""
    small = st["small"]
    if not evidence:
        # the heading, its one line and the signature move to a new page together
        return [
            KeepTogether(
                [
                    Paragraph(esc(heading), st["bold"]),
                    Spacer(1, 4),
                    Paragraph(esc(empty), st["left"]),
                    Spacer(1, 14),
                    sign,
                ]
            )
        ]
    head = [tr("NO"), tr("AREA"), tr("INDIKATOR"), tr("TINJAUAN"), tr("BERKAS"), tr("KETERANGAN")]
    area_w, fixed = AREA_WIDTH, [56.0, 100.0, 80.0]
    if months:
        head[3:3] = [tr("BULAN")]
        area_w, fixed = PERIOD_EVIDENCE_AREA_WIDTH, [34.0, 56.0, 95.0, 75.0]
    file_w = fixed[-2]  # the BERKAS column

    def cells(ev: EvidenceItem) -> list[Any]:
        row: list[Any] = [
            Paragraph(esc(review_label(ev.review_state) or "–"), small),
            cell_paragraph(ev.filename, small, file_w),
            Paragraph(esc(ev.note), small),
        ]
        if months:
            row[0:0] = [Paragraph(esc(month_short(ev.month) if ev.month else ""), small)]
        return row

    rows = numbered_rows(head, evidence, area_w, small, cells)
    return [
        *_section(heading, st["bold"], keep),
        _table(rows, [25, area_w, width - 25 - area_w - sum(fixed), *fixed], tail=sign),
    ]
