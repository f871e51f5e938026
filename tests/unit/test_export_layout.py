"""Printed layout read back from the PDF: where the signature lands, how full the pages are, which
fonts the file lists, and the mode of the files written."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from rbdesk.exports import write_pdf, write_workbook
from rbdesk.exports.pdf.common import LANDSCAPE_MARGINS, PORTRAIT_MARGINS
from rbdesk.models.domain.report_data import build_report, month_evidence
from rbdesk.models.domain.tree import PlanTree, list_plans, load_plan_tree
from rbdesk.models.edits.realisation import attach_bytes, set_status
from rbdesk.models.storage.store import Store

PAPERS = ("a4", "f4")


@pytest.fixture
def tree(sample_store) -> PlanTree:
    return load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)


def page_fills(reader: PdfReader) -> list[float]:
    """Per page, how far down the frame the printed text reaches (0 empty .. 1 full).

    Measured from the baselines pypdf reports, ignoring the page number in the bottom margin.
    """
    fills = []
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        _left, _right, top, bottom = LANDSCAPE_MARGINS if w > h else PORTRAIT_MARGINS
        ys: list[float] = []

        def visit(text, cm, tm, _font, _size, ys=ys):
            if text.strip():
                ys.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        body = [y for y in ys if y > bottom]
        low = min(body) if body else h - top
        fills.append((h - top - low) / (h - top - bottom))
    return fills


def section_ends(reader: PdfReader) -> set[int]:
    """Indexes of the last page of each part (decree, Lampiran I, Lampiran II)."""
    starts = [
        i
        for i, p in enumerate(reader.pages)
        if i == 0 or p.extract_text().lstrip().startswith("LAMPIRAN")
    ]
    return {s - 1 for s in starts[1:]} | {len(reader.pages) - 1}


# 1. The monthly report: the signature block never stands alone on the last page.


def _signature_only(text: str, report) -> bool:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    signer_words = {
        report.prepared.name,
        report.prepared.title,
        report.prepared.heading,
        report.acknowledged.name,
        report.acknowledged.title,
        report.acknowledged.heading,
    }
    return all(ln in signer_words or ln.startswith(("Halaman", report.place)) for ln in lines)


def test_report_signature_stays_with_the_evidence_rows(
    sample_store, tree: PlanTree, tmp_path: Path
) -> None:
    indicators = list(tree.indicators())
    for i, ind in enumerate(indicators[:12], 1):
        set_status(sample_store, ind.uuid, 6, "selesai" if i % 3 else "sebagian")
        attach_bytes(
            sample_store,
            ind.uuid,
            6,
            f"bukti-{i:02d}.pdf",
            f"%PDF-1.4 bukti {i}".encode(),
            note="Laporan kegiatan",
        )
    tree = load_plan_tree(sample_store, tree.uuid)
    report = build_report(tree, 6, month_evidence(sample_store, tree, 6))
    assert len(report.evidence) == 12 and report.late
    for paper in PAPERS:
        reader = PdfReader(
            str(
                write_pdf(
                    tree, tmp_path / f"m-{paper}.pdf", part="report", paper=paper, report=report
                )
            )
        )
        last = reader.pages[-1].extract_text()
        assert report.prepared.name in last and report.acknowledged.name in last
        assert "bukti-12.pdf" in last, paper  # the last row of section C prints with it
        assert not _signature_only(last, report)
        text = "\n".join(p.extract_text() for p in reader.pages)
        assert all(f"bukti-{i:02d}.pdf" in text for i in range(1, 13))


@pytest.mark.parametrize("paper", PAPERS)
def test_report_signature_never_alone_whatever_the_length(
    tree: PlanTree, tmp_path: Path, paper: str
) -> None:
    """Sweep the evidence count so the end of section C crosses a page bottom."""
    uuids = [ind.uuid for ind in tree.indicators()]
    for n in range(0, 34):
        rows = [
            (
                uuids[i % len(uuids)],
                f"bukti-{i + 1:02d}.pdf",
                100,
                "Foto kegiatan",
                "u",
                "2024-06-01",
            )
            for i in range(n)
        ]
        report = build_report(tree, 6, rows)
        reader = PdfReader(
            str(write_pdf(tree, tmp_path / f"r{n}.pdf", part="report", paper=paper, report=report))
        )
        last = reader.pages[-1].extract_text()
        assert report.prepared.name in last, n
        assert not _signature_only(last, report), (paper, n)
        assert (f"bukti-{n:02d}.pdf" if n else "Belum ada bukti dukung") in last, (paper, n)


# 2. No page left nearly empty before the end of a part.


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("part", ["roster", "plan", "sk"])
def test_pages_are_filled_before_the_end_of_a_part(
    tree: PlanTree, tmp_path: Path, part: str, paper: str
) -> None:
    reader = PdfReader(str(write_pdf(tree, tmp_path / f"{part}.pdf", part=part, paper=paper)))
    fills = page_fills(reader)
    ends = section_ends(reader)
    thin = [(i + 1, round(f, 2)) for i, f in enumerate(fills) if i not in ends and f < 0.4]
    assert not thin, f"pages under 40% full: {thin}"
    assert "DEKY BALLO" in reader.pages[-1].extract_text()


@pytest.mark.parametrize("paper", PAPERS)
def test_roster_signature_page_takes_only_the_remainder(
    tree: PlanTree, tmp_path: Path, paper: str
) -> None:
    reader = PdfReader(str(write_pdf(tree, tmp_path / "r.pdf", part="roster", paper=paper)))
    fills = page_fills(reader)
    assert all(f > 0.5 for f in fills[:-1]), fills
    # the signature shares its page with the last members
    last = reader.pages[-1].extract_text()
    assert "DEKY BALLO" in last
    assert any(m.person_name in last for t in tree.teams for m in t.members)
    # the page before the signature's page keeps the teams that fit on it
    before = reader.pages[-2].extract_text()
    assert before.count("TIM ") >= 2


# 7. Only embedded fonts.


def _fonts(reader: PdfReader) -> list:
    seen = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            if font not in seen:
                seen.append(font)
                for desc in font.get("/DescendantFonts", []):
                    seen.append(desc.get_object())
    return seen


@pytest.mark.parametrize("part", ["sk", "report"])
def test_every_font_in_the_pdf_is_embedded(
    tree: PlanTree, sample_store: Store, tmp_path: Path, part: str
) -> None:
    report = (
        build_report(tree, 6, month_evidence(sample_store, tree, 6)) if part == "report" else None
    )
    reader = PdfReader(str(write_pdf(tree, tmp_path / "f.pdf", part=part, report=report)))
    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        if font.get("/Subtype") == "/Type0":
            continue  # its descendant carries the descriptor
        name = str(font.get("/BaseFont"))
        assert "DejaVu" in name, name
        desc = font.get("/FontDescriptor")
        assert desc is not None, name
        desc = desc.get_object()
        assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), name


# 8. Files written for colleagues on a share: the mode a plain open() would give.


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mask", [0o022, 0o002])
def test_exported_files_follow_the_umask(tree: PlanTree, tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        pdf = write_pdf(tree, tmp_path / "sk.pdf", part="roster")
        book = write_workbook(tree, tmp_path / "p.xlsx")
    finally:
        os.umask(old)
    for path in (pdf, book):
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask, oct(path.stat().st_mode)
    assert openpyxl.load_workbook(book).sheetnames[:1] == ["Lampiran I"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rbdesk-")]


def test_workbook_signature_prints_the_nips_the_pdf_prints(tree: PlanTree, tmp_path: Path) -> None:
    tree.decree.update(signatory_nip="19700101 199003 1 001", certifier_nip="19800202 200501 2 002")
    book = openpyxl.load_workbook(write_workbook(tree, tmp_path / "rencana.xlsx"))
    for name in ("Lampiran I", "Lampiran II"):
        texts = [str(c.value) for row in book[name].iter_rows() for c in row if c.value]
        name_at = texts.index(tree.decree["signatory_name"])
        assert texts[name_at + 1] == "NIP. 19700101 199003 1 001"
        # the last one: Lampiran I also lists the certifier as a team member
        certifier_at = len(texts) - 1 - texts[::-1].index(tree.decree["certifier_name"])
        assert texts[certifier_at + 1] == "NIP. 19800202 200501 2 002"
