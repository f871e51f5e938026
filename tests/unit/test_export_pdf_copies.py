"""The two printed forms, read back with pypdf: the original (asli) for wet signature and the
certified copy (salinan), for every part on A4 and F4; and the KONSEP mark of a draft decree."""

from __future__ import annotations

import copy as copying
from pathlib import Path

import pytest
from pypdf import PdfReader

from rbdesk.exports import write_pdf
from rbdesk.models.domain.report_data import ReportData, build_report, month_evidence
from rbdesk.models.domain.tree import PlanTree, list_plans, load_plan_tree
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.store import Store

CERTIFIED = "Salinan sesuai dengan aslinya"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[PlanTree, ReportData]:
    from rbdesk.models.interchange.load import create_file

    path = tmp_path_factory.mktemp("copies") / "s.rbdesk"
    create_file(path, sample=True).close()
    with Store.open(path, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
        report = build_report(tree, 3, month_evidence(store, tree, 3))
    return tree, report


def pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def signature_pages(texts: list[str]) -> list[str]:
    return [t for t in texts if "Ditetapkan di" in t or "Mengetahui" in t]


@pytest.mark.parametrize("paper", ["a4", "f4"])
@pytest.mark.parametrize("part", ["sk", "roster", "plan", "report"])
def test_original_has_no_ttd_nor_certifier_and_copy_has_both(
        sample: tuple[PlanTree, ReportData], tmp_path: Path, part: str, paper: str) -> None:
    tree, report = sample
    asli = pages(write_pdf(tree, tmp_path / "asli.pdf", part=part, paper=paper, report=report,
                           copy="asli"))
    salinan = pages(write_pdf(tree, tmp_path / "salinan.pdf", part=part, paper=paper,
                              report=report, copy="salinan"))
    default = pages(write_pdf(tree, tmp_path / "default.pdf", part=part, paper=paper,
                              report=report))
    assert default == salinan  # the certified copy stays the default, as before
    whole_asli = "\n".join(asli)
    assert "TTD" not in whole_asli and CERTIFIED not in whole_asli
    # the SK signs its decree and both attachments: three signature pages, else one
    expected = 3 if part == "sk" else 1
    assert len(signature_pages(asli)) == len(signature_pages(salinan)) == expected
    for page in signature_pages(salinan):
        assert "TTD" in page and CERTIFIED in page
    signer = "Deky Ballo" if part == "report" else "DEKY BALLO"
    for page in signature_pages(asli):
        assert signer in page
    if part == "report":
        for page in signature_pages(asli) + signature_pages(salinan):
            assert "Agustinus Yohanes Ola Paon" in page
        # the certifier signs the copy only (she also coordinates a team, named in the tables)
        assert "Kepala Sub Bagian Hukum dan SDM" in signature_pages(salinan)[0]
        assert "Kepala Sub Bagian Hukum dan SDM" not in whole_asli


def test_original_prints_paraf_boxes_and_nips_when_the_decree_has_them(
        sample: tuple[PlanTree, ReportData], tmp_path: Path) -> None:
    tree = copying.deepcopy(sample[0])
    tree.decree.update(paraf=["Pemeriksa Pertama", "Pemeriksa Kedua"],
                       signatory_nip="196801011990031001", certifier_nip="197502022000122002")
    asli = "\n".join(pages(write_pdf(tree, tmp_path / "a.pdf", part="roster", copy="asli")))
    salinan = "\n".join(pages(write_pdf(tree, tmp_path / "s.pdf", part="roster")))
    assert "Paraf" in asli and "Pemeriksa Pertama" in asli and "Pemeriksa Kedua" in asli
    assert "NIP. 196801011990031001" in asli and "197502022000122002" not in asli
    assert "Pemeriksa Kedua" not in salinan and "Paraf" not in salinan  # the original only
    assert "NIP. 196801011990031001" in salinan and "NIP. 197502022000122002" in salinan


LONG_PARAF = ["Sekretaris", "Kepala Bagian Perencanaan, Data dan Informasi",
              "Kepala Sub Bagian Hukum dan SDM", "Kepala Bagian Teknis Penyelenggaraan Pemilu"]


@pytest.mark.parametrize("paper", ["a4", "f4"])
@pytest.mark.parametrize("part", ["sk", "plan"])
def test_long_paraf_titles_break_between_words_only(sample: tuple[PlanTree, ReportData],
                                                    tmp_path: Path, part: str,
                                                    paper: str) -> None:
    """Several long titles on the portrait decree and the landscape Lampiran II: every word
    of every title is printed whole on one line ("Sekretaris", never "Sekretar" + "is")."""
    tree = copying.deepcopy(sample[0])
    tree.decree["paraf"] = LONG_PARAF
    texts = pages(write_pdf(tree, tmp_path / f"{part}.pdf", part=part, paper=paper, copy="asli"))
    page = next(t for t in texts if "Paraf" in t)
    words = {w for title in LONG_PARAF for w in title.split()}
    printed = {w for line in page.splitlines() for w in line.split()}
    assert words <= printed, words - printed


def test_paraf_boxes_take_the_room_a_landscape_page_leaves() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from rbdesk.exports.paper import MM
    from rbdesk.exports.pdf.common import PARAF_BOX_MAX, paraf_boxes
    from rbdesk.exports.pdf.fonts import FONT

    portrait = paraf_boxes(LONG_PARAF, 80 * MM)
    landscape = paraf_boxes(LONG_PARAF, 180 * MM)
    assert sum(portrait._colWidths) <= 80 * MM  # noqa: SLF001 - the laid-out widths
    assert sum(landscape._colWidths) > 130 * MM  # noqa: SLF001 - not the old 90 mm at most
    assert max(landscape._colWidths) <= PARAF_BOX_MAX  # noqa: SLF001
    for table in (portrait, landscape):
        size = table._cellvalues[1][0].style.fontSize  # noqa: SLF001
        room = table._colWidths[0] - 4  # noqa: SLF001 - the box less its padding
        assert all(stringWidth(w, FONT, size) < room for t in LONG_PARAF for w in t.split())


def test_unknown_form_is_refused(sample: tuple[PlanTree, ReportData], tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        write_pdf(sample[0], tmp_path / "x.pdf", copy="fotokopi")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("missing", ["number", "date"])
@pytest.mark.parametrize("form", ["asli", "salinan"])
def test_draft_decree_marks_every_page_konsep(sample: tuple[PlanTree, ReportData],
                                              tmp_path: Path, missing: str, form: str) -> None:
    tree, report = sample
    draft = copying.deepcopy(tree)
    draft.decree[missing] = ""
    for part in ("sk", "report"):
        texts = pages(write_pdf(draft, tmp_path / f"{part}.pdf", part=part, report=report,
                                paper="f4", copy=form))
        assert len(texts) > 1
        assert all("KONSEP" in t for t in texts)


def test_signed_decree_has_no_konsep_mark(sample: tuple[PlanTree, ReportData],
                                          tmp_path: Path) -> None:
    tree, report = sample
    assert tree.decree["number"] == "1a" and tree.decree["date"] == "2024-01-02"
    for part in ("sk", "report"):
        for form in ("asli", "salinan"):
            texts = pages(write_pdf(tree, tmp_path / f"{part}-{form}.pdf", part=part,
                                    report=report, copy=form))
            assert not any("KONSEP" in t for t in texts)


def test_report_signers_come_from_the_roster_with_their_nip(sample_store: Store,
                                                             tmp_path: Path) -> None:
    from rbdesk.models.edits.roster_edit import update_person

    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    ketua = {t.kind: next(m for m in t.members if "Ketua" in m.role) for t in tree.teams
             if t.kind in ("pengarah", "pelaksana")}
    update_person(sample_store, ketua["pelaksana"].person_uuid, None, nip="197001011995031002")
    tree = load_plan_tree(sample_store, tree.uuid)
    report = build_report(tree, 3, month_evidence(sample_store, tree, 3))
    assert (report.prepared.name, report.prepared.nip) == (
        "Agustinus Yohanes Ola Paon", "197001011995031002")
    assert report.prepared.title == "Ketua Tim Pelaksana Reformasi Birokrasi"
    assert (report.acknowledged.name, report.acknowledged.nip) == ("Deky Ballo", "")
    assert report.acknowledged.title == "Ketua Tim Pengarah Reformasi Birokrasi"
    for form in ("asli", "salinan"):
        last = pages(write_pdf(tree, tmp_path / f"{form}.pdf", part="report", report=report,
                               copy=form))[-1]
        assert "Agustinus Yohanes Ola Paon\nNIP. 197001011995031002" in last
        assert "Deky Ballo" in last and "NIP. \n" not in last

    # a name set in the plan's settings replaces the roster's, and never borrows its NIP
    tree.settings = {"report_prepared_name": "Maria Goreti", "report_ack_nip": "1968"}
    report = build_report(tree, 3, [])
    assert (report.prepared.name, report.prepared.nip) == ("Maria Goreti", "")
    assert (report.acknowledged.name, report.acknowledged.nip) == ("Deky Ballo", "1968")


def test_a_wakil_ketua_never_signs_for_the_ketua() -> None:
    from rbdesk.models.domain.report_data import build_report as build
    from rbdesk.models.domain.tree import MemberNode, TeamNode

    tree = PlanTree("p", "Satker", 2030, "Rencana", {}, {}, 1)
    team = TeamNode("t", "pelaksana", "", "PELAKSANA", None, [], 1)
    team.members = [MemberNode("m1", "p1", "Wakil Orang", "Wakil Ketua", "", 1, "1"),
                    MemberNode("m2", "p2", "Ketua Orang", "Ketua", "", 1, "2")]
    tree.teams = [team]
    report = build(tree, 1, [])
    assert (report.prepared.name, report.prepared.nip) == ("Ketua Orang", "2")
    assert report.acknowledged.name == ""
