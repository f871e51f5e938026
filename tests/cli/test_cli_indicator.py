"""`rbdesk indicator`: shows and sets an indicator's target, satuan, penanggung jawab and kept
columns and the plan's level names; `rbdesk check` counts them. Read back from the file."""

from __future__ import annotations

from pathlib import Path

from rbdesk.models.domain.history import query_history
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.storage.store import Store
from tests.cli.cli_run import rbdesk_here


def _first(path: Path):
    with Store.open(path, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
        return tree, query_history(store, row_uuid=tree.indicators()[0].uuid, limit=10)


def test_set_show_and_check(sample_path: Path) -> None:
    done = rbdesk_here(
        "indicator",
        str(sample_path),
        "--indicator",
        "1/1/1/1",
        "--target",
        "100",
        "--satuan",
        "%",
        "--pj",
        "sri mulyawati",
        "--keep",
        "Anggaran=Rp 5.000.000",
        "--keep",
        "Output=SK",
    )
    assert done.returncode == 0, done.stderr
    assert "target 100 %  PJ sri mulyawati (daftar)  Anggaran: Rp 5.000.000; Output: SK" in (
        done.stdout
    )
    tree, entries = _first(sample_path)
    ind = tree.indicators()[0]
    sri = next(
        m.person_uuid for t in tree.teams for m in t.members if m.person_name == "Sri Mulyawati"
    )
    assert (ind.target, ind.target_unit, ind.responsible_uuid) == ("100", "%", sri)
    assert {e.field_label for e in entries} == {  # the window's words, as every label
        "Target",
        "Satuan",
        "Penanggung jawab",
        "Kolom tambahan",
    }
    # an empty value removes one kept column, the others stay in their order
    assert (
        rbdesk_here(
            "indicator", str(sample_path), "--indicator", "1/1/1/1", "--keep", "Anggaran="
        ).returncode
        == 0
    )
    assert _first(sample_path)[0].indicators()[0].extra_columns == [["Output", "SK"]]
    check = rbdesk_here("check", str(sample_path))
    assert "indikator bertarget: 1, dengan penanggung jawab: 1, dengan kolom tambahan: 1" in (
        check.stdout
    )


def test_level_names(sample_path: Path) -> None:
    done = rbdesk_here("indicator", str(sample_path), "--levels", "Sasaran,Program,Kegiatan,Output")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Nama tingkat: Sasaran › Program › Kegiatan › Output")
    assert _first(sample_path)[0].names == ("Sasaran", "Program", "Kegiatan", "Output")
    bad = rbdesk_here("indicator", str(sample_path), "--levels", "Sasaran,Program")
    assert bad.returncode == 1 and "empat" in bad.stderr
    assert rbdesk_here("indicator", str(sample_path), "--levels", "bawaan").returncode == 0
    assert _first(sample_path)[0].level_names == []


def test_bad_input_is_refused_clearly(sample_path: Path) -> None:
    missing = rbdesk_here("indicator", str(sample_path), "--target", "5")
    assert missing.returncode == 1 and "--indicator" in missing.stderr
    bad = rbdesk_here("indicator", str(sample_path), "--indicator", "1/1/1/1", "--keep", "tanpa")
    assert bad.returncode == 1 and "NAMA=ISI" in bad.stderr
    long = rbdesk_here("indicator", str(sample_path), "--indicator", "1/1/1/1", "--pj", "x" * 1001)
    assert long.returncode == 1 and "terlalu panjang" in long.stderr
    assert _first(sample_path)[0].indicators()[0].responsible == ""


def test_reports_name_the_plans_own_first_level(sample_path: Path, tmp_path: Path) -> None:
    """A plan whose areas are Sasaran: the monthly and period reports (PDF and Excel) head
    their capaian table and its section with that name, not "Area perubahan"."""
    import openpyxl
    from pypdf import PdfReader

    levels = ("indicator", str(sample_path), "--levels", "Sasaran,Program,Kegiatan,Output")
    assert rbdesk_here(*levels).returncode == 0
    texts = {}
    for part, name in (("report", "bulanan.pdf"), ("triwulan2", "tw2.pdf")):
        out = tmp_path / name
        args = ["export", str(sample_path), str(out), "--part", part, "--month", "6"]
        done = rbdesk_here(*args)
        assert done.returncode == 0, done.stderr
        texts[part] = " ".join(p.extract_text() for p in PdfReader(str(out)).pages)
    for text in texts.values():
        assert "Capaian per sasaran sampai dengan" in " ".join(text.split())
        assert "SASARAN" in text and "AREA PERUBAHAN" not in text
    book = tmp_path / "semester1.xlsx"
    done = rbdesk_here("export", str(sample_path), str(book), "--part", "semester1")
    assert done.returncode == 0, done.stderr
    cells = [
        str(c.value)
        for ws in openpyxl.load_workbook(book).worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value
    ]
    assert "SASARAN" in cells and "AREA PERUBAHAN" not in cells
