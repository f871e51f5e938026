"""The period reports (Laporan Triwulan I-IV, Semester I/II, Tahunan)."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from rbdesk.exports.pdf.common import esc, frame_size, make_styles
from rbdesk.exports.pdf.fonts import FONT, FONT_BOLD
from rbdesk.exports.pdf.report import (
    _section,
    _table,
    capaian_table,
    evidence_section,
    late_rows,
    numbered_rows,
    signature_block,
)
from rbdesk.exports.wording import capaian_note, period_sections, period_title_lines
from rbdesk.i18n import tr
from rbdesk.models.clock import local_date
from rbdesk.models.domain.months import month_short
from rbdesk.models.domain.period_report import PeriodReport, ReviewItem
from rbdesk.models.domain.print_options import CopyForm, Paper
from rbdesk.models.domain.progress import format_percent, review_label
from rbdesk.models.domain.report_data import CapaianRow


def month_chart(report: PeriodReport, width: float) -> Drawing:
    """Vertical bars: cumulative capaian at the end of each month of the period."""
    height, axis_w, base = 130.0, 28.0, 16.0
    plot_h = height - base - 14
    n = len(report.monthly)
    slot = (width - axis_w) / n
    d = Drawing(width, height)
    d.initialFontName = FONT
    for grid in (0, 25, 50, 75, 100):
        y = base + plot_h * grid / 100
        d.add(Line(axis_w, y, width, y, strokeColor=colors.lightgrey, strokeWidth=0.4))
        d.add(String(0, y - 2, f"{grid}%", fontName=FONT, fontSize=6))
    verified = dict(report.monthly_verified)
    for i, (m, pct) in enumerate(report.monthly):
        x = axis_w + i * slot
        h = plot_h * (pct or 0.0) / 100
        d.add(Rect(x + slot * 0.15, base, slot * 0.4, h, fillColor=REPORTED_FILL, strokeColor=None))
        d.add(
            String(
                x + slot * 0.15, base + h + 2, format_percent(pct), fontName=FONT_BOLD, fontSize=6.5
            )
        )
        # The verified bar beside it, narrower, darker and framed: apart in grey print too.
        vh = plot_h * (verified.get(m) or 0.0) / 100
        d.add(
            Rect(
                x + slot * 0.57,
                base,
                slot * 0.28,
                vh,
                fillColor=VERIFIED_FILL,
                strokeColor=colors.black,
                strokeWidth=0.3,
            )
        )
        d.add(String(x + slot * 0.3, base - 10, month_short(m), fontName=FONT, fontSize=7))
    return d


REPORTED_FILL = colors.Color(0.25, 0.45, 0.7)
VERIFIED_FILL = colors.Color(0.1, 0.45, 0.2)
# the area column of the review and late-items tables, which have more columns than the monthly's
REVIEW_AREA_WIDTH = 80.0
LATE_AREA_WIDTH = 90.0


def _review_table(report: PeriodReport, width: float, st: dict[str, Any]) -> Table:
    """Every realised month of the period with its evidence and its review."""
    small = st["small"]
    head = (
        tr("NO"),
        tr("AREA"),
        tr("INDIKATOR"),
        tr("BULAN"),
        tr("BUKTI"),
        tr("TINJAUAN"),
        tr("CATATAN PENINJAU"),
    )

    def cells(item: ReviewItem) -> list[Any]:
        verdict = review_label(item.review_state)
        if item.reviewed_by:
            verdict += tr(" oleh {who}").format(who=item.reviewed_by)
        if item.reviewed_at:
            verdict += f", {local_date(item.reviewed_at)}"
        return [
            Paragraph(esc(f"{month_short(item.month)} · {tr(item.status)}"), small),
            str(item.evidence),
            Paragraph(esc(verdict), small),
            Paragraph(esc(item.review_note), small),
        ]

    rows = numbered_rows(head, report.reviews, REVIEW_AREA_WIDTH, small, cells)
    rest = width - 25 - REVIEW_AREA_WIDTH - 62 - 34 - 95 - 90
    return _table(rows, [25, REVIEW_AREA_WIDTH, rest, 62, 34, 95, 90])


def period_story(
    report: PeriodReport,
    paper: Paper,
    copy: CopyForm = CopyForm.SALINAN,
    decree: dict[str, Any] | None = None,
) -> list[Flowable]:
    decree = decree or {}
    width, _h = frame_size(paper, landscape=False)
    st = make_styles(9.0)
    small = st["small"]
    sec = period_sections(report)
    story: list[Flowable] = [
        Paragraph(esc(line), st["title"]) for line in period_title_lines(report)
    ]
    story += [
        Spacer(1, 6),
        Paragraph(esc(capaian_note()), small),
        Spacer(1, 8),
        Paragraph(esc(sec["areas"]), st["bold"]),
        Spacer(1, 4),
        capaian_table(
            report.areas,
            report.area_name.upper(),
            width,
            st,
            CapaianRow("", tr("JUMLAH"), report.total, report.verified_total),
        ),
        Spacer(1, 8),
        Paragraph(
            esc(
                sec["monthly"]
                + " "
                + tr("(batang biru: dilaporkan; batang hijau berbingkai: terverifikasi)")
            ),
            st["bold"],
        ),
        Spacer(1, 4),
        month_chart(report, width),
        Spacer(1, 10),
    ]
    keep = 80.0
    story += _section(sec["teams"], st["bold"], keep)
    story += [capaian_table(report.teams, tr("TIM"), width, st), Spacer(1, 10)]
    story += _section(sec["persons"], st["bold"], keep)
    story += [capaian_table(report.persons, tr("NAMA"), width, st), Spacer(1, 10)]
    story += _section(sec["late"], st["bold"], keep)
    if report.late:
        head = (
            tr("NO"),
            tr("AREA"),
            tr("INDIKATOR"),
            tr("BULAN"),
            tr("KOORDINATOR"),
            tr("CATATAN"),
        )
        rows = late_rows(report.late, head, LATE_AREA_WIDTH, small)
        story.append(
            _table(
                rows,
                [25, LATE_AREA_WIDTH, width - 25 - LATE_AREA_WIDTH - 60 - 80 - 100, 60, 80, 100],
            )
        )
    else:
        story.append(Paragraph(esc(sec["no_late"]), st["left"]))
    story.append(Spacer(1, 10))
    story += _section(sec["reviews"], st["bold"], keep)
    if report.reviews:
        story.append(_review_table(report, width, st))
    else:
        story.append(Paragraph(esc(sec["no_reviews"]), st["left"]))
    story.append(Spacer(1, 10))
    sign = signature_block(report, decree, st, width, copy)
    story += evidence_section(
        sec["evidence"], sec["no_evidence"], report.evidence, sign, width, st, keep, months=True
    )
    return story


__all__ = ["month_chart", "period_story"]
