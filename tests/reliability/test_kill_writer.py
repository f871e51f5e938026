"""A writer killed with SIGKILL in the middle of a large transaction: the file is intact and holds
all of each committed transaction and none of the interrupted one."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from peewee import fn

from rbdesk.models.storage import database
from rbdesk.models.storage.schema import Person
from rbdesk.models.storage.store import Store

WRITER = Path(__file__).with_name("writer.py")
ROWS = 4000

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]


def _wait_for(path: Path, kind: str, timeout: float = 30) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            records = [
                json.loads(line) for line in path.read_text().splitlines() if line.endswith("}")
            ]
            if any(r["kind"] == kind for r in records):
                return records
        time.sleep(0.02)
    raise AssertionError(f"writer never reported {kind}")


def _batches() -> dict[str, int]:
    return {
        unit: count
        for unit, count in Person.select(Person.unit, fn.COUNT(Person.id))
        .where(Person.unit.startswith("batch-"))
        .group_by(Person.unit)
        .tuples()
    }


def test_kill_inside_transaction_leaves_none_of_it(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "hang.jsonl"
    with Store.open(sample_path) as store, store.read():
        persons_before = Person.select().count()
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), "hang", str(sample_path), "pc1", str(ROWS), str(out)]
    )
    try:
        _wait_for(out, "inside")
        assert Path(str(sample_path) + "-journal").exists()  # a hot journal is what we test
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    with Store.open(sample_path) as store, store.read():
        assert database.integrity_check(store.db) == "ok"
        assert Person.select().count() == persons_before
        assert _batches() == {}


def test_kill_at_random_moments_all_or_none(sample_path: Path, tmp_path: Path) -> None:
    rng = random.Random(11)
    acked: set[str] = set()
    for round_ in range(3):
        out = tmp_path / f"bulk{round_}.jsonl"
        proc = subprocess.Popen(
            [
                sys.executable,
                str(WRITER),
                "bulk",
                str(sample_path),
                f"pc{round_}",
                str(ROWS),
                str(out),
            ]
        )
        try:
            _wait_for(out, "ack")
            time.sleep(rng.uniform(0.0, 0.4))
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        acked |= {r["unit"] for r in _wait_for(out, "ack") if r["kind"] == "ack"}
        with Store.open(sample_path) as store, store.read():
            assert database.integrity_check(store.db) == "ok"
            batches = _batches()
        assert all(count == ROWS for count in batches.values()), batches
        assert acked <= set(batches)
