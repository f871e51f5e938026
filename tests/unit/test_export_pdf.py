"""PDF exports re-read with pypdf: names, areas, √ count, page sizes, page count, cancel."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from rbdesk.exports import Cancelled, write_pdf
from rbdesk.models.domain.report_data import build_report, month_evidence
from rbdesk.models.domain.tree import (
    ActivityNode,
    AreaNode,
    IndicatorNode,
    PlanTree,
    SubActivityNode,
    list_plans,
    load_plan_tree,
)
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.store import Store

A4 = (595.3, 841.9)
F4 = (609.4, 935.4)
WORDS = (
    "pelaksanaan",
    "evaluasi",
    "dokumen",
    "laporan",
    "sosialisasi",
    "kinerja",
    "pegawai",
    "Penguatan",
    "Perundang-Undangan/Deregulasi",
    "SOP",
    "√",
    "Ñandú",
    "Kupang",
)


def synthetic_tree(n_indicators: int, seed: int = 1) -> PlanTree:
    """A plan of ``n_indicators`` indicators with wrapped texts, spans and notes (no database)."""
    rng = random.Random(seed)

    def text(lo: int, hi: int) -> str:
        return " ".join(rng.choice(WORDS[:10]) for _ in range(rng.randint(lo, hi)))

    tree = PlanTree("p", "KPU Kota Uji", 2030, "Rencana Aksi Uji", {"place": "Kupang"}, {}, 1)
    made = 0
    a = 0
    while made < n_indicators:
        a += 1
        area = AreaNode(f"a{a}", str(a), f"Area {a} " + text(1, 4), 1)
        tree.areas.append(area)
        for c in range(1, 6):
            act = ActivityNode(f"a{a}c{c}", f"{c})", text(2, 10), 1)
            area.activities.append(act)
            for s in range(1, 5):
                sub = SubActivityNode(f"a{a}c{c}s{s}", f"{s}.", text(2, 20), 1)
                act.sub_activities.append(sub)
                for i in range(1, rng.randint(2, 7)):
                    made += 1
                    sub.indicators.append(
                        IndicatorNode(
                            f"i{made}",
                            str(i),
                            text(1, 25),
                            rng.getrandbits(12),
                            text(0, 6) if rng.random() < 0.2 else "",
                            1,
                        )
                    )
                    if made >= n_indicators:
                        return tree
    return tree


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(str(path))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def planned_months(tree: PlanTree) -> int:
    return sum(len(ind.planned_months) for ind in tree.indicators())


@pytest.fixture
def tree(sample_store) -> PlanTree:
    return load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)


def size(page) -> tuple[float, float]:
    return round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)


def test_sk_a4_has_decree_roster_plan_and_every_name(tree: PlanTree, tmp_path: Path) -> None:
    out = write_pdf(tree, tmp_path / "sk.pdf", part="sk", paper="a4")
    reader, text = pdf_text(out)
    flat = squash(text)
    for needle in (
        "MEMUTUSKAN",
        "Menimbang",
        "Mengingat",
        "KESATU",
        "KELIMA",
        "LAMPIRAN I",
        "LAMPIRAN II",
        "Salinan sesuai dengan aslinya",
        "DEKY BALLO",
        "Sri Mulyawati",
    ):
        assert squash(needle) in flat, needle
    for area in tree.areas:
        assert squash(area.name) in flat, area.name
    for team in tree.teams:
        for m in team.members:
            assert squash(m.person_name) in flat, m.person_name
    assert text.count("√") == planned_months(tree)
    n = len(reader.pages)
    assert 8 <= n <= 40
    assert f"Halaman 1 dari {n}" in text and f"Halaman {n} dari {n}" in text
    assert size(reader.pages[0]) == A4  # decree: portrait
    assert size(reader.pages[-1]) == (A4[1], A4[0])  # plan: landscape


def test_plan_f4_landscape_headers_on_every_page(tree: PlanTree, tmp_path: Path) -> None:
    out = write_pdf(tree, tmp_path / "plan.pdf", part="plan", paper="f4")
    reader, text = pdf_text(out)
    assert {size(p) for p in reader.pages} == {(F4[1], F4[0])}
    for page in reader.pages:
        page_text = page.extract_text()
        assert "INDIKATOR KEBERHASILAN" in page_text and "KETERANGAN" in page_text
    assert text.count("√") == planned_months(tree)
    assert 4 <= len(reader.pages) <= 20
    last = reader.pages[-1].extract_text()
    assert "DEKY BALLO" in last and "√" in last  # signature kept with the last rows


def test_roster_lists_sections_and_duties_once(tree: PlanTree, tmp_path: Path) -> None:
    reader, text = pdf_text(write_pdf(tree, tmp_path / "r.pdf", part="roster", paper="a4"))
    flat = squash(text)
    for needle in ("PENGARAH", "PELAKSANA", "I.TIMMANAJEMENPERUBAHAN", "TUGASDALAMTIM"):
        assert needle in flat
    first_duty = squash(next(t for t in tree.teams if t.kind == "area").duties[0])
    assert flat.count(first_duty) == 1
    assert size(reader.pages[0]) == A4


def test_report_lists_tallies_late_items_and_signers(
    tree: PlanTree, sample_store: Store, tmp_path: Path
) -> None:
    report = build_report(tree, 3, month_evidence(sample_store, tree, 3))
    assert report.total.planned == sum(a.tally.planned for a in report.areas) > 0
    assert report.late and all(item.coordinator for item in report.late)
    _reader, text = pdf_text(write_pdf(tree, tmp_path / "m.pdf", part="report", report=report))
    flat = squash(text)
    assert "LAPORANMONITORING" in flat and "BULANMARET" in flat
    assert squash(report.late[0].coordinator) in flat
    assert squash(report.prepared.name) in flat and squash(report.acknowledged.name) in flat


def test_large_plan_is_paginated_and_counts_every_mark(tmp_path: Path) -> None:
    big = synthetic_tree(600)
    reader, text = pdf_text(write_pdf(big, tmp_path / "big.pdf", part="plan", paper="a4"))
    assert text.count("√") == planned_months(big)
    assert 15 <= len(reader.pages) <= 200


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 3

    with pytest.raises(Cancelled):
        write_pdf(synthetic_tree(300), tmp_path / "c.pdf", part="plan", progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_total(tree: PlanTree, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_pdf(
        tree, tmp_path / "p.pdf", part="plan", progress=lambda d, t: seen.append((d, t)) or True
    )
    assert seen[-1][0] == seen[-1][1] and [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_bad_arguments(tree: PlanTree, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        write_pdf(tree, tmp_path / "x.pdf", paper="letter")
    with pytest.raises(InvalidInput):
        write_pdf(tree, tmp_path / "x.pdf", part="report")
    assert not (tmp_path / "x.pdf").exists()


def test_report_signing_date_honours_rbdesk_today(
    tree: PlanTree, sample_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RBDESK_TODAY", "2024-07-01")
    report = build_report(tree, 6, month_evidence(sample_store, tree, 6))
    assert report.date == "2024-07-01"
    _reader, text = pdf_text(write_pdf(tree, tmp_path / "m.pdf", part="report", report=report))
    assert "1 Juli 2024" in text


def test_monthly_report_shows_capaian_reported_and_verified(
    sample_store: Store, tmp_path: Path
) -> None:
    from rbdesk.models.domain.progress import format_percent, indicators_of, rating_band, total
    from rbdesk.models.edits import review
    from rbdesk.models.edits.realisation import attach_bytes, set_status

    uuid = list_plans(sample_store)[0].uuid
    inds = [i for i in load_plan_tree(sample_store, uuid).indicators() if i.is_planned(1)][:2]
    for ind in inds:
        set_status(sample_store, ind.uuid, 1, "selesai")
    attach_bytes(sample_store, inds[0].uuid, 1, "notulen-januari.pdf", b"%PDF-1.4 n")
    attach_bytes(sample_store, inds[1].uuid, 1, "daftar-hadir.pdf", b"%PDF-1.4 d")
    review.review_month(sample_store, inds[0].uuid, 1, "memenuhi", by="Deky Ballo")
    tree = load_plan_tree(sample_store, uuid)
    report = build_report(tree, 1, month_evidence(sample_store, tree, 1))
    assert report.total == total(tree.indicators(), 1, 2)
    assert report.verified_total == total(tree.indicators(), 1, 2, verified=True)
    assert report.total.done == 2 and report.verified_total.done == 1
    assert [a.verified for a in report.areas] == [
        total(indicators_of(a), 1, 2, verified=True) for a in tree.areas
    ]
    _reader, text = pdf_text(write_pdf(tree, tmp_path / "m.pdf", part="report", report=report))
    flat = squash(text)
    assert "CAPAIANDILAPORKAN" in flat and "CAPAIANTERVERIFIKASI" in flat
    # the JUMLAH row: tally, capaian reported, its band, capaian verified
    t, v = report.total, report.verified_total
    assert (
        squash(
            f"JUMLAH {t.planned} {t.done} {t.partial} {t.late} {format_percent(t.percent)} "
            f"{rating_band(t.percent)} {format_percent(v.percent)}"
        )
        in flat
    )
    # section C: each file with its month's review, so the one still waiting shows
    section_c = flat[flat.index("C.Buktidukung") :]
    assert "TINJAUAN" in section_c
    assert "Memenuhinotulen-januari.pdf" in section_c
    assert "Diajukandaftar-hadir.pdf" in section_c
