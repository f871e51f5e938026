"""Files that are not what they claim: a clear Indonesian message, and never a byte written."""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from rbdesk.models.edits import plan_edit
from rbdesk.models.errors import (
    DamagedFile,
    NotRbdeskFile,
    RbdeskError,
    ReadOnlyError,
)
from rbdesk.models.interchange import merge
from rbdesk.models.storage import backups
from rbdesk.models.storage.schema import Indicator
from rbdesk.models.storage.store import Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _spreadsheet(path: Path, sample_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Rencana Aksi"
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())


def _random(path: Path, sample_path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(50_000))


def _truncated_header(path: Path, sample_path: Path) -> None:
    path.write_bytes(sample_path.read_bytes()[:60])


def _truncated_half(path: Path, sample_path: Path) -> None:
    data = sample_path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damaged_pages(path: Path, sample_path: Path) -> None:
    data = bytearray(sample_path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for n in range(1, len(data) // page, 3):
        data[n * page : n * page + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def _other_sqlite(path: Path, sample_path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


BAD: dict[str, tuple[Callable[[Path, Path], None], type[RbdeskError], str]] = {
    "spreadsheet": (_spreadsheet, NotRbdeskFile, "bukan berkas rbdesk"),
    "random": (_random, NotRbdeskFile, "bukan berkas rbdesk"),
    "truncated-header": (_truncated_header, RbdeskError, "bukan berkas rbdesk|terpotong"),
    "truncated-half": (_truncated_half, DamagedFile, "rusak"),
    "damaged-page": (_damaged_pages, DamagedFile, "rusak"),
    "other-sqlite": (_other_sqlite, NotRbdeskFile, "basis data lain"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_file_is_refused_and_untouched(kind: str, sample_path: Path, tmp_path: Path) -> None:
    make, error, message = BAD[kind]
    folder = tmp_path / "bad"
    folder.mkdir()
    path = folder / "rencana.rbdesk"
    make(path, sample_path)
    before = _digest(path)
    with pytest.raises(error, match=message):
        Store.open(path)
    with pytest.raises(error, match=message):
        Store.open(path, readonly=True)
    assert _digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["rencana.rbdesk"]  # no journal left


@pytest.mark.parametrize("kind", ["spreadsheet", "damaged-page", "truncated-half"])
def test_bad_copy_is_refused_by_merge_and_untouched(
    kind: str, sample_path: Path, tmp_path: Path
) -> None:
    make, error, message = BAD[kind]
    bad = tmp_path / "salinan.rbdesk"
    make(bad, sample_path)
    before = _digest(bad)
    with Store.open(sample_path) as store, pytest.raises(error, match=message):
        merge.plan_merge(store, bad)
    assert _digest(bad) == before


def _first_indicator(store: Store) -> str:
    with store.read():
        return Indicator.select().first().uuid


def test_newer_schema_opens_readonly_and_is_never_written(newer_sample_path: Path) -> None:
    sample_path = newer_sample_path
    before = _digest(sample_path)
    with Store.open(sample_path) as store:
        assert store.readonly and store.state.newer
        assert "lebih baru" in store.state.reason
        with store.read():
            ind = Indicator.select().first()
        with pytest.raises(ReadOnlyError):
            plan_edit.set_field(store, "indicator", ind.uuid, "text", "x")
        assert backups.daily_backup(store) is not None  # reading for a backup is fine
    assert _digest(sample_path) == before


def test_readonly_file_opens_readonly(sample_path: Path, tmp_path: Path) -> None:
    os.chmod(sample_path, stat.S_IREAD)
    try:
        if os.access(sample_path, os.W_OK):
            pytest.skip("running as root: chmod does not stop writing")
        before = _digest(sample_path)
        with Store.open(sample_path) as store:
            assert store.readonly and store.state.reason
            with pytest.raises(ReadOnlyError, match="hanya-baca"):
                plan_edit.set_field(store, "indicator", _first_indicator(store), "text", "x")
        assert _digest(sample_path) == before
    finally:
        os.chmod(sample_path, stat.S_IREAD | stat.S_IWRITE)


def test_readonly_folder_opens_readonly(sample_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "rencana.rbdesk"
    shutil.copyfile(sample_path, path)
    os.chmod(folder, stat.S_IREAD | stat.S_IEXEC)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: chmod does not stop writing")
        with Store.open(path) as store:
            assert store.readonly
    finally:
        os.chmod(folder, stat.S_IRWXU)


def test_forced_readonly_never_writes(sample_path: Path) -> None:
    """The same guarantee without chmod (which root ignores): opened read-only, nothing written."""
    before = _digest(sample_path)
    with Store.open(sample_path, readonly=True) as store:
        assert store.readonly
        with pytest.raises(ReadOnlyError, match="hanya-baca"):
            plan_edit.set_field(store, "indicator", _first_indicator(store), "text", "x")
        with pytest.raises(ReadOnlyError):
            merge.plan_merge(store, sample_path)
    assert _digest(sample_path) == before
