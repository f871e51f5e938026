"""Semester and annual reports as Excel: the workbook read back with openpyxl holds the figures
the models compute, a real chart of capaian per month, the print set-up, the signers."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rbdesk.exports import write_period_workbook
from rbdesk.exports.excel.period_report import SHEETS, capaian_columns, evidence_columns
from rbdesk.exports.excel.report_sheet import wrapped_lines
from rbdesk.models.clock import local_date
from rbdesk.models.domain.months import month_long, month_short
from rbdesk.models.domain.period_report import (
    PeriodReport,
    build_period_report,
    period_evidence,
)
from rbdesk.models.domain.progress import rating_band, total
from rbdesk.models.domain.tree import Cell, PlanTree, list_plans, load_plan_tree
from rbdesk.models.errors import InvalidInput, RbdeskError
from rbdesk.models.storage.store import Store
from tests.book_reads import cell_texts

TODAY = dt.date(2025, 1, 6)


@pytest.fixture
def tree(sample_store: Store) -> PlanTree:
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    # some work done, some half done, one late note: the figures are not all zero
    for n, ind in enumerate(tree.indicators()):
        for m in ind.planned_months:
            if (n + m) % 3 == 0:
                ind.realisation[m] = Cell("selesai", "", f"d{m}", 1)
            elif (n + m) % 5 == 0:
                ind.realisation[m] = Cell("sebagian", "Menunggu tanda tangan", f"p{m}", 1)
    return tree


def _write(
    tree: PlanTree, tmp_path: Path, period: str, store: Store | None = None, **kwargs: Any
) -> tuple[PeriodReport, openpyxl.Workbook]:
    evidence = period_evidence(store, tree, period) if store is not None else []
    report = build_period_report(tree, period, evidence, today=TODAY)
    out = write_period_workbook(tree, tmp_path / f"{period}.xlsx", period=report, **kwargs)
    return report, openpyxl.load_workbook(out)


def _table(ws: Worksheet, header: str) -> list[list[Any]]:
    """The rows under the header row whose second cell is ``header``, up to the first gap."""
    top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == header)
    rows = []
    for r in range(top + 1, ws.max_row + 1):
        values = [c.value for c in ws[r]]
        if all(v is None for v in values):
            break
        rows.append(values)
    return rows


def _text(wb: openpyxl.Workbook) -> str:
    return "\n".join(cell_texts(wb))


def _printed(percent: float | None) -> float | str:
    """A capaian as the workbook holds it: whole percent, "–" where nothing was planned yet
    (an area with no month in the first quarter)."""
    return round(percent) / 100 if percent is not None else "–"


@pytest.mark.parametrize(
    ("period", "heading", "months"),
    [
        ("semester1", "LAPORAN SEMESTER I ", range(1, 7)),
        ("semester2", "LAPORAN SEMESTER II ", range(7, 13)),
        ("annual", "LAPORAN TAHUNAN ", range(1, 13)),
        ("triwulan1", "LAPORAN TRIWULAN I ", range(1, 4)),
        ("triwulan2", "LAPORAN TRIWULAN II ", range(4, 7)),
        ("triwulan3", "LAPORAN TRIWULAN III ", range(7, 10)),
        ("triwulan4", "LAPORAN TRIWULAN IV ", range(10, 13)),
    ],
)
def test_figures_are_the_models_capaian(
    tree: PlanTree, tmp_path: Path, period: str, heading: str, months: range
) -> None:
    report, wb = _write(tree, tmp_path, period)
    assert wb.sheetnames == list(SHEETS.values())
    summary = wb["Ringkasan"]
    assert summary["A1"].value.startswith(heading)
    assert summary["A2"].value == tree.unit.upper()
    assert "Capaian terverifikasi" in _text(wb)

    areas = _table(summary, "AREA PERUBAHAN")
    assert len(areas) == len(report.areas) + 1  # and JUMLAH
    for values, row in zip(areas, [*report.areas, None], strict=True):
        r = row or type(report.areas[0])("", "JUMLAH", report.total)
        assert values[1] == r.name
        assert values[2:6] == [r.tally.planned, r.tally.done, r.tally.partial, r.tally.late]
        assert values[6] == _printed(r.percent)
        assert values[7] == rating_band(r.percent)
    assert report.total.planned and 0 < report.total.percent < 100
    assert areas[-1][6] == round(total(tree.indicators(), months[-1], 13).percent) / 100

    for sheet, rows, name in (
        ("Per Tim", report.teams, "TIM"),
        ("Per Orang", report.persons, "NAMA"),
    ):
        got = _table(wb[sheet], name)
        assert [v[1] for v in got] == [r.name for r in rows]
        assert [v[6] for v in got] == [_printed(r.percent) for r in rows]
        head = next(r for r in range(1, 20) if wb[sheet].cell(r, 2).value == name)
        assert wb[sheet].cell(head, 7).value == "CAPAIAN DILAPORKAN"  # as the PDF heads it
        assert [v[7] for v in got] == [r.band for r in rows]

    monthly = _table(summary, "BULAN")
    assert [v[1] for v in monthly] == [month_long(m) for m in months]
    assert [v[2] for v in monthly] == [round(p) / 100 for _m, p in report.monthly]
    assert [v[3] for v in monthly] == [round(p or 0) / 100 for _m, p in report.monthly_verified]


def test_percentages_are_numbers_formatted_as_percent(tree: PlanTree, tmp_path: Path) -> None:
    _report, wb = _write(tree, tmp_path, "annual")
    ws = wb["Ringkasan"]
    top = next(r for r in range(1, 40) if ws.cell(r, 2).value == "AREA PERUBAHAN")
    cell = ws.cell(top + 1, 7)
    assert isinstance(cell.value, float) and cell.number_format == "0%"
    assert ws.cell(top + 1, 3).number_format == "0"


def test_a_chart_of_capaian_per_month(tree: PlanTree, tmp_path: Path) -> None:
    report, wb = _write(tree, tmp_path, "semester2")
    ws = wb["Ringkasan"]
    assert len(ws._charts) == 1  # openpyxl keeps a read chart only here
    chart = ws._charts[0]
    assert chart.tagname == "barChart"
    monthly = _table(ws, "BULAN")
    top = next(r for r in range(1, 60) if ws.cell(r, 2).value == "BULAN")
    assert [c.value for c in ws[top]][2:4] == ["CAPAIAN DILAPORKAN", "CAPAIAN TERVERIFIKASI"]
    rows = f"${top + 1}:$%s${top + len(monthly)}"
    # reported beside verified, blue and green as the PDF's bars, named in a legend
    assert len(chart.series) == 2
    for series, col, colour in zip(chart.series, "CD", ("4073B3", "1A7333"), strict=True):
        assert series.val.numRef.f == f"'Ringkasan'!${col}" + rows % col
        assert (series.cat.numRef or series.cat.strRef).f == "'Ringkasan'!$B" + rows % "B"
        assert series.tx.strRef.f.replace("$", "") == f"'Ringkasan'!{col}{top}"
        assert series.graphicalProperties.solidFill.srgbClr == colour
    assert chart.legend is not None and chart.legend.position == "b"
    assert len(monthly) == len(report.monthly) == 6
    anchor = chart.anchor  # under the table, across the page's width
    assert anchor._from.row >= top + len(monthly)
    assert (anchor._from.col, anchor.to.col) == (0, len(capaian_columns("X")))
    assert ws.print_area.endswith(f"${anchor.to.row}")  # printed whole


@pytest.mark.parametrize(("paper", "code"), [("a4", 9), ("f4", 14)])
def test_print_setup(tree: PlanTree, tmp_path: Path, paper: str, code: int) -> None:
    _report, wb = _write(tree, tmp_path, "annual", paper=paper)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == code
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        last = get_column_letter(ws.max_column)
        end = max(ws.max_row, max(r for r, d in ws.row_dimensions.items() if d.height))
        assert ws.print_area == f"'{ws.title}'!$A$1:${last}${end}"  # all (the chart), no more
        assert "&P" in ws.oddFooter.center.text
        assert ws.oddHeader.center.text is None  # the sample decree is signed: no KONSEP
    assert wb["Ringkasan"].page_setup.orientation == "portrait"
    assert wb["Terlambat"].page_setup.orientation == "landscape"
    for name, header in (("Per Tim", "TIM"), ("Per Orang", "NAMA"), ("Terlambat", "AREA")):
        ws = wb[name]
        top = next(r for r in range(1, 20) if ws.cell(r, 2).value == header)
        assert ws.print_title_rows == f"${top}:${top}"  # the header on every printed page


def test_nothing_is_cut_off(tree: PlanTree, tmp_path: Path) -> None:
    """Every text cell's row is tall enough for its wrapped lines in its column's width."""
    _report, wb = _write(tree, tmp_path, "annual")
    for ws in wb.worksheets:
        merged = {(r.min_row, r.min_col): r.max_col for r in ws.merged_cells.ranges}
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or not cell.value:
                    continue
                last = merged.get((cell.row, cell.column), cell.column)
                width = sum(
                    ws.column_dimensions[get_column_letter(c)].width
                    for c in range(cell.column, last + 1)
                )
                size = cell.font.sz or 9
                need = wrapped_lines(cell.value, width * 9 / size) * 12 * size / 9
                assert ws.row_dimensions[cell.row].height >= need, (ws.title, cell.coordinate)
    assert wrapped_lines("satu dua tiga empat", 5) == 4
    assert wrapped_lines("a" * 30, 10) == 3


def test_late_items_with_notes_and_the_evidence_of_the_period(
    sample_store: Store, tmp_path: Path
) -> None:
    from rbdesk.models.edits.realisation import attach_bytes

    uuid = list_plans(sample_store)[0].uuid
    ind = load_plan_tree(sample_store, uuid).indicators()[0]
    attach_bytes(
        sample_store, ind.uuid, ind.planned_months[0], "undangan-rapat.pdf", b"%PDF-1.4 x", "=rapat"
    )
    tree = load_plan_tree(sample_store, uuid)
    tree.indicators()[0].text = "bel\x07 dan\x1b esc"  # as an older file may hold
    for item in tree.indicators():
        for m in item.planned_months:
            item.realisation[m] = Cell("belum", "Menunggu tanda tangan", f"c{m}", 1)
    report, wb = _write(tree, tmp_path, "semester1", sample_store)
    late = _table(wb["Terlambat"], "AREA")
    assert len(late) == len(report.late) > 0
    first = report.late[0]
    assert late[0][1:] == [
        first.area,
        "bel dan esc",  # without the control characters
        ", ".join(month_short(m) for m in first.months),
        first.coordinator,
        first.notes,
    ]
    assert "Menunggu tanda tangan" in late[0][5]
    evidence = _table(wb["Bukti Dukung"], "AREA")[0]
    # its month, and no review: the month is not realised in this tree
    assert evidence[3:7] == [
        month_short(ind.planned_months[0]),
        "–",
        "undangan-rapat.pdf",
        "=rapat",
    ]
    cell = next(c for row in wb["Bukti Dukung"].iter_rows() for c in row if c.value == "=rapat")
    assert cell.data_type == "s"  # user text never becomes a formula
    assert [c.header for c in evidence_columns()] == [
        "NO",
        "AREA",
        "INDIKATOR",
        "BULAN",
        "TINJAUAN",
        "BERKAS",
        "KETERANGAN",
    ]
    assert capaian_columns("X")[1].header == "X"


def test_empty_sections_say_so(tree: PlanTree, tmp_path: Path) -> None:
    for ind in tree.indicators():
        for m in ind.planned_months:
            ind.realisation[m] = Cell("selesai", "", f"c{m}", 1)
    _report, wb = _write(tree, tmp_path, "semester1")
    text = _text(wb)
    assert "Tidak ada indikator yang terlambat." in text
    assert "Belum ada bukti dukung dalam periode ini." in text


@pytest.mark.parametrize("copy", ["asli", "salinan"])
def test_signature_blocks(tree: PlanTree, tmp_path: Path, copy: str) -> None:
    tree.settings = {
        **(tree.settings or {}),
        "report_prepared_name": "Yohanes Pelaksana",
        "report_prepared_nip": "198001012005011001",
        "report_ack_name": "Maria Pengarah",
    }
    report, wb = _write(tree, tmp_path, "annual", copy=copy)
    ws = wb["Bukti Dukung"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert {
        "Mengetahui,",
        "Dibuat oleh,",
        "Maria Pengarah",
        "Yohanes Pelaksana",
        "NIP. 198001012005011001",
    } <= set(cells)
    assert cells["Yohanes Pelaksana"].font.b
    assert cells["Maria Pengarah"].column < cells["Yohanes Pelaksana"].column
    assert cells["Maria Pengarah"].row == cells["Yohanes Pelaksana"].row
    assert "6 Januari 2025" in " ".join(cells)
    if copy == "asli":
        assert "TTD" not in cells and "Salinan sesuai dengan aslinya" not in cells
    else:
        assert "TTD" in cells and "Salinan sesuai dengan aslinya" in cells
        assert tree.decree["certifier_name"] in cells
    assert ws.print_area.endswith(f"${ws.max_row}")


def test_a_draft_decree_says_konsep_on_every_page(tree: PlanTree, tmp_path: Path) -> None:
    tree.decree = {**tree.decree, "number": ""}
    _report, wb = _write(tree, tmp_path, "semester1")
    assert all(ws.oddHeader.center.text == "KONSEP" for ws in wb.worksheets)


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """A folder of its own: the sample database sits in tmp_path."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def test_bad_arguments_and_targets_leave_no_file(tree: PlanTree, outdir: Path) -> None:
    report = build_period_report(tree, "annual", [], today=TODAY)
    with pytest.raises(InvalidInput):
        write_period_workbook(tree, outdir / "x.xlsx", period=report, copy="fotokopi")
    with pytest.raises(InvalidInput):
        write_period_workbook(tree, outdir / "x.xlsx", period=report, paper="letter")
    with pytest.raises(RbdeskError, match="tidak ada"):
        write_period_workbook(tree, outdir / "nope" / "x.xlsx", period=report)
    assert not list(outdir.iterdir())


def test_a_target_open_in_excel_gets_a_clear_message(
    tree: PlanTree, outdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a workbook that Excel holds open: the earlier file stays and
    the message says why, in Indonesian."""
    report = build_period_report(tree, "annual", [], today=TODAY)
    out = outdir / "tahunan.xlsx"
    out.write_bytes(b"old")

    def locked(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(RbdeskError, match="sedang dibuka di program lain"):
        write_period_workbook(tree, out, period=report)
    assert out.read_bytes() == b"old"
    assert [p.name for p in outdir.iterdir()] == ["tahunan.xlsx"]


def test_cancel_leaves_no_file(tree: PlanTree, outdir: Path) -> None:
    from rbdesk.exports import Cancelled

    report = build_period_report(tree, "annual", [], today=TODAY)
    with pytest.raises(Cancelled):
        write_period_workbook(
            tree, outdir / "x.xlsx", period=report, progress=lambda done, total: done < 500
        )
    assert not list(outdir.iterdir())


def test_the_signatures_never_split_from_the_last_rows(tree: PlanTree, outdir: Path) -> None:
    """However long the evidence list, the estimate of Excel's pages puts the last rows and
    the whole signature block on one page, breaking the page early where needed."""
    from rbdesk.exports.excel.report_sheet import KEEP_ROWS, page_starts
    from rbdesk.models.domain.report_data import EvidenceItem

    broken = 0
    for n in range(0, 30):
        report = build_period_report(tree, "annual", [], today=TODAY)
        report.evidence = [
            EvidenceItem("Area", "Indikator", f"bukti-{i}.pdf", 10, "", "", "") for i in range(n)
        ]
        out = write_period_workbook(tree, outdir / f"{n}.xlsx", period=report, copy="salinan")
        ws = openpyxl.load_workbook(out)["Bukti Dukung"]
        heading = next(r for r in range(1, 20) if str(ws.cell(r, 1).value).startswith("F."))
        header = (heading + 1, heading + 1) if n else None
        widths = [
            ws.column_dimensions[get_column_letter(c)].width
            for c in range(1, len(evidence_columns()) + 1)
        ]
        starts = page_starts(ws, "a4", True, widths, header)
        sign = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Mengetahui,")
        keep = sign - 2 - KEEP_ROWS  # the blank row and place/date row come before Mengetahui
        assert not [r for r in starts if keep < r <= ws.max_row], n
        broken += bool(ws.row_breaks.brk)
    assert 0 < broken < 30  # some lengths needed the early break, most did not


def test_a_half_percent_prints_as_the_pdf_and_its_band(tree: PlanTree, outdir: Path) -> None:
    from rbdesk.models.domain.progress import Tally, format_percent
    from rbdesk.models.domain.report_data import CapaianRow

    report = build_period_report(tree, "annual", [], today=TODAY)
    report.areas = [CapaianRow("1", "Setengah", Tally(planned=200, done=181))]  # 90.5%
    ws = openpyxl.load_workbook(write_period_workbook(tree, outdir / "h.xlsx", period=report))[
        "Ringkasan"
    ]
    row = _table(ws, "AREA PERUBAHAN")[0]
    assert f"{row[6]:.0%}" == format_percent(90.5) == "90%"
    assert row[7] == rating_band(90.5) == "Baik"


def test_verified_capaian_and_reviews_in_the_workbook(tree: PlanTree, tmp_path: Path) -> None:
    """The reviewed months: verified capaian beside the reported one (the models' figures),
    and the Tinjauan sheet lists every realised month with its review."""
    for n, ind in enumerate(tree.indicators()):
        for m, cell in ind.realisation.items():
            if cell.status != "belum":
                cell.review_state = ("memenuhi", "diajukan", "perlu_revisi")[(n + m) % 3]
                if cell.review_state == "perlu_revisi":
                    cell.reviewed_by, cell.review_note = "Deky Ballo", "Foto kurang jelas"
                    cell.reviewed_at = "2026-11-29T13:49:06.264355Z"
    report, wb = _write(tree, tmp_path, "annual")
    areas = _table(wb["Ringkasan"], "AREA PERUBAHAN")
    for values, row in zip(areas, [*report.areas, None], strict=True):
        verified = row.verified if row else report.verified_total
        assert values[8] == ("–" if verified.percent is None else round(verified.percent) / 100)
    assert report.verified_total == total(tree.indicators(), 12, 13, verified=True)
    assert 0 < report.verified_total.percent < report.total.percent
    reviews = _table(wb["Tinjauan"], "AREA")
    assert len(reviews) == len(report.reviews) > 0
    assert {r[6] for r in reviews} == {"Memenuhi", "Diajukan", "Perlu revisi"}
    assert any(r[7] == "Deky Ballo" and r[9] == "Foto kurang jelas" for r in reviews)
    # the review's day as people read it, as the PDF and the other dates print it
    assert {r[8] for r in reviews if r[7]} == {local_date("2026-11-29T13:49:06.264355Z")}
    assert local_date("2026-11-29T13:49:06.264355Z") in ("29 Nov 2026", "30 Nov 2026")


@pytest.mark.parametrize(
    ("period", "copy", "paper", "code"),
    [("triwulan2", "asli", "a4", 9), ("triwulan4", "salinan", "f4", 14)],
)
def test_a_quarter_as_a_workbook(
    tree: PlanTree, tmp_path: Path, period: str, copy: str, paper: str, code: int
) -> None:
    """Laporan Triwulan as Excel: the quarter's three months in the table and the chart, its
    late items only, the paper and the printed form as asked, KONSEP on a draft decree."""
    tree.decree = {**tree.decree, "number": ""}
    report, wb = _write(tree, tmp_path, period, copy=copy, paper=paper)
    months = range(report.first, report.first + 3)
    assert report.last == report.first + 2 and report.first in (4, 10)
    summary = wb["Ringkasan"]
    assert f"{month_long(report.first).upper()} S.D. {month_long(report.last).upper()}" in (
        summary["A3"].value
    )
    assert [v[1] for v in _table(summary, "BULAN")] == [month_long(m) for m in months]
    assert len(summary._charts) == 1
    late = _table(wb["Terlambat"], "AREA")
    assert len(late) == len(report.late) > 0
    shorts = {month_short(m) for m in months}
    assert all(set(row[3].split(", ")) <= shorts for row in late)
    assert all(ws.page_setup.paperSize == code for ws in wb.worksheets)
    assert all(ws.oddHeader.center.text == "KONSEP" for ws in wb.worksheets)
    texts = {c.value for row in wb["Bukti Dukung"].iter_rows() for c in row}
    assert ("TTD" in texts) == (copy == "salinan")
    assert ("Salinan sesuai dengan aslinya" in texts) == (copy == "salinan")
