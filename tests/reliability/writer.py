"""A separate process editing a shared rbdesk file (run as a script by the reliability tests).

python writer.py edit FILE USER SECONDS OUT   -- random small edits, one JSON line per outcome
python writer.py note FILE USER ROW OUT       -- one note edit on indicator ROW, then exit
python writer.py bulk FILE USER ROWS OUT      -- large transactions, one line per commit
python writer.py hang FILE USER ROWS OUT      -- one large transaction that never commits
python writer.py mixed FILE USER STOP OUT     -- edits, evidence and larger commits until the
                                                 file STOP exists (at most MIXED_MAX edits)
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import plan_edit, realisation
from rbdesk.models.errors import ConflictError, FileBusyError, NotFoundError
from rbdesk.models.storage import database, presence
from rbdesk.models.storage.schema import Indicator, Person
from rbdesk.models.storage.store import Store, new_uuid


def _emit(out, **record) -> None:
    out.write(json.dumps(record) + "\n")
    out.flush()


def edit(path: str, user: str, seconds: float, out_path: str) -> None:
    store = Store.open(path, user=user)
    rng = random.Random(hash(user))
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    inds = [i.uuid for i in tree.indicators()][:6]
    sub = tree.areas[0].activities[0].sub_activities[0].uuid
    deadline = time.monotonic() + seconds
    n = 0
    next_beat = 0.0
    with open(out_path, "w", encoding="utf-8") as out:
        _emit(out, kind="journal", mode=database.journal_mode(store.db))
        while time.monotonic() < deadline:
            n += 1
            token = f"{user}-{n}"
            op = rng.choice(("status", "status", "versioned", "create"))
            seen: dict = {}  # what a versioned edit was based on, reported with its outcome
            if time.monotonic() > next_beat:
                presence.heartbeat(store)
                next_beat = time.monotonic() + 0.5
            try:
                if op == "status":
                    ind, month = rng.choice(inds[:3]), rng.randint(1, 3)
                    realisation.set_status(
                        store, ind, month, rng.choice(("sebagian", "selesai")), note=token
                    )
                    _emit(out, kind="ack", op=op, token=token, row=ind, month=month)
                elif op == "versioned":
                    ind = rng.choice(inds[3:5])
                    with store.read():
                        shown = Indicator.get(Indicator.uuid == ind).version
                    seen = {"row": ind, "base": shown}
                    time.sleep(0.005)  # the user looks at the row, then types
                    version = plan_edit.set_field(
                        store, "indicator", ind, "note", token, expected_version=shown
                    )
                    _emit(out, kind="ack", op=op, token=token, version=version, **seen)
                else:
                    uuid = plan_edit.add_node(store, "indicator", sub, token)
                    _emit(out, kind="ack", op=op, token=token, row=uuid)
            except ConflictError as exc:
                _emit(out, kind="conflict", op=op, token=token, by=exc.changed_by, **seen)
            except (FileBusyError, NotFoundError) as exc:
                _emit(out, kind="refused", op=op, token=token, message=exc.message)
        presence.leave(store)
        _emit(out, kind="done")
    store.close()


MIXED_MAX = 2000


def mixed(path: str, user: str, stop: str, out_path: str) -> None:
    """What colleagues do to a shared file while others read it: status edits, evidence
    attached (a new blob and its row in one commit), new indicators and now and then a larger
    commit whose journal stays on disk a little longer."""
    store = Store.open(path, user=user)
    rng = random.Random(hash(user))
    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    inds = [i.uuid for i in tree.indicators()][:20]
    sub = tree.areas[0].activities[0].sub_activities[0].uuid
    with open(out_path, "w", encoding="utf-8") as out:
        _emit(out, kind="ready")
        for n in range(1, MIXED_MAX + 1):
            if Path(stop).exists():
                break
            time.sleep(rng.uniform(0.0, 0.04))  # a colleague between two edits, however brief
            token = f"{user}-{n}"
            op = rng.choice(("status", "status", "evidence", "evidence", "create", "large"))
            try:
                if op == "status":
                    realisation.set_status(
                        store,
                        rng.choice(inds),
                        rng.randint(1, 12),
                        rng.choice(("sebagian", "selesai")),
                        note=token,
                    )
                elif op == "evidence":
                    data = rng.randbytes(rng.choice((500, 5_000, 40_000)))
                    realisation.attach_bytes(
                        store, rng.choice(inds), rng.randint(1, 12), f"{token}.pdf", data
                    )
                elif op == "create":
                    plan_edit.add_node(store, "indicator", sub, token)
                else:
                    with store.write() as tx:
                        Person.insert_many(
                            [
                                {
                                    "uuid": new_uuid(),
                                    "updated_at": tx.at,
                                    "updated_by": user,
                                    "version": 1,
                                    "name": token,
                                    "position": "x" * 300,
                                    "unit": token,
                                }
                                for _ in range(400)
                            ]
                        ).execute()
                _emit(out, kind="ack", op=op, token=token)
            except (FileBusyError, NotFoundError) as exc:
                _emit(out, kind="refused", op=op, token=token, message=exc.message)
        _emit(out, kind="done")
    store.close()


def note(path: str, user: str, row: str, out_path: str) -> None:
    store = Store.open(path, user=user)
    with open(out_path, "w", encoding="utf-8") as out:
        version = plan_edit.set_field(store, "indicator", row, "note", f"{user}-1")
        _emit(out, kind="ack", op="note", token=f"{user}-1", row=row, version=version)
    store.close()


def bulk(path: str, user: str, rows: int, out_path: str, commit: bool = True) -> None:
    store = Store.open(path, user=user)
    pad = "x" * 400
    with open(out_path, "w", encoding="utf-8") as out:
        batch = 0
        while True:
            batch += 1
            with store.write() as tx:
                for start in range(0, rows, 500):
                    Person.insert_many(
                        [
                            {
                                "uuid": new_uuid(),
                                "updated_at": tx.at,
                                "updated_by": user,
                                "version": 1,
                                "name": f"batch-{batch}",
                                "position": pad,
                                "unit": f"batch-{user}-{batch}",
                            }
                            for _ in range(start, min(rows, start + 500))
                        ]
                    ).execute()
                    if not commit and start >= rows // 2:
                        _emit(out, kind="inside", batch=batch)
                        time.sleep(60)  # killed here, mid-transaction
                tx.log("file", "-", "bulk", new=f"batch-{user}-{batch}")
            _emit(out, kind="ack", unit=f"batch-{user}-{batch}")


if __name__ == "__main__":
    mode, file, who, amount, out_file = sys.argv[1:6]
    Path(out_file).touch()
    if mode == "edit":
        edit(file, who, float(amount), out_file)
    elif mode == "mixed":
        mixed(file, who, amount, out_file)
    elif mode == "note":
        note(file, who, amount, out_file)
    else:
        bulk(file, who, int(amount), out_file, commit=(mode == "bulk"))
