"""rbdesk merge / backup / copy / history from the command line."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from rbdesk.cli import main
from rbdesk.models.edits import plan_edit
from rbdesk.models.interchange.load import create_file
from rbdesk.models.storage.schema import ChangeLog, Indicator
from rbdesk.models.storage.store import Store
from tests.review_reads import get_review


def _edit(path: Path, user: str, text: str) -> str:
    with Store.open(path, user=user) as store:
        with store.read():
            ind = Indicator.select().order_by(Indicator.id).first()
        plan_edit.set_field(store, "indicator", ind.uuid, "text", text)
        return ind.uuid


def _text(path: Path, uuid: str) -> str:
    with Store.open(path, readonly=True) as store, store.read():
        return Indicator.get(Indicator.uuid == uuid).text


@pytest.fixture
def copies(sample_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    theirs = tmp_path / "salinan.rbdesk"
    assert main(["copy", str(sample_path), str(theirs)]) == 0
    return sample_path, theirs


def test_merge_prints_conflicts_and_keeps_newer(copies, capsys) -> None:
    mine, theirs = copies
    _edit(mine, "ani", "versi ani")
    uuid = _edit(theirs, "budi", "versi budi")
    before = hashlib.sha256(theirs.read_bytes()).hexdigest()
    capsys.readouterr()
    mine_before = hashlib.sha256(mine.read_bytes()).hexdigest()
    assert main(["merge", str(mine), str(theirs)]) == 1  # nobody to ask: refuse, change nothing
    refused = capsys.readouterr()
    assert "1 konflik" in refused.out and "versi ani" in refused.out
    assert "--yes" in refused.err and "Tidak ada yang diubah" in refused.err
    assert hashlib.sha256(mine.read_bytes()).hexdigest() == mine_before
    assert main(["merge", str(mine), str(theirs), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "dipakai nilai dari salinan" in out
    assert _text(mine, uuid) == "versi budi"
    assert hashlib.sha256(theirs.read_bytes()).hexdigest() == before
    assert main(["merge", str(mine), str(theirs)]) == 0
    assert "Tidak ada yang berubah" in capsys.readouterr().out


def test_merge_prefer_mine_and_dry_run(copies, capsys) -> None:
    mine, theirs = copies
    _edit(theirs, "budi", "versi budi")
    uuid = _edit(mine, "ani", "versi ani")
    assert main(["merge", str(mine), str(theirs), "--dry-run"]) == 0
    assert _text(mine, uuid) == "versi ani"
    assert main(["merge", str(mine), str(theirs), "--prefer", "theirs"]) == 0
    assert _text(mine, uuid) == "versi budi"


def test_merge_unrelated_is_refused(sample_path: Path, tmp_path: Path, capsys) -> None:
    other = tmp_path / "lain.rbdesk"
    assert main(["new", str(other)]) == 0
    with Store.open(other) as store:
        plan_edit.add_plan(store, "KPU Lain", 2025)
    assert main(["merge", str(sample_path), str(other)]) == 1
    assert "bukan salinan" in capsys.readouterr().err


def test_backup_list_and_restore(sample_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["backup", str(sample_path)]) == 0
    assert "Cadangan dibuat" in capsys.readouterr().out
    assert main(["backup", str(sample_path), "--list"]) == 0
    listing = capsys.readouterr().out
    assert listing.strip().startswith("1 ")
    out = tmp_path / "pulih.rbdesk"
    assert main(["backup", str(sample_path), "--restore", "1", str(out)]) == 0
    assert out.exists()
    assert main(["check", str(out)]) == 0
    assert main(["backup", str(sample_path), "--restore", "9", str(tmp_path / "x")]) == 1
    assert "tidak ada" in capsys.readouterr().err


def test_history_filters_and_xlsx(sample_path: Path, tmp_path: Path, capsys) -> None:
    _edit(sample_path, "ani", "=SUM(A1)")
    capsys.readouterr()
    assert main(["history", str(sample_path), "--person", "ani"]) == 0
    out = capsys.readouterr().out
    assert "ani" in out and "=SUM(A1)" in out and "diubah" in out
    assert main(["history", str(sample_path), "--since", "2000-01-01", "--person", "nobody"]) == 0
    assert "Tidak ada catatan" in capsys.readouterr().out
    assert main(["history", str(sample_path), "--since", "kemarin"]) == 1
    xlsx = tmp_path / "riwayat.xlsx"
    assert main(["history", str(sample_path), "--xlsx", str(xlsx)]) == 0
    ws = openpyxl.load_workbook(xlsx).active
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value == "=SUM(A1)"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_copy_refuses_to_overwrite(copies, capsys) -> None:
    mine, theirs = copies
    assert main(["copy", str(mine), str(theirs)]) == 1
    assert "sudah ada" in capsys.readouterr().err


def test_merge_asks_on_a_terminal(copies, capsys, monkeypatch) -> None:
    mine, theirs = copies
    _edit(mine, "ani", "versi ani")
    uuid = _edit(theirs, "budi", "versi budi")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["x", "b"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["merge", str(mine), str(theirs)]) == 0
    assert _text(mine, uuid) == "versi ani"
    assert "dipakai nilai dari berkas ini" in capsys.readouterr().out


def test_history_into_a_closed_pipe_ends_quietly(tmp_path: Path, isolated_env: Path) -> None:
    """`rbdesk history FILE | head`: the reader stops early; no error, nothing in the log."""
    import subprocess
    import sys

    from peewee import chunked

    from rbdesk.models.storage.schema import ChangeLog

    path = tmp_path / "panjang.rbdesk"
    create_file(path, sample=True).close()
    rows = [
        dict(
            at=f"2024-05-01T08:00:{i % 60:02d}.000000Z",
            user="ani",
            host="PC",
            plan_uuid=None,
            entity="plan",
            row_uuid="x",
            action="update",
            field="title",
            old="a" * 40,
            new="b" * 40,
        )
        for i in range(4000)
    ]
    with Store.open(path) as store, store.write():
        # In batches: Windows' SQLite allows 32,766 variables a statement (Debian's, 250,000).
        for batch in chunked(rows, 500):
            ChangeLog.insert_many(batch).execute()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rbdesk", "history", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdout.readline()
    proc.stdout.close()  # what `head` does after its lines
    # Not communicate(): on Windows it would start a reader thread on the closed stdout.
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.wait(timeout=60)
    proc.stderr.close()
    assert proc.returncode == 0, err
    assert err == b""
    logs = list(isolated_env.rglob("*.log"))
    assert not any("Traceback" in p.read_text(encoding="utf-8") for p in logs)


def test_merge_combines_decree_keys_and_lists_a_key_conflict_readably(copies, capsys) -> None:
    """The reviewer's repro: number set in one copy, place in the other, then both places."""
    mine, theirs = copies
    assert main(["sk", str(mine), "--set", "number=NOMOR-A"]) == 0
    assert main(["sk", str(theirs), "--set", "place=Kota-B"]) == 0
    capsys.readouterr()
    assert main(["merge", str(mine), str(theirs), "--yes"]) == 0
    assert "0 konflik" in capsys.readouterr().out
    assert main(["sk", str(mine)]) == 0
    shown = capsys.readouterr().out
    assert "NOMOR-A" in shown and "Kota-B" in shown
    assert main(["sk", str(theirs), "--set", "place=Kota-C"]) == 0
    assert main(["sk", str(mine), "--set", "place=Kota-A"]) == 0
    capsys.readouterr()
    assert main(["merge", str(mine), str(theirs), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 konflik" in out and "Tempat ditetapkan: «Kota-A» ↔ «Kota-C»" in out
    assert "{" not in out and "T" not in out.split("berkas ini:")[1].split("\n")[0]
    assert main(["history", str(mine)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Tempat ditetapkan: «Kota-B» → «Kota-A»" in lines[0] and len(lines[0]) < 300
    merged = next(line for line in lines if "digabung dari salinan.rbdesk" in line)
    assert "«»" not in merged  # the file's own entry names no row


def test_merge_sends_back_a_verdict_that_never_saw_the_new_evidence(
    sample_path: Path, tmp_path: Path, capsys
) -> None:
    """The reviewer's repro: memenuhi in one copy, new evidence for the month in the other."""
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.edits import realisation

    mine, theirs = sample_path, tmp_path / "salinan.rbdesk"
    with Store.open(mine, user="staf") as store:
        ind = load_plan_tree(store, list_plans(store)[0].uuid).indicators()[0].uuid
        realisation.set_status(store, ind, 2, "selesai")
    assert main(["copy", str(mine), str(theirs)]) == 0
    assert (
        main(["review", str(mine), "--indicator", ind[:8], "--month", "2", "--state", "memenuhi"])
        == 0
    )
    with Store.open(theirs, user="staf") as store:
        realisation.attach_bytes(store, ind, 2, "notulen.pdf", b"%PDF baru")
    capsys.readouterr()
    assert main(["merge", str(mine), str(theirs), "--dry-run"]) == 0
    assert "1 bulan yang sudah ditinjau akan kembali berstatus Diajukan" in capsys.readouterr().out
    assert main(["merge", str(mine), str(theirs), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "0 konflik" in out and "1 bulan yang sudah ditinjau kembali berstatus Diajukan" in out
    with Store.open(mine, readonly=True) as store:
        assert get_review(store, ind, 2).state == "diajukan"  # type: ignore[union-attr]


def test_history_of_a_team_rename_names_only_the_changed_diktum_line(
    sample_path: Path, capsys, rename_team
) -> None:
    rename_team(sample_path, "ani", "III", "TIM PENGUATAN ORGANISASI")
    capsys.readouterr()
    assert main(["history", str(sample_path), "--person", "ani"]) == 0
    diktum = next(line for line in capsys.readouterr().out.splitlines() if "Diktum:" in line)
    assert "Diktum: «c. Tim Penguatan Kelembagaan;» → «c. Tim Penguatan Organisasi;»" in diktum
    assert "baris lain tetap" in diktum and "KESATU" not in diktum and len(diktum) < 400
    with Store.open(sample_path, readonly=True) as store, store.read():
        stored = ChangeLog.get(ChangeLog.field == "decree.decisions")
    assert stored.old.startswith("KESATU") and "KELIMA" in stored.new  # still whole


def test_a_diktum_conflict_lists_only_the_lines_the_copies_do_not_share(
    copies, capsys, rename_team
) -> None:
    mine, theirs = copies
    rename_team(mine, "ani", "III", "TIM PENGUATAN ORGANISASI")
    rename_team(theirs, "budi", "IV", "TIM PENGUATAN TATA KELOLA")
    capsys.readouterr()
    assert main(["merge", str(mine), str(theirs), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "Diktum: «c. Tim Penguatan Organisasi; / d. Tim Penguatan Tata Laksana;» ↔ "
        "«c. Tim Penguatan Kelembagaan; / d. Tim Penguatan Tata Kelola;»"
    ) in out
    assert "KESATU" not in out


def test_merge_shows_work_under_a_deleted_row_and_keeps_it_with_yes(copies, capsys) -> None:
    """Issue 18, item 3: 'dihapus di sini, dikerjakan di sana' is a conflict the command line
    shows; --yes keeps the work (the indicator comes back)."""
    from rbdesk.models.edits import realisation

    mine, theirs = copies
    uuid = _edit(theirs, "budi", "dikerjakan budi")
    with Store.open(theirs, user="budi") as store:
        realisation.attach_bytes(store, uuid, 2, "foto.jpg", b"foto")
    with Store.open(mine, user="ani") as store:
        plan_edit.delete_node(store, "indicator", uuid)
    capsys.readouterr()
    assert main(["merge", str(mine), str(theirs), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "0 konflik" not in out
    assert "Dihapus di berkas ini, dikerjakan di salinan" in out and "foto.jpg" in out
    assert main(["merge", str(mine), str(theirs), "--yes"]) == 0
    with Store.open(mine, readonly=True) as store, store.read():
        row = Indicator.get(Indicator.uuid == uuid)
    assert (row.deleted, row.text) == (False, "dikerjakan budi")


def test_merge_dry_run_lists_rows_in_the_windows_words(copies, capsys) -> None:
    """Issue 20 item 8: the dry run names the fields as the window does ("Catatan", not
    "keterangan"), lists every row the merge writes, and its figures are the merge's."""
    from rbdesk.models.edits import realisation

    mine, theirs = copies
    uuid = _edit(mine, "ani", "versi ani")
    with Store.open(mine, user="ani") as store:
        realisation.set_status(store, uuid, 3, "selesai", note="di kantor")
    with Store.open(theirs, user="budi") as store:
        realisation.set_status(store, uuid, 3, "selesai", note="di lapangan")
        realisation.set_status(store, uuid, 4, "sebagian")
    capsys.readouterr()
    assert main(["merge", str(mine), str(theirs), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 baris baru, 1 baris diperbarui, 1 konflik" in out
    assert "Catatan: «di kantor» ↔ «di lapangan»" in out
    assert "keterangan" not in out
    assert "Realisasi (2):" in out
    lines = out.splitlines()
    assert any(line.startswith("  baru: ") and line.endswith(", Apr") for line in lines)
    assert "  diperbarui: versi ani, Mar (Catatan)" in out
    assert main(["merge", str(mine), str(theirs), "--yes"]) == 0
    assert "1 baris baru, 1 baris diperbarui" in capsys.readouterr().out
