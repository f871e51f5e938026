"""The period reports (Laporan Triwulan I-IV, Semester I/II, Tahunan) as an Excel workbook.

One sheet per section of the PDF, each under the report's title, so that a long table repeats
its header on every printed page (a sheet repeats one block of rows only): Ringkasan (capaian
per area, cumulative capaian per month with a chart), Per Tim, Per Orang, Terlambat, Tinjauan
(every realised month with its evidence and review) and Bukti Dukung, which ends with the
signature blocks as the PDF does. What each table shows is its column
list below: a column added there (a verified capaian, a review state) appears in the workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.legend import Legend
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor

from rbdesk.exports.excel.report_sheet import PERCENT, Column, ReportSheet
from rbdesk.exports.progress import Progress, ProgressFn, atomic_output
from rbdesk.exports.wording import (
    capaian_note,
    period_sections,
    period_title_lines,
)
from rbdesk.i18n import N_, tr
from rbdesk.models.clock import local_date
from rbdesk.models.domain.months import month_long, month_short
from rbdesk.models.domain.period_report import PeriodLate, PeriodReport, ReviewItem
from rbdesk.models.domain.print_options import CopyForm, Paper, check_copy, check_paper
from rbdesk.models.domain.progress import review_label
from rbdesk.models.domain.report_data import CapaianRow, EvidenceItem
from rbdesk.models.domain.signing import is_signed
from rbdesk.models.storage.output_files import check_target
from rbdesk.models.text import clean_text

SHEETS = {  # key: sheet name, translated when written; the names are what a user sees on tabs
    "summary": N_("Ringkasan"),
    "teams": N_("Per Tim"),
    "persons": N_("Per Orang"),
    "late": N_("Terlambat"),
    "reviews": N_("Tinjauan"),
    "evidence": N_("Bukti Dukung"),
}
CHART_PT = 200.0  # the chart's height in points (7 cm)
# the PDF's bar colours (pdf/period_report.py REPORTED_FILL, VERIFIED_FILL) as RGB hex
REPORTED_RGB = "4073B3"
VERIFIED_RGB = "1A7333"


def capaian_columns(first: str) -> list[Column[CapaianRow]]:
    """An area, team or person per row; ``first`` heads the name column."""
    return [
        Column(tr("NO"), 5, lambda n, r: r.label or (str(n) if n else ""), "center"),
        Column(first, 36, lambda n, r: r.name),
        Column(tr("RENCANA"), 10, lambda n, r: r.tally.planned, "number"),
        Column(tr("SELESAI"), 10, lambda n, r: r.tally.done, "number"),
        Column(tr("SEBAGIAN"), 10, lambda n, r: r.tally.partial, "number"),
        Column(tr("TERLAMBAT"), 11, lambda n, r: r.tally.late, "number"),
        Column(tr("CAPAIAN DILAPORKAN"), 10, lambda n, r: r.percent, "percent"),
        Column(tr("PREDIKAT"), 14, lambda n, r: r.band, "center"),
        Column(tr("CAPAIAN TERVERIFIKASI"), 14, lambda n, r: r.verified_percent, "percent"),
    ]


MonthRow = tuple[int, float | None, float | None]  # month, reported, verified


def monthly_columns() -> list[Column[MonthRow]]:
    """Cumulative capaian at the end of each month, reported and verified, as the PDF's chart;
    the workbook's chart draws the two last columns."""
    return [
        Column(tr("NO"), 5, lambda n, m: str(n), "center"),
        Column(tr("BULAN"), 36, lambda n, m: month_long(m[0])),
        Column(tr("CAPAIAN DILAPORKAN"), 10, lambda n, m: m[1], "percent"),
        Column(tr("CAPAIAN TERVERIFIKASI"), 14, lambda n, m: m[2], "percent"),
    ]


def monthly_rows(report: PeriodReport) -> list[MonthRow]:
    """Each month of the period with its reported and its verified cumulative capaian."""
    verified = dict(report.monthly_verified)
    return [(m, pct, verified.get(m)) for m, pct in report.monthly]


def late_columns() -> list[Column[PeriodLate]]:
    return [
        Column(tr("NO"), 5, lambda n, i: str(n), "center"),
        Column(tr("AREA"), 24, lambda n, i: i.area),
        Column(tr("INDIKATOR"), 44, lambda n, i: i.indicator),
        Column(tr("BULAN"), 14, lambda n, i: ", ".join(month_short(m) for m in i.months)),
        Column(tr("KOORDINATOR"), 22, lambda n, i: i.coordinator),
        Column(tr("CATATAN"), 40, lambda n, i: i.notes),
    ]


def review_columns() -> list[Column[ReviewItem]]:
    """Every realised month of the period: what was reported, its evidence, its review."""
    return [
        Column(tr("NO"), 5, lambda n, i: str(n), "center"),
        Column(tr("AREA"), 24, lambda n, i: i.area),
        Column(tr("INDIKATOR"), 44, lambda n, i: i.indicator),
        Column(tr("BULAN"), 8, lambda n, i: month_short(i.month), "center"),
        Column(tr("REALISASI"), 11, lambda n, i: tr(i.status), "center"),
        Column(tr("BUKTI"), 7, lambda n, i: i.evidence, "number"),
        Column(tr("TINJAUAN"), 14, lambda n, i: review_label(i.review_state)),
        Column(tr("PENINJAU"), 22, lambda n, i: i.reviewed_by),
        Column(tr("TANGGAL"), 11, lambda n, i: local_date(i.reviewed_at)),
        Column(tr("CATATAN PENINJAU"), 36, lambda n, i: i.review_note),
    ]


def evidence_columns() -> list[Column[EvidenceItem]]:
    """The files of the period, each with its month and that month's review ("–" while the
    month is not realised, so nothing to review)."""
    return [
        Column(tr("NO"), 5, lambda n, e: str(n), "center"),
        Column(tr("AREA"), 24, lambda n, e: e.area),
        Column(tr("INDIKATOR"), 44, lambda n, e: e.indicator),
        Column(tr("BULAN"), 8, lambda n, e: month_short(e.month) if e.month else "", "center"),
        Column(tr("TINJAUAN"), 14, lambda n, e: review_label(e.review_state) or "–"),
        Column(tr("BERKAS"), 32, lambda n, e: e.filename),
        Column(tr("KETERANGAN"), 36, lambda n, e: e.note),
    ]


def _sheet(
    wb: Workbook,
    key: str,
    report: PeriodReport,
    columns: list[Column[Any]],
    *more: list[Column[Any]],
) -> ReportSheet:
    """A sheet under the report's title; each column as wide as the widest of the tables on it
    (``columns`` and ``more``) needs, so that no header word breaks in the middle."""
    widths = [
        max(cols[i].width for cols in (columns, *more) if i < len(cols))
        for i in range(max(len(cols) for cols in (columns, *more)))
    ]
    sheet = ReportSheet(wb, tr(SHEETS[key]), widths)
    sheet.title(period_title_lines(report))
    sheet.skip()
    return sheet


def _chart(sheet: ReportSheet, first: int, last: int, month_col: int) -> None:
    """Bars of the cumulative capaian per month, reported beside verified, drawn from the
    monthly table's cells (months in ``month_col``, the two capaian right of it, header in row
    ``first``), under the table across the page: twelve pairs of labelled bars need the whole
    width. Blue reported and green verified as on the PDF, with a legend saying which is which."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.gapWidth = 50  # wider bars: each percent label fits over its bar, twelve months too
    chart.legend = Legend()
    chart.legend.position = "b"
    data = Reference(
        sheet.ws, min_col=month_col + 1, max_col=month_col + 2, min_row=first, max_row=last
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=month_col, min_row=first + 1, max_row=last))
    for series, colour in zip(chart.series, (REPORTED_RGB, VERIFIED_RGB), strict=True):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.majorUnit = 0.25
    chart.y_axis.numFmt = PERCENT
    chart.y_axis.delete = False  # openpyxl hides both axes unless told otherwise
    chart.x_axis.delete = False
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    # left unset these default to shown in some readers (LibreOffice): the label is the value only
    chart.dataLabels.showSerName = False
    chart.dataLabels.showCatName = False
    chart.dataLabels.showLegendKey = False
    chart.dataLabels.showPercent = False
    chart.dataLabels.numFmt = PERCENT
    row = sheet.skip(CHART_PT)
    # Anchored to the corners of this one row across all columns rather than sized in cm: a
    # reader whose fonts make the columns wider or narrower still fits it to the page's width.
    chart.anchor = TwoCellAnchor(
        _from=AnchorMarker(col=0, row=row - 1), to=AnchorMarker(col=sheet.columns, row=row)
    )
    sheet.ws.add_chart(chart)


def _summary(wb: Workbook, report: PeriodReport, sec: dict[str, str]) -> ReportSheet:
    columns = capaian_columns(report.area_name.upper())
    sheet = _sheet(wb, "summary", report, columns, monthly_columns())
    sheet.line(capaian_note())
    sheet.skip()
    sheet.line(sec["areas"], bold=True)
    sheet.table(
        columns, report.areas, CapaianRow("", tr("JUMLAH"), report.total, report.verified_total)
    )
    sheet.skip()
    sheet.line(sec["monthly"], bold=True)
    first, last = sheet.table(monthly_columns(), monthly_rows(report))
    sheet.skip(6)
    _chart(sheet, first, last, 2)
    return sheet


def write_period_workbook(
    report: PeriodReport,
    out: Path,
    *,
    decree: dict[str, Any],
    paper: Paper | str = Paper.A4,
    copy: CopyForm | str = CopyForm.SALINAN,
    progress: ProgressFn = None,
) -> Path:
    """Write the report's workbook to ``out`` (atomically) and return it. ``copy`` as for the
    PDF: ``asli`` leaves room for the wet signatures, ``salinan`` prints "TTD" and the
    certifier's block; a draft decree's report says KONSEP on every page."""
    paper, copy = check_paper(paper), check_copy(copy)
    check_target(out)  # before any sheet is built: a refused target leaves nothing half-made
    bar = Progress(progress)
    bar.fraction(0.0)
    draft = not is_signed(decree)
    sec = period_sections(report)
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = clean_text(" ".join(period_title_lines(report)))
    wb.properties.creator = "rbdesk"
    done: list[tuple[ReportSheet, bool]] = [(_summary(wb, report, sec), False)]
    bar.fraction(0.3)
    for key, rows, name in (
        ("teams", report.teams, tr("TIM")),
        ("persons", report.persons, tr("NAMA")),
    ):
        columns = capaian_columns(name)
        sheet = _sheet(wb, key, report, columns)
        sheet.line(sec[key], bold=True)
        sheet.table(columns, rows, repeat=True)
        done.append((sheet, False))
    bar.fraction(0.5)
    # the lists: a heading, then the table, or one line saying the period has none
    lists: tuple[tuple[str, list[Column[Any]], Sequence[Any]], ...] = (
        ("late", late_columns(), report.late),
        ("reviews", review_columns(), report.reviews),
        ("evidence", evidence_columns(), report.evidence),
    )
    for key, columns, items in lists:
        sheet = _sheet(wb, key, report, columns)
        sheet.line(sec[key], bold=True)
        if items:
            sheet.table(columns, items, repeat=True)
        else:
            sheet.line(sec[f"no_{key}"])
        done.append((sheet, True))
    evidence = sheet  # the last list carries the signatures
    evidence.signatures(
        report.acknowledged,
        report.prepared,
        place=report.place,
        date=report.date,
        decree=decree,
        copy=copy,
    )
    for sheet, landscape in done:
        sheet.print_setup(paper, landscape=landscape, draft=draft)
    bar.fraction(0.7)
    with atomic_output(out) as tmp:
        wb.save(tmp)
        bar.finish()
    return out


__all__ = [
    "SHEETS",
    "capaian_columns",
    "evidence_columns",
    "late_columns",
    "monthly_columns",
    "monthly_rows",
    "write_period_workbook",
]
