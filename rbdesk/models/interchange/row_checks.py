"""What a row of the file may hold: the one validator of rows that come from outside.

``load`` (a dump document) and ``merge`` (a copy edited apart, which may be a file someone made by
hand) both hand every row, in the file's own form (parents as uuids, the schedule as a month
mask, the decree and settings as objects), to :func:`check_row` before anything is written. It
checks what the window could never have written and what the exports could not print: types,
ranges, closed sets of codes, sizes. A row that fails names itself through ``fail``.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuidlib
from collections.abc import Callable
from typing import Any

from peewee import BooleanField, ForeignKeyField, IntegerField

from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import check_extra_columns, check_level_names
from rbdesk.models.domain.progress import REVIEW_STATES, STATUSES, is_realised
from rbdesk.models.domain.text_rules import (
    MAX_EVIDENCE_BYTES,
    NAME_CHARS,
    TEXT_CHARS,
    YEAR_MAX,
    YEAR_MIN,
    check_year,
    clean_decree,
    clean_text,
)
from rbdesk.models.storage.schema import TEAM_KINDS, JSONField, Row

Fail = Callable[[str], Exception]

STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
# Keys whose text is a name or a label, printed on one line or two.
SHORT_KEYS = frozenset(
    {
        "position",
        "unit",
        "nip",
        "label",
        "role",
        "updated_by",
        "mime",
        "filename",
        "kind",
        "status",
        "review_state",
        "reviewed_by",
        "reviewed_at",
        "name",
        "target",
        "target_unit",
        "responsible",
        "responsible_uuid",
    }
)
# Names that may be longer: a row's name in the plan is a sentence.
_LONG_NAMES = frozenset({"area", "activity", "sub_activity", "team"})
# Far above any real plan, far below what makes a report run for minutes.
MAX_VERSION = 2**53
MAX_SEQ = 1_000_000
MAX_LIST_ITEMS = 1_000
MAX_SETTINGS = 200
_SHA = re.compile(r"^[0-9a-f]{64}$")
_LIST_FIELDS = frozenset({"duties", "level_names", "extra_columns"})


def check_stamp(value: str, key: str, fail: Fail) -> None:
    """An ISO 8601 UTC stamp as rbdesk writes it, and a real moment."""
    if not STAMP.match(value):
        raise fail(tr("{key} '{s}' bukan waktu ISO 8601 UTC").format(key=key, s=value[:40]))
    try:
        dt.datetime.strptime(value[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        raise fail(tr("{key} '{s}' bukan waktu yang ada").format(key=key, s=value)) from None


def check_text(value: str, key: str, limit: int, fail: Fail) -> str:
    """Text as the window would take it: not absurdly long, encodable, no control characters."""
    if len(value) > limit:
        raise fail(
            tr("'{key}' terlalu panjang ({n} karakter; batasnya {limit})").format(
                key=key, n=len(value), limit=limit
            )
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise fail(tr("'{key}' memuat karakter yang tidak sah").format(key=key)) from None
    return clean_text(value)


def _limit(entity: str, key: str) -> int:
    if key == "name" and entity in _LONG_NAMES:
        return TEXT_CHARS
    return NAME_CHARS if key in SHORT_KEYS else TEXT_CHARS


def _check_lists(value: Any, key: str, fail: Fail) -> None:
    """No list inside the decree longer than a decree could be printed with."""
    if isinstance(value, list):
        if len(value) > MAX_LIST_ITEMS:
            raise fail(
                tr("isi SK '{key}' terlalu banyak ({n}; batasnya {limit})").format(
                    key=key, n=len(value), limit=MAX_LIST_ITEMS
                )
            )
        for item in value:
            _check_lists(item, key, fail)
    elif isinstance(value, dict):
        for k, item in value.items():
            _check_lists(item, f"{key}.{k}" if key else str(k), fail)


def check_settings(value: Any, fail: Fail) -> dict[str, str]:
    """The plan's settings: an object of short texts (the reports print them)."""
    if not isinstance(value, dict):
        raise fail(tr("pengaturan (settings) harus berupa objek"))
    if len(value) > MAX_SETTINGS:
        raise fail(
            tr("pengaturan (settings) terlalu banyak ({n}; batasnya {limit})").format(
                n=len(value), limit=MAX_SETTINGS
            )
        )
    out = {}
    for key, item in value.items():
        if not isinstance(item, str):
            raise fail(tr("pengaturan '{key}' harus teks").format(key=str(key)[:40]))
        out[check_text(str(key), "settings", NAME_CHARS, fail)] = check_text(
            item, f"settings.{key}", TEXT_CHARS, fail
        )
    return out


def _check_int(entity: str, key: str, value: int, fail: Fail) -> None:
    bounds = {
        "year": (YEAR_MIN, YEAR_MAX),
        "month": (1, 12),
        "planned": (0, 4095),
        "seq": (0, MAX_SEQ),
        "size": (0, MAX_EVIDENCE_BYTES),
        "version": (1, MAX_VERSION),
    }.get(key, (-MAX_VERSION, MAX_VERSION))
    if key == "year" and not check_year(value):
        raise fail(tr("tahun {y} di luar {lo}..{hi}").format(y=value, lo=YEAR_MIN, hi=YEAR_MAX))
    if not bounds[0] <= value <= bounds[1]:
        raise fail(
            tr("nilai '{key}' {v} di luar {lo}..{hi}").format(
                key=key, v=value, lo=bounds[0], hi=bounds[1]
            )
        )


def check_row(model: type[Row], row: dict[str, Any], fail: Fail) -> dict[str, Any]:
    """``row`` checked column by column; returns it with its text cleaned. Raises ``fail(what)``
    for the first column that is wrong."""
    entity = model._meta.table_name
    out = dict(row)
    for f in model._meta.sorted_fields:
        key = f.name
        if key == "id":
            continue
        if key not in row:
            raise fail(tr("kunci '{key}' tidak ada").format(key=key))
        value = row[key]
        if isinstance(f, ForeignKeyField):
            if value is None and f.null:
                continue
            if not isinstance(value, str):
                raise fail(tr("nilai '{key}' bertipe salah").format(key=key))
        elif isinstance(f, BooleanField):
            if not isinstance(value, bool):
                raise fail(tr("nilai '{key}' bertipe salah").format(key=key))
        elif isinstance(f, IntegerField):
            if isinstance(value, bool) or not isinstance(value, int):
                raise fail(tr("nilai '{key}' bertipe salah").format(key=key))
            _check_int(entity, key, value, fail)
        elif isinstance(f, JSONField):
            if value is None:  # an empty column reads back as None (schema.JSONField)
                value = out[key] = [] if key in _LIST_FIELDS else {}
            if key == "decree":
                out[key] = clean_decree(value, fail)
                _check_lists(out[key], "", fail)
            elif key == "settings":
                out[key] = check_settings(value, fail)
            elif key == "duties":
                if not isinstance(value, list) or not all(isinstance(d, str) for d in value):
                    raise fail(tr("tugas harus berupa daftar teks"))
                if len(value) > MAX_LIST_ITEMS:
                    raise fail(
                        tr("tugas terlalu banyak ({n}; batasnya {limit})").format(
                            n=len(value), limit=MAX_LIST_ITEMS
                        )
                    )
                out[key] = [check_text(d, "duties", TEXT_CHARS, fail) for d in value]
            elif key == "level_names":
                out[key] = check_level_names(value, fail)
            elif key == "extra_columns":
                out[key] = check_extra_columns(value, fail)
        else:
            if not isinstance(value, str):
                raise fail(tr("nilai '{key}' bertipe salah").format(key=key))
            out[key] = check_text(value, key, _limit(entity, key), fail)
    _check_meaning(entity, out, fail)
    return out


def _check_meaning(entity: str, row: dict[str, Any], fail: Fail) -> None:
    """Rules of one table: closed sets of codes, identities, what only makes sense together."""
    try:
        if str(uuidlib.UUID(row["uuid"])) != row["uuid"]:
            raise ValueError
    except ValueError:
        raise fail(tr("uuid '{u}' tidak sah").format(u=row["uuid"][:40])) from None
    check_stamp(row["updated_at"], "updated_at", fail)
    if entity == "plan" and not row["unit"].strip():
        raise fail(tr("unit (satuan kerja) kosong"))
    if entity == "team" and row["kind"] not in TEAM_KINDS:
        raise fail(tr("jenis tim '{kind}' tidak dikenal").format(kind=row["kind"]))
    if entity == "indicator" and row["responsible_uuid"]:
        try:
            if str(uuidlib.UUID(row["responsible_uuid"])) != row["responsible_uuid"]:
                raise ValueError
        except ValueError:
            raise fail(
                tr("responsible_uuid '{u}' tidak sah").format(u=row["responsible_uuid"][:40])
            ) from None
    if entity == "evidence" and not _SHA.match(row["sha256"]):
        raise fail(tr("sha256 '{s}' tidak sah").format(s=row["sha256"][:70]))
    if entity == "realisation":
        status, state = row["status"], row["review_state"]
        if status not in STATUSES:
            raise fail(tr("status '{s}' tidak dikenal").format(s=status))
        if state not in ("", *REVIEW_STATES) or bool(state) != is_realised(status):
            raise fail(
                tr("review_state '{s}' tidak sah untuk status '{status}'").format(
                    s=state, status=status
                )
            )
        if row["reviewed_at"]:
            check_stamp(row["reviewed_at"], "reviewed_at", fail)
