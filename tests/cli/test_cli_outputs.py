"""Outputs never replace the database they are made from, and appear only when complete."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import rbdesk_here as rbdesk


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_clear_line(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 1, (out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rbdesk: "), out.stderr
    assert "tak terduga" not in lines[0] and "Traceback" not in out.stderr
    return lines[0]


def test_history_xlsx_onto_the_database_is_refused(sample_path: Path) -> None:
    before = _digest(sample_path)
    line = _one_clear_line(rbdesk("history", str(sample_path), "--xlsx", str(sample_path)))
    assert "menimpa" in line
    assert _digest(sample_path) == before


def test_export_onto_the_database_is_refused_also_through_a_hard_link(
    sample_path: Path, tmp_path: Path
) -> None:
    named_xlsx = tmp_path / "rencana.xlsx"
    shutil.copyfile(sample_path, named_xlsx)
    before = _digest(named_xlsx)
    _one_clear_line(rbdesk("export", str(named_xlsx), str(named_xlsx)))
    link = tmp_path / "tautan.xlsx"
    os.link(named_xlsx, link)
    _one_clear_line(rbdesk("export", str(named_xlsx), str(link)))
    assert _digest(named_xlsx) == before


def test_export_onto_the_database_is_refused_also_through_a_symbolic_link(
    sample_path: Path, tmp_path: Path
) -> None:
    symlink = tmp_path / "simbolik.pdf"
    pdf_named = tmp_path / "rencana.pdf"
    shutil.copyfile(sample_path, pdf_named)
    before = _digest(pdf_named)
    try:
        symlink.symlink_to(pdf_named)
    except OSError as exc:  # Windows without the privilege (not an administrator, no dev mode)
        pytest.skip(f"no symbolic links here: {exc}")
    _one_clear_line(rbdesk("export", str(pdf_named), str(symlink)))
    assert _digest(pdf_named) == before


def test_history_xlsx_replaces_the_earlier_workbook_only_when_complete(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook

    from rbdesk.models.domain import history
    from rbdesk.models.storage.store import Store

    out = tmp_path / "riwayat.xlsx"
    out.write_bytes(b"buku kerja sebelumnya")

    def crash(self: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"setengah")
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(Workbook, "save", crash)
    with Store.open(sample_path, readonly=True) as store:
        entries = history.query_history(store)
        with pytest.raises(RuntimeError):
            history.export_history_xlsx(entries, {}, out)
    assert out.read_bytes() == b"buku kerja sebelumnya"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".rbdesk")] == []


def test_saving_evidence_over_the_database_is_refused(sample_store, tmp_path: Path) -> None:
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.edits import realisation
    from rbdesk.models.errors import RbdeskError

    plan = list_plans(sample_store)[0].uuid
    ind = load_plan_tree(sample_store, plan).indicators()[0].uuid
    uuid = realisation.attach_bytes(sample_store, ind, 1, "a.txt", b"bukti")
    before = _digest(sample_store.path)
    with pytest.raises(RbdeskError, match="menimpa"):
        realisation.save_evidence_copy(sample_store, uuid, sample_store.path)
    assert _digest(sample_store.path) == before
    with pytest.raises(RbdeskError, match="nama berkas tidak sah"):
        realisation.save_evidence_copy(sample_store, uuid, tmp_path / "a\x00b.txt")
