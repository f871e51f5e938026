"""The change log, read: Riwayat per item or for the whole file, filtered, exported to Excel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import fn

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time, utc_stamp_of_local_midnight
from rbdesk.models.domain.change_labels import entity_label, field_label
from rbdesk.models.domain.months import month_short
from rbdesk.models.errors import RbdeskError
from rbdesk.models.interchange.merge_snapshot import MODEL
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import ChangeLog, Evidence, Indicator, Realisation
from rbdesk.models.storage.store import Store

if TYPE_CHECKING:  # openpyxl itself is imported only when exporting
    from openpyxl.worksheet.worksheet import Worksheet

_TEXT_FIELDS = ("name", "text", "title", "filename")


# Built per call, not as module constants: each literal sits inside its own tr() so translation
# tools find it, and the text follows the language active when it is shown.
def action_label(action: str) -> str:
    return {
        "create": tr("dibuat"), "update": tr("diubah"), "delete": tr("dihapus"),
        "restore": tr("dipulihkan"), "move": tr("dipindah"), "merge": tr("digabung"),
        "conflict": tr("kalah dalam penggabungan"), "load": tr("dimuat"),
    }.get(action, action)


def column_titles() -> tuple[str, ...]:
    return (tr("Waktu"), tr("Pengguna"), tr("Komputer"), tr("Jenis"), tr("Baris"),
            tr("Tindakan"), tr("Kolom"), tr("Lama"), tr("Baru"))


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: str
    user: str
    host: str
    plan_uuid: str | None
    entity: str
    row_uuid: str
    action: str
    field: str
    old: str | None
    new: str | None

    @property
    def when(self) -> str:
        """Local time of this PC: staff read the log against their own clocks."""
        return local_time(self.at)

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def entity_label(self) -> str:
        return entity_label(self.entity) if self.entity != "file" else tr("Berkas")

    @property
    def field_label(self) -> str:
        return field_label(self.field) if self.field else ""


def query_history(store: Store, row_uuid: str | None = None, plan_uuid: str | None = None,
                  person: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, limit: int | None = None) -> list[HistoryEntry]:
    """Newest first. ``person`` matches the user name (case-insensitive, part of it);
    ``since``/``until`` are inclusive calendar days on this PC's clock."""
    with store.read():
        query = ChangeLog.select(ChangeLog.id, ChangeLog.at, ChangeLog.user, ChangeLog.host,
                                 ChangeLog.plan_uuid, ChangeLog.entity, ChangeLog.row_uuid,
                                 ChangeLog.action, ChangeLog.field, ChangeLog.old, ChangeLog.new)
        if row_uuid:
            query = query.where(ChangeLog.row_uuid == row_uuid)
        if plan_uuid:
            query = query.where((ChangeLog.plan_uuid == plan_uuid) | ChangeLog.plan_uuid.is_null())
        if person:
            query = query.where(fn.LOWER(ChangeLog.user).contains(person.strip().lower()))
        if since:
            query = query.where(ChangeLog.at >= utc_stamp_of_local_midnight(since))
        if until:
            query = query.where(ChangeLog.at < utc_stamp_of_local_midnight(
                until + dt.timedelta(days=1)))
        query = query.order_by(ChangeLog.at.desc(), ChangeLog.id.desc())
        if limit:
            query = query.limit(limit)
        return [HistoryEntry(*row) for row in as_tuples(query)]


def people(store: Store) -> list[str]:
    """Everyone who appears in the change log, for the person filter."""
    with store.read():
        return [u for (u,) in as_tuples(ChangeLog.select(ChangeLog.user).distinct()
                                        .order_by(ChangeLog.user))]


def row_labels(store: Store, entries: list[HistoryEntry]) -> dict[str, str]:
    """A readable name for each row the entries mention (its current name, text or file name)."""
    with store.read():
        wanted: dict[str, set[str]] = {}
        for e in entries:
            if e.entity in MODEL:
                wanted.setdefault(e.entity, set()).add(e.row_uuid)
        labels: dict[str, str] = {}
        for entity, model in (("realisation", Realisation), ("evidence", Evidence)):
            items = sorted(wanted.pop(entity, set()))
            for start in range(0, len(items), 500):
                query = as_tuples(
                    model.select(model.uuid, model.month, Indicator.text, Indicator.label)
                    .join(Indicator).where(model.uuid.in_(items[start:start + 500])))
                for row_uuid, month, text, label in query:
                    labels[row_uuid] = tr("{ind}, {month}").format(
                        ind=text or label or tr("(indikator)"), month=month_short(month))
        for entity, uuids in wanted.items():
            table = MODEL[entity]
            cols = [getattr(table, f) for f in _TEXT_FIELDS if hasattr(table, f)]
            items = sorted(uuids)
            for start in range(0, len(items), 500):
                chunk = items[start:start + 500]
                for row in as_tuples(table.select(table.uuid, *cols)
                                     .where(table.uuid.in_(chunk))):
                    labels[row[0]] = next((str(v) for v in row[1:] if v), "")
        return labels


def _text_cell(ws: Worksheet, row: int, col: int, value: object) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = "" if value is None else str(value)
    cell.data_type = "s"  # never a formula, whatever the text starts with


def export_history_xlsx(entries: list[HistoryEntry], labels: dict[str, str],
                        out: Path | str) -> Path:
    """Write the entries to an Excel workbook; every cell is plain text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out = Path(out)
    wb = Workbook()
    ws = wb.active
    ws.title = tr("Riwayat")
    for col, title in enumerate(column_titles(), start=1):
        _text_cell(ws, 1, col, title)
        ws.cell(row=1, column=col).font = Font(bold=True)
    for r, e in enumerate(entries, start=2):
        values = (e.when, e.user, e.host, e.entity_label, labels.get(e.row_uuid, ""),
                  e.action_label, e.field_label, e.old, e.new)
        for col, value in enumerate(values, start=1):
            _text_cell(ws, r, col, value)
    for letter, width in zip("ABCDEFGHI", (20, 16, 16, 16, 40, 22, 16, 30, 30), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    try:
        wb.save(out)
    except OSError as exc:
        raise RbdeskError(tr("Tidak dapat menyimpan {name}: {err}").format(
            name=out.name, err=exc.strerror or exc)) from None
    return out
