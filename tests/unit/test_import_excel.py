"""Reading plan sheets back: rbdesk's own, hand-made ones, and workbooks that must be refused."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from rbdesk.exports import read_plan_workbook, write_workbook
from rbdesk.exports.excel.layout import META_SHEET
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.errors import InvalidInput
from rbdesk.models.interchange.plan_import import import_plan
from rbdesk.models.interchange.sample_data import sample_dump
from rbdesk.models.storage.schema import ChangeLog, Indicator, Plan
from rbdesk.models.storage.store import Store

HEADER = (
    [
        "NO.",
        "AREA PERUBAHAN",
        "KEGIATAN",
        "SUB KEGIATAN",
        "INDIKATOR KEBERHASILAN",
        "PELAKSANAAN (BULAN)",
    ]
    + [None] * 11
    + ["KETERANGAN"]
)
MONTHS = (
    [None] * 5
    + ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    + [None]
)


def shape(areas: list[dict]) -> list:
    return [
        (
            a["label"],
            a["name"],
            [
                (
                    c["label"],
                    c["name"],
                    [
                        (
                            s["label"],
                            s["name"],
                            [
                                (i["label"], i["text"], list(i["planned_months"]), i["note"])
                                for i in s["indicators"]
                            ],
                        )
                        for s in c["sub_activities"]
                    ],
                )
                for c in a["activities"]
            ],
        )
        for a in areas
    ]


def tree_shape(tree) -> list:
    return [
        (
            a.label,
            a.name,
            [
                (
                    c.label,
                    c.name,
                    [
                        (
                            s.label,
                            s.name,
                            [(i.label, i.text, i.planned_months, i.note) for i in s.indicators],
                        )
                        for s in c.sub_activities
                    ],
                )
                for c in a.activities
            ],
        )
        for a in tree.areas
    ]


def test_round_trip_of_the_2024_sample(sample_store, tmp_path: Path) -> None:
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    plan = read_plan_workbook(write_workbook(tree, tmp_path / "p.xlsx", paper="f4"))
    assert shape(plan["areas"]) == shape(sample_dump()["plans"][0]["areas"])
    assert (plan["unit"], plan["year"], plan["title"]) == (tree.unit, tree.year, tree.title)
    new_uuid = import_plan(sample_store, plan)
    assert new_uuid != tree.uuid and len(list_plans(sample_store)) == 2
    again = load_plan_tree(sample_store, new_uuid)
    assert tree_shape(again) == tree_shape(tree)
    assert {i.uuid for i in again.indicators()}.isdisjoint(i.uuid for i in tree.indicators())
    with sample_store.read():
        assert (
            ChangeLog.select()
            .where((ChangeLog.plan_uuid == new_uuid) & (ChangeLog.action == "import"))
            .count()
            == 1
        )


def test_own_sheet_without_hidden_sheet_reads_by_labels(sample_store, tmp_path: Path) -> None:
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    path = write_workbook(tree, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb["rbdesk"]
    wb.save(path)
    plan = read_plan_workbook(path)
    got, want = shape(plan["areas"]), tree_shape(tree)
    assert [a[:2] for a in got] == [a[:2] for a in want]
    flat = lambda s: [i for a in s for c in a[2] for sub in c[2] for i in sub[2]]  # noqa: E731
    assert [i[2] for i in flat(got)] == [i[2] for i in flat(want)]  # every month mark
    assert [i[3] for i in flat(got)] == [i[3] for i in flat(want)]  # every remark
    assert plan["year"] == 2024


def _hand_made(path: Path, rows: list[list], *, top: int = 3, merges: list[str] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rencana"
    ws.cell(1, 2, "RENCANA AKSI REFORMASI BIROKRASI TAHUN 2025")
    for i, row in enumerate([HEADER, MONTHS, list(range(1, 19)), *rows]):
        for c, v in enumerate(row, 1):
            if v is not None:
                ws.cell(top + i, c + 1, v)  # shifted one column right: found by labels
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def _row(no=None, area=None, act=None, sub=None, ind=None, marks=(), note=None, mark="√"):
    months = [mark if m in marks else None for m in range(1, 13)]
    return [no, area, act, sub, ind, *months, note]


def test_hand_made_sheet(tmp_path: Path) -> None:
    rows = [
        _row("1", "Manajemen Perubahan", "1 Perencanaan", "1 Pembentukan tim", "SK tim", [1]),
        _row(None, None, None, "2 Sosialisasi", "a) Media", [2, 3], mark="v"),
        _row(None, None, None, None, "b) Website", [4], note="Target 100%", mark="X"),
        [None] * 18,  # spacer
        _row(None, None, "2 Pelaksanaan", "Kick off", "", [5, 6], mark=1),
        HEADER,
        MONTHS,  # header repeated on a later page
        _row("2", "Penguatan Pengawasan", "a) Zona Integritas", "1) Pencanangan", "", [7]),
        _row(None, None, None, None, "Komitmen", [8], mark="V"),
        _row(None, None, None, "2) Evaluasi", "Laporan", [9]),
        _row(None, None, None, None, None, [10, 11]),
        [None, "Ditetapkan di Kupang"],
    ]
    # rows 7..: the area-2 name merged over its rows, the sub 1) merged over two rows
    path = _hand_made(tmp_path / "h.xlsx", rows, merges=["C13:C16", "D13:D16", "E13:E14"])
    plan = read_plan_workbook(path)
    assert plan["year"] == 2025 and plan["title"].startswith("RENCANA AKSI")
    areas = shape(plan["areas"])
    assert [a[:2] for a in areas] == [("1", "Manajemen Perubahan"), ("2", "Penguatan Pengawasan")]
    act1, act2 = areas[0][2]
    assert act1[:2] == ("1", "Perencanaan")
    assert act1[2][1] == (
        "2",
        "Sosialisasi",
        [("a)", "Media", [2, 3], ""), ("b)", "Website", [4], "Target 100%")],
    )
    assert act2 == ("2", "Pelaksanaan", [("", "Kick off", [("", "", [5, 6], "")])])
    zona = areas[1][2][0]
    assert zona[:2] == ("a)", "Zona Integritas")
    assert zona[2][0] == ("1)", "Pencanangan", [("", "", [7], ""), ("", "Komitmen", [8], "")])
    assert zona[2][1] == ("2)", "Evaluasi", [("", "Laporan", [9], ""), ("", "", [10, 11], "")])


def _count(store) -> tuple[int, int]:
    with store.read():
        return Plan.select().count(), Indicator.select().count()


def _expect_refused(store, path: Path, *words: str) -> None:
    before = _count(store)
    with pytest.raises(InvalidInput) as err:
        import_plan(store, read_plan_workbook(path))
    for word in words:
        assert word in err.value.message
    assert _count(store) == before


def test_random_bytes_are_refused(sample_store, tmp_path: Path) -> None:
    path = tmp_path / "acak.xlsx"
    path.write_bytes(os.urandom(4096))
    _expect_refused(sample_store, path, "acak.xlsx", "bukan buku kerja")
    other = tmp_path / "data.csv"
    other.write_text("a,b\n")
    _expect_refused(sample_store, other, ".xlsx")


def test_zip_bomb_is_refused_before_parsing(sample_store, tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    _expect_refused(sample_store, path, "ditolak")
    many = tmp_path / "banyak.xlsx"
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(2100):
            zf.writestr(f"x/{i}.xml", "")
    _expect_refused(sample_store, many, "ditolak")


def _damaged_workbook(folder: Path) -> Path:
    """rusak.xlsx: a zip archive whose workbook parts are not XML."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<not xml")
        zf.writestr("xl/workbook.xml", "<<<")
    path = folder / "rusak.xlsx"
    path.write_bytes(buf.getvalue())
    return path


def test_damaged_archive_is_refused(sample_store, tmp_path: Path) -> None:
    path = _damaged_workbook(tmp_path)
    _expect_refused(sample_store, path, "rusak.xlsx")


def test_sheet_without_header_is_refused(sample_store, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["Nama", "Umur"])
    wb.active.append(["Deky", 40])
    wb.save(tmp_path / "lain.xlsx")
    _expect_refused(sample_store, tmp_path / "lain.xlsx", "AREA PERUBAHAN")


def test_mark_in_a_non_month_column_is_refused(sample_store, tmp_path: Path) -> None:
    rows = [
        _row("1", "Area", "1 Kegiatan", "1 Sub", "Indikator", [1]),
        _row(None, None, None, None, "Dua", [2]) + ["√"],
    ]  # a 13th mark, past KETERANGAN
    _expect_refused(sample_store, _hand_made(tmp_path / "geser.xlsx", rows), "baris 7", "kolom T")
    rows = [_row("1", "Area", "1 Kegiatan", "1 Sub", "Indikator", [1], note="√")]
    _expect_refused(sample_store, _hand_made(tmp_path / "ket.xlsx", rows), "kolom S")
    rows = [_row("1", "Area", "1 Kegiatan", "1 Sub", "Indikator", [1], mark="ya")]
    _expect_refused(sample_store, _hand_made(tmp_path / "ya.xlsx", rows), "'ya'", "kolom G")


def test_import_is_all_or_nothing(sample_store, monkeypatch) -> None:
    plan = sample_dump()["plans"][0]
    plan["areas"][-1]["activities"][0]["sub_activities"][0]["indicators"][0]["planned_months"] = [
        13
    ]
    before = _count(sample_store)
    with pytest.raises(InvalidInput):
        import_plan(sample_store, plan)
    assert _count(sample_store) == before
    good = sample_dump()["plans"][0]
    calls = []
    real = Indicator.insert_many

    def failing(rows):
        calls.append(1)
        if len(calls) > 0:
            raise RuntimeError("disk hilang")
        return real(rows)

    monkeypatch.setattr(Indicator, "insert_many", failing)
    with pytest.raises(RuntimeError):
        import_plan(sample_store, good)
    assert _count(sample_store) == before


def _own_workbook(store: Store, tmp_path: Path) -> tuple[Path, openpyxl.Workbook, int]:
    """rbdesk's own export, opened for editing; also the first data row of Lampiran II."""
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    path = write_workbook(tree, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Lampiran II"]
    header = next(r for r in range(1, 40) if ws.cell(r, 2).value == "AREA PERUBAHAN")
    return path, wb, header + 3  # header, month names, column numbers


def test_formula_in_a_month_cell_is_refused(sample_store, tmp_path: Path) -> None:
    path, wb, first = _own_workbook(sample_store, tmp_path)
    ws = wb["Lampiran II"]
    ws.cell(first + 2, 8, "=1+1")  # column H: March
    ws.cell(first + 5, 18, "=A1")  # column R: KETERANGAN
    wb.save(path)
    _expect_refused(
        sample_store,
        path,
        f"Lampiran II, baris {first + 2}, kolom H: rumus tidak didukung",
        f"Lampiran II, baris {first + 5}, kolom R: rumus tidak didukung",
    )
    # text that merely starts with "=" (our own export writes remarks like that) is fine
    wb = openpyxl.load_workbook(path)
    ws = wb["Lampiran II"]
    ws.cell(first + 2, 8).value = None
    ws.cell(first + 5, 18).value = "=A1"
    ws.cell(first + 5, 18).data_type = "s"
    wb.save(path)
    plan = read_plan_workbook(path)
    notes = [
        i["note"]
        for a in plan["areas"]
        for c in a["activities"]
        for s in c["sub_activities"]
        for i in s["indicators"]
    ]
    assert "=A1" in notes


def test_damaged_plan_header_is_reported_for_its_own_sheet(sample_store, tmp_path: Path) -> None:
    path, wb, first = _own_workbook(sample_store, tmp_path)
    ws = wb["Lampiran II"]
    ws.cell(first - 3, 3, "KEG.IATAN")  # the KEGIATAN label damaged
    ws.cell(first - 3, 4).value = None  # SUB KEGIATAN gone
    wb.save(path)
    before = _count(sample_store)
    with pytest.raises(InvalidInput) as err:
        read_plan_workbook(path)
    message = err.value.message
    # the two columns are no longer known: their cells are named, never dropped, nor kept as
    # another office's columns under a damaged name
    assert "tidak ada yang ditambahkan" in message
    assert f"Lampiran II, baris {first}, kolom C: kolom 'KEG.IATAN' diabaikan" in message
    assert f"Lampiran II, baris {first}, kolom D: kolom 'tanpa judul' diabaikan" in message
    assert "Realisasi" not in message and "tanda bulan" not in message
    assert _count(sample_store) == before


def test_row_errors_name_the_sheet(sample_store, tmp_path: Path) -> None:
    path, wb, first = _own_workbook(sample_store, tmp_path)
    wb["Lampiran II"].cell(first, 6, "ya")  # column F: January
    wb.save(path)
    _expect_refused(sample_store, path, f"Lampiran II, baris {first}, kolom F: tanda bulan 'ya'")
    rows = [_row("1", "Area", "1 Kegiatan", "1 Sub", "Indikator", [1], mark="ya")]
    _expect_refused(
        sample_store, _hand_made(tmp_path / "ya.xlsx", rows), "Rencana, baris 6, kolom G"
    )


def test_without_a_lampiran_ii_the_sheet_most_like_a_plan_is_read(tmp_path: Path) -> None:
    rows = [_row("1", "Area", "1 Kegiatan", "1 Sub", "Indikator", [1, 2])]
    path = _hand_made(tmp_path / "h.xlsx", rows)
    wb = openpyxl.load_workbook(path)
    other = wb.create_sheet("Catatan", 0)  # a sheet before it with a partial header
    other.append(["AREA PERUBAHAN", "KEGIATAN", "Catatan"])
    other.append(["x", "y", "z"])
    wb.save(path)
    plan = read_plan_workbook(path)
    assert shape(plan["areas"]) == [
        ("1", "Area", [("1", "Kegiatan", [("1", "Sub", [("", "Indikator", [1, 2], "")])])])
    ]


def test_unreadable_workbook_message_is_indonesian_only(
    sample_store, tmp_path: Path, caplog
) -> None:
    path = _damaged_workbook(tmp_path)
    with caplog.at_level("WARNING", logger="rbdesk"), pytest.raises(InvalidInput) as err:
        read_plan_workbook(path)
    message = err.value.message
    assert message == "rusak.xlsx tidak dapat dibaca sebagai buku kerja Excel."
    assert "Error" not in message and "(" not in message
    assert any("rusak.xlsx" in r.getMessage() and "Error" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("where", ["title", "meta"])
def test_formulas_above_the_table_or_in_the_metadata_are_refused(tmp_path, where) -> None:
    """A HYPERLINK formula in the title row must not become the plan's title."""
    with Store.create(tmp_path / "a.rbdesk") as store:
        from rbdesk.models.interchange.load import load_data

        load_data(store, sample_dump())
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    book = write_workbook(tree, tmp_path / "asli.xlsx") or tmp_path / "asli.xlsx"
    wb = openpyxl.load_workbook(book)
    if where == "title":
        del wb[META_SHEET]  # as a hand-made sheet: the title comes from the rows above
        ws = wb["Lampiran II"]
        cell = next(
            c
            for row in ws.iter_rows(max_row=10)
            for c in row
            if isinstance(c.value, str) and "RENCANA AKSI" in c.value.upper()
        )
        cell.value = '=HYPERLINK("http://contoh.invalid/x","RENCANA AKSI 2024")'
    else:
        meta = wb[META_SHEET]
        meta.cell(row=3, column=2).value = '=HYPERLINK("http://contoh.invalid/x","judul")'
    wb.save(tmp_path / "rumus.xlsx")
    with pytest.raises(InvalidInput, match="rumus"):
        read_plan_workbook(tmp_path / "rumus.xlsx")


@pytest.mark.parametrize(
    ("cells", "numbers"),
    [
        ([str(n) for n in range(1, 19)], True),  # rbdesk's own row
        (["1", "2", "3", "4", "5", "6", *map(str, range(6, 18))], True),  # a column inserted
        (["1", "2", "3", "4", "5", "5a", *map(str, range(6, 18))], True),
        ([f"({n})" for n in range(1, 8)], True),
        ([1, 2, 3, 4.0, 5], True),  # numbers as Excel stores them
        (["1", "2", "3", "4"], False),  # too few to be a header's count
        (["3", "1", "1", "1", "1"], False),  # a row's number, then ticks written as 1
        (["1"] * 8, False),
        (["1", "25", "50", "75", "100"], False),  # quarterly targets in %
        (["1", "2", "3", "4", "5", "Target 80%"], False),
        (["5", "4", "3", "2", "1"], False),
    ],
)
def test_a_column_number_row_is_told_from_data(cells: list[object], numbers: bool) -> None:
    from rbdesk.exports.excel.guess import is_column_numbers

    assert is_column_numbers(dict(enumerate(cells, start=1))) is numbers
