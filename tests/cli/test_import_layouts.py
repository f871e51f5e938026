"""`rbdesk import` on one workbook per layout family (tests/fixtures/workbooks.py): what each
must give — levels, indicators, planned months per month, the cells left out — checked through
the command line in-process, and what is written when the user agrees."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import openpyxl
import pytest

from rbdesk.cli import main
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.storage.schema import ChangeLog
from rbdesk.models.storage.store import Store

_spec = importlib.util.spec_from_file_location(
    "workbooks", Path(__file__).parents[1] / "fixtures" / "workbooks.py"
)
assert _spec and _spec.loader
workbooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(workbooks)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def summary(out: str) -> dict:
    counts = re.search(r"(\d+) area, (\d+) kegiatan, (\d+) sub kegiatan, (\d+) indikator", out)
    months = re.search(r"Bulan rencana \(indikator per bulan\): (.*); jumlah (\d+)", out)
    assert counts and months, out
    left = [line.split("\t") for line in out.splitlines() if line.startswith("  ") and "!" in line]
    return {
        "counts": tuple(int(g) for g in counts.groups()),
        "months": [int(p.rsplit(" ", 1)[1]) for p in months.group(1).split(", ")],
        "left": {cell.strip(): (value.strip("'"), why) for cell, value, why in left},
    }


@pytest.fixture
def target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "kantor.rbdesk"
    assert run(capsys, "new", str(path))[0] == 0
    return path


def plans(path: Path) -> int:
    with Store.open(path, readonly=True) as store:
        return len(list_plans(store))


LAYOUTS = {
    # name: (counts, planned indicators per month Jan..Des, cells left out)
    # Target, satuan, penanggung jawab and the columns to keep ("simpan") have their place in
    # the plan (tests below read them back), so only what has none is left out.
    "lampiran-ii-tangan.xlsx": (
        (3, 6, 9, 12),
        [2, 2, 3, 3, 2, 3, 1, 2, 2, 1, 1, 3],
        set(),
    ),
    "road-map.xlsx": (
        (3, 6, 6, 6),
        [3, 3, 4, 3, 3, 3, 1, 1, 1, 1, 1, 1],
        {f"Road Map!{c}" for c in ("E6", "F6", "E9", "E11", "F12")},
    ),
    "laporan-pemda.xlsx": (
        (2, 3, 3, 5),
        [1, 1, 2, 3, 3, 2, 1, 2, 1, 2, 3, 2],
        set(),
    ),
    "rb-tematik.xlsx": (
        (1, 2, 3, 4),
        [0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2],
        set(),
    ),
    "monev-triwulan.xlsx": (
        (2, 3, 3, 4),
        [0, 0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 2],
        set(),
    ),
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_layout_imports_with_nothing_lost(
    name: str, tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts, months, left = LAYOUTS[name]
    book = workbooks.BUILDERS[name](tmp_path / name)
    code, out, err = run(capsys, "import", str(target), str(book))
    got = summary(out)
    assert (got["counts"], got["months"], set(got["left"])) == (counts, months, left)
    if left:
        # something would be left out: the report is shown and nothing is written without --yes
        assert code == 1 and "--yes" in err and plans(target) == 0
        code, out, err = run(capsys, "import", str(target), str(book), "--yes")
    assert code == 0, err
    assert summary(out) == got
    with Store.open(target, readonly=True) as store:
        (plan,) = list_plans(store)
        tree = load_plan_tree(store, plan.uuid)
        with store.read():
            log = [e.new for e in ChangeLog.select().where(ChangeLog.action == "import")]
    subs = [s for a in tree.areas for c in a.activities for s in c.sub_activities]
    inds = list(tree.indicators())
    assert (
        len(tree.areas),
        sum(len(a.activities) for a in tree.areas),
        len(subs),
        len(inds),
    ) == counts
    assert [sum(m in i.planned_months for i in inds) for m in range(1, 13)] == months
    tail = f"; {len(left)} sel tidak ikut diimpor" if left else ""
    assert log == [f"{counts[3]} indikator diimpor dari Excel ({name}){tail}"]
    assert tree.year == 2025


# What each layout writes beside its indicators, as the plan holds it after the import: per
# indicator (target, satuan, penanggung jawab, kept columns), and the plan's level names.
WRITTEN = {
    "rb-tematik.xlsx": (
        ["Tema", "Sasaran", "Indikator", "Rencana aksi"],
        [
            (
                "100",
                "%",
                "Dinas Sosial",
                [
                    ["ANGGARAN (Rp) TW I", "5000000"],
                    ["ANGGARAN (Rp) TW III", "5000000"],
                    ["PELAKSANA", "Bidang Linjamsos"],
                ],
            ),
            # quarterly targets: the quarter is planned and the value kept under its header
            (
                "4",
                "laporan",
                "Dinas Sosial",
                [
                    ["TARGET TRIWULAN TW I", "25%"],
                    ["TARGET TRIWULAN TW II", "50%"],
                    ["TARGET TRIWULAN TW III", "75%"],
                    ["TARGET TRIWULAN TW IV", "100%"],
                    ["PELAKSANA", "TKSK"],
                ],
            ),
            (
                "1",
                "kegiatan",
                "DPMPTSP",
                [["ANGGARAN (Rp) TW II", "20000000"], ["PELAKSANA", "Bidang Promosi"]],
            ),
            (
                "1",
                "sistem",
                "DPMPTSP",
                [["ANGGARAN (Rp) TW IV", "10000000"], ["PELAKSANA", "Bidang Pelayanan"]],
            ),
        ],
    ),
    # No satuan column: the unit written after the number is the satuan.
    "laporan-pemda.xlsx": (
        ["Area perubahan", "Program", "Sub kegiatan", "Kegiatan"],
        [
            ("12", "kali", "", [["ANGGARAN (Rp)", "12000000"], ["REALISASI", "10 kali"]]),
            ("1", "kegiatan", "", [["ANGGARAN (Rp)", "25000000"], ["REALISASI", "1 kegiatan"]]),
            ("1", "aplikasi", "", [["ANGGARAN (Rp)", "150000000"], ["REALISASI", "0"]]),
            ("20", "orang", "", [["ANGGARAN (Rp)", "8000000"], ["REALISASI", "18 orang"]]),
            ("4", "SOP", "", [["ANGGARAN (Rp)", "5000000"], ["REALISASI", "4 SOP"]]),
        ],
    ),
    "road-map.xlsx": (
        ["Area perubahan", "Program / kegiatan", "Keluaran (output)", "Indikator keberhasilan"],
        [
            ("", "", pj, [])
            for pj in (
                "Tim RB",
                "Agen perubahan",
                "Subbag Hukum",
                "Subbag Hukum",
                "Subbag SDM",
                "Subbag SDM",
            )
        ],
    ),
    "monev-triwulan.xlsx": (
        ["Area perubahan", "Kegiatan", "Sub kegiatan", "Indikator"],
        [
            ("", "", "", [["CAPAIAN (%) I", "100"], ["CAPAIAN (%) II", "100"]]),
            ("", "", "", [["CAPAIAN (%) IV", "40"]]),
            ("", "", "", [["CAPAIAN (%) II", "100"], ["CAPAIAN (%) IV", "50"]]),
            ("", "", "", [["CAPAIAN (%) III", "100"]]),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_target_satuan_pj_and_kept_columns_land_in_the_plan(
    name: str, tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = workbooks.BUILDERS[name](tmp_path / name)
    code, _out, err = run(capsys, "import", str(target), str(book), "--yes")
    assert code == 0, err
    with Store.open(target, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    names, rows = WRITTEN[name]
    assert list(tree.names) == names
    assert [
        (i.target, i.target_unit, i.responsible, i.extra_columns) for i in tree.indicators()
    ] == rows


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_the_imported_plan_exported_and_imported_again_is_the_same(
    name: str, tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = workbooks.BUILDERS[name](tmp_path / name)
    assert run(capsys, "import", str(target), str(book), "--yes")[0] == 0
    with Store.open(target, readonly=True) as store:
        first = load_plan_tree(store, list_plans(store)[0].uuid)
    out = tmp_path / "rencana.xlsx"
    code, _out, err = run(capsys, "export", str(target), str(out), "--year", "2025")
    assert code == 0, err
    code, _out, err = run(capsys, "import", str(target), str(out), "--year", "2026")
    assert code == 0, err  # nothing left out
    with Store.open(target, readonly=True) as store:
        again = load_plan_tree(store, next(p for p in list_plans(store) if p.year == 2026).uuid)

    def plan(tree) -> tuple:
        return (
            tree.names,
            [
                (
                    i.label,
                    i.text,
                    i.planned_months,
                    i.note,
                    i.target,
                    i.target_unit,
                    i.responsible,
                    i.extra_columns,
                )
                for i in tree.indicators()
            ],
            [(a.label, a.name) for a in tree.areas],
        )

    assert plan(again) == plan(first)


def test_a_penanggung_jawab_naming_a_roster_person_is_linked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "contoh.rbdesk"
    assert run(capsys, "new", str(path), "--sample")[0] == 0
    book = workbooks.road_map_matrix(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(book)
    wb.active["G5"] = "sri mulyawati"  # a person of the sample's roster, written as people do
    wb.save(book)
    code, _out, err = run(capsys, "import", str(path), str(book), "--year", "2026", "--yes")
    assert code == 0, err
    with Store.open(path, readonly=True) as store:
        plan = next(p for p in list_plans(store) if p.year == 2026)
        tree = load_plan_tree(store, plan.uuid)
        sample = load_plan_tree(store, next(p for p in list_plans(store) if p.year == 2024).uuid)
    sri = {m.person_name: m.person_uuid for t in sample.teams for m in t.members}["Sri Mulyawati"]
    first, second = tree.indicators()[:2]
    assert (first.responsible, first.responsible_uuid) == ("sri mulyawati", sri)
    assert (second.responsible, second.responsible_uuid) == ("Agen perubahan", "")


def test_the_hand_filled_lampiran_ii(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 21's sheet: months by colour, ticks merged across months, NO on every row."""
    book = workbooks.lampiran_ii_by_hand(tmp_path / "l.xlsx")
    code, out, err = run(capsys, "import", str(target), str(book))
    assert code == 0, err  # nothing left out: written without --yes
    assert "Warna yang dibaca sebagai bulan rencana: FFFF00 (7 sel)" in out
    assert "Kolom A: nomor urut baris 1–12" in out and "Semua sel tabel ikut diimpor" in out
    with Store.open(target, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    assert [(a.label, a.name) for a in tree.areas] == [
        ("I.", "Manajemen Perubahan"),
        ("II.", "Penataan Tata Laksana"),
        ("III.", "Penguatan Akuntabilitas"),
    ]
    first = tree.areas[0]
    assert [(c.label, c.name) for c in first.activities] == [
        ("1.", "Penyusunan tim RB"),
        ("2.", "Penguatan agen perubahan"),
    ]
    by_text = {i.text: (i.label, i.planned_months, i.note) for i in tree.indicators()}
    assert by_text["Media sosialisasi RB"] == ("1)", [3, 4], "")  # tick across Mar–Apr
    assert by_text["SK agen perubahan"][1] == [5, 6]  # colour only
    assert by_text["Laporan kampanye"][1] == [4, 5, 6, 8]  # a coloured bar + "v"
    assert by_text["SK Tim RB"][1] == [1]  # "-" is nothing
    assert by_text["Survei kepuasan"] == ("2)", [12], "Target 80%")
    # the stray remark past KETERANGAN, under no header, is kept with its indicator
    kept = {i.text: i.extra_columns for i in tree.indicators() if i.extra_columns}
    assert kept == {"Survei kepuasan": [["Kolom S", "lihat lampiran"]]}


def test_colours_can_be_corrected(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = workbooks.lampiran_ii_by_hand(tmp_path / "l.xlsx")
    code, out, _err = run(
        capsys, "import", str(target), str(book), "--planned-colours", "tidak", "--dry-run"
    )
    got = summary(out)
    assert code == 0 and sum(got["months"]) == 25 - 7
    coloured = {c for c, (v, _why) in got["left"].items() if v == "(warna FFFF00)"}
    assert coloured == {
        "Lampiran II!J8",
        "Lampiran II!K8",
        "Lampiran II!I10",
        "Lampiran II!O14",
        "Lampiran II!G17",
    }
    code, out, _err = run(
        capsys, "import", str(target), str(book), "--planned-colours", "#ffff00", "--dry-run"
    )
    assert sum(summary(out)["months"]) == 25 and plans(target) == 0


def test_quarters_as_all_three_months(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = workbooks.quarterly_monitoring(tmp_path / "m.xlsx")
    code, out, _err = run(
        capsys, "import", str(target), str(book), "--quarter", "semua", "--dry-run"
    )
    assert code == 0
    assert summary(out)["months"] == [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]
    assert "A=nomor,B=kegiatan,C=indikator,D=triwulan:1" in out


def test_another_year_and_a_column_ignored(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = workbooks.road_map_matrix(tmp_path / "r.xlsx")
    code, out, err = run(
        capsys, "import", str(target), str(book), "--year", "2026", "--map", "G=abaikan", "--yes"
    )
    assert code == 0, err
    got = summary(out)
    assert got["months"] == [3] * 12
    assert got["left"]["Road Map!G5"] == ("Tim RB", "kolom 'PENANGGUNG JAWAB' diabaikan")
    assert got["left"]["Road Map!D5"] == ("√", "kolom tahun 2025; rencana ini tahun 2026")
    assert len(got["left"]) == 13
    with Store.open(target, readonly=True) as store:
        assert [p.year for p in list_plans(store)] == [2026]


def test_a_saved_mapping_reads_the_same(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = workbooks.rb_tematik(tmp_path / "t.xlsx")
    saved = tmp_path / "pemetaan.json"
    code, first, _err = run(
        capsys,
        "import",
        str(target),
        str(book),
        "--map",
        "P-Q=abaikan",
        "--quarter",
        "semua",
        "--save-mapping",
        str(saved),
        "--dry-run",
    )
    assert code == 0 and saved.exists()
    code, again, _err = run(
        capsys, "import", str(target), str(book), "--mapping", str(saved), "--dry-run"
    )
    assert code == 0 and summary(again) == summary(first)
    assert summary(first)["months"] == [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]


def test_a_map_can_rename_the_levels(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pemda's three levels: Program as the area instead, the Kegiatan as sub-activities."""
    book = workbooks.pemda_report(tmp_path / "p.xlsx")
    code, out, _err = run(
        capsys,
        "import",
        str(target),
        str(book),
        "--map",
        "B=abaikan,C=area,D=subkegiatan",
        "--dry-run",
    )
    got = summary(out)
    assert code == 0 and got["counts"] == (3, 3, 5, 5)
    assert got["left"]["Laporan RB!B4"][1] == "kolom 'AREA PERUBAHAN' diabaikan"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--map", "ZZZZ=area"), "Kolom 'ZZZZ' tidak sah"),
        (("--map", "B=wilayah"), "Peran kolom 'wilayah' tidak dikenal"),
        (("--map", "B=tahun"), "tahun:2025"),
        (("--planned-colours", "kuning"), "Warna 'kuning' tidak dikenali"),
        (("--sheet", "Tidak Ada"), "Lembar 'Tidak Ada' tidak ada"),
    ],
)
def test_bad_options_are_refused_clearly(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str], args, words
) -> None:
    book = workbooks.pemda_report(tmp_path / "p.xlsx")
    code, _out, err = run(capsys, "import", str(target), str(book), *args)
    assert code == 1 and words in err and "Traceback" not in err
    assert plans(target) == 0


def test_xls_and_ods_carry_values_and_merges_not_colours(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = workbooks.lampiran_ii_by_hand(tmp_path / "l.xlsx")
    for other in (
        workbooks.as_xls(book, tmp_path / "l.xls"),
        workbooks.as_ods(book, tmp_path / "l.ods"),
    ):
        code, out, _err = run(capsys, "import", str(target), str(other), "--dry-run")
        got = summary(out)
        assert code == 0 and got["counts"] == (3, 6, 9, 12)
        # every month but the seven marked by colour only; the tick merged across Mar–Apr kept
        assert got["months"] == [2, 1, 3, 2, 0, 1, 1, 2, 2, 0, 1, 3]
        assert "simpan sebagai .xlsx" in out
    formula = workbooks.as_ods(
        workbooks.pemda_report(tmp_path / "p.xlsx"), tmp_path / "f.ods", formula_at=(4, 6)
    )
    code, _out, err = run(capsys, "import", str(target), str(formula), "--yes")
    assert code == 1 and "Laporan RB, baris 4, kolom F: rumus tidak didukung" in err
    assert plans(target) == 0


def test_colour_bars_in_year_columns(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Road maps often colour the years instead of ticking them."""
    book = workbooks.road_map_matrix(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(book)
    wb.active["D9"].fill = workbooks.YELLOW  # Harmonisasi SOP: 2025 by colour only
    wb.active["F8"].fill = workbooks.YELLOW  # Inventarisasi peraturan: 2027 by colour
    wb.save(book)
    code, out, _err = run(capsys, "import", str(target), str(book), "--dry-run")
    got = summary(out)
    assert code == 0
    assert got["months"] == [4, 4, 5, 4, 4, 4, 2, 2, 2, 2, 2, 2]
    assert got["left"]["Road Map!F8"] == (
        "(warna FFFF00)",
        "kolom tahun 2027; rencana ini tahun 2025",
    )
    assert "FFFF00 (1 sel)" in out


def test_section_rows_with_their_letter_in_the_numbering_column(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NO", "KEGIATAN", "OUTPUT", *workbooks.MONTHS])
    ws.append(["A", "MANAJEMEN PERUBAHAN"])
    ws.merge_cells("B2:O2")
    ws.append([1, "Penyusunan road map", "Dokumen road map", "√"])
    ws.append(["B", "PENATAAN TATA LAKSANA"])
    ws.merge_cells("B4:O4")
    ws.append([1, "Peta proses bisnis", "Dokumen probis", None, "√"])
    wb.save(tmp_path / "s.xlsx")
    code, out, err = run(capsys, "import", str(target), str(tmp_path / "s.xlsx"), "--year", "2025")
    assert code == 0, err
    assert summary(out)["counts"] == (2, 2, 2, 2) and "Semua sel tabel ikut diimpor" in out
    with Store.open(target, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    assert [(a.label, a.name) for a in tree.areas] == [
        ("A", "MANAJEMEN PERUBAHAN"),
        ("B", "PENATAAN TATA LAKSANA"),
    ]
    assert [(c.label, c.name) for a in tree.areas for c in a.activities] == [
        ("1", "Penyusunan road map"),
        ("1", "Peta proses bisnis"),
    ]


def _insert_column(ws, at: int) -> None:
    """Insert a column as Excel does: the cells and the merged ranges at and right of ``at`` move
    one column right, a range across it widens (openpyxl's insert_cols leaves merges behind)."""
    from openpyxl.worksheet.cell_range import CellRange

    merges = [CellRange(str(m)) for m in ws.merged_cells.ranges]
    for m in merges:
        ws.unmerge_cells(m.coord)
    ws.insert_cols(at)
    for m in merges:
        if m.min_col >= at:
            m.shift(col_shift=1)
        elif m.max_col >= at:
            m.expand(right=1)
        ws.merge_cells(m.coord)


@pytest.mark.parametrize(
    "numbered",
    [
        None,  # the new column's number left empty
        "6",  # its neighbour's number typed again: 5, 6, 6, 7 … (issue 21)
        "5a",  # numbered after the column it follows
        "renumbered",  # the whole row counted again as "(1)", "(2)" …
    ],
)
def test_own_workbook_with_a_column_inserted(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str], numbered: str | None
) -> None:
    """rbdesk's own Lampiran II with a TARGET column inserted after the indicator: the
    column-number row under the header is still the header's, never data whose 6 … 17 are
    unknown month marks and whose "1" starts a ninth area."""
    sample = tmp_path / "contoh.rbdesk"
    own = tmp_path / "rencana.xlsx"
    assert run(capsys, "new", "--sample", str(sample))[0] == 0
    assert run(capsys, "export", str(sample), str(own))[0] == 0
    code, out, _err = run(capsys, "import", str(target), str(own), "--dry-run")
    before = summary(out)
    assert code == 0 and not before["left"] and "judul kolom baris 8–10" in out

    wb = openpyxl.load_workbook(own)
    ws = wb["Lampiran II"]
    assert [ws.cell(8, c).value for c in (5, 6)] == [
        "INDIKATOR KEBERHASILAN",
        "PELAKSANAAN (BULAN)",
    ]
    assert [ws.cell(10, c).value for c in range(1, 19)] == [str(n) for n in range(1, 19)]
    _insert_column(ws, 6)
    ws["F8"] = "TARGET"
    ws.merge_cells("F8:F9")
    if numbered == "renumbered":
        for c in range(1, 20):
            ws.cell(10, c).value = f"({c})"
    else:
        ws["F10"] = numbered
    ws["F11"] = "1 dokumen"
    changed = tmp_path / "rencana-target.xlsx"
    wb.save(changed)

    code, out, _err = run(capsys, "import", str(target), str(changed), "--dry-run")
    got = summary(out)
    assert code == 0 and "judul kolom baris 8–10" in out
    assert "tanda bulan" not in out
    assert (got["counts"], got["months"]) == (before["counts"], before["months"])
    # only the new column's own cell may stay out (while the plan has no place for a target)
    assert set(got["left"]) <= {"Lampiran II!F11"}
    assert plans(target) == 0
