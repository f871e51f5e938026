"""Printed text is never cut: Lampiran II's continuation cells, the monthly report's bar labels
and the evidence file names are read back from the PDF whole (issue 20, Low)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from rbdesk.cli import main
from rbdesk.exports.pdf.fonts import FONT
from rbdesk.exports.pdf.grid import REMINDER_LINES, Grid, GridLayout
from rbdesk.exports.pdf.report import BAR_LABEL_SIZE, BAR_LABEL_WIDTH, bar_indent, bar_labels
from rbdesk.models.domain.report_data import build_report, month_evidence
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits.realisation import attach_bytes, set_status
from rbdesk.models.storage.store import Store

PAPERS = ("a4", "f4")
# Activity 3 of area 1 of the 2024 sample: a name, then the list of its parts. Its text runs
# over a page on F4, so the next page prints it as a reminder.
INTEGRITY = "3 Penyelenggaraan Integritas di lingkungan kerja:"


def texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def export(path: Path, out: Path, *args: str) -> Path:
    assert main(["export", str(path), str(out), *args]) == 0
    return out


@pytest.mark.parametrize("paper", PAPERS)
def test_plan_continuation_cells_are_whole(sample_path: Path, tmp_path: Path, paper: str) -> None:
    pages = texts(export(sample_path, tmp_path / "plan.pdf", "--part", "plan", "--paper", paper))
    text = "\n".join(pages)
    # no cell of the sample is shortened anywhere: a reminder prints its name whole
    assert "\u2026" not in text
    reminders = re.findall(r"\(lanjutan\) \d+ [^\n]*(?:\n[^\n]*)?", text)
    for reminder in reminders:
        assert squash(reminder).startswith(squash("(lanjutan)")), reminder
    if paper == "f4":
        assert any(squash(f"(lanjutan) {INTEGRITY}") in squash(t) for t in pages[1:])


def test_a_reminder_is_the_first_paragraph_whole_or_cut_after_a_word() -> None:
    long_name = " ".join(f"kata{i:03d}" for i in range(80))
    body = [["x\n" * 30] * 2 for _ in range(4)]
    grid = Grid(
        widths=[90.0, 90.0],
        header=[["A", "B"]],
        rows=[
            [f"{INTEGRITY}\na) satu\nb) dua\n" + "c) tiga\n" * 10, body[0][1]],
            ["", body[1][1]],
            [f"{long_name}\na) satu", body[2][1]],
            ["", body[3][1]],
        ],
        spans=[(0, 0, 0, 1), (0, 0, 2, 3)],
    )
    layout = GridLayout(grid)
    width = 90.0 - 2 * grid.hpad
    short, cut = layout.reminder(0), layout.reminder(1)
    assert squash(short) == squash(f"(lanjutan) {INTEGRITY}")
    lines = cut.split("\n")
    assert len(lines) == REMINDER_LINES and lines[-1].endswith("\u2026")
    assert all(layout.wrap.width(line) <= width for line in lines)
    # cut after a whole word: every word before the mark is one of the name's
    words = squash(" ".join(lines)).removeprefix("(lanjutan)").removesuffix("\u2026")
    assert long_name.replace(" ", "").startswith(words) and words.endswith(
        ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
    )


@pytest.mark.parametrize("paper", PAPERS)
def test_bar_labels_of_the_monthly_report_are_whole(
    sample_path: Path, tmp_path: Path, paper: str
) -> None:
    text = "\n".join(
        texts(
            export(
                sample_path,
                tmp_path / "bulan.pdf",
                "--part",
                "report",
                "--month",
                "6",
                "--paper",
                paper,
            )
        )
    )
    with Store.open(sample_path, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    chart = squash(text[text.index("JUMLAH") : text.index("B. Indikator")])
    assert "\u2026" not in chart
    for area in tree.areas:
        assert squash(f"{area.label}. {area.name}") in chart


def test_bar_labels_fit_their_column(sample_store: Store) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    labels = bar_labels(build_report(tree, 6, month_evidence(sample_store, tree, 6)))
    assert any(len(lines) > 1 for lines in labels)
    for area, lines in zip(tree.areas, labels, strict=True):
        indent = bar_indent(f"{area.label}. ")
        assert all(
            (indent if k else 0) + stringWidth(line, FONT, BAR_LABEL_SIZE) <= BAR_LABEL_WIDTH - 6
            for k, line in enumerate(lines)
        )


FILE_NAMES = (
    "notulen-sosialisasi-kode-etik-penyelenggara-pemilu-kota-kupang.pdf",
    "daftar_hadir_rapat_koordinasi_zona_integritas_2024.pdf",
)


def file_name_pieces(text: str, name: str) -> list[str]:
    """The lines of ``text`` that, one after another, spell ``name``."""
    lines = [line.strip() for line in text.split("\n")]
    for i, line in enumerate(lines):
        if line and name.startswith(line) and len(line) > 3:
            got, pieces = "", []
            for piece in lines[i:]:
                if not name.startswith(got + piece):
                    break
                got += piece
                pieces.append(piece)
                if got == name:
                    return pieces
    return []


@pytest.mark.parametrize("part", ["report", "semester1"])
def test_evidence_file_names_break_only_after_their_separators(
    sample_path: Path, tmp_path: Path, part: str
) -> None:
    with Store.open(sample_path) as store:
        uuid = list_plans(store)[0].uuid
        inds = [i for i in load_plan_tree(store, uuid).indicators() if i.is_planned(3)][:2]
        for ind, name in zip(inds, FILE_NAMES, strict=True):
            set_status(store, ind.uuid, 3, "selesai")
            attach_bytes(store, ind.uuid, 3, name, b"%PDF-1.4 x")
    args = ["--part", part] + (["--month", "3"] if part == "report" else [])
    for paper in PAPERS:
        text = "\n".join(
            texts(export(sample_path, tmp_path / f"{part}-{paper}.pdf", *args, "--paper", paper))
        )
        for name in FILE_NAMES:
            pieces = file_name_pieces(text, name)
            assert pieces, (name, paper)
            assert len(pieces) > 1  # the column is narrower than the name
            assert all(p.endswith(("-", "_")) for p in pieces[:-1]), (pieces, paper)


def has_border(cell) -> bool:  # cell: an openpyxl cell
    b = cell.border
    return any(side is not None and side.style for side in (b.left, b.right, b.top, b.bottom))


@pytest.mark.parametrize("paper", PAPERS)
def test_workbook_draws_no_empty_boxes_outside_its_tables(
    sample_path: Path, tmp_path: Path, paper: str
) -> None:
    """Empty rows between the heading, the table and the signature are empty: an empty cell
    with the table's border is a lone box above the table in LibreOffice (and Excel)."""
    import openpyxl

    out = export(sample_path, tmp_path / "rb.xlsx", "--paper", paper)
    wb = openpyxl.load_workbook(out)
    for title in ("Lampiran I", "Lampiran II", "Realisasi"):
        ws = wb[title]
        header = next(
            c.row
            for row in ws.iter_rows()
            for c in row
            if has_border(c) and c.value not in (None, "")
        )
        merged = {
            (r, c)
            for rng in ws.merged_cells.ranges
            for r in range(rng.min_row, rng.max_row + 1)
            for c in range(rng.min_col, rng.max_col + 1)
        }
        boxed_above = [
            c.coordinate for row in ws.iter_rows(max_row=header - 1) for c in row if has_border(c)
        ]
        assert not boxed_above, (title, boxed_above)
        lone = [
            c.coordinate
            for row in ws.iter_rows()
            for c in row
            if has_border(c)
            and all(x.value in (None, "") for x in row)
            and (c.row, c.column) not in merged
        ]
        assert not lone, (title, lone)
