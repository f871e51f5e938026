"""Evidence file names from any source are stored and written as one bare, harmless name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rbdesk.models.domain.file_names import opens_directly, path_inside, safe_filename
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.errors import InvalidInput
from rbdesk.models.interchange.dump import dump_data
from rbdesk.models.interchange.load import create_from_dump
from rbdesk.models.storage.schema import Evidence
from rbdesk.models.storage.store import Store
from tests.crafted_dump import with_evidence

BAD = [
    "../../../../tmp/x",
    "..\\..\\Windows\\x.dll",
    "C:\\Users\\a\\x.pdf",
    "..",
    ".",
    "",
    "a\x00b.pdf",
    "\x1b[31mmerah.txt",
    "CON",
    "con.txt",
    "LPT1.pdf",
    "nul",
    "COM9.jpg",
    "a:b.pdf",
    "tanya?.pdf",
    "titik. . .",
    "/etc/passwd",
    "x" * 5000 + ".pdf",
]


@pytest.mark.parametrize("name", BAD)
def test_every_bad_name_becomes_one_harmless_name(name: str, tmp_path: Path) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and safe not in (".", "..")
    assert not any(ord(c) < 32 or c in '<>:"|?*' for c in safe)
    assert safe.split(".")[0].upper() not in ("CON", "PRN", "AUX", "NUL", "COM9", "LPT1")
    assert len(safe) <= 150 and not safe.endswith((".", " "))
    assert path_inside(tmp_path, name).parent == tmp_path


@given(st.text())
def test_any_name_stays_inside_its_folder(name: str) -> None:
    folder = Path("/tmp/rbdesk-folder-yang-tidak-ada")
    target = path_inside(folder, name)
    assert target.parent == folder and target.name == safe_filename(name)


def test_ordinary_names_are_kept() -> None:
    for name in ("notulen rapat.pdf", "Foto kegiatan (1).JPG", "laporan.v2.docx", "konsol.pdf"):
        assert safe_filename(name) == name


def _crafted_dump(name: str, size: int) -> dict:
    from rbdesk.models.interchange.sample_data import sample_dump

    return with_evidence(sample_dump(), b"isi bukti", name, "text/plain", size)


def test_load_stores_a_bare_name(tmp_path: Path) -> None:
    path = tmp_path / "dimuat.rbdesk"
    with create_from_dump(path, _crafted_dump("../../../luar/x.sh", 9)) as store, store.read():
        assert [e.filename for e in Evidence.select()] == ["x.sh"]


def test_load_refuses_a_size_that_is_not_the_bytes(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="size"):
        create_from_dump(tmp_path / "a.rbdesk", _crafted_dump("x.txt", -5))
    assert not (tmp_path / "a.rbdesk").exists()


def test_attach_stores_a_bare_name(sample_store: Store) -> None:
    plan = list_plans(sample_store)[0].uuid
    ind = load_plan_tree(sample_store, plan).indicators()[0].uuid
    uuid = realisation.attach_bytes(sample_store, ind, 2, "..\\..\\LPT1.pdf\x00.exe", b"x")
    [info] = [e for e in realisation.list_evidence(sample_store, ind, 2) if e.uuid == uuid]
    assert info.filename == "_LPT1.pdf.exe"


def test_a_merged_copy_brings_bare_names_and_true_sizes(sample_path: Path, tmp_path: Path) -> None:
    from rbdesk.models.interchange import merge

    with Store.open(sample_path, readonly=True) as s:
        data = json.loads(json.dumps(dump_data(s)))
    with_evidence(data, b"isi bukti", "x.txt", "text/plain")
    theirs = tmp_path / "salinan.rbdesk"
    create_from_dump(theirs, data).close()
    # A crafted copy: the name and size changed behind rbdesk's back.
    with Store.open(theirs) as s, s.write():
        Evidence.update(filename="../../../../tmp/jahat.sh", size=-1).execute()
    with Store.open(sample_path) as s:
        merge.merge_files(s, theirs)
        with s.read():
            [(name, size)] = [(e.filename, e.size) for e in Evidence.select()]
    assert (name, size) == ("jahat.sh", 9)


def test_opening_writes_only_inside_its_own_folder(sample_store: Store, tmp_path: Path) -> None:
    plan = list_plans(sample_store)[0].uuid
    ind = load_plan_tree(sample_store, plan).indicators()[0].uuid
    uuid = realisation.attach_bytes(sample_store, ind, 2, "notulen.pdf", b"%PDF")
    with sample_store.write():  # as an older rbdesk or a crafted file may hold it
        Evidence.update(filename="../../keluar.pdf").where(Evidence.uuid == uuid).execute()
    [info] = [e for e in realisation.list_evidence(sample_store, ind, 2) if e.uuid == uuid]
    folder = tmp_path / "sementara"
    target = realisation.write_temp_copy(sample_store, info, folder)
    assert target.parent.parent == folder and target.read_bytes() == b"%PDF"
    assert target.name == "keluar.pdf"
    assert not (tmp_path / "keluar.pdf").exists()


RLO_EXE = "laporan\u202efdp.exe"  # shows as "laporanexe.pdf"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_are_removed_from_names() -> None:
    assert safe_filename(RLO_EXE) == "laporanfdp.exe"
    for ch in BIDI:
        assert safe_filename(f"a{ch}b.pdf") == "ab.pdf"


def test_bidi_controls_are_removed_on_every_way_in(sample_path: Path, tmp_path: Path) -> None:
    from rbdesk.models.interchange import merge

    # load
    with (
        create_from_dump(tmp_path / "dimuat.rbdesk", _crafted_dump(RLO_EXE, 9)) as store,
        store.read(),
    ):
        assert [e.filename for e in Evidence.select()] == ["laporanfdp.exe"]
    # attach
    with Store.open(sample_path) as store:
        ind = load_plan_tree(store, list_plans(store)[0].uuid).indicators()[0].uuid
        realisation.attach_bytes(store, ind, 2, "\u2067foto\u2069.jpg", b"x")
        assert [e.filename for e in realisation.list_evidence(store, ind, 2)] == ["foto.jpg"]
    # merge: a copy whose stored name was changed behind rbdesk's back
    theirs = tmp_path / "salinan.rbdesk"
    with Store.open(sample_path, readonly=True) as s:
        data = json.loads(json.dumps(dump_data(s)))
    create_from_dump(theirs, data).close()
    with Store.open(theirs) as s, s.write():
        Evidence.update(filename=RLO_EXE).execute()
    mine = tmp_path / "milik.rbdesk"
    create_from_dump(mine, _crafted_dump("lain.txt", 9)).close()
    with Store.open(mine) as s:
        merge.merge_files(s, theirs)
        with s.read():
            names = {e.filename for e in Evidence.select()}
    assert "laporanfdp.exe" in names and not any(set(n) & set(BIDI) for n in names)


@pytest.mark.parametrize(
    "name",
    [
        "a.exe",
        "a.bat",
        "a.cmd",
        "a.com",
        "a.js",
        "a.jse",
        "a.vbs",
        "a.vbe",
        "a.wsf",
        "a.wsh",
        "a.lnk",
        "a.scr",
        "a.msi",
        "a.ps1",
        "a.hta",
        "a.cpl",
        "a.pif",
        "a.reg",
        "a.jar",
        "A.EXE",
        "rapat.pdf.exe",
        "makro.docm",
        "tanpa-jenis",
        RLO_EXE,
        "a.xyz",
    ],
)
def test_types_that_can_run_something_are_not_opened_directly(name: str) -> None:
    assert not opens_directly(name)


@pytest.mark.parametrize(
    "name", ["notulen.pdf", "Foto (1).JPG", "hadir.xlsx", "sk.docx", "scan.png", "catatan.txt"]
)
def test_documents_open_directly(name: str) -> None:
    assert opens_directly(name)
