"""rbdesk export / import through real processes: files written, exit codes 0, 1 and 2."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest
from cli_run import rbdesk as run
from pypdf import PdfReader

from tests.book_reads import cell_texts


def _exported(sample: Path, out: Path, *options: str) -> None:
    """`rbdesk export SAMPLE OUT OPTIONS` succeeds."""
    done = run("export", str(sample), str(out), *options)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "contoh.rbdesk"
    assert run("new", "--sample", str(path)).returncode == 0
    return path


def test_export_pdf_parts_and_excel(sample: Path, tmp_path: Path) -> None:
    sk = tmp_path / "sk.pdf"
    _exported(sample, sk, "--paper", "f4")
    reader = PdfReader(str(sk))
    assert round(float(reader.pages[0].mediabox.height)) == 935  # F4 portrait
    report = tmp_path / "laporan.pdf"
    _exported(sample, report, "--part", "report", "--month", "4", "--year", "2024")
    assert "LAPORAN MONITORING" in PdfReader(str(report)).pages[0].extract_text()
    book = tmp_path / "rencana.xlsx"
    assert run("export", str(sample), str(book)).returncode == 0
    assert openpyxl.load_workbook(book).sheetnames[:3] == ["Lampiran I", "Lampiran II", "Realisasi"]


@pytest.mark.parametrize("part", ["sk", "report"])
def test_export_copy_asli_or_salinan(sample: Path, tmp_path: Path, part: str) -> None:
    texts = {}
    for form in ("asli", "salinan", None):
        out = tmp_path / f"{form}.pdf"
        args = ["export", str(sample), str(out), "--part", part, "--month", "3", "--paper", "f4"]
        done = run(*args, *(("--copy", form) if form else ()))
        assert done.returncode == 0, done.stderr
        reader = PdfReader(str(out))
        assert round(float(reader.pages[0].mediabox.height)) == 935
        texts[form] = "\n".join(p.extract_text() for p in reader.pages)
    assert "TTD" not in texts["asli"] and "Salinan sesuai dengan aslinya" not in texts["asli"]
    assert "TTD" in texts["salinan"] and "Salinan sesuai dengan aslinya" in texts["salinan"]
    assert texts[None] == texts["salinan"]  # the certified copy is the default
    assert "KONSEP" not in texts["asli"] + texts["salinan"]  # the sample decree is signed


@pytest.mark.parametrize(
    ("part", "heading"),
    [
        ("semester1", "LAPORAN SEMESTER I "),
        ("semester2", "LAPORAN SEMESTER II "),
        ("annual", "LAPORAN TAHUNAN "),
        ("triwulan1", "LAPORAN TRIWULAN I "),
        ("triwulan4", "LAPORAN TRIWULAN IV "),
    ],
)
def test_export_semester_and_annual_reports_as_excel(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part: str, heading: str
) -> None:
    from rbdesk.models.domain.period_report import build_period_report
    from rbdesk.models.domain.progress import rating_band
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.storage.store import Store

    monkeypatch.setenv("RBDESK_TODAY", "2025-01-06")
    out = tmp_path / f"{part}.xlsx"
    _exported(sample, out, "--part", part, "--paper", "f4")
    book = openpyxl.load_workbook(out)
    summary = book["Ringkasan"]
    assert summary["A1"].value.startswith(heading)
    assert all(ws.page_setup.paperSize == 14 for ws in book.worksheets)  # F4 (Folio)
    with Store.open(sample, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    report = build_period_report(tree, part, [], today=dt.date(2025, 1, 6))
    top = next(r for r in range(1, 40) if summary.cell(r, 2).value == "AREA PERUBAHAN")
    total = [summary.cell(top + len(report.areas) + 1, c).value for c in range(2, 9)]
    t = report.total
    assert total == [
        "JUMLAH",
        t.planned,
        t.done,
        t.partial,
        t.late,
        round(t.percent) / 100,
        rating_band(t.percent),
    ]
    texts = set(cell_texts(book))
    assert "TTD" in texts and "Salinan sesuai dengan aslinya" in texts  # the default form
    assert any("6 Januari 2025" in v for v in texts)
    asli = tmp_path / f"{part}-asli.xlsx"
    _exported(sample, asli, "--part", part, "--copy", "asli")
    texts = set(cell_texts(openpyxl.load_workbook(asli)))
    assert "TTD" not in texts and "Salinan sesuai dengan aslinya" not in texts


def test_import_adds_a_plan(sample: Path, tmp_path: Path) -> None:
    book = tmp_path / "rencana.xlsx"
    assert run("export", str(sample), str(book)).returncode == 0
    target = tmp_path / "baru.rbdesk"
    assert run("new", str(target)).returncode == 0
    done = run("import", str(target), str(book))
    assert done.returncode == 0, done.stderr
    assert "187 indikator" in done.stdout
    check = run("check", str(target))
    assert "indikator: 187" in check.stdout


def test_usage_errors_exit_2(sample: Path, tmp_path: Path) -> None:
    for args in (
        ("export", str(sample), str(tmp_path / "x.docx")),
        ("export", str(sample), str(tmp_path / "x.xlsx"), "--part", "plan"),
        ("export", str(sample), str(tmp_path / "x.xlsx"), "--part", "report", "--month", "3"),
        ("export", str(sample), str(tmp_path / "x.pdf"), "--part", "report"),
        ("export", str(sample), str(tmp_path / "x.pdf"), "--paper", "letter"),
        ("export", str(sample), str(tmp_path / "x.pdf"), "--copy", "fotokopi"),
        ("export", str(sample), str(tmp_path / "x.xlsx"), "--copy", "asli"),
        ("import", str(sample)),
    ):
        done = run(*args)
        assert done.returncode == 2, (args, done.stderr)
    assert not list(tmp_path.iterdir())


def test_user_errors_exit_1_and_change_nothing(sample: Path, tmp_path: Path) -> None:
    junk = tmp_path / "acak.xlsx"
    junk.write_bytes(os.urandom(2048))
    before = run("check", str(sample)).stdout
    done = run("import", str(sample), str(junk))
    assert done.returncode == 1
    assert "acak.xlsx" in done.stderr and "Traceback" not in done.stderr
    assert run("check", str(sample)).stdout == before
    done = run("export", str(tmp_path / "tidak-ada.rbdesk"), str(tmp_path / "x.pdf"))
    assert done.returncode == 1 and not (tmp_path / "x.pdf").exists()
    done = run("export", str(sample), str(tmp_path / "x.pdf"), "--year", "1999")
    assert done.returncode == 1 and "1999" in done.stderr


def test_import_refuses_a_formula_and_adds_nothing(sample: Path, tmp_path: Path) -> None:
    book = tmp_path / "rencana.xlsx"
    assert run("export", str(sample), str(book)).returncode == 0
    mask = os.umask(0o022)
    os.umask(mask)  # the child process inherits it
    assert book.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's 0600
    wb = openpyxl.load_workbook(book)
    ws = wb["Lampiran II"]
    header = next(r for r in range(1, 40) if ws.cell(r, 2).value == "AREA PERUBAHAN")
    ws.cell(header + 3, 7, "=1+1")  # column G: February of the first indicator
    wb.save(book)
    target = tmp_path / "baru.rbdesk"
    assert run("new", str(target)).returncode == 0
    before = run("check", str(target)).stdout
    done = run("import", str(target), str(book))
    assert done.returncode == 1, done.stderr
    assert f"Lampiran II, baris {header + 3}, kolom G: rumus tidak didukung" in done.stderr
    assert "Traceback" not in done.stderr
    assert run("check", str(target)).stdout == before


@pytest.mark.parametrize(
    ("part", "heading"),
    [
        ("semester1", "LAPORAN SEMESTER I"),
        ("semester2", "LAPORAN SEMESTER II"),
        ("annual", "LAPORAN TAHUNAN"),
        ("triwulan2", "LAPORAN TRIWULAN II RENCANA AKSI"),
        ("triwulan3", "LAPORAN TRIWULAN III RENCANA AKSI"),
    ],
)
def test_export_semester_and_annual_reports(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part: str, heading: str
) -> None:
    monkeypatch.setenv("RBDESK_TODAY", "2025-01-06")
    out = tmp_path / f"{part}.pdf"
    _exported(sample, out, "--part", part, "--paper", "f4")
    reader = PdfReader(str(out))
    assert round(float(reader.pages[0].mediabox.height)) == 935
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert heading in text and "terverifikasi" in text and "PREDIKAT" in text
    assert "6 Januari 2025" in text
