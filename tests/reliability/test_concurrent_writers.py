"""Two and three real processes editing one file: nothing acknowledged is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rbdesk.models.edits import plan_edit
from rbdesk.models.errors import ConflictError
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
    users = [f"pc{i}" for i in range(writers)]
    outs = [tmp_path / f"{user}.jsonl" for user in users]
    with Store.open(sample_path) as store, store.read():
        before = {i.uuid: i.version for i in Indicator.select()}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), "edit", str(sample_path), user, str(SECONDS), str(out)]
        )
        for user, out in zip(users, outs, strict=True)
    ]
    for p in procs:
        assert p.wait(timeout=SECONDS + 60) == 0
    records = [r for out in outs for r in _records(out)]
    assert {r["mode"] for r in records if r["kind"] == "journal"} == {"delete"}
    assert sum(r["kind"] == "done" for r in records) == writers
    acks = [r for r in records if r["kind"] == "ack"]
    conflicts = [r for r in records if r["kind"] == "conflict"]
    # Every attempt of every writer ended in exactly one reported outcome, and each writer got
    # some edits through (how many, and whether any collided, is up to the scheduler).
    for user, out in zip(users, outs, strict=True):
        outcomes = [r for r in _records(out) if r["kind"] in ("ack", "conflict", "refused")]
        assert [r["token"] for r in outcomes] == [f"{user}-{n + 1}" for n in range(len(outcomes))]
        assert any(r["kind"] == "ack" for r in outcomes), user

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
                cell = Realisation.get(
                    (Realisation.indicator == Indicator.get(Indicator.uuid == ack["row"]).id)
                    & (Realisation.month == ack["month"])
                )
                assert (cell.uuid, ack["token"], user) in logged
            else:
                assert (ack["row"], ack["token"], user) in logged
        # A refused edit was a versioned one, is reported to its writer with a colleague as the
        # one who changed the row first, and is never half-applied.
        for c in conflicts:
            assert c["op"] == "versioned"
            assert c["by"] in set(users) - {c["token"].rsplit("-", 1)[0]}
            assert not ChangeLog.select().where(ChangeLog.new == c["token"]).exists()
        # No lost update: each acknowledged versioned edit took its row from the version it was
        # shown to the next one, so a row's acknowledged versions run from the one before the
        # writers started (1 for a row a writer added: a late starter may pick those) up to the
        # one it has now, without a gap or a repeat; and its note is that of the last one.
        versioned = [a for a in acks if a["op"] == "versioned"]
        for row in {a["row"] for a in versioned}:
            mine = sorted((a for a in versioned if a["row"] == row), key=lambda a: a["version"])
            assert all(a["version"] == a["base"] + 1 for a in mine)
            ind = Indicator.get(Indicator.uuid == row)
            first = before.get(row, 1) + 1
            assert [a["version"] for a in mine] == list(range(first, ind.version + 1))
            assert ind.note == mine[-1]["token"]


def test_stale_edit_after_another_process_wrote_is_refused(
    sample_path: Path, tmp_path: Path
) -> None:
    """The collision the concurrent test cannot count on, forced: pc0 shows a row, pc1 (another
    process) edits it, then pc0's edit based on what it showed is refused and names pc1."""
    out = tmp_path / "pc1.jsonl"
    with Store.open(sample_path, user="pc0") as store:
        with store.read():
            row = Indicator.select().where(~Indicator.deleted).order_by(Indicator.id).first()
        shown = row.version
        subprocess.run(
            [sys.executable, str(WRITER), "note", str(sample_path), "pc1", row.uuid, str(out)],
            check=True,
            timeout=60,
        )
        [ack] = _records(out)
        assert ack["version"] == shown + 1
        with pytest.raises(ConflictError) as refused:
            plan_edit.set_field(
                store, "indicator", row.uuid, "note", "pc0-1", expected_version=shown
            )
        assert refused.value.changed_by == "pc1"
        with store.read():
            fresh = Indicator.get(Indicator.uuid == row.uuid)
            assert (fresh.note, fresh.version) == ("pc1-1", shown + 1)
            assert not ChangeLog.select().where(ChangeLog.new == "pc0-1").exists()
        # Based on the version now shown, the same edit goes through.
        assert (
            plan_edit.set_field(
                store, "indicator", row.uuid, "note", "pc0-2", expected_version=fresh.version
            )
            == shown + 2
        )
