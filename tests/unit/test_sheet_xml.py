"""The one-pass sheet reader gives the values openpyxl's read-only mode gives, and refuses DTDs."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from rbdesk.exports.excel.sheet_xml import read_sheet_xml
from rbdesk.models.errors import InvalidInput


def _read(path: Path, title: str, min_row: int = 1):
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb[title]
    with zipfile.ZipFile(path) as archive:
        rows = read_sheet_xml(
            archive,
            ws._worksheet_path,
            wb.shared_strings,
            wb._date_formats,
            wb._timedelta_formats,
            wb.epoch,
            min_row,
        )
    expected = {}
    for r, row in enumerate(ws.iter_rows(min_row=min_row), min_row):
        if any(c.value is not None for c in row):
            expected[r] = ([c.value for c in row], {c.column for c in row if c.data_type == "f"})
    wb.close()
    return rows, expected


def test_values_match_openpyxl(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lampiran II"
    ws.append(["teks", 1, 2.5, True, dt.datetime(2024, 6, 14, 8, 30), None, "√"])
    ws.append([])
    ws.append([None, None, "=SUM(B1:C1)", "  spasi  ", "<&>", 0, -3])
    ws["B4"] = CellRichText(["tebal ", TextBlock(InlineFont(b=True), "sekali")])
    ws["H5"] = dt.date(2024, 1, 2)
    ws["A6"] = "baris\nbaru"
    ws.merge_cells("A7:A9")
    ws["A7"] = "gabung"
    path = tmp_path / "t.xlsx"
    wb.save(path)
    rows, expected = _read(path, "Lampiran II")
    got = {r: (values, formulas) for r, values, formulas in rows.rows}
    assert set(got) == set(expected)
    for r, (values, formulas) in expected.items():
        assert got[r][1] == formulas
        # rows end at their last value (never padded to the sheet's width)
        assert len(got[r][0]) == max(c for c, v in enumerate(values, 1) if v is not None)
        mine = got[r][0] + [None] * len(values)
        for c, value in enumerate(values, 1):
            if c not in formulas:
                assert mine[c - 1] == value, (r, c)
    assert rows.merges == ["A7:A9"]
    assert rows.max_column == 8


def test_min_row_skips_the_rows_above(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for i in range(1, 6):
        wb.active.append([f"baris {i}"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    rows, _ = _read(path, wb.active.title, min_row=3)
    assert [r for r, _v, _f in rows.rows] == [3, 4, 5]


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(path)
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/worksheets/bomb.xml", bomb)
    with zipfile.ZipFile(path) as archive, pytest.raises(InvalidInput):
        read_sheet_xml(
            archive, "xl/worksheets/bomb.xml", [], set(), set(), dt.datetime(1899, 12, 30)
        )
