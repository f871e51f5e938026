"""Quarterly, semester and annual reports: figures against progress, rating bands, the PDF read
back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from rbdesk.exports import write_pdf
from rbdesk.models.clock import local_date
from rbdesk.models.domain.months import current_month, month_short
from rbdesk.models.domain.period_report import build_period_report, period_evidence
from rbdesk.models.domain.progress import indicators_of, rating_band, team_indicators, total
from rbdesk.models.domain.roster_reads import person_areas
from rbdesk.models.domain.tree import Cell, PlanTree, list_plans, load_plan_tree
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.store import Store


@pytest.fixture
def tree(sample_store: Store) -> PlanTree:
    return load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def flat_text(pdf: Path) -> str:
    """All the text of a PDF, without its spaces and line breaks."""
    return squash("\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages))


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100, "Sangat Baik"),
        (91, "Sangat Baik"),
        (90, "Baik"),
        (76, "Baik"),
        (75, "Cukup"),
        (66, "Cukup"),
        (65, "Kurang"),
        (51, "Kurang"),
        (50, "Sangat Kurang"),
        (0, "Sangat Kurang"),
        (None, "–"),
    ],
)
def test_rating_band_boundaries(score: float | None, band: str) -> None:
    assert rating_band(score) == band


@pytest.mark.parametrize(
    ("period", "last"),
    [
        ("semester1", 6),
        ("semester2", 12),
        ("annual", 12),
        ("triwulan1", 3),
        ("triwulan2", 6),
        ("triwulan3", 9),
        ("triwulan4", 12),
    ],
)
def test_figures_match_progress(tree: PlanTree, period: str, last: int) -> None:
    today = dt.date(tree.year, 9, 15)
    now = current_month(tree.year, today)
    report = build_period_report(tree, period, [], today=today)
    assert [r.tally for r in report.areas] == [
        total(indicators_of(a), last, now) for a in tree.areas
    ]
    area_teams = [t for t in tree.teams if t.area_uuid]
    assert [r.tally.percent for r in report.teams] == [
        total(team_indicators(tree, t), last, now).percent for t in area_teams
    ]
    assert report.total == total(tree.indicators(), last, now)
    assert report.monthly[-1][1] == report.total.percent
    by_name = {r.name: r for r in report.persons}
    for t in area_teams:
        for m in t.members:
            areas = person_areas(tree, m.person_uuid)
            inds = [i for a in tree.areas if a.uuid in areas for i in indicators_of(a)]
            assert by_name[m.person_name].percent == total(inds, last, now).percent
    assert report.persons and all(r.band == rating_band(r.percent) for r in report.persons)


def test_late_items_are_in_the_period_and_before_now(tree: PlanTree) -> None:
    today = dt.date(tree.year, 9, 15)
    s2 = build_period_report(tree, "semester2", [], today=today)
    assert all(7 <= m < 9 for item in s2.late for m in item.months)
    s1 = build_period_report(tree, "semester1", [], today=today)
    assert s1.late and all(1 <= m <= 6 for item in s1.late for m in item.months)
    with pytest.raises(InvalidInput):
        build_period_report(tree, "quarter", [])


@pytest.mark.parametrize("paper", ["a4", "f4"])
@pytest.mark.parametrize(
    ("period", "heading"),
    [
        ("semester1", "LAPORANSEMESTERI"),
        ("semester2", "LAPORANSEMESTERII"),
        ("annual", "LAPORANTAHUNAN"),
        ("triwulan1", "LAPORANTRIWULANI"),
        ("triwulan3", "LAPORANTRIWULANIII"),
    ],
)
def test_pdf_reads_back(
    tree: PlanTree, sample_store: Store, tmp_path: Path, paper: str, period: str, heading: str
) -> None:
    tree.settings = {
        **(tree.settings or {}),
        "report_prepared_name": "Yohanes Pelaksana",
        "report_ack_name": "Maria Pengarah",
    }
    for ind in tree.indicators():
        for m in ind.planned_months:
            if ind.status(m) != "selesai" and m in ind.realisation:
                ind.realisation[m].note = "Menunggu tanda tangan"
            elif ind.status(m) != "selesai":
                ind.realisation[m] = Cell("belum", "Menunggu tanda tangan", f"c{m}", 1)
    report = build_period_report(
        tree,
        period,
        period_evidence(sample_store, tree, period),
        today=dt.date(tree.year + 1, 1, 10),
    )
    out = write_pdf(tree, tmp_path / f"{period}.pdf", part=period, paper=paper, period=report)
    reader = PdfReader(str(out))
    flat = squash("\n".join(p.extract_text() for p in reader.pages))
    assert heading in flat and "CAPAIANTERVERIFIKASI" in flat and "CAPAIANDILAPORKAN" in flat
    assert squash(report.areas[0].name) in flat
    assert squash(report.areas[0].band) in flat
    if period != "semester2":
        item = report.late[0]
        assert item.notes == "; ".join(
            f"{month_short(m)}: Menunggu tanda tangan" for m in item.months
        )
        assert squash(report.late[0].indicator) in flat and "Menunggutandatangan" in flat
    assert "YohanesPelaksana" in flat and "MariaPengarah" in flat
    height = float(reader.pages[0].mediabox.height)
    assert round(height) == (842 if paper == "a4" else 935)


@pytest.mark.parametrize(
    ("period", "months", "span"),
    [
        ("triwulan1", [1, 2, 3], "JANUARIS.D.MARET"),
        ("triwulan2", [4, 5, 6], "APRILS.D.JUNI"),
        ("triwulan3", [7, 8, 9], "JULIS.D.SEPTEMBER"),
        ("triwulan4", [10, 11, 12], "OKTOBERS.D.DESEMBER"),
    ],
)
def test_a_quarter_reports_its_three_months(
    sample_store: Store, tmp_path: Path, period: str, months: list[int], span: str
) -> None:
    """Laporan Triwulan: its late items, realised months and evidence are the quarter's only;
    its capaian is the models' up to the quarter's last month; the PDF says which months."""
    from rbdesk.models.edits.realisation import attach_bytes, set_status

    uuid = list_plans(sample_store)[0].uuid
    inds = load_plan_tree(sample_store, uuid).indicators()
    # one realised month with a file in every quarter, so each report must pick its own
    for q, ind in zip(range(4), [i for i in inds if i.planned_months][:4], strict=True):
        set_status(sample_store, ind.uuid, 3 * q + 2, "selesai")
        attach_bytes(sample_store, ind.uuid, 3 * q + 2, f"bukti-tw{q + 1}.pdf", b"%PDF-1.4 b")
    tree = load_plan_tree(sample_store, uuid)
    today = dt.date(tree.year + 1, 1, 10)
    now = current_month(tree.year, today)
    report = build_period_report(
        tree, period, period_evidence(sample_store, tree, period), today=today
    )
    assert (report.first, report.last) == (months[0], months[-1])
    assert [m for m, _p in report.monthly] == months
    assert [m for m, _p in report.monthly_verified] == months
    assert report.monthly == [(m, total(tree.indicators(), m, now).percent) for m in months]
    assert report.total == total(tree.indicators(), months[-1], now)
    assert report.late and all(m in months for item in report.late for m in item.months)
    # seen after the year's end, every planned month of the quarter not selesai is late
    late = [
        (ind.uuid, m)
        for ind in tree.indicators()
        for m in ind.planned_months
        if m in months and ind.status(m) != "selesai"
    ]
    assert sum(len(item.months) for item in report.late) == len(late)
    assert {r.month for r in report.reviews} <= set(months) and report.reviews
    quarter = months[0] // 3 + 1
    assert [e.filename for e in report.evidence] == [f"bukti-tw{quarter}.pdf"]
    out = write_pdf(tree, tmp_path / f"{period}.pdf", part=period, period=report)
    flat = flat_text(out)
    assert f"LAPORANTRIWULAN{'I' * quarter if quarter < 4 else 'IV'}RENCANA" in flat
    assert f"PERIODE{span}{tree.year}" in flat
    assert f"bukti-tw{quarter}.pdf" in flat
    assert not any(f"bukti-tw{q}.pdf" in flat for q in range(1, 5) if q != quarter)


@pytest.mark.parametrize("form", ["asli", "salinan"])
def test_a_quarter_pdf_in_both_forms_and_as_a_draft(
    tree: PlanTree, tmp_path: Path, form: str
) -> None:
    """Laporan Triwulan prints as the other reports: the original for the wet signature or the
    certified copy, and "KONSEP" on every page while the decree has no number."""
    report = build_period_report(tree, "triwulan2", [], today=dt.date(tree.year, 7, 3))
    signed = write_pdf(tree, tmp_path / "tw2.pdf", part="triwulan2", copy=form, period=report)
    texts = [p.extract_text() for p in PdfReader(str(signed)).pages]
    flat = "\n".join(texts)
    assert ("TTD" in flat) == (form == "salinan")
    assert ("Salinan sesuai dengan aslinya" in flat) == (form == "salinan")
    assert "KONSEP" not in flat
    tree.decree = {**tree.decree, "number": ""}
    draft = write_pdf(tree, tmp_path / "konsep.pdf", part="triwulan2", copy=form, period=report)
    texts = [p.extract_text() for p in PdfReader(str(draft)).pages]
    assert len(texts) > 1 and all("KONSEP" in t for t in texts)


def test_period_pdf_needs_its_data(tree: PlanTree, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        write_pdf(tree, tmp_path / "x.pdf", part="annual")
    wrong = build_period_report(tree, "semester1", [])
    with pytest.raises(InvalidInput):
        write_pdf(tree, tmp_path / "x.pdf", part="annual", period=wrong)
    assert not (tmp_path / "x.pdf").exists()


def test_evidence_and_capaian_of_the_period(sample_store: Store, tmp_path: Path) -> None:
    from rbdesk.models.edits.realisation import attach_bytes, set_status

    uuid = list_plans(sample_store)[0].uuid
    ind = load_plan_tree(sample_store, uuid).indicators()[0]
    first = ind.planned_months[0]
    set_status(sample_store, ind.uuid, first, "selesai")
    attach_bytes(sample_store, ind.uuid, first, "undangan-rapat.pdf", b"%PDF-1.4 x", "rapat")
    attach_bytes(sample_store, ind.uuid, 12, "laporan-akhir.pdf", b"%PDF-1.4 y")
    tree = load_plan_tree(sample_store, uuid)
    today = dt.date(tree.year + 1, 1, 5)
    s1 = build_period_report(
        tree, "semester1", period_evidence(sample_store, tree, "semester1"), today=today
    )
    assert [e.filename for e in s1.evidence] == ["undangan-rapat.pdf"]
    annual = build_period_report(
        tree, "annual", period_evidence(sample_store, tree, "annual"), today=today
    )
    assert [e.filename for e in annual.evidence] == ["undangan-rapat.pdf", "laporan-akhir.pdf"]
    assert annual.total.done >= 1 and annual.total.percent
    assert annual.monthly[first - 1][1] == total(tree.indicators(), first).percent
    flat = flat_text(write_pdf(tree, tmp_path / "t.pdf", part="annual", period=annual))
    assert "undangan-rapat.pdf" in flat and "laporan-akhir.pdf" in flat
    assert squash(rating_band(annual.total.percent)) in flat


def test_verified_capaian_and_review_list(sample_store: Store, tmp_path: Path) -> None:
    """Reported and verified capaian of the period against the models' own, and the list of
    realised months with their evidence and review, in the data and in the PDF."""
    from rbdesk.models.edits import review
    from rbdesk.models.edits.realisation import attach_bytes, set_status

    uuid = list_plans(sample_store)[0].uuid
    inds = [i for i in load_plan_tree(sample_store, uuid).indicators() if i.planned_months][:3]
    months = [i.planned_months[0] for i in inds]
    for ind, m in zip(inds, months, strict=True):
        set_status(sample_store, ind.uuid, m, "selesai")
    attach_bytes(sample_store, inds[0].uuid, months[0], "notulen.pdf", b"%PDF-1.4 n")
    review.review_month(sample_store, inds[0].uuid, months[0], "memenuhi", by="Deky Ballo")
    review.review_month(
        sample_store,
        inds[1].uuid,
        months[1],
        "perlu_revisi",
        note="Tanda tangan belum ada",
        by="Deky Ballo",
    )
    tree = load_plan_tree(sample_store, uuid)
    today = dt.date(tree.year + 1, 1, 5)
    report = build_period_report(
        tree, "annual", period_evidence(sample_store, tree, "annual"), today=today
    )
    now = current_month(tree.year, today)
    assert report.total == total(tree.indicators(), 12, now)
    assert report.verified_total == total(tree.indicators(), 12, now, verified=True)
    assert report.verified_total.done == 1 and report.total.done == 3
    assert [r.verified for r in report.areas] == [
        total(indicators_of(a), 12, now, verified=True) for a in tree.areas
    ]
    assert report.monthly_verified[-1][1] == report.verified_total.percent
    states = {
        (i.month, i.review_state, i.reviewed_by, i.review_note, i.evidence) for i in report.reviews
    }
    assert (months[0], "memenuhi", "Deky Ballo", "", 1) in states
    assert (months[1], "perlu_revisi", "Deky Ballo", "Tanda tangan belum ada", 0) in states
    assert (months[2], "diajukan", "", "", 0) in states and len(report.reviews) == 3
    flat = flat_text(write_pdf(tree, tmp_path / "t.pdf", part="annual", period=report))
    assert squash(f"{report.total.percent:.0f}%") in flat
    assert "E.Tinjauanbuktidukungperbulanrealisasi" in flat
    assert "MemenuhiolehDekyBallo" in flat and "Perlurevisiolehdekyballo".lower() in flat.lower()
    assert "Tandatanganbelumada" in flat and "Diajukan" in flat
    jumlah = flat[flat.index("JUMLAH") :][:80]
    assert squash(f"{report.verified_total.percent:.0f}%") in jumlah
    # the review's day as every other printed date, "29 Nov 2026", not the stored ISO stamp
    stamp = next(i.reviewed_at for i in report.reviews if i.review_state == "memenuhi")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", local_date(stamp))
    assert squash(f"Deky Ballo, {local_date(stamp)}") in flat and stamp[:10] not in flat


def test_evidence_list_shows_month_and_review(sample_store: Store, tmp_path: Path) -> None:
    """Section F: each file with its month and that month's review, in the data and the PDF."""
    from rbdesk.models.edits import review
    from rbdesk.models.edits.realisation import attach_bytes, set_status

    uuid = list_plans(sample_store)[0].uuid
    inds = [i for i in load_plan_tree(sample_store, uuid).indicators() if i.planned_months][:2]
    m0, m1 = inds[0].planned_months[0], inds[1].planned_months[0]
    set_status(sample_store, inds[0].uuid, m0, "selesai")
    set_status(sample_store, inds[1].uuid, m1, "sebagian")
    attach_bytes(sample_store, inds[0].uuid, m0, "notulen-rapat.pdf", b"%PDF-1.4 n")
    attach_bytes(sample_store, inds[1].uuid, m1, "foto-kegiatan.pdf", b"%PDF-1.4 f")
    unrealised = next(
        m for m in range(1, 13) if m not in (m0, m1) and inds[0].realisation.get(m) is None
    )
    attach_bytes(sample_store, inds[0].uuid, unrealised, "draf-awal.pdf", b"%PDF-1.4 d")
    review.review_month(sample_store, inds[0].uuid, m0, "memenuhi", by="Deky Ballo")
    tree = load_plan_tree(sample_store, uuid)
    report = build_period_report(
        tree,
        "annual",
        period_evidence(sample_store, tree, "annual"),
        today=dt.date(tree.year + 1, 1, 5),
    )
    got = {e.filename: (e.month, e.review_state) for e in report.evidence}
    assert got == {
        "notulen-rapat.pdf": (m0, "memenuhi"),
        "foto-kegiatan.pdf": (m1, "diajukan"),
        "draf-awal.pdf": (unrealised, ""),
    }
    out = write_pdf(tree, tmp_path / "t.pdf", part="annual", period=report)
    flat = flat_text(out)
    section = flat[flat.index("F.Buktidukung") :]
    assert "BULAN" in section and "TINJAUAN" in section
    for filename, state, month in (
        ("notulen-rapat.pdf", "Memenuhi", m0),
        ("foto-kegiatan.pdf", "Diajukan", m1),
        ("draf-awal.pdf", "–", unrealised),
    ):
        # the row reads ... INDIKATOR, BULAN, TINJAUAN, BERKAS
        assert section[: section.index(filename)].endswith(f"{month_short(month)}{state}")


def test_a_long_area_name_breaks_after_its_slash_not_inside_a_word(
    tree: PlanTree, tmp_path: Path
) -> None:
    area = "Penguatan Peraturan Perundang-Undangan/Deregulasi Kebijakan"
    assert any(a.name == area for a in tree.areas)  # the sample's second area
    report = build_period_report(tree, "semester1", [], today=dt.date(tree.year, 7, 1))
    assert any(item.area == area for item in report.late)
    out = write_pdf(tree, tmp_path / "s1.pdf", part="semester1", period=report)
    lines = [ln.strip() for p in PdfReader(str(out)).pages for ln in p.extract_text().splitlines()]
    assert "Perundang-Undangan/" in lines and "Deregulasi Kebijakan" in lines
    assert not any(ln.endswith(" Pe") or ln.startswith("rundang") for ln in lines)


def test_a_long_team_name_breaks_after_its_hyphen_not_inside_a_word(
    tree: PlanTree, tmp_path: Path
) -> None:
    """The team and person tables' name column is narrow: a long name breaks where a person
    would write it, never as "PERUND / ANG-UNDANGAN"."""
    team = next(t for t in tree.teams if "PERUNDANG-UNDANGAN" in t.name.upper() and t.area_uuid)
    report = build_period_report(tree, "semester1", [], today=dt.date(tree.year, 7, 1))
    assert team.name in [r.name for r in report.teams]
    out = write_pdf(tree, tmp_path / "s1.pdf", part="semester1", period=report)
    lines = [ln.strip() for p in PdfReader(str(out)).pages for ln in p.extract_text().splitlines()]
    words = team.name.upper().split()

    def cut_inside_a_word(line: str) -> bool:
        last = line.split()[-1] if line else ""
        return (
            bool(last)
            and not last.endswith(("-", "/"))
            and any(w != last and w.startswith(last) for w in words)
        )

    assert not [ln for ln in lines if cut_inside_a_word(ln)]
    assert any(ln.endswith("PERUNDANG-") for ln in lines)
