"""Two and three real processes editing one file: nothing acknowledged is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rbdesk.models.storage import database, presence
from rbdesk.models.storage.schema import ChangeLog, Indicator, Realisation
from rbdesk.models.storage.store import Store

WRITER = Path(__file__).with_name("writer.py")
SECONDS = 4.0


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.slow
@pytest.mark.parametrize("writers", [2, 3])
def test_concurrent_writers_lose_nothing(writers: int, sample_path: Path, tmp_path: Path) -> None:
    outs = [tmp_path / f"w{i}.jsonl" for i in range(writers)]
    procs = [subprocess.Popen([sys.executable, str(WRITER), "edit", str(sample_path),
                               f"pc{i}", str(SECONDS), str(out)])
             for i, out in enumerate(outs)]
    for p in procs:
        assert p.wait(timeout=SECONDS + 60) == 0
    records = [r for out in outs for r in _records(out)]
    assert {r["mode"] for r in records if r["kind"] == "journal"} == {"delete"}
    assert sum(r["kind"] == "done" for r in records) == writers
    acks = [r for r in records if r["kind"] == "ack"]
    conflicts = [r for r in records if r["kind"] == "conflict"]
    assert len(acks) > 20 * writers

    with Store.open(sample_path) as store, store.read():
        assert database.integrity_check(store.db) == "ok"
        assert database.journal_mode(store.db) == "delete"
        assert presence.others(store) == []  # every writer removed its own presence row
        logged = {(e.row_uuid, e.new, e.user) for e in ChangeLog.select()}
        for ack in acks:
            user = ack["token"].rsplit("-", 1)[0]
            if ack["op"] == "create":
                ind = Indicator.get(Indicator.uuid == ack["row"])
                assert ind.text == ack["token"] and not ind.deleted
                continue
            if ack["op"] == "status":
                cell = Realisation.get((Realisation.indicator == Indicator.get(
                    Indicator.uuid == ack["row"]).id) & (Realisation.month == ack["month"]))
                assert (cell.uuid, ack["token"], user) in logged
            else:
                assert (ack["row"], ack["token"], user) in logged
        # A refused edit is reported to its writer and never half-applied.
        for c in conflicts:
            assert c["by"]
            assert not ChangeLog.select().where(ChangeLog.new == c["token"]).exists()
        # The value each row shows is the last acknowledged edit to it.
        for row in {a["row"] for a in acks if a["op"] == "versioned"}:
            last = (ChangeLog.select().where((ChangeLog.row_uuid == row)
                                             & (ChangeLog.field == "note"))
                    .order_by(ChangeLog.id.desc()).first())
            assert Indicator.get(Indicator.uuid == row).note == last.new
    if writers == 3:
        assert conflicts, "versioned edits of the same rows by three writers must collide"
