"""The built-in sample plan must be a faithful, complete transcription of the 2024 decree."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from rbdesk.models.interchange.sample_data import NAMESPACE, sample_dump

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "000_c763f89c2e8b1bc4.txt"
ROW_KEYS = {"uuid", "updated_at", "updated_by", "version"}

# Per area label: activities, sub-activities, indicators, planned month marks (see CURATION.md).
AREA_COUNTS = {
    "1": (3, 11, 27, 58),
    "2": (5, 6, 6, 34),
    "3": (2, 4, 4, 6),
    "4": (4, 9, 39, 243),
    "5": (2, 8, 18, 60),
    "6": (2, 11, 26, 189),
    "7": (8, 22, 35, 165),
    "8": (5, 9, 32, 111),
}
TEAM_SIZES = [
    ("pengarah", "", "PENGARAH", 5),
    ("pelaksana", "", "PELAKSANA", 1),
    ("area", "I", "TIM MANAJEMEN PERUBAHAN", 5),
    ("area", "II", "TIM PENGUATAN PERATURAN PERUNDANG-UNDANGAN", 5),
    ("area", "III", "TIM PENGUATAN KELEMBAGAAN", 5),
    ("area", "IV", "TIM PENGUATAN TATA LAKSANA", 5),
    ("area", "V", "TIM PENATAAN SISTEM MANAJEMEN APARATUR SIPIL NEGARA", 5),
    ("area", "VI", "TIM PENGUATAN PENGAWASAN", 6),
    ("area", "VII", "TIM PENGUATAN AKUNTABILITAS KINERJA", 6),
    ("area", "VIII", "TIM PENINGKATAN KUALITAS PELAYANAN PUBLIK", 6),
    ("agen", "IX", "TIM AGEN PERUBAHAN", 5),
]


@pytest.fixture(scope="module")
def dump() -> dict[str, Any]:
    return sample_dump()


@pytest.fixture(scope="module")
def plan(dump: dict[str, Any]) -> dict[str, Any]:
    assert len(dump["plans"]) == 1
    return dump["plans"][0]


def indicators(area: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        ind
        for act in area["activities"]
        for sub in act["sub_activities"]
        for ind in sub["indicators"]
    ]


def all_indicators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [ind for area in plan["areas"] for ind in indicators(area)]


def find_indicator(plan: dict[str, Any], text: str) -> dict[str, Any]:
    found = [ind for ind in all_indicators(plan) if ind["text"] == text]
    assert len(found) == 1, text
    return found[0]


def find_sub(plan: dict[str, Any], name: str) -> dict[str, Any]:
    found = [
        sub
        for area in plan["areas"]
        for act in area["activities"]
        for sub in act["sub_activities"]
        if sub["name"] == name
    ]
    assert len(found) == 1, name
    return found[0]


def person_by_name(dump: dict[str, Any], name: str) -> dict[str, Any]:
    found = [p for p in dump["persons"] if p["name"] == name]
    assert len(found) == 1, name
    return found[0]


def team(plan: dict[str, Any], label: str, kind: str = "area") -> dict[str, Any]:
    found = [t for t in plan["teams"] if t["label"] == label and t["kind"] == kind]
    assert len(found) == 1
    return found[0]


# ---------------------------------------------------------------- document shape


def test_document_header(dump: dict[str, Any]) -> None:
    assert dump["format"] == "rbdesk"
    assert dump["format_version"] == 2
    assert dump["blobs"] == {}
    assert set(dump) == {"format", "format_version", "persons", "plans", "blobs"}


def test_deterministic(dump: dict[str, Any]) -> None:
    assert sample_dump() == dump


def walk_rows(dump: dict[str, Any]) -> list[dict[str, Any]]:
    rows = list(dump["persons"])
    for plan in dump["plans"]:
        rows.append(plan)
        for area in plan["areas"]:
            rows.append(area)
            for act in area["activities"]:
                rows.append(act)
                for sub in act["sub_activities"]:
                    rows.append(sub)
                    rows.extend(sub["indicators"])
        for t in plan["teams"]:
            rows.append(t)
            rows.extend(t["members"])
    return rows


def test_bookkeeping_on_every_row(dump: dict[str, Any]) -> None:
    rows = walk_rows(dump)
    uuids = [row["uuid"] for row in rows]
    assert len(uuids) == len(set(uuids))
    for row in rows:
        assert set(row) >= ROW_KEYS
        assert str(uuid.UUID(row["uuid"])) == row["uuid"]
        assert row["updated_at"] == "2024-01-02T00:00:00.000000Z"
        assert row["updated_by"] == "rbdesk"
        assert row["version"] == 1


def test_uuids_follow_stable_paths(dump: dict[str, Any], plan: dict[str, Any]) -> None:
    assert plan["uuid"] == str(uuid.uuid5(NAMESPACE, "plan"))
    first = plan["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0]
    assert first["uuid"] == str(uuid.uuid5(NAMESPACE, "area/1/activity/1/sub/1/ind/1"))
    deky = person_by_name(dump, "Deky Ballo")
    assert deky["uuid"] == str(uuid.uuid5(NAMESPACE, "person/deky_ballo"))


def test_indicator_shape(plan: dict[str, Any]) -> None:
    for ind in all_indicators(plan):
        assert set(ind) == ROW_KEYS | {
            "label",
            "text",
            "planned_months",
            "note",
            "realisation",
            "evidence",
        }
        assert ind["realisation"] == [] and ind["evidence"] == []
        assert ind["planned_months"] == sorted(set(ind["planned_months"]))
        assert all(1 <= m <= 12 for m in ind["planned_months"])


def test_persons_sorted_by_name_then_uuid(dump: dict[str, Any]) -> None:
    keys = [(p["name"], p["uuid"]) for p in dump["persons"]]
    assert keys == sorted(keys)


# ---------------------------------------------------------------- Lampiran II


def test_area_counts(plan: dict[str, Any]) -> None:
    assert [a["label"] for a in plan["areas"]] == [str(n) for n in range(1, 9)]
    got = {}
    for area in plan["areas"]:
        subs = [s for act in area["activities"] for s in act["sub_activities"]]
        inds = indicators(area)
        marks = sum(len(i["planned_months"]) for i in inds)
        got[area["label"]] = (len(area["activities"]), len(subs), len(inds), marks)
    assert got == AREA_COUNTS


def test_totals(plan: dict[str, Any]) -> None:
    inds = all_indicators(plan)
    assert len(inds) == 187
    assert sum(len(i["planned_months"]) for i in inds) == 866


def test_area_names(plan: dict[str, Any]) -> None:
    assert [a["name"] for a in plan["areas"]] == [
        "Manajemen Perubahan",
        "Penguatan Peraturan Perundang-Undangan/Deregulasi Kebijakan",
        "Penguatan Kelembagaan",
        "Penguatan Tata Laksana",
        "Penguatan Sistem manajemen SDM ASN",
        "Penguatan Akuntabilitas Kinerja",
        "Penguatan Pengawasan",
        "Peningkatan Kualitas Pelayanan Publik",
    ]


def test_labels_and_names_non_empty(plan: dict[str, Any]) -> None:
    for area in plan["areas"]:
        assert area["label"] and area["name"]
        for act in area["activities"]:
            assert act["label"] and act["name"]
            for sub in act["sub_activities"]:
                assert sub["name"]
                assert sub["indicators"]


def test_sk_tim_only_in_january(plan: dict[str, Any]) -> None:
    ind = find_indicator(plan, "SK Tim Reformasi Birokrasi di lingkungan KPU Kota Kupang")
    assert ind["planned_months"] == [1]
    assert ind["label"] == ""


def test_lhkpn_note_and_march(plan: dict[str, Any]) -> None:
    ind = find_indicator(plan, "100 (%) melakukan pelaporan LHKPN")
    assert ind["label"] == "2"
    assert ind["note"] == "Target 100%"
    assert ind["planned_months"] == [3]
    assert find_indicator(plan, "100 (%) melakukan pelaporan LHKASN")["planned_months"] == [3]
    area7 = find_indicator(plan, "100% seluruh wajib lapor LHKPN di lingkungan KPU Kota Kupang")
    assert area7["planned_months"] == [3]


def test_rows_with_more_than_twelve_marks_cover_the_year(plan: dict[str, Any]) -> None:
    full = list(range(1, 13))
    for text in (
        (
            "Tersedianya media sosialisasi RB di lingkungan kerja yang bisa diakses stakeholder "
            "internal dan eksternal"
        ),
        "Adanya tim SPIP di lingkungan KPU Kota Kupang",
        "Prosentase pelaksanaan pengadaan sesuai Perpres 16 Tahun 2018",
        "Laporan Pengadaan barang/Jasa",
    ):
        assert find_indicator(plan, text)["planned_months"] == full
    reviu = find_indicator(plan, "Reviu Lakip KPU Kota Kupang")
    assert reviu["planned_months"] == list(range(3, 13))


def test_marks_in_keterangan_column_read_as_december(plan: dict[str, Any]) -> None:
    survei = find_indicator(
        plan,
        "Pembangunan survei kepuasan layanan sebagai indikatoor perbaikan pelayanan di "
        "lingkungan KPU Kota Kupang;",
    )
    assert survei["planned_months"] == [6, 12]
    assert survei["note"] == "Survei kepuasan layanan dilaksanakan per semester"
    quarterly = find_indicator(
        plan, "Jumlah Naskah Dinas Pengaturan dan naskah Penetapan yang sudah disahkan"
    )
    assert quarterly["planned_months"] == [3, 6, 9, 12]
    assert find_indicator(plan, "Tim RB KPU RI menerima pelaporan:")["planned_months"] == [12]
    laporan = find_indicator(plan, "Pelaporan kinerja KPU Kota Kupang tepat waktu")
    assert laporan["planned_months"] == [12]


def test_shifted_rows_realigned(plan: dict[str, Any]) -> None:
    assert find_indicator(plan, "Penandatanganan Pakta Integritas baik Anggota dan ASN")[
        "planned_months"
    ] == [1]
    assert find_indicator(plan, "Surat Pernyataan Bebas Benturan Kepentingan")[
        "planned_months"
    ] == [2]
    assert find_indicator(plan, "Terbentuknya Zona Integritas")["planned_months"] == [4, 5]
    assert find_indicator(plan, "Adanya UPG di lingkungan KPU Kota Kupang")["planned_months"] == [3]
    wbs = find_indicator(plan, "Adanya SOP WBS")
    assert wbs["planned_months"] == [12]
    assert wbs["note"] == "Koordinasi dengan Inspektorat KPU"
    assert find_indicator(plan, "Data Peserta Assessment")["planned_months"] == []
    assert find_indicator(plan, "Jumlah Pelanggaran tahun ini")["note"] == ""


def test_integritas_sub_activity_kept_whole(plan: dict[str, Any]) -> None:
    sub = find_sub(
        plan,
        "Penyelenggaraan Integritas di lingkungan kerja:\n"
        "a) Penandatanganan Pakta Integritas Penyelenggara Pemilu;\n"
        "b) Pelaporan LHKPN dan LHKASN setiap tahun;\n"
        "c) Pelaksanaan manajemen benturan kepentingan\n"
        "d) Pembangunan Zona Integritas",
    )
    assert sub["label"] == "3"
    assert [i["label"] for i in sub["indicators"]] == ["1", "2", "3", "4", "a.", "b.", "c."]


def test_merged_indicator_cells_split_with_shared_marks(plan: dict[str, Any]) -> None:
    one = find_indicator(plan, "Menurunnya jumlah pelanggaran kode etik penyelenggara pemilu")
    two = find_indicator(plan, "Menurunnya angka pelanggaran disiplin ASN")
    assert (one["label"], two["label"]) == ("1", "2")
    assert one["planned_months"] == two["planned_months"] == [6, 12]
    sop = find_indicator(plan, "SOP sudah dilegalkan; dan")
    assert sop["planned_months"] == [6, 7, 12]


def test_unnamed_indicators(plan: dict[str, Any]) -> None:
    sub = find_sub(plan, "Pelibatan masyarakat dalam kegiatan pemilu")
    assert len(sub["indicators"]) == 1
    assert sub["indicators"][0]["text"] == ""
    assert sub["indicators"][0]["planned_months"] == list(range(4, 13))
    reviu = find_sub(plan, "Reviu Renstra Satuan Kerja")
    assert reviu["indicators"][0]["text"] == ""
    assert reviu["indicators"][0]["note"] == "Telah dilaksanakan pada tahun 2022"


def test_notes(plan: dict[str, Any]) -> None:
    notes = Counter(i["note"] for i in all_indicators(plan) if i["note"])
    assert notes == {
        "Target 100%": 1,
        "Pemberian penghargaan pegawai teladan minimal satu kali dalam satu tahun": 1,
        "Survei kepuasan layanan dilaksanakan per semester": 1,
        "Tidak ada Assessor pada KPU Kota Kupang": 1,
        "Dapat diakses melalui website dan JDIH KPU Kota Kupang": 1,
        "Dilaksanakan oleh KPU RI": 3,
        "Belum ada JF Arsiparis di KPU Kota Kupang": 1,
        "Telah dilaksanakan pada tahun 2022": 2,
        "Belum Ada JF di KPU Kota Kupang": 1,
        "Koordinasi dengan Inspektorat KPU": 3,
        "Di Tingkat KPU Provinsi NTT": 1,
    }


def test_no_markup_left(dump: dict[str, Any]) -> None:
    text = repr(dump)
    assert "<i>" not in text and "</i>" not in text and "*" not in text


# ---------------------------------------------------------------- Lampiran I


def test_teams(plan: dict[str, Any]) -> None:
    got = [(t["kind"], t["label"], t["name"], len(t["members"])) for t in plan["teams"]]
    assert got == TEAM_SIZES
    assert sum(len(t["members"]) for t in plan["teams"]) == 54


def test_area_teams_link_the_area_of_their_own_subject(plan: dict[str, Any]) -> None:
    name_of = {a["uuid"]: a["name"] for a in plan["areas"]}
    area_teams = [t for t in plan["teams"] if t["kind"] == "area"]
    assert sorted(t["area"] for t in area_teams) == sorted(name_of)  # each area one team
    # Lampiran I lists Pengawasan (VI) before Akuntabilitas Kinerja (VII); Lampiran II the
    # other way round: the link follows the subject, not the number
    subject = {"VI": "Penguatan Pengawasan", "VII": "Penguatan Akuntabilitas Kinerja"}
    for team in area_teams:
        if team["label"] in subject:
            assert name_of[team["area"]] == subject[team["label"]]
        else:
            assert name_of[team["area"]] == plan["areas"][area_teams.index(team)]["name"]
    assert all(t["area"] is None for t in plan["teams"] if t["kind"] != "area")


def test_memberships_point_to_persons(dump: dict[str, Any], plan: dict[str, Any]) -> None:
    person_uuids = {p["uuid"] for p in dump["persons"]}
    for t in plan["teams"]:
        for m in t["members"]:
            assert m["person"] in person_uuids
            assert m["role"] and m["position"]


def test_distinct_persons(dump: dict[str, Any]) -> None:
    assert len(dump["persons"]) == 22
    names = [p["name"] for p in dump["persons"]]
    assert len(names) == len(set(names))
    commissioners = [p for p in dump["persons"] if p["unit"] == "KPU Kota Kupang"]
    assert len(commissioners) == 5
    staff = [p for p in dump["persons"] if p["unit"] == "Sekretariat KPU Kota Kupang"]
    assert len(staff) == 17


@pytest.mark.parametrize(
    ("canonical", "variants"),
    [
        ("Maria Goreti Rero", ["Maria G. Rero", "Maria Gorety Rero", "Maria Gorety Rero,"]),
        ("Abdurrahman", ["Abdulrahman"]),
        ("Syarahwati Zailani", ["Syarah Zailani"]),
        ("Jeny J. J. Pandie", ["Jeny Pandie", "Jeny J J Pandie"]),
        ("Welly A. Ndoen", ["Weli A. Ndoen"]),
        ("Mami Y. M Tameno", ["Mami Y. M"]),
    ],
)
def test_unified_person_spellings(
    dump: dict[str, Any], canonical: str, variants: list[str]
) -> None:
    person_by_name(dump, canonical)
    names = {p["name"] for p in dump["persons"]}
    assert not names & set(variants)


def test_unified_persons_sit_on_all_their_teams(dump: dict[str, Any], plan: dict[str, Any]) -> None:
    def teams_of(name: str) -> list[str]:
        puuid = person_by_name(dump, name)["uuid"]
        return [
            t["label"] or t["kind"]
            for t in plan["teams"]
            if any(m["person"] == puuid for m in t["members"])
        ]

    assert teams_of("Maria Goreti Rero") == ["I", "IV", "VIII"]
    assert teams_of("Abdurrahman") == ["IV", "VIII", "IX"]
    assert teams_of("Syarahwati Zailani") == ["III", "V", "VI"]
    assert teams_of("Jeny J. J. Pandie") == ["III", "V", "VI"]
    assert teams_of("Welly A. Ndoen") == ["II", "VI", "VIII"]
    assert teams_of("Mami Y. M Tameno") == ["II", "IV", "VI"]
    assert teams_of("Agustinus Yohanes Ola Paon") == ["pelaksana", "IX"]


def test_hayer_and_ndoen_are_different(dump: dict[str, Any], plan: dict[str, Any]) -> None:
    hayer = person_by_name(dump, "Wely Novita A. Hayer")
    ndoen = person_by_name(dump, "Welly A. Ndoen")
    assert hayer["uuid"] != ndoen["uuid"]
    assert hayer["unit"] == "KPU Kota Kupang"
    assert ndoen["unit"] == "Sekretariat KPU Kota Kupang"
    pengarah = team(plan, "", "pengarah")
    assert hayer["uuid"] in [m["person"] for m in pengarah["members"]]
    assert ndoen["uuid"] not in [m["person"] for m in pengarah["members"]]


def test_membership_positions_as_printed(dump: dict[str, Any], plan: dict[str, Any]) -> None:
    mami = person_by_name(dump, "Mami Y. M Tameno")["uuid"]
    positions = {
        t["label"]: m["position"]
        for t in plan["teams"]
        for m in t["members"]
        if m["person"] == mami
    }
    assert positions == {
        "II": "Pelaksana pada Subbagian Keuangan, Umum dan Logistik",
        "IV": "Pelaksana pada Subbagian Keuangan, Umum dan Logistik",
        "VI": "Pelaksana pada Subbagian Keuangan Umum & Logistik",
    }
    tim1 = team(plan, "I")
    assert tim1["members"][2]["position"] == (
        "Pelaksana pada Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi & Hubungan Masyarakat"
    )
    agen = team(plan, "IX", "agen")
    assert [m["role"] for m in agen["members"]] == [
        "Ketua",
        "Wakil Ketua dan Koordinator",
        "Anggota",
        "Anggota",
        "Anggota",
    ]
    assert agen["members"][4]["position"] == "Kepala Subbagian Hukum dan Sumber Daya Manusia"


def test_duties(plan: dict[str, Any]) -> None:
    sizes = [len(t["duties"]) for t in plan["teams"]]
    assert sizes == [1, 1, 2, 2, 1, 2, 4, 2, 2, 2, 3]
    assert team(plan, "IV")["duties"] == [
        "a. Mengkoordinasikan penyiapan dokumen SOP core business;",
        "b. Mengkoordinasikan pembangunan atau pengembangan e-government.",
    ]
    assert team(plan, "VI")["duties"][1] == (
        "b. Meningkatkan Peran Aparat Pengawasan Intern Pemerintah (APIP) Assurance dan Consulting."
    )
    for t in plan["teams"][2:]:
        for duty in t["duties"]:
            assert duty.endswith((".", ";", "dan")), duty


# ---------------------------------------------------------------- decree body


def test_decree(plan: dict[str, Any]) -> None:
    decree = plan["decree"]
    assert decree["number"] == "1a" and decree["year"] == 2024
    assert [c["label"] for c in decree["considerations"]] == ["a.", "b."]
    assert [b["label"] for b in decree["legal_bases"]] == [f"{n}." for n in range(1, 9)]
    assert [d["label"] for d in decree["decisions"]] == [
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
        "KELIMA",
    ]
    items = decree["decisions"][0]["items"]
    assert len(items) == 11
    assert items[0] == "1. Tim Pengarah;" and items[-1] == "3. Tim Agen Perubahan."
    assert all(not d["items"] for d in decree["decisions"][1:])
    assert (
        "Road Map Reformasi Birokrasi Tahun 2020-2024 (Berita Negara"
        in (decree["legal_bases"][2]["text"])
    )
    assert decree["legal_bases"][7]["text"].endswith(
        "Provinsi/Komisi Independen Pemilihan Aceh dan Komisi Pemilihan Umum/Komisi Independen "
        "Pemilihan Kabupaten/Kota;"
    )
    assert decree["date"] == "2024-01-02" and decree["place"] == "Kupang"
    assert decree["signatory_name"] == "DEKY BALLO"
    assert decree["signed_mark"] == "TTD"
    assert decree["certifier_name"] == "Sri Mulyawati"
    assert decree["certifier_title"] == "Kepala Sub Bagian Hukum dan SDM"
    assert set(decree["attachment_titles"]) == {"lampiran_1", "lampiran_2"}


# ---------------------------------------------------------------- completeness against the seed

HEADER_WORDS = {
    "area",
    "perubahan",
    "kegiatan",
    "indikator",
    "keberhasilan",
    "pelaksanaan",
    "bulan",
    "keterangan",
    "substansi",
    "agus",
}
MONTHS = set(
    ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Agus", "Sep", "Okt", "Nov", "Des"]
)
LABEL = re.compile(r"(?:^|\s)(?:\d+\)|\d+\.|\d+|[a-z]\)|[a-z]\.)(?=\s)")


def seed_lampiran_2() -> list[list[str]]:
    if not SEED.exists():
        pytest.skip(f"seed not found at {SEED}")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "LAMPIRAN II")
    end = max(i for i, line in enumerate(lines) if line.strip() == "Ditetapkan di Kupang")
    rows = []
    for line in lines[start:end]:
        cells = [c.strip() for c in line.split("\t")]
        if "\t" not in line:
            continue
        if cells[0] in {"NO.", "1"} and cells[1] in {"AREA PERUBAHAN", "2"}:
            continue  # column headings and column numbers
        if all(c == "" or c in MONTHS for c in cells):
            continue
        rows.append([c for c in cells if c and c != "\u221a"])
    return rows


def plan_texts(plan: dict[str, Any]) -> list[str]:
    out = []
    for area in plan["areas"]:
        out += [area["label"], area["name"]]
        for act in area["activities"]:
            out += [act["label"], act["name"]]
            for sub in act["sub_activities"]:
                out += [sub["label"], sub["name"]]
                for ind in sub["indicators"]:
                    out += [ind["label"], ind["text"], ind["note"]]
    return out


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"</?i>", "", text)).strip()


def test_every_seed_word_of_lampiran_2_is_in_the_sample(plan: dict[str, Any]) -> None:
    words = {w.lower() for t in plan_texts(plan) for w in re.findall(r"[A-Za-z]+", t)}
    missing = set()
    for row in seed_lampiran_2():
        for cell in row:
            for w in re.findall(r"[A-Za-z]+", normalise(cell)):
                if len(w) > 3 and w.lower() not in HEADER_WORDS and w.lower() not in words:
                    missing.add(w)
    assert not missing


def test_every_seed_cell_of_lampiran_2_is_in_the_sample(plan: dict[str, Any]) -> None:
    # Cells are cut at their numbering labels, because merged cells were split at them.
    blob = " ".join(normalise(t) for t in plan_texts(plan))
    missing = []
    for row in seed_lampiran_2():
        for cell in row:
            for part in LABEL.split(normalise(cell)):
                part = part.strip().rstrip(";.,").strip()
                if len(part) > 3 and part not in blob:
                    missing.append(part)
    assert not missing
