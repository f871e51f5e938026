"""One file's rows as plain dicts keyed by uuid, as both sides of a merge are compared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import ForeignKeyField

from rbdesk.i18n import tr
from rbdesk.models.storage.query_rows import as_dicts, as_tuples
from rbdesk.models.storage.schema import ROW_MODELS, Blob, ChangeLog, Row
from rbdesk.models.storage.store import Store
from rbdesk.models.text import clean_text

State = dict[str, Any]
Stamp = tuple[str, str]

ENTITY: dict[type[Row], str] = {m: m._meta.table_name for m in ROW_MODELS}
MODEL: dict[str, type[Row]] = {v: k for k, v in ENTITY.items()}


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


def fk_fields(model: type[Row]) -> dict[str, type[Row]]:
    return {
        f.name: f.rel_model for f in model._meta.sorted_fields if isinstance(f, ForeignKeyField)
    }


def read_snapshot(store: Store) -> Snapshot:
    """Read the file the models are currently bound to."""
    with store.read():
        id_to_uuid: dict[type[Row], dict[int, str]] = {}
        rows: dict[str, dict[str, State]] = {}
        for model in ROW_MODELS:
            fks = fk_fields(model)
            by_uuid: dict[str, State] = {}
            ids: dict[int, str] = {}
            for rec in as_dicts(model.select().order_by(model.id)):
                row_id = rec.pop("id")
                for name, rel in fks.items():
                    if rec[name] is not None:
                        rec[name] = id_to_uuid[rel][rec[name]]
                rec["deleted"] = bool(rec["deleted"])
                for key, value in rec.items():  # as an older or hand-made file may hold them
                    if isinstance(value, str) and not value.isprintable():
                        rec[key] = clean_text(value)
                ids[row_id] = rec["uuid"]
                by_uuid[rec["uuid"]] = rec
            id_to_uuid[model] = ids
            rows[ENTITY[model]] = by_uuid
        # Every column in declared order: merge reads the entries by position.
        log = list(as_tuples(ChangeLog.select().order_by(ChangeLog.id)))
        blobs = {sha for (sha,) in as_tuples(Blob.select(Blob.sha256))}
        return Snapshot(rows, log, blobs)


def indicator_title(rows: dict[str, dict[str, State]], indicator_uuid: str) -> str:
    """An indicator as people know it: its text, or (as the grid and the reports show one
    without text) its sub-activity's name, else its number."""
    ind = rows.get("indicator", {}).get(indicator_uuid) or {}
    sub = rows.get("sub_activity", {}).get(ind.get("sub_activity") or "") or {}
    return str(ind.get("text") or sub.get("name") or ind.get("label") or tr("(indikator)"))
