"""Bringing a copy that was edited apart (USB stick, messaging) back into this file.

A merge has two phases: ``plan_merge`` reads both files and lists what would change and the
conflicts to choose on (see ``merge_decisions`` for how a change is told from a non-change);
``apply_merge`` writes the result in one transaction. Merging imports theirs' change-log entries
(so its transactions become known here), and every value that loses is written to the change log
under the stamp of the edit that lost, so a second merge of the same copy is a no-op.

Deletions are tombstones and travel like any edit. Evidence bytes are joined by SHA-256. The other
file is opened read-only and never modified. A plan row both copies changed is combined key by key
(``merge_objects``); a reviewed month that ends up with evidence its verdict never saw goes back
to "diajukan" (``merge_reviews``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import fn

from rbdesk.i18n import tr
from rbdesk.models.domain.change_labels import entity_label, field_label, format_value
from rbdesk.models.domain.file_names import safe_filename
from rbdesk.models.errors import NewerFileError, RbdeskError, ReadOnlyError
from rbdesk.models.interchange.merge_decisions import (
    MINE,
    THEIRS,
    Conflict,
    Decision,
    FieldDiff,
    content_diff,
    decide,
    row_label,
)
from rbdesk.models.interchange.merge_deletions import keep_hidden_work
from rbdesk.models.interchange.merge_objects import BOOKKEEPING, combined_stamp, key_diffs
from rbdesk.models.interchange.merge_plans import insert_twin, twin_plans
from rbdesk.models.interchange.merge_reviews import Landed, foreseen, resubmit_uncovered
from rbdesk.models.interchange.merge_snapshot import (
    ENTITY,
    MODEL,
    Snapshot,
    State,
    fk_fields,
    read_snapshot,
)
from rbdesk.models.interchange.row_checks import check_row
from rbdesk.models.storage import database
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import ROW_MODELS, Blob, ChangeLog, Row
from rbdesk.models.storage.store import Store

Progress = Callable[[int, int], None]


INSERT, UPDATE = "insert", "update"


@dataclass(frozen=True)
class RowChange:
    """One row the merge writes in this file: new (``INSERT``) or changed (``UPDATE``, with the
    fields that change, as logged: "note", "decree.number")."""

    entity: str
    label: str
    kind: str
    fields: tuple[str, ...] = ()

    @property
    def entity_label(self) -> str:
        return entity_label(self.entity)

    def fields_text(self) -> str:
        """The changed fields in the window's words, each once ("Catatan, Keterangan")."""
        return ", ".join(dict.fromkeys(field_label(name, self.entity) for name in self.fields))


def row_effect(d: Decision, winner: str) -> str | None:
    """What ``apply_merge`` does to this file's row when ``winner`` wins: INSERT, UPDATE or
    nothing. The one rule both the preview's and the result's figures count with."""
    if d.mine is None:
        return INSERT
    if d.outcomes is not None:
        if d.restore == winner or _content(d.outcomes[winner]) != _content(d.mine):
            return UPDATE
        return None
    return UPDATE if winner == THEIRS else None


def _changes(
    decisions: list[Decision], choices: dict[tuple[str, str], str], here: Snapshot, theirs: Snapshot
) -> list[RowChange]:
    out: list[RowChange] = []
    for d in decisions:
        winner = d.winner
        if d.conflict is not None:
            winner = choices.get(d.conflict.key) or d.conflict.default
        effect = row_effect(d, winner)
        if effect == INSERT:
            out.append(RowChange(d.entity, row_label(d.entity, d.theirs, theirs.rows), INSERT))
        elif effect == UPDATE:
            assert d.mine is not None
            after = d.outcome(winner)
            names = tuple(
                k
                for k in after
                if k not in BOOKKEEPING and k != "seq" and d.mine.get(k) != after[k]
            )
            if d.restore == winner:
                names = ("deleted", *(n for n in names if n != "deleted"))
            out.append(RowChange(d.entity, row_label(d.entity, d.mine, here.rows), UPDATE, names))
    return out


@dataclass
class MergePlan:
    """Result of the first phase: what the merge would do, and the conflicts to choose on."""

    theirs_path: Path
    theirs: Snapshot
    conflicts: list[Conflict]
    to_insert: int
    to_update: int
    # Reviewed months the merge would send back to "diajukan" (conflicts settled by default).
    to_resubmit: list[str] = field(default_factory=list)
    here: Snapshot | None = None
    decisions: list[Decision] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.to_insert or self.to_update or self.conflicts or self.to_resubmit)

    def changes(self, choices: dict[tuple[str, str], str] | None = None) -> list[RowChange]:
        """Every row the merge would write, with the conflicts settled by ``choices`` (else by
        their defaults): the list, and the figures, the result will have."""
        if self.here is None:
            return []
        return _changes(self.decisions, choices or {}, self.here, self.theirs)

    def resubmit_note(self) -> str:
        """The sentence that tells, before merging, which reviewed months go back for review."""
        if not self.to_resubmit:
            return ""
        return tr(
            "{n} bulan yang sudah ditinjau akan kembali berstatus Diajukan karena bukti "
            "dukung yang belum ditinjau ikut digabung ({months})."
        ).format(n=len(self.to_resubmit), months="; ".join(self.to_resubmit))


@dataclass
class MergeResult:
    inserted: int = 0
    updated: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    resolved: dict[tuple[str, str], str] = field(default_factory=dict)
    blobs_copied: int = 0
    log_imported: int = 0
    lost_logged: int = 0
    # Reviewed months sent back to "diajukan": evidence their verdict never covered came in.
    resubmitted: list[str] = field(default_factory=list)

    @property
    def only_log(self) -> bool:
        """Only change-log lines came in: this file's rows were already as the copy's."""
        return bool(self.log_imported) and not self.changed_rows and not self.conflicts

    @property
    def changed(self) -> bool:
        return bool(self.changed_rows or self.log_imported)

    @property
    def changed_rows(self) -> bool:
        return bool(
            self.inserted
            or self.updated
            or self.blobs_copied
            or self.lost_logged
            or self.resubmitted
        )

    def summary(self) -> str:
        if self.only_log:
            return tr(
                "isi berkas ini sudah sama dengan salinan; hanya {n} catatan riwayat "
                "perubahan yang diambil dari salinan."
            ).format(n=self.log_imported)
        mine_won = sum(1 for v in self.resolved.values() if v == MINE)
        text = tr(
            "{ins} baris baru, {upd} baris diperbarui, {conf} konflik ({mine} dipertahankan "
            "dari berkas ini, {theirs} diambil dari salinan), {blobs} berkas bukti disalin."
        ).format(
            ins=self.inserted,
            upd=self.updated,
            conf=len(self.conflicts),
            mine=mine_won,
            theirs=len(self.resolved) - mine_won,
            blobs=self.blobs_copied,
        )
        if self.resubmitted:
            text += " " + tr(
                "{n} bulan yang sudah ditinjau kembali berstatus Diajukan: "
                "tinjauannya belum mencakup bukti dukung yang ikut digabung "
                "({months})."
            ).format(n=len(self.resubmitted), months="; ".join(self.resubmitted))
        return text


@contextmanager
def _theirs(path: Path) -> Iterator[Store]:
    """The other copy as a read-only store. An older copy, or one a killed writer left with a
    hot journal, is read through a private temporary copy (removed on close); never modified."""
    db, state = database.open_database(path, force_readonly=True)
    store = Store(db, path, state)
    try:
        if state.newer:
            raise NewerFileError(
                tr(
                    "Salinan {name} dibuat oleh versi rbdesk yang lebih baru; "
                    "perbarui rbdesk sebelum menggabungkan."
                ).format(name=path.name)
            )
        yield store
    finally:
        store.close()


def _check_pair(mine: Store, theirs_path: Path) -> None:
    if mine.readonly:
        raise ReadOnlyError(
            tr("Berkas ini dibuka hanya-baca ({reason}); tidak dapat menggabungkan.").format(
                reason=mine.state.reason
            )
        )
    try:
        same = os.path.samefile(mine.path, theirs_path)
    except OSError:
        same = False
    if same:
        raise RbdeskError(tr("Salinan yang dipilih adalah berkas ini sendiri."))


def _clean_incoming(other: Store, theirs: Snapshot) -> None:
    """What a copy says about its evidence is not trusted: a bare, safe file name, and the size
    of the bytes it really holds."""
    with other.read():
        sizes = dict(as_tuples(Blob.select(Blob.sha256, fn.LENGTH(Blob.data))))
    for state in theirs.rows["evidence"].values():
        state["filename"] = safe_filename(state["filename"])
        state["size"] = int(sizes.get(state["sha256"], 0))


def _check_incoming(theirs: Snapshot, theirs_path: Path) -> None:
    """Every row of the copy through the validator ``load`` uses (``row_checks``): a copy may be
    a file someone made or changed by hand, and a row the window could never have written would
    break the reports and the dump of this file after the merge."""
    for entity, states in theirs.rows.items():
        model = MODEL[entity]
        for uuid, state in states.items():

            def fail(what: str, entity: str = entity, state: State = state) -> RbdeskError:
                label = str(
                    state.get("name")
                    or state.get("text")
                    or state.get("filename")
                    or state.get("title")
                    or state.get("unit")
                    or ""
                )[:60]
                return RbdeskError(
                    tr(
                        "Salinan {name} memuat baris yang tidak sah: {entity} «{label}» (uuid "
                        "{uuid}): {what}. Penggabungan ditolak; tidak ada yang diubah."
                    ).format(
                        name=theirs_path.name,
                        entity=entity_label(entity),
                        label=label,
                        uuid=str(state.get("uuid", "?"))[:40],
                        what=what,
                    )
                )

            states[uuid] = check_row(model, state, fail)


def plan_merge(mine: Store, theirs_path: Path | str, progress: Progress | None = None) -> MergePlan:
    """Phase one: read both files (the other read-only) and list what would change."""
    theirs_path = Path(theirs_path)
    _check_pair(mine, theirs_path)
    if progress:
        progress(0, 3)
    with _theirs(theirs_path) as other:
        theirs = read_snapshot(other)
        _clean_incoming(other, theirs)
    _check_incoming(theirs, theirs_path)
    if progress:
        progress(1, 3)
    here = read_snapshot(mine)
    if not here.plan_uuids() & theirs.plan_uuids():
        raise RbdeskError(
            tr(
                "Berkas {name} bukan salinan dari berkas ini (tidak ada rencana aksi "
                "yang sama); penggabungan ditolak."
            ).format(name=theirs_path.name)
        )
    decisions = twin_plans(here, theirs, keep_hidden_work(here, theirs, decide(here, theirs)))
    if progress:
        progress(2, 3)
    landed: list[Landed] = [
        (d.entity, d.mine, d.outcome(d.conflict.default if d.conflict else d.winner))
        for d in decisions
        if d.entity in ("realisation", "evidence")
    ]
    effects = [row_effect(d, d.conflict.default if d.conflict else d.winner) for d in decisions]
    return MergePlan(
        theirs_path,
        theirs,
        [d.conflict for d in decisions if d.conflict],
        effects.count(INSERT),
        effects.count(UPDATE),
        foreseen(here, theirs, landed),
        here,
        decisions,
    )


def _log_lost(
    loser: State, winner: State, diffs: list[FieldDiff], loser_is_mine: bool, entity: str, host: str
) -> int:
    """Losing values stay readable in Riwayat, under the stamp of the edit that lost."""
    for d in diffs:
        old, new = (d.mine, d.theirs) if loser_is_mine else (d.theirs, d.mine)
        ChangeLog.create(
            at=loser["updated_at"],
            user=loser["updated_by"],
            host=host,
            plan_uuid=None,
            entity=entity,
            row_uuid=winner["uuid"],
            action="conflict",
            field=d.name,
            old=format_value(d.name, old),
            new=format_value(d.name, new),
        )
    return len(diffs)


def _content(state: State) -> State:
    return {k: v for k, v in state.items() if k not in BOOKKEEPING}


def _write_combined(d: Decision, winner: str, ids: dict[str, dict[str, int]], host: str) -> None:
    """A plan row combined key by key (``merge_objects``): write the outcome ``winner`` gives,
    keep the losing keys in the log."""
    m, t = d.mine, d.theirs
    assert m is not None and d.outcomes is not None
    target = d.outcomes[winner]
    if d.conflict is not None:
        loser_is_mine = winner == THEIRS
        _log_lost(
            m if loser_is_mine else t,
            target,
            d.conflict.fields,
            loser_is_mine,
            d.entity,
            host if loser_is_mine else tr("salinan"),
        )
    model = MODEL[d.entity]
    if d.restore == winner:
        _restore(d, model, target, ids, host)
        return
    if _content(target) == _content(m):
        return
    if _content(target) == _content(t):
        values = _values(model, t, ids)
    else:
        # Neither copy's state: a stamp of its own, the same whichever copy merges, recorded
        # in this file's log with what the merge changed here.
        at, user = combined_stamp(m, t)
        values = _values(model, {**target, "updated_at": at, "updated_by": user}, ids)
        for diff in key_diffs(m, target):
            ChangeLog.create(
                at=at,
                user=user,
                host=host,
                plan_uuid=m["uuid"],
                entity=d.entity,
                row_uuid=m["uuid"],
                action="merge",
                field=diff.name,
                old=None if diff.mine is None else format_value(diff.name, diff.mine),
                new=None if diff.theirs is None else format_value(diff.name, diff.theirs),
            )
    values["version"] = max(m["version"], t["version"]) + 1
    model.update(**values).where(model.uuid == m["uuid"]).execute()


def _restore(
    d: Decision, model: type[Row], target: State, ids: dict[str, dict[str, int]], host: str
) -> None:
    """A row one copy deleted brought back for the work under it: a change of its own, under
    a stamp made from both copies' states (the same whichever copy merges), so that a copy
    that saw only the deletion takes it."""
    m, t = d.mine, d.theirs
    assert m is not None
    at, user = combined_stamp(m, t)
    values = _values(model, {**target, "deleted": False, "updated_at": at, "updated_by": user}, ids)
    values["version"] = max(m["version"], t["version"]) + 1
    model.update(**values).where(model.uuid == m["uuid"]).execute()
    ChangeLog.create(
        at=at,
        user=user,
        host=host,
        plan_uuid=None,
        entity=d.entity,
        row_uuid=m["uuid"],
        action="restore",
        field="deleted",
        old=format_value("deleted", True),
        new=format_value("deleted", False),
    )


def _values(model: type[Row], state: State, ids: dict[str, dict[str, int]]) -> dict[str, Any]:
    values = dict(state)
    for name, rel in fk_fields(model).items():
        if values[name] is not None:
            values[name] = ids[ENTITY[rel]][values[name]]
    return values


def _mine_ids() -> dict[str, dict[str, int]]:
    return {ENTITY[m]: dict(as_tuples(m.select(m.uuid, m.id))) for m in ROW_MODELS}


def _copy_blobs(theirs_path: Path, mine_blobs: set[str], theirs: Snapshot) -> int:
    wanted = {s["sha256"] for s in theirs.rows["evidence"].values()}
    missing = sorted((wanted - mine_blobs) & theirs.blobs)
    if not missing:
        return 0
    with _theirs(theirs_path) as other, other.read():
        blobs = [(b.sha256, bytes(b.data)) for b in Blob.select().where(Blob.sha256.in_(missing))]
    copied = 0
    for sha, data in blobs:
        if hashlib.sha256(data).hexdigest() != sha:
            raise RbdeskError(
                tr("Isi berkas bukti {sha} di salinan rusak; penggabungan dibatalkan.").format(
                    sha=sha[:12]
                )
            )
        Blob.create(sha256=sha, size=len(data), data=data)
        copied += 1
    return copied


def apply_merge(
    mine: Store,
    plan: MergePlan,
    choices: dict[tuple[str, str], str] | None = None,
    prefer: str | None = None,
    progress: Progress | None = None,
) -> MergeResult:
    """Phase two, one transaction: apply theirs' changes; conflicts follow ``choices``
    (keyed by ``Conflict.key``), else ``prefer`` (MINE / THEIRS), else the conflict's default."""
    if prefer not in (None, MINE, THEIRS):
        raise RbdeskError(tr("Pilihan '{p}' tidak dikenal (mine atau theirs).").format(p=prefer))
    choices = choices or {}
    result = MergeResult()
    theirs = plan.theirs
    with mine.write() as tx:
        # Re-read this file inside the transaction: another PC may have written since planning.
        here = read_snapshot(mine)
        decisions = twin_plans(here, theirs, keep_hidden_work(here, theirs, decide(here, theirs)))
        result.blobs_copied = _copy_blobs(plan.theirs_path, here.blobs, theirs)
        ids = _mine_ids()
        total = len(decisions)
        landed: list[Landed] = []  # realisation and evidence as written, for the reviews
        for i, d in enumerate(decisions):
            model = MODEL[d.entity]
            winner = d.winner
            if d.conflict is not None:
                winner = choices.get(d.conflict.key) or prefer or d.conflict.default
                result.conflicts.append(d.conflict)
                result.resolved[d.conflict.key] = winner
            if d.entity in ("realisation", "evidence"):
                landed.append((d.entity, d.mine, d.outcome(winner)))
            # Counted by the rule the preview counts with (row_effect), so the figures agree.
            if row_effect(d, winner) == UPDATE:
                result.updated += 1
            if d.mine is None:
                if d.twin is not None:
                    insert_twin(d, winner, _values(model, d.theirs, ids), mine.host)
                else:
                    model.insert(**_values(model, d.theirs, ids)).execute()
                ids[d.entity][d.theirs["uuid"]] = model.get(model.uuid == d.theirs["uuid"]).id
                result.inserted += 1
            elif d.outcomes is not None:
                _write_combined(d, winner, ids, mine.host)
                result.lost_logged += len(d.conflict.fields) if d.conflict else 0
            elif winner == THEIRS:
                values = _values(model, d.theirs, ids)
                # Past both sides' versions: a window still showing this file's old row has
                # its edit refused (version check), never silently undoing the merge.
                values["version"] = max(d.mine["version"], d.theirs["version"]) + 1
                model.update(**values).where(model.uuid == d.mine["uuid"]).execute()
                if d.mine["uuid"] != d.theirs["uuid"]:
                    row_id = ids[d.entity].pop(d.mine["uuid"])
                    ids[d.entity][d.theirs["uuid"]] = row_id
                if d.mine_changed or d.conflict is not None:
                    result.lost_logged += _log_lost(
                        d.mine, d.theirs, content_diff(d.mine, d.theirs), True, d.entity, mine.host
                    )
            elif d.theirs_changed or d.conflict is not None:
                result.lost_logged += _log_lost(
                    d.theirs, d.mine, content_diff(d.mine, d.theirs), False, d.entity, tr("salinan")
                )
            if progress and i % 200 == 0:
                progress(i, total)
        mine_log = {e[1:] for e in here.log}
        for entry in theirs.log:
            if entry[5:7] == ("file", "-") and entry[7] == "merge":
                # The copy's own "digabung dari …" lines say what was merged into that file;
                # no row carries their stamp. Taken here, each would be news to the copy's
                # next merge back, and two copies would need a merge more to settle.
                continue
            if entry[1:] not in mine_log:
                mine_log.add(entry[1:])
                ChangeLog.insert(
                    dict(
                        zip(
                            (
                                "at",
                                "user",
                                "host",
                                "plan_uuid",
                                "entity",
                                "row_uuid",
                                "action",
                                "field",
                                "old",
                                "new",
                            ),
                            entry[1:],
                            strict=True,
                        )
                    )
                ).execute()
                result.log_imported += 1
        if landed:
            result.resubmitted = resubmit_uncovered(mine.host, here, theirs, landed)
        # Only a merge that changed rows says so in the log: one that merely took the other
        # copy's log entries (its own "digabung" line among them) would otherwise write a new
        # line for the other copy to take next time, and two copies would never settle.
        if result.changed_rows:
            tx.log(
                "file",
                "-",
                "merge",
                "",
                None,
                tr("digabung dari {name}: {summary}").format(
                    name=plan.theirs_path.name, summary=result.summary()
                ),
            )
    if progress:
        progress(total, total)
    return result


def merge_files(
    mine: Store,
    theirs_path: Path | str,
    prefer: str | None = None,
    progress: Progress | None = None,
) -> MergeResult:
    """Both phases at once: conflicts go to ``prefer``, or by default to the newer edit."""
    return apply_merge(mine, plan_merge(mine, theirs_path), prefer=prefer, progress=progress)
