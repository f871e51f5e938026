"""The workbook re-read with openpyxl: cells, merges, print set-up, no formulas."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rbdesk.exports import read_plan_workbook, write_workbook
from rbdesk.models.domain.tree import PlanTree, list_plans, load_plan_tree


@pytest.fixture
def tree(sample_store) -> PlanTree:
    return load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)


def _all_cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            yield from row


def test_sheets_cells_and_marks(tree: PlanTree, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_workbook(tree, tmp_path / "p.xlsx"))
    assert wb.sheetnames[:3] == ["Lampiran I", "Lampiran II", "Realisasi"]
    plan = wb["Lampiran II"]
    values = [c.value for row in plan.iter_rows() for c in row]
    assert values.count("√") == sum(len(i.planned_months) for i in tree.indicators())
    texts = {v for v in values if isinstance(v, str)}
    for area in tree.areas:
        assert area.name in texts
    header = next(r for r in plan.iter_rows(values_only=True) if "AREA PERUBAHAN" in r)
    assert (
        header[:5]
        == ("NO.", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN")
        and header[17] == "KETERANGAN"
    )
    roster_text = {c.value for c in _all_cells(wb) if c.parent.title == "Lampiran I"}
    for team in tree.teams:
        for m in team.members:
            assert m.person_name in roster_text
    real = wb["Realisasi"]
    assert real.max_row - 3 == len(tree.indicators())
    assert "DEKY BALLO" in texts


def test_hierarchy_cells_are_merged(tree: PlanTree, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(write_workbook(tree, tmp_path / "p.xlsx"))["Lampiran II"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    area1 = sum(len(s.indicators) for c in tree.areas[0].activities for s in c.sub_activities)
    first = next(r for r in range(1, 30) if ws.cell(r, 2).value == tree.areas[0].name)
    assert f"A{first}:A{first + area1 - 1}" in merged
    assert f"B{first}:B{first + area1 - 1}" in merged
    assert "F8:Q8" in merged  # PELAKSANAAN (BULAN) over the twelve months
    assert ws.cell(first, 6).alignment.horizontal == "center"
    assert ws.cell(first, 5).alignment.wrap_text
    assert ws.cell(first, 5).border.left.style == "thin"


@pytest.mark.parametrize(("paper", "code"), [("a4", 9), ("f4", 14)])
def test_print_setup(tree: PlanTree, tmp_path: Path, paper: str, code: int) -> None:
    wb = openpyxl.load_workbook(write_workbook(tree, tmp_path / "p.xlsx", paper=paper))
    for name, orientation in (
        ("Lampiran I", "portrait"),
        ("Lampiran II", "landscape"),
        ("Realisasi", "landscape"),
    ):
        ws = wb[name]
        assert ws.page_setup.orientation == orientation
        assert int(ws.page_setup.paperSize) == code
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        assert ws.print_title_rows
    assert wb["Lampiran II"].print_title_rows == "$8:$10"


def test_user_text_never_becomes_a_formula(tree: PlanTree, tmp_path: Path) -> None:
    nasty = ["=1+1", "+62 812", "-SUM(A1)", "@cmd", '=HYPERLINK("http://x")']
    for ind, text in zip(tree.indicators(), nasty, strict=False):
        ind.note = text
        ind.text = text
    tree.areas[0].name = "=2*3"
    wb = openpyxl.load_workbook(write_workbook(tree, tmp_path / "p.xlsx"))
    cells = list(_all_cells(wb))
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    for text in nasty:
        assert text in values
    assert "=2*3" in values


def test_text_with_markup_spaces_and_line_breaks_reads_back_as_written(
    tree: PlanTree, tmp_path: Path
) -> None:
    texts = [
        "<b>A & B</b> > C",
        "  diawali dan diakhiri spasi  ",
        "baris satu\nbaris dua",
        "kutip \"ganda\" & 'tunggal'",
        "Rp 1.000 ≤ 2 ½ √",
    ]
    for ind, text in zip(tree.indicators(), texts, strict=False):
        ind.note = text
    wb = openpyxl.load_workbook(write_workbook(tree, tmp_path / "p.xlsx"))
    values = {c.value for c in _all_cells(wb)}
    for text in texts:
        assert text in values


def test_column_widths_and_row_heights(tree: PlanTree, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_workbook(tree, tmp_path / "p.xlsx"))
    plan = wb["Lampiran II"]
    widths = [plan.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOPQR"]
    assert widths == [5, 16, 24, 30, 32] + [4.6] * 12 + [22]
    header = next(r for r in range(1, 30) if plan.cell(r, 2).value == "AREA PERUBAHAN")
    assert plan.row_dimensions[header].height == 26
    body = [plan.row_dimensions[r].height for r in range(header + 3, plan.max_row - 20)]
    assert all(h and h >= 15 for h in body)
    assert wb["rbdesk"].sheet_state == "hidden"


def test_characters_a_worksheet_cannot_hold_are_left_out(tree: PlanTree, tmp_path: Path) -> None:
    """A control character (from an older file) is dropped on the way out: the row writer
    writes XML itself, and Excel refuses a workbook holding one."""
    import openpyxl

    tree.indicators()[0].note = "bel\x07 dan\x1b tab\tok"
    out = write_workbook(tree, tmp_path / "p.xlsx")
    values = [
        c
        for ws in openpyxl.load_workbook(out).worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    ]
    assert "bel dan tab\tok" in values
    assert not any(ch in v for v in values for ch in "\x07\x1b")


@pytest.mark.parametrize("missing", ["number", "date"])
def test_a_draft_decree_says_konsep_on_every_printed_page(
    tree: PlanTree, tmp_path: Path, missing: str
) -> None:
    signed = openpyxl.load_workbook(write_workbook(tree, tmp_path / "signed.xlsx"))
    assert all(
        signed[name].oddHeader.center.text is None
        for name in ("Lampiran I", "Lampiran II", "Realisasi")
    )
    tree.decree = {**tree.decree, missing: ""}
    out = write_workbook(tree, tmp_path / "draft.xlsx")
    wb = openpyxl.load_workbook(out)
    for name in ("Lampiran I", "Lampiran II", "Realisasi"):
        ws = wb[name]
        assert ws.oddHeader.center.text == "KONSEP"
        assert ws.oddHeader.center.size == 18
        assert "&P" in ws.oddFooter.center.text  # the page numbers stay
    # the mark is print set-up, no cell: the draft's workbook reads back as the plan it prints
    assert "KONSEP" not in {c.value for c in _all_cells(wb)}
    plan = read_plan_workbook(out)
    assert [a["name"] for a in plan["areas"]] == [a.name for a in tree.areas]
