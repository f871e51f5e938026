"""Bringing a copy that was edited apart (USB stick, messaging) back into this file.

How "changed since they parted" is decided, without any extra bookkeeping table:

* Every write transaction stamps the rows it touches with ``(updated_at, updated_by)`` and writes at
  least one change-log entry carrying the same ``(at, user)``. So a file's change log is the set of
  transactions it contains ("known stamps").
* A copy starts as a byte copy (file copy, "Simpan salinan", backup), so both change logs share a
  common prefix: the history before they parted. ``T_part`` is the newest ``at`` in that prefix.
  Rows stamped at or before ``T_part`` existed before parting (this covers rows loaded from a dump,
  whose stamps are not in the log).
* A side *changed* a row since parting when its row stamp is newer than ``T_part`` and the other
  side does not know that stamp (it is not in the other side's change log).
* Only theirs changed: take theirs. Only mine changed: keep mine. Both changed and they differ
  in content (other than the sibling order ``seq``): a **conflict**; the default is the newer
  stamp, the user may choose. Neither (or only ``seq``): the newer stamp wins.
* Merging imports theirs' change-log entries (so its transactions become known here), and every
  value that loses is written to the change log under the stamp of the edit that lost. That is
  what makes a second merge of the same copy a no-op, and it keeps losing values readable
  in Riwayat.

Rows are matched by uuid; realisation cells also by (indicator uuid, month), since two copies may
create the same cell with different uuids. Deletions are tombstones and travel like any edit.
Evidence bytes are joined by SHA-256. The other file is opened read-only and never modified.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import ForeignKeyField, SqliteDatabase

from rbdesk.i18n import tr
from rbdesk.models import database
from rbdesk.models.clock import MONTHS_SHORT
from rbdesk.models.errors import NewerFileError, RbdeskError, ReadOnlyError
from rbdesk.models.schema import (
    ALL_MODELS,
    ROW_MODELS,
    Blob,
    ChangeLog,
    Realisation,
    Row,
    months_from_mask,
)
from rbdesk.models.store import Store

Progress = Callable[[int, int], None]
State = dict[str, Any]
Stamp = tuple[str, str]

ENTITY: dict[type[Row], str] = {m: m._meta.table_name for m in ROW_MODELS}
MODEL: dict[str, type[Row]] = {v: k for k, v in ENTITY.items()}
BOOKKEEPING = frozenset({"uuid", "updated_at", "updated_by", "version"})
MINE, THEIRS = "mine", "theirs"


def entity_label(entity: str) -> str:
    return {
        "person": tr("Orang"), "plan": tr("Rencana aksi"), "area": tr("Area perubahan"),
        "activity": tr("Kegiatan"), "sub_activity": tr("Sub kegiatan"),
        "indicator": tr("Indikator"), "realisation": tr("Realisasi"),
        "evidence": tr("Bukti dukung"), "team": tr("Tim"), "membership": tr("Anggota tim"),
    }.get(entity, entity)


def field_label(name: str) -> str:
    """Readable name of a logged field; "status[3]" (a per-month field) reads "status Mar"."""
    if name.endswith("]") and "[" in name:
        base, _, month = name[:-1].partition("[")
        if month.isdigit() and 1 <= int(month) <= 12:
            return f"{field_label(base)} {MONTHS_SHORT[int(month) - 1]}"
    return {
        "name": tr("nama"), "text": tr("teks"), "label": tr("nomor"), "note": tr("keterangan"),
        "planned": tr("bulan rencana"), "status": tr("status"), "deleted": tr("dihapus"),
        "seq": tr("urutan"), "position": tr("jabatan"), "unit": tr("unit"), "nip": tr("NIP"),
        "role": tr("kedudukan"), "duties": tr("tugas"), "filename": tr("nama berkas"),
        "title": tr("judul"), "year": tr("tahun"), "decree": tr("isi SK"),
        "settings": tr("pengaturan"), "month": tr("bulan"), "evidence": tr("bukti dukung"),
    }.get(name, name)


def format_value(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "deleted":
        return tr("ya") if value else tr("tidak")
    if name == "planned" and isinstance(value, int):
        return ", ".join(str(m) for m in months_from_mask(value)) or "-"
    return str(value)


@dataclass
class Snapshot:
    """Every row of one file with foreign keys as uuids, its change log and its blob hashes."""

    rows: dict[str, dict[str, State]]
    log: list[tuple[Any, ...]]
    blobs: set[str]

    def known(self) -> set[Stamp]:
        return {(e[1], e[2]) for e in self.log}

    def plan_uuids(self) -> set[str]:
        return set(self.rows.get("plan", {}))


def _fk_fields(model: type[Row]) -> dict[str, type[Row]]:
    return {f.name: f.rel_model for f in model._meta.sorted_fields
            if isinstance(f, ForeignKeyField)}


def read_snapshot() -> Snapshot:
    """Read the file the models are currently bound to."""
    id_to_uuid: dict[type[Row], dict[int, str]] = {}
    rows: dict[str, dict[str, State]] = {}
    for model in ROW_MODELS:
        fks = _fk_fields(model)
        by_uuid: dict[str, State] = {}
        ids: dict[int, str] = {}
        for rec in model.select().order_by(model.id).dicts():
            row_id = rec.pop("id")
            for name, rel in fks.items():
                if rec[name] is not None:
                    rec[name] = id_to_uuid[rel][rec[name]]
            rec["deleted"] = bool(rec["deleted"])
            ids[row_id] = rec["uuid"]
            by_uuid[rec["uuid"]] = rec
        id_to_uuid[model] = ids
        rows[ENTITY[model]] = by_uuid
    log = list(ChangeLog.select(ChangeLog.id, ChangeLog.at, ChangeLog.user, ChangeLog.host,
                                ChangeLog.plan_uuid, ChangeLog.entity, ChangeLog.row_uuid,
                                ChangeLog.action, ChangeLog.field, ChangeLog.old, ChangeLog.new)
               .order_by(ChangeLog.id).tuples())
    blobs = {sha for (sha,) in Blob.select(Blob.sha256).tuples()}
    return Snapshot(rows, log, blobs)


def _parting(mine: Snapshot, theirs: Snapshot) -> str:
    """Newest ``at`` of the change-log prefix both files share ("" when they share none)."""
    newest = ""
    for a, b in zip(mine.log, theirs.log, strict=False):
        if a != b:
            break
        newest = max(newest, a[1])
    return newest


@dataclass
class FieldDiff:
    name: str
    mine: Any
    theirs: Any

    @property
    def label(self) -> str:
        return field_label(self.name)

    def mine_text(self) -> str:
        return format_value(self.name, self.mine)

    def theirs_text(self) -> str:
        return format_value(self.name, self.theirs)


@dataclass
class Conflict:
    """One row both copies changed since they parted."""

    entity: str
    uuid: str            # the row's uuid in this file
    their_uuid: str
    label: str
    fields: list[FieldDiff]
    mine_by: str
    mine_at: str
    theirs_by: str
    theirs_at: str
    default: str         # MINE or THEIRS: the newer edit

    @property
    def key(self) -> tuple[str, str]:
        return (self.entity, self.uuid)

    @property
    def entity_label(self) -> str:
        return entity_label(self.entity)


@dataclass
class _Decision:
    entity: str
    theirs: State
    mine: State | None
    winner: str            # MINE or THEIRS
    conflict: Conflict | None = None
    mine_changed: bool = False
    theirs_changed: bool = False


@dataclass
class MergePlan:
    """Result of the first phase: what the merge would do, and the conflicts to choose on."""

    theirs_path: Path
    theirs: Snapshot
    conflicts: list[Conflict]
    to_insert: int
    to_update: int

    @property
    def has_changes(self) -> bool:
        return bool(self.to_insert or self.to_update or self.conflicts)


@dataclass
class MergeResult:
    inserted: int = 0
    updated: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    resolved: dict[tuple[str, str], str] = field(default_factory=dict)
    blobs_copied: int = 0
    log_imported: int = 0
    lost_logged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.blobs_copied or self.log_imported
                    or self.lost_logged)

    def summary(self) -> str:
        mine_won = sum(1 for v in self.resolved.values() if v == MINE)
        return tr("{ins} baris baru, {upd} baris diperbarui, {conf} konflik ({mine} dipertahankan "
                  "dari berkas ini, {theirs} diambil dari salinan), {blobs} berkas bukti disalin."
                  ).format(ins=self.inserted, upd=self.updated, conf=len(self.conflicts),
                           mine=mine_won, theirs=len(self.resolved) - mine_won,
                           blobs=self.blobs_copied)


def _stamp(state: State) -> Stamp:
    return (state["updated_at"], state["updated_by"])


def _order(state: State) -> tuple[Any, ...]:
    """Total order of edits used for "the newer wins": the same whichever side merges."""
    return (state["updated_at"], state["version"], state["updated_by"], state["uuid"])


def _content_diff(mine: State, theirs: State) -> list[FieldDiff]:
    return [FieldDiff(k, mine[k], theirs[k]) for k in theirs
            if k not in BOOKKEEPING and mine.get(k) != theirs[k]]


def _row_label(entity: str, state: State, rows: dict[str, dict[str, State]]) -> str:
    if entity == "realisation" or entity == "evidence":
        ind = rows["indicator"].get(state["indicator"]) or {}
        text = ind.get("text") or ind.get("label") or tr("(indikator)")
        extra = f" — {state['filename']}" if entity == "evidence" else ""
        return tr("{ind}, bulan {m}{extra}").format(ind=text, m=state["month"], extra=extra)
    if entity == "membership":
        person = rows["person"].get(state["person"]) or {}
        team = rows["team"].get(state["team"]) or {}
        return f"{person.get('name', '?')} — {team.get('name', '?')}"
    for key in ("name", "text", "title", "filename"):
        if state.get(key):
            return str(state[key])
    return state.get("label") or state["uuid"][:8]


def _realisation_key(state: State) -> tuple[str, int]:
    return (state["indicator"], state["month"])


def _decide(mine: Snapshot, theirs: Snapshot) -> list[_Decision]:
    parted = _parting(mine, theirs)
    known_mine, known_theirs = mine.known(), theirs.known()
    out: list[_Decision] = []
    for model in ROW_MODELS:
        entity = ENTITY[model]
        mine_rows = mine.rows[entity]
        by_key: dict[tuple[str, int], State] = {}
        if model is Realisation:
            by_key = {_realisation_key(s): s for s in mine_rows.values()}
        for uuid, t in theirs.rows[entity].items():
            m = mine_rows.get(uuid)
            if m is None and model is Realisation:
                m = by_key.get(_realisation_key(t))
            if m is None:
                out.append(_Decision(entity, t, None, THEIRS, theirs_changed=True))
                continue
            if m == t:
                continue
            tc = _stamp(t) not in known_mine and t["updated_at"] > parted
            mc = _stamp(m) not in known_theirs and m["updated_at"] > parted
            diffs = _content_diff(m, t)
            newer = THEIRS if _order(t) > _order(m) else MINE
            decision = _Decision(entity, t, m, newer, mine_changed=mc, theirs_changed=tc)
            if tc and mc and any(d.name != "seq" for d in diffs):
                decision.conflict = Conflict(
                    entity, m["uuid"], t["uuid"], _row_label(entity, m, mine.rows), diffs,
                    m["updated_by"], m["updated_at"], t["updated_by"], t["updated_at"], newer)
            elif tc and not mc:
                decision.winner = THEIRS
            elif mc and not tc:
                decision.winner = MINE
            if decision.winner == MINE and decision.conflict is None and not (tc and diffs):
                continue  # nothing to write and nothing of theirs that could be lost
            out.append(decision)
    return out


def _open_theirs(path: Path) -> tuple[SqliteDatabase, Path | None]:
    """Open the other copy read-only; an older copy is migrated in a temporary copy."""
    try:
        db, state = database.open_database(path, force_readonly=True)
    except (NewerFileError, ReadOnlyError):  # an older copy that needs migrating
        tmpdir = Path(tempfile.mkdtemp(prefix="rbdesk-gabung-"))
        tmp = tmpdir / path.name
        shutil.copyfile(path, tmp)
        try:
            db, state = database.open_database(tmp)
        except BaseException:
            shutil.rmtree(tmpdir, ignore_errors=True)
            raise
        return db, tmpdir
    if state.newer:
        db.close()
        raise NewerFileError(tr("Salinan {name} dibuat oleh versi rbdesk yang lebih baru; "
                                "perbarui rbdesk sebelum menggabungkan.").format(name=path.name))
    return db, None


def _read_theirs(mine: Store, path: Path) -> Snapshot:
    db, tmpdir = _open_theirs(path)
    try:
        with db.bind_ctx(ALL_MODELS):
            return read_snapshot()
    finally:
        db.close()
        mine.rebind()
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)


def _check_pair(mine: Store, theirs_path: Path) -> None:
    if mine.readonly:
        raise ReadOnlyError(tr("Berkas ini dibuka hanya-baca ({reason}); tidak dapat "
                               "menggabungkan.").format(reason=mine.state.reason))
    try:
        same = os.path.samefile(mine.path, theirs_path)
    except OSError:
        same = False
    if same:
        raise RbdeskError(tr("Salinan yang dipilih adalah berkas ini sendiri."))


def plan_merge(mine: Store, theirs_path: Path | str,
               progress: Progress | None = None) -> MergePlan:
    """Phase one: read both files (the other read-only) and list what would change."""
    theirs_path = Path(theirs_path)
    _check_pair(mine, theirs_path)
    if progress:
        progress(0, 3)
    theirs = _read_theirs(mine, theirs_path)
    if progress:
        progress(1, 3)
    mine.rebind()
    here = read_snapshot()
    if not here.plan_uuids() & theirs.plan_uuids():
        raise RbdeskError(tr("Berkas {name} bukan salinan dari berkas ini (tidak ada rencana aksi "
                             "yang sama); penggabungan ditolak.").format(name=theirs_path.name))
    decisions = _decide(here, theirs)
    if progress:
        progress(2, 3)
    return MergePlan(
        theirs_path, theirs, [d.conflict for d in decisions if d.conflict],
        sum(1 for d in decisions if d.mine is None),
        sum(1 for d in decisions if d.mine is not None and d.winner == THEIRS
            and d.conflict is None))


def _log_lost(loser: State, winner: State, diffs: list[FieldDiff], loser_is_mine: bool,
              entity: str, host: str) -> int:
    """Losing values stay readable in Riwayat, under the stamp of the edit that lost."""
    for d in diffs:
        old, new = (d.mine, d.theirs) if loser_is_mine else (d.theirs, d.mine)
        ChangeLog.create(at=loser["updated_at"], user=loser["updated_by"], host=host,
                         plan_uuid=None, entity=entity, row_uuid=winner["uuid"],
                         action="conflict", field=d.name,
                         old=format_value(d.name, old), new=format_value(d.name, new))
    return len(diffs)


def _values(model: type[Row], state: State, ids: dict[str, dict[str, int]]) -> dict[str, Any]:
    values = dict(state)
    for name, rel in _fk_fields(model).items():
        if values[name] is not None:
            values[name] = ids[ENTITY[rel]][values[name]]
    return values


def _mine_ids() -> dict[str, dict[str, int]]:
    return {ENTITY[m]: dict(m.select(m.uuid, m.id).tuples()) for m in ROW_MODELS}


def _copy_blobs(theirs_path: Path, mine_blobs: set[str], theirs: Snapshot, mine: Store) -> int:
    wanted = {s["sha256"] for s in theirs.rows["evidence"].values()}
    missing = sorted((wanted - mine_blobs) & theirs.blobs)
    if not missing:
        return 0
    db, tmpdir = _open_theirs(theirs_path)
    try:
        with db.bind_ctx(ALL_MODELS):
            blobs = [(b.sha256, b.size, bytes(b.data))
                     for b in Blob.select().where(Blob.sha256.in_(missing))]
    finally:
        db.close()
        mine.rebind()
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)
    copied = 0
    for sha, size, data in blobs:
        if hashlib.sha256(data).hexdigest() != sha:
            raise RbdeskError(tr("Isi berkas bukti {sha} di salinan rusak; penggabungan "
                                 "dibatalkan.").format(sha=sha[:12]))
        Blob.create(sha256=sha, size=size, data=data)
        copied += 1
    return copied


def apply_merge(mine: Store, plan: MergePlan,
                choices: dict[tuple[str, str], str] | None = None, prefer: str | None = None,
                progress: Progress | None = None) -> MergeResult:
    """Phase two, one transaction: apply theirs' changes; conflicts follow ``choices``
    (keyed by ``Conflict.key``), else ``prefer`` (MINE / THEIRS), else the newer edit."""
    if prefer not in (None, MINE, THEIRS):
        raise RbdeskError(tr("Pilihan '{p}' tidak dikenal (mine atau theirs).").format(p=prefer))
    choices = choices or {}
    result = MergeResult()
    theirs = plan.theirs
    with mine.write() as tx:
        # Re-read this file inside the transaction: another PC may have written since planning.
        here = read_snapshot()
        decisions = _decide(here, theirs)
        result.blobs_copied = _copy_blobs(plan.theirs_path, here.blobs, theirs, mine)
        ids = _mine_ids()
        total = len(decisions)
        for i, d in enumerate(decisions):
            model = MODEL[d.entity]
            winner = d.winner
            if d.conflict is not None:
                winner = choices.get(d.conflict.key) or prefer or d.conflict.default
                result.conflicts.append(d.conflict)
                result.resolved[d.conflict.key] = winner
            if d.mine is None:
                model.insert(**_values(model, d.theirs, ids)).execute()
                ids[d.entity][d.theirs["uuid"]] = model.get(model.uuid == d.theirs["uuid"]).id
                result.inserted += 1
            elif winner == THEIRS:
                values = _values(model, d.theirs, ids)
                model.update(**values).where(model.uuid == d.mine["uuid"]).execute()
                if d.mine["uuid"] != d.theirs["uuid"]:
                    row_id = ids[d.entity].pop(d.mine["uuid"])
                    ids[d.entity][d.theirs["uuid"]] = row_id
                result.updated += 1
                if d.mine_changed:
                    result.lost_logged += _log_lost(d.mine, d.theirs,
                                                    _content_diff(d.mine, d.theirs), True,
                                                    d.entity, mine.host)
            elif d.theirs_changed:
                result.lost_logged += _log_lost(d.theirs, d.mine,
                                                _content_diff(d.mine, d.theirs), False,
                                                d.entity, tr("salinan"))
            if progress and i % 200 == 0:
                progress(i, total)
        mine_log = {e[1:] for e in here.log}
        for entry in theirs.log:
            if entry[1:] not in mine_log:
                mine_log.add(entry[1:])
                ChangeLog.insert(dict(zip(("at", "user", "host", "plan_uuid", "entity",
                                           "row_uuid", "action", "field", "old", "new"),
                                          entry[1:], strict=True))).execute()
                result.log_imported += 1
        if result.changed:
            tx.log("file", "-", "merge", "", None,
                   tr("digabung dari {name}: {summary}").format(
                       name=plan.theirs_path.name, summary=result.summary()))
    if progress:
        progress(total, total)
    return result


def merge_files(mine: Store, theirs_path: Path | str, prefer: str | None = None,
                progress: Progress | None = None) -> MergeResult:
    """Both phases at once: conflicts go to ``prefer``, or by default to the newer edit."""
    return apply_merge(mine, plan_merge(mine, theirs_path), prefer=prefer, progress=progress)
