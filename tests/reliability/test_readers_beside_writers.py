"""Read-only commands on a file colleagues are writing: every one succeeds and every output is
whole (issue 18 item 1).

Writers are real processes (writer.py ``mixed``: status edits, evidence, new indicators, larger
commits); the readers are the command line as users run it (``cli.main``), in a bounded loop.
Each output is checked the way a user would rely on it: a dump loads back into a new file, a
backup and a copy are whole databases whose evidence rows all have their bytes, an export opens.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rbdesk import cli
from rbdesk.models.storage import backups, database
from rbdesk.models.storage.schema import Blob, Evidence
from rbdesk.models.storage.store import Store

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).resolve().parents[2]


def _verify_file(path: Path) -> int:
    """A whole rbdesk file: integrity ok and every evidence row with its bytes; returns how many
    evidence rows it holds."""
    with Store.open(path, readonly=True) as store, store.read():
        assert database.integrity_check(store.db) == "ok", path
        blobs = {b.sha256: b.size for b in Blob.select(Blob.sha256, Blob.size)}
        rows = list(Evidence.select(Evidence.sha256, Evidence.size, Evidence.filename))
        for ev in rows:
            assert blobs.get(ev.sha256) == ev.size, f"{ev.filename}: bytes missing in {path}"
        return len(rows)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    rc = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert rc == 0, f"rbdesk {argv[0]} failed: {err}"
    return out


def _read_everything(
    path: Path, work: Path, round_no: int, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, "check", str(path))
    assert "Integritas: ok" in out
    # A live writer's journal is no crash leftover (item 13): check has nothing to note.
    assert "terhenti" not in out and "Catatan" not in out, out

    _run(capsys, "backup", str(path))
    newest = backups.list_backups(path)[0]
    _verify_file(newest.path)

    copy = work / f"salinan-{round_no}.rbdesk"
    _run(capsys, "copy", str(path), str(copy))
    _verify_file(copy)

    dumped = _run(capsys, "dump", str(path))
    data = json.loads(dumped)
    dump_file = work / f"dump-{round_no}.json"
    dump_file.write_text(dumped, encoding="utf-8")
    loaded = work / f"dimuat-{round_no}.rbdesk"
    _run(capsys, "load", str(dump_file), str(loaded))
    evidence_rows = _verify_file(loaded)
    assert evidence_rows == sum(len(p) for p in _evidence_lists(data))

    xlsx = work / f"ekspor-{round_no}.xlsx"
    _run(capsys, "export", str(path), str(xlsx))
    load_workbook(xlsx, read_only=True).close()

    assert _run(capsys, "history", str(path)).strip()


def _evidence_lists(data: object) -> list[list]:
    """Every "evidence" list anywhere in a dump."""
    found: list[list] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "evidence" and isinstance(value, list):
                found.append(value)
            else:
                found.extend(_evidence_lists(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_evidence_lists(value))
    return found


def _records(outs: list[Path]) -> list[dict]:
    return [
        json.loads(line)
        for out in outs
        if out.exists()
        for line in out.read_text(encoding="utf-8").splitlines()
        if line.endswith("}")
    ]


def _wait_until(outs: list[Path], procs: list[subprocess.Popen], done) -> None:
    """Bounded wait for the writers' reports (no timing is asserted: a loaded machine only
    makes it longer)."""
    for _ in range(6000):
        if done(_records(outs)):
            return
        assert all(p.poll() is None for p in procs), "a writer ended early"
        time.sleep(0.02)
    raise AssertionError("the writers never got going")


def _beside_writers(
    path: Path, tmp_path: Path, writers: int, rounds: int, capsys: pytest.CaptureFixture[str]
) -> None:
    stop = tmp_path / "stop"
    outs = [tmp_path / f"pc{i}.jsonl" for i in range(writers)]
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), "mixed", str(path), f"pc{i}", str(stop), str(out)],
            cwd=ROOT,
        )
        for i, out in enumerate(outs)
    ]
    work = tmp_path / "keluaran"
    work.mkdir()
    try:
        # Every writer is editing before the first read, and has attached evidence before the
        # writers stop: the reads really happen beside writes.
        _wait_until(outs, procs, lambda rs: sum(r["kind"] == "ready" for r in rs) == writers)
        for round_no in range(rounds):
            _read_everything(path, work, round_no, capsys)
        _wait_until(
            outs, procs, lambda rs: any(r["kind"] == "ack" and r["op"] == "evidence" for r in rs)
        )
    finally:
        stop.touch()
        for p in procs:
            p.wait(timeout=120)
    assert [p.returncode for p in procs] == [0] * writers
    assert sum(r["kind"] == "done" for r in _records(outs)) == writers
    _verify_file(path)


@pytest.mark.slow
def test_read_only_commands_beside_writers_on_the_sample(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _beside_writers(sample_path, tmp_path, writers=3, rounds=4, capsys=capsys)


@pytest.mark.slow
def test_read_only_commands_beside_writers_on_a_large_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.synth import write_synthetic

    path = write_synthetic(tmp_path / "besar.rbdesk", 5000)
    _beside_writers(path, tmp_path, writers=2, rounds=1, capsys=capsys)


@pytest.mark.slow
def test_check_and_dump_beside_a_writer_in_mid_transaction(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A colleague's transaction is open (its journal is on disk, its writer alive): a reader
    reads the committed state and calls nothing "penulisan yang terhenti" (item 13)."""
    out = tmp_path / "hang.jsonl"
    committed = _run(capsys, "dump", str(sample_path))
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), "hang", str(sample_path), "pc1", "1", str(out)], cwd=ROOT
    )
    try:
        for _ in range(3000):  # bounded: the writer reports once it is inside its transaction
            if "inside" in out.read_text(encoding="utf-8") if out.exists() else False:
                break
            proc.poll()
            assert proc.returncode is None, "writer ended early"
            time.sleep(0.01)
        assert database.has_journal(sample_path)
        checked = _run(capsys, "check", str(sample_path))
        assert "Integritas: ok" in checked and "terhenti" not in checked, checked
        assert _run(capsys, "dump", str(sample_path)) == committed
    finally:
        proc.kill()
        proc.wait(timeout=30)
