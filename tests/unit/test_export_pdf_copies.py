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
    sample: tuple[PlanTree, ReportData], tmp_path: Path, part: str, paper: str
) -> None:
    tree, report = sample
    asli = pages(
        write_pdf(tree, tmp_path / "asli.pdf", part=part, paper=paper, report=report, copy="asli")
    )
    salinan = pages(
        write_pdf(
            tree, tmp_path / "salinan.pdf", part=part, paper=paper, report=report, copy="salinan"
        )
    )
    default = pages(
        write_pdf(tree, tmp_path / "default.pdf", part=part, paper=paper, report=report)
    )
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
    sample: tuple[PlanTree, ReportData], tmp_path: Path
) -> None:
    tree = copying.deepcopy(sample[0])
    tree.decree.update(
        paraf=["Pemeriksa Pertama", "Pemeriksa Kedua"],
        signatory_nip="196801011990031001",
        certifier_nip="197502022000122002",
    )
    asli = "\n".join(pages(write_pdf(tree, tmp_path / "a.pdf", part="roster", copy="asli")))
    salinan = "\n".join(pages(write_pdf(tree, tmp_path / "s.pdf", part="roster")))
    assert "Paraf" in asli and "Pemeriksa Pertama" in asli and "Pemeriksa Kedua" in asli
    assert "NIP. 196801011990031001" in asli and "197502022000122002" not in asli
    assert "Pemeriksa Kedua" not in salinan and "Paraf" not in salinan  # the original only
    assert "NIP. 196801011990031001" in salinan and "NIP. 197502022000122002" in salinan


LONG_PARAF = [
    "Sekretaris",
    "Kepala Bagian Perencanaan, Data dan Informasi",
    "Kepala Sub Bagian Hukum dan SDM",
    "Kepala Bagian Teknis Penyelenggaraan Pemilu",
]


@pytest.mark.parametrize("paper", ["a4", "f4"])
@pytest.mark.parametrize("part", ["sk", "plan"])
def test_long_paraf_titles_break_between_words_only(
    sample: tuple[PlanTree, ReportData], tmp_path: Path, part: str, paper: str
) -> None:
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
    from rbdesk.exports.pdf.common import PARAF_BOX_MAX, paraf_boxes, paraf_layout
    from rbdesk.exports.pdf.fonts import FONT

    portrait = paraf_boxes(LONG_PARAF, 80 * MM)
    landscape = paraf_boxes(LONG_PARAF, 180 * MM)
    assert sum(portrait._colWidths) <= 80 * MM  # the laid-out widths
    assert sum(landscape._colWidths) > 130 * MM  # not the old 90 mm at most
    assert max(landscape._colWidths) <= PARAF_BOX_MAX
    for table, room in ((portrait, 80 * MM), (landscape, 180 * MM)):
        size = paraf_layout(LONG_PARAF, room).size
        room = table._colWidths[0] - 4  # the box less its padding
        assert all(stringWidth(w, FONT, size) < room for t in LONG_PARAF for w in t.split())


# Titles as a provincial KPU office lists them: long words ("Penyelenggaraan",
# "Perundang-Undangan") that cannot all stand in one row beside the signature.
MANY_PARAF = [
    "Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
    "Sekretaris",
    "Kepala Subbagian Perencanaan, Data dan Informasi",
    "Kepala Subbagian Keuangan, Umum dan Logistik",
    "Kepala Subbagian Hukum dan Sumber Daya Manusia",
    "Kepala Bagian Perundang-Undangan dan Kepegawaian",
    "Koordinator Divisi Sosialisasi, Pendidikan Pemilih dan Partisipasi Masyarakat",
    "Anggota Komisi Pemilihan Umum Kabupaten/Kota Divisi Teknis Penyelenggaraan",
]


def smallest_type(page: object) -> float:
    """The smallest type on a page, in points as printed (font size times the text matrix)."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * abs(tm[3] * cm[3]))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return min(sizes)


@pytest.mark.parametrize("paper", ["a4", "f4"])
@pytest.mark.parametrize("count", [5, 6, 8])
def test_many_paraf_titles_print_whole_and_legible_beside_every_signature(
    sample: tuple[PlanTree, ReportData], tmp_path: Path, count: int, paper: str
) -> None:
    """The original decree (portrait), Lampiran I (portrait) and Lampiran II (landscape), with
    5, 6 and 8 long titles: every word of every title prints whole ("Penyelenggaraan", never
    "Penyele" + "nggaraan"), in type no smaller than 6.5 pt, and the signature shares its page
    with the decree's last diktum or the attachment's last rows."""
    from rbdesk.exports.pdf.common import PARAF_MIN_SIZE

    tree = copying.deepcopy(sample[0])
    titles = MANY_PARAF[:count]
    tree.decree["paraf"] = titles
    path = write_pdf(tree, tmp_path / "sk.pdf", part="sk", paper=paper, copy="asli")
    reader = PdfReader(str(path))
    found = [(p, p.extract_text()) for p in reader.pages if "Paraf" in p.extract_text()]
    assert len(found) == 3  # the decree, Lampiran I and Lampiran II
    words = {w for title in titles for w in title.split()}
    members = {m.person_name for t in tree.teams for m in t.members}
    for i, (page, text) in enumerate(found):
        printed = {w for line in text.splitlines() for w in line.split()}
        assert words <= printed, (i, words - printed)
        assert smallest_type(page) >= PARAF_MIN_SIZE - 0.01, i
        assert "DEKY BALLO" in text
        landscape = page.mediabox.width > page.mediabox.height
        assert landscape == (i == 2)
        rows_before = (
            "KELIMA" in text,
            any(m in text for m in members),
            "PELAKSANAAN (BULAN)" in text,
        )
        assert rows_before[i], (i, text)


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_decree_signature_never_alone_whatever_the_length(
    sample: tuple[PlanTree, ReportData], tmp_path: Path, paper: str
) -> None:
    """Sweep the Mengingat list so the foot of the decree, and its signature with three rows
    of paraf boxes, crosses a page bottom: the last diktum always prints with the signature."""
    tree = copying.deepcopy(sample[0])
    tree.decree["paraf"] = MANY_PARAF
    base = list(tree.decree["legal_bases"])
    extra = {
        "label": "9.",
        "text": "Peraturan Komisi Pemilihan Umum tentang Tata Kerja "
        "Komisi Pemilihan Umum Provinsi dan Kabupaten/Kota;",
    }
    for n in range(0, 16, 2):
        tree.decree["legal_bases"] = base + [extra] * n
        path = write_pdf(tree, tmp_path / f"d{n}.pdf", part="sk", paper=paper, copy="asli")
        texts = pages(path)
        signed = next(t for t in texts if "Ditetapkan di" in t)
        assert "KELIMA" in signed, (paper, n)
        assert "Penyelenggaraan" in signed, (paper, n)


def test_paraf_layout_rows_and_type_size() -> None:
    """One row where the titles fit, else the fewest balanced rows; the type never under
    PARAF_MIN_SIZE, every word narrower than its box, every box wide enough to initial."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from rbdesk.exports.paper import MM
    from rbdesk.exports.pdf.common import (
        PARAF_BOX,
        PARAF_BOX_MIN_WIDTH,
        PARAF_MIN_SIZE,
        PARAF_PAD,
        frame_size,
        paraf_boxes,
        paraf_layout,
        paraf_room,
    )
    from rbdesk.exports.pdf.fonts import FONT

    portrait = paraf_room(frame_size("a4", landscape=False)[0])
    landscape = paraf_room(frame_size("a4", landscape=True)[0])
    expected = {  # (titles, room): (columns, rows)
        (1, portrait): (1, 1),
        (3, portrait): (3, 1),
        (5, portrait): (3, 2),
        (6, portrait): (3, 2),
        (8, portrait): (3, 3),
        (1, landscape): (1, 1),
        (5, landscape): (5, 1),
        (6, landscape): (6, 1),
        (8, landscape): (4, 2),
    }
    for (count, room), shape in expected.items():
        titles = MANY_PARAF[:count]
        lay = paraf_layout(titles, room)
        assert (lay.columns, lay.rows) == shape, (count, room)
        assert PARAF_MIN_SIZE <= lay.size <= 7.5
        assert lay.columns * lay.box <= room + 1e-6
        assert lay.box >= PARAF_BOX_MIN_WIDTH
        assert all(
            stringWidth(w, FONT, lay.size) + 2 * PARAF_PAD < lay.box
            for t in titles
            for w in t.split()
        )
        table = paraf_boxes(titles, room)
        # caption, then a title row and a blank box (12 mm to initial in) per row of boxes
        assert len(table._cellvalues) == 1 + 2 * lay.rows
        assert table._argH[2::2] == [PARAF_BOX] * lay.rows
        assert PARAF_BOX >= 12 * MM
    # many short titles: no box narrower than one to initial in
    lay = paraf_layout([f"Pemeriksa {i}" for i in range(12)], portrait)
    assert lay.box >= PARAF_BOX_MIN_WIDTH and lay.rows == -(-12 // lay.columns) > 1
    # a word wider than all the room even in the smallest type (typed without spaces) is
    # broken wherever it stands, and does not force one box a row on the other titles
    lay = paraf_layout(["Sekretaris", "A" * 120, "Kepala Subbagian Hukum"], portrait)
    assert (lay.columns, lay.rows, lay.size) == (3, 1, 7.5)
    assert paraf_boxes(["Sekretaris", "A" * 120], portrait).wrap(portrait, 1000)[1] < 60 * MM


def test_a_paraf_grid_too_tall_for_a_page_is_refused_in_words(
    sample: tuple[PlanTree, ReportData], tmp_path: Path
) -> None:
    """The grid stands in one cell beside the signature and cannot continue on a next page:
    more titles than fit are refused with a message, not a reportlab LayoutError."""
    tree = copying.deepcopy(sample[0])
    tree.decree["paraf"] = MANY_PARAF * 2  # 16 long titles
    with pytest.raises(InvalidInput, match="Kotak paraf untuk 16 jabatan tidak muat"):
        write_pdf(tree, tmp_path / "x.pdf", part="sk", copy="asli")
    tree.decree["paraf"] = (MANY_PARAF * 2)[:12]  # twelve still fit, four rows of three
    write_pdf(tree, tmp_path / "y.pdf", part="sk", copy="asli")
    write_pdf(tree, tmp_path / "z.pdf", part="sk", paper="f4", copy="asli")


def test_unknown_form_is_refused(sample: tuple[PlanTree, ReportData], tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        write_pdf(sample[0], tmp_path / "x.pdf", copy="fotokopi")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("missing", ["number", "date"])
@pytest.mark.parametrize("form", ["asli", "salinan"])
def test_draft_decree_marks_every_page_konsep(
    sample: tuple[PlanTree, ReportData], tmp_path: Path, missing: str, form: str
) -> None:
    tree, report = sample
    draft = copying.deepcopy(tree)
    draft.decree[missing] = ""
    for part in ("sk", "report"):
        texts = pages(
            write_pdf(
                draft, tmp_path / f"{part}.pdf", part=part, report=report, paper="f4", copy=form
            )
        )
        assert len(texts) > 1
        assert all("KONSEP" in t for t in texts)


def test_signed_decree_has_no_konsep_mark(
    sample: tuple[PlanTree, ReportData], tmp_path: Path
) -> None:
    tree, report = sample
    assert tree.decree["number"] == "1a" and tree.decree["date"] == "2024-01-02"
    for part in ("sk", "report"):
        for form in ("asli", "salinan"):
            texts = pages(
                write_pdf(
                    tree, tmp_path / f"{part}-{form}.pdf", part=part, report=report, copy=form
                )
            )
            assert not any("KONSEP" in t for t in texts)


def test_report_signers_come_from_the_roster_with_their_nip(
    sample_store: Store, tmp_path: Path
) -> None:
    from rbdesk.models.edits.roster_edit import update_person

    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    ketua = {
        t.kind: next(m for m in t.members if "Ketua" in m.role)
        for t in tree.teams
        if t.kind in ("pengarah", "pelaksana")
    }
    update_person(sample_store, ketua["pelaksana"].person_uuid, None, nip="197001011995031002")
    tree = load_plan_tree(sample_store, tree.uuid)
    report = build_report(tree, 3, month_evidence(sample_store, tree, 3))
    assert (report.prepared.name, report.prepared.nip) == (
        "Agustinus Yohanes Ola Paon",
        "197001011995031002",
    )
    assert report.prepared.title == "Ketua Tim Pelaksana Reformasi Birokrasi"
    assert (report.acknowledged.name, report.acknowledged.nip) == ("Deky Ballo", "")
    assert report.acknowledged.title == "Ketua Tim Pengarah Reformasi Birokrasi"
    for form in ("asli", "salinan"):
        last = pages(
            write_pdf(tree, tmp_path / f"{form}.pdf", part="report", report=report, copy=form)
        )[-1]
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
    team.members = [
        MemberNode("m1", "p1", "Wakil Orang", "Wakil Ketua", "", 1, "1"),
        MemberNode("m2", "p2", "Ketua Orang", "Ketua", "", 1, "2"),
    ]
    tree.teams = [team]
    report = build(tree, 1, [])
    assert (report.prepared.name, report.prepared.nip) == ("Ketua Orang", "2")
    assert report.acknowledged.name == ""
