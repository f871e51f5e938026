"""The change log, read: Riwayat per item or for the whole file, filtered, exported to Excel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import fn

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time, utc_stamp_of_local_midnight
from rbdesk.models.domain.change_labels import (
    LineChange,
    changed_lines,
    entity_label,
    field_label,
    logged_pair,
    unchanged_note,
)
from rbdesk.models.domain.hierarchy import LEVELS, ORDER
from rbdesk.models.domain.months import month_short
from rbdesk.models.errors import InvalidInput, RbdeskError
from rbdesk.models.interchange.merge_snapshot import MODEL
from rbdesk.models.storage.output_files import atomic_output
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import (
    Area,
    ChangeLog,
    Evidence,
    Indicator,
    Plan,
    Realisation,
    SubActivity,
)
from rbdesk.models.storage.store import Store
from rbdesk.models.text import clean_text

if TYPE_CHECKING:  # openpyxl itself is imported only when exporting
    from openpyxl.worksheet.worksheet import Worksheet

_TEXT_FIELDS = ("name", "text", "title", "filename")


# Built per call, not as module constants: each literal sits inside its own tr() so translation
# tools find it, and the text follows the language active when it is shown.
def action_label(action: str) -> str:
    return {
        "create": tr("dibuat"),
        "update": tr("diubah"),
        "delete": tr("dihapus"),
        "restore": tr("dipulihkan"),
        "move": tr("dipindah"),
        "merge": tr("digabung"),
        "conflict": tr("kalah dalam penggabungan"),
        "load": tr("dimuat"),
        "copy": tr("disalin"),
        "import": tr("diimpor"),
    }.get(action, action)


def column_titles() -> tuple[str, ...]:
    return (
        tr("Waktu"),
        tr("Pengguna"),
        tr("Komputer"),
        tr("Jenis"),
        tr("Baris"),
        tr("Tindakan"),
        tr("Kolom"),
        tr("Lama"),
        tr("Baru"),
    )


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
        return field_label(self.field, self.entity) if self.field else ""

    @cached_property
    def _texts(self) -> tuple[str, str]:
        # Computed once: a whole-decree entry of an older file is parsed to be shown, and the
        # Riwayat table asks for its cells on every repaint.
        old, new = logged_pair(self.field, self.old, self.new)
        if self.field.split("[")[0] == "reviewed_by" and new and new != self.user:
            # A verdict recorded for someone else says who recorded it (review_month's ``by``).
            new = tr("dicatat oleh {user} atas nama {name}").format(user=self.user, name=new)
        return old, new

    @cached_property
    def _lines(self) -> LineChange | None:
        return changed_lines(*self._texts)

    @property
    def old_text(self) -> str:
        """The old value as people read it: of a multi-line value (a Diktum), only the lines
        that changed; :attr:`full_old_text` is the whole value."""
        return self._lines.old if self._lines is not None else self._texts[0]

    @property
    def new_text(self) -> str:
        return self._lines.new if self._lines is not None else self._texts[1]

    @property
    def full_old_text(self) -> str:
        return self._texts[0]

    @property
    def full_new_text(self) -> str:
        return self._texts[1]

    @property
    def old_cell(self) -> str:
        """:attr:`old_text` for a table cell (Riwayat, Excel): with the count of the lines left
        out below it, so nobody takes the changed lines for the whole value."""
        return self._cell(self.old_text)

    @property
    def new_cell(self) -> str:
        return self._cell(self.new_text)

    def _cell(self, text: str) -> str:
        note = self.unchanged_note
        return f"{text}\n({note})" if note else text

    @property
    def unchanged_note(self) -> str:
        """ "16 baris lain tetap" when only some lines are shown; "" otherwise."""
        return unchanged_note(self._lines.same) if self._lines is not None else ""


def rows_below(store: Store, row_uuid: str) -> set[str]:
    """A plan row with everything logged under it: its descendants and, for indicators, their
    months' realisation and evidence (each logged under its own uuid). Deleted rows too: their
    history is still theirs."""
    with store.read():
        found = {row_uuid}
        for kind in ORDER:
            lv = LEVELS[kind]
            if kind == ORDER[0]:
                ids = {
                    i
                    for (i,) in as_tuples(
                        lv.model.select(lv.model.id).where(lv.model.uuid == row_uuid)
                    )
                }
                continue
            parent_col = getattr(lv.model, lv.parent)
            children = list(
                as_tuples(
                    lv.model.select(lv.model.id, lv.model.uuid).where(
                        (parent_col.in_(ids)) | (lv.model.uuid == row_uuid)
                    )
                )
            )
            ids = {i for i, _u in children}
            found |= {u for _i, u in children}
        for model in (Realisation, Evidence):
            found |= {
                u for (u,) in as_tuples(model.select(model.uuid).where(model.indicator.in_(ids)))
            }
        return found


def query_history(
    store: Store,
    row_uuid: str | None = None,
    plan_uuid: str | None = None,
    person: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
    area_uuid: str | None = None,
    text: str | None = None,
) -> list[HistoryEntry]:
    """Newest first. ``row_uuid`` gives that row and everything under it (for an indicator,
    its months, realisation and evidence); ``area_uuid`` the same for an area; ``person``
    matches the user name (case-insensitive, part of it); ``since``/``until`` are inclusive
    calendar days on this PC's clock; ``text`` is looked for in the values and row names."""
    with store.read():
        query = ChangeLog.select()  # every column in declared order, as HistoryEntry has them
        within = [rows_below(store, head) for head in filter(None, (row_uuid, area_uuid))]
        if row_uuid and len(within[0]) <= 500:
            query = query.where(ChangeLog.row_uuid.in_(sorted(within[0])))
        if plan_uuid:
            query = query.where((ChangeLog.plan_uuid == plan_uuid) | ChangeLog.plan_uuid.is_null())
        if person:
            query = query.where(fn.LOWER(ChangeLog.user).contains(person.strip().lower()))
        if since:
            query = query.where(ChangeLog.at >= utc_stamp_of_local_midnight(since))
        if until:
            query = query.where(
                ChangeLog.at < utc_stamp_of_local_midnight(until + dt.timedelta(days=1))
            )
        query = query.order_by(ChangeLog.at.desc(), ChangeLog.id.desc())
        if limit and not text and not area_uuid:
            query = query.limit(limit)
        entries = [HistoryEntry(*row) for row in as_tuples(query)]
        for rows in within:  # a whole area can be more rows than one SQL statement takes
            entries = [e for e in entries if e.row_uuid in rows]
        if text:
            needle = text.strip().lower()
            labels = row_labels(store, entries)
            entries = [
                e
                for e in entries
                if needle
                in " ".join(
                    (e.old or "", e.new or "", e.field_label, labels.get(e.row_uuid, ""))
                ).lower()
            ]
        return entries[:limit] if limit else entries


def people(store: Store) -> list[str]:
    """Everyone who appears in the change log, for the person filter."""
    with store.read():
        return [
            u
            for (u,) in as_tuples(
                ChangeLog.select(ChangeLog.user).distinct().order_by(ChangeLog.user)
            )
        ]


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
                # An indicator without its own text is shown by its sub-activity's name, as the
                # grid and the reports show it.
                query = as_tuples(
                    model.select(
                        model.uuid, model.month, Indicator.text, SubActivity.name, Indicator.label
                    )
                    .join(Indicator)
                    .join(SubActivity)
                    .where(model.uuid.in_(items[start : start + 500]))
                )
                for row_uuid, month, text, sub_name, label in query:
                    labels[row_uuid] = tr("{ind}, {month}").format(
                        ind=text or sub_name or label or tr("(indikator)"), month=month_short(month)
                    )
        for entity, uuids in wanted.items():
            table = MODEL[entity]
            cols = [getattr(table, f) for f in _TEXT_FIELDS if hasattr(table, f)]
            items = sorted(uuids)
            for start in range(0, len(items), 500):
                chunk = items[start : start + 500]
                for row in as_tuples(table.select(table.uuid, *cols).where(table.uuid.in_(chunk))):
                    labels[row[0]] = next((str(v) for v in row[1:] if v), "")
        return labels


def _text_cell(ws: Worksheet, row: int, col: int, value: object) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = "" if value is None else clean_text(str(value))
    cell.data_type = "s"  # never a formula, whatever the text starts with


def export_history_xlsx(
    entries: list[HistoryEntry],
    labels: dict[str, str],
    out: Path | str,
    *,
    protect: tuple[Path | str, ...] = (),
) -> Path:
    """Write the entries to an Excel workbook; every cell is plain text. The workbook replaces
    ``out`` only when complete, and is never written over a file in ``protect``."""
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
        values = (
            e.when,
            e.user,
            e.host,
            e.entity_label,
            labels.get(e.row_uuid, ""),
            e.action_label,
            e.field_label,
            e.old_cell,
            e.new_cell,
        )
        for col, value in enumerate(values, start=1):
            _text_cell(ws, r, col, value)
    for letter, width in zip("ABCDEFGHI", (20, 16, 16, 16, 40, 22, 16, 30, 30), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    with atomic_output(out, protect=protect) as tmp:
        try:
            wb.save(tmp)
        except OSError as exc:
            raise RbdeskError(
                tr("Tidak dapat menyimpan {name}: {err}").format(
                    name=out.name, err=exc.strerror or exc
                )
            ) from None
    return out


def find_area(store: Store, key: str) -> str:
    """The uuid of the area a person names by its number ("3"), a part of its name, or a uuid
    prefix; one clear message when none or several match."""
    key = key.strip().lower()
    with store.read():
        rows = list(
            as_tuples(
                Area.select(Area.uuid, Area.label, Area.name)
                .join(Plan)
                .where(Area.is_live() & Plan.is_live())
            )
        )
    for test in (
        lambda u, lab, n: lab.strip(". ").lower() == key.strip(". "),
        lambda u, lab, n: u.startswith(key),
        lambda u, lab, n: key in n.lower(),
    ):
        found = [u for u, lab, n in rows if test(u, lab, n)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise InvalidInput(
                tr(
                    "Area '{key}' cocok dengan {n} area; tulis lebih lengkap atau pakai uuid area."
                ).format(key=key, n=len(found))
            )
    raise InvalidInput(tr("Area '{key}' tidak ditemukan.").format(key=key))
