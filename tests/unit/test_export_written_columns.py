"""The plan workbook carries target, satuan, penanggung jawab, the kept columns and the plan's
level names, so that export → import gives the same plan; the PDF heads its columns with the
plan's level names. Files are read back (openpyxl, pypdf)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pypdf import PdfReader

from rbdesk.exports import preview_workbook, write_pdf, write_workbook
from rbdesk.models.domain.tree import PlanTree, list_plans, load_plan_tree
from rbdesk.models.edits.indicator_edit import set_indicator_fields, set_level_names
from rbdesk.models.interchange.plan_import import import_plan
from rbdesk.models.storage.store import Store

NAMES = ["Sasaran", "Program", "Kegiatan", "Output RB"]


def _written(store: Store) -> PlanTree:
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    inds = tree.indicators()
    set_level_names(store, tree.uuid, NAMES)
    set_indicator_fields(
        store,
        inds[0].uuid,
        {
            "target": "100",
            "target_unit": "%",
            "responsible": "Sri Mulyawati",
            # names another office's headers would give other roles: kept by the hidden sheet
            "extra_columns": [["PELAKSANA", "Subbag Umum"], ["ANGGARAN (Rp) TW I", "5000000"]],
        },
    )
    set_indicator_fields(
        store,
        inds[3].uuid,
        {"target": "12", "target_unit": "dokumen", "extra_columns": [["Realisasi", "3"]]},
    )
    return load_plan_tree(store, tree.uuid)


def _fields(tree: PlanTree) -> list[tuple]:
    return [(i.target, i.target_unit, i.responsible, i.extra_columns) for i in tree.indicators()]


def test_export_then_import_gives_the_same_plan(sample_store: Store, tmp_path: Path) -> None:
    tree = _written(sample_store)
    book = write_workbook(tree, tmp_path / "rencana.xlsx")
    ws = openpyxl.load_workbook(book)["Lampiran II"]
    header = next(r for r in range(1, 40) if ws.cell(r, 2).value == "SASARAN")
    assert [ws.cell(header, c).value for c in range(2, 6)] == [n.upper() for n in NAMES]
    assert [ws.cell(header, c).value for c in range(18, 25)] == [
        "KETERANGAN",
        "TARGET",
        "SATUAN",
        "PENANGGUNG JAWAB",
        "PELAKSANA",
        "ANGGARAN (Rp) TW I",
        "Realisasi",
    ]
    preview = preview_workbook(book)
    assert preview.left_out == []
    again = load_plan_tree(sample_store, import_plan(sample_store, preview.plan))
    assert list(again.names) == NAMES
    assert _fields(again) == _fields(tree)
    person = next(
        m.person_uuid for t in tree.teams for m in t.members if m.person_name == "Sri Mulyawati"
    )
    assert again.indicators()[0].responsible_uuid == person
    assert [(i.text, i.planned_months, i.note) for i in again.indicators()] == [
        (i.text, i.planned_months, i.note) for i in tree.indicators()
    ]


def test_a_plan_without_them_keeps_the_kpu_columns(sample_store: Store, tmp_path: Path) -> None:
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    ws = openpyxl.load_workbook(write_workbook(tree, tmp_path / "r.xlsx"))["Lampiran II"]
    header = next(r for r in range(1, 40) if ws.cell(r, 2).value == "AREA PERUBAHAN")
    assert [ws.cell(header, c).value for c in range(2, 6)] == [
        "AREA PERUBAHAN",
        "KEGIATAN",
        "SUB KEGIATAN",
        "INDIKATOR KEBERHASILAN",
    ]
    assert ws.cell(header, 18).value == "KETERANGAN" and ws.cell(header, 19).value is None


def test_the_pdf_names_the_plans_levels(sample_store: Store, tmp_path: Path) -> None:
    tree = _written(sample_store)
    pdf = write_pdf(tree, tmp_path / "rencana.pdf", part="plan")
    first = PdfReader(pdf).pages[0].extract_text()
    assert all(name.upper() in first for name in NAMES)
    assert "AREA PERUBAHAN" not in first
