"""rbdesk review: recording a verdict on a realised month from the command line, and listing."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cli_run import rbdesk_here as rbdesk

from rbdesk.models.domain import progress
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.interchange.load import create_file
from rbdesk.models.storage.store import Store
from tests.review_reads import get_review


def _file(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "rencana.rbdesk"
    create_file(path, sample=True).close()
    with Store.open(path) as store:
        ind = load_plan_tree(store, list_plans(store)[0].uuid).indicators()[0]
        realisation.set_status(store, ind.uuid, 1, "selesai", note="SK terbit")
    return path, ind.uuid


def test_review_by_path_and_by_uuid_then_list(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RBDESK_TODAY", "2024-01-31")
    path, ind = _file(tmp_path)
    out = rbdesk(
        "review",
        str(path),
        "--indicator",
        "1/1/1/1",
        "--month",
        "1",
        "--state",
        "perlu-revisi",
        "--note",
        "Lampirkan SK bertanda tangan",
        "--by",
        "Orang Luar",
    )
    assert out.returncode == 0, out.stderr
    assert "Perlu revisi" in out.stdout
    assert "tetap dicatat" in out.stderr  # recorded, not enforced
    with Store.open(path) as store:
        got = get_review(store, ind, 1)
    assert got is not None and (got.state, got.by, got.note) == (
        "perlu_revisi",
        "Orang Luar",
        "Lampirkan SK bertanda tangan",
    )
    listed = rbdesk("review", str(path), "--list")
    assert listed.returncode == 0, listed.stderr
    assert "Perlu revisi oleh Orang Luar" in listed.stdout and "Lampirkan SK" in listed.stdout
    assert "terverifikasi 0%" in listed.stdout
    out = rbdesk("review", str(path), "--indicator", ind[:8], "--month", "1", "--state", "memenuhi")
    assert out.returncode == 0, out.stderr
    listed = rbdesk("review", str(path), "--list", "--state", "memenuhi")
    assert "Memenuhi oleh penguji" in listed.stdout
    with Store.open(path) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    both = progress.format_percent(progress.capaian(tree, 1))
    assert both != "0%"
    assert f"Capaian s.d. Januari: dilaporkan {both}, terverifikasi {both}" in listed.stdout


def test_review_of_unrealised_month_or_bad_state_changes_nothing(tmp_path: Path) -> None:
    path, _ = _file(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = rbdesk(
        "review", str(path), "--indicator", "1/1/1/1", "--month", "2", "--state", "memenuhi"
    )
    assert out.returncode == 1 and "belum ada realisasinya" in out.stderr
    out = rbdesk("review", str(path), "--indicator", "1/1/1/1", "--month", "1", "--state", "lulus")
    assert out.returncode == 1 and "tidak dikenal" in out.stderr
    out = rbdesk(
        "review", str(path), "--indicator", "9/9/9/9", "--month", "1", "--state", "memenuhi"
    )
    assert out.returncode == 1 and "tidak ditemukan" in out.stderr
    out = rbdesk(
        "review", str(path), "--indicator", "1/1/1/1", "--month", "1", "--state", "ditolak"
    )
    assert out.returncode == 1 and "perlu catatan" in out.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_file_of_two_years_asks_which_plan_as_export_and_sk_do(tmp_path: Path) -> None:
    path, _ind = _file(tmp_path)
    assert rbdesk("new-year", str(path), "--from", "2024").returncode == 0
    for command in (
        ("review", str(path), "--list"),
        ("sk", str(path), "--show"),
        ("export", str(path), str(tmp_path / "sk.pdf")),
    ):
        out = rbdesk(*command)
        assert out.returncode == 1, command
        assert "Berkas berisi 2 rencana (2024, 2025); pilih dengan --year." in out.stderr
    listed = rbdesk("review", str(path), "--list", "--year", "2024")
    assert listed.returncode == 0 and "SK terbit" not in listed.stderr
    with Store.open(path) as store:
        later = next(p.uuid for p in list_plans(store) if p.year == 2025)
    assert rbdesk("review", str(path), "--list", "--plan", later[:8]).returncode == 0
