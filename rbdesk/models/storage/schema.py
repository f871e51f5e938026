"""Peewee models of the rbdesk file. The DDL they map to lives, frozen, in ``migrations``."""

from __future__ import annotations

import json
from typing import Any, Self

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    Expression,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelSelect,
    TextField,
)

from rbdesk.i18n import tr
from rbdesk.models.errors import NotFoundError
from rbdesk.models.text import clean_text

# Never initialised: the models are bound to a file only inside ``Store.read()`` /
# ``Store.write()``; a query anywhere else fails with "Cannot use uninitialized Proxy".
unbound = DatabaseProxy()

TEAM_KINDS = ("pengarah", "pelaksana", "area", "agen")


class CleanText(TextField):
    """Text stored without control characters, whichever way it comes in (edits, load, merge,
    import): see ``models.text``."""

    def db_value(self, value: Any) -> Any:
        return super().db_value(clean_text(value) if isinstance(value, str) else value)


class CleanChar(CharField):
    def db_value(self, value: Any) -> Any:
        return super().db_value(clean_text(value) if isinstance(value, str) else value)


class JSONField(TextField):
    def db_value(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value: str | None) -> Any:
        return json.loads(value) if value else None


class BaseModel(Model):
    class Meta:
        database = unbound
        legacy_table_names = False


class Row(BaseModel):
    """Every shared row: stable identity, last writer, optimistic-lock version, tombstone."""

    # The same primary key peewee would add by itself, declared so type checkers know ``id``.
    id = AutoField()
    uuid = CleanChar(unique=True)
    updated_at = CleanChar()
    updated_by = CleanChar()
    version = IntegerField(default=1)
    deleted = BooleanField(default=False)

    # Live rows are the ones not tombstoned: every read of what the user sees goes through these
    # three, so that "deleted" is spelled out once.

    @classmethod
    def is_live(cls) -> Expression:
        """The condition "not deleted", for a where clause that says more or spans a join."""
        return cls.deleted == False  # noqa: E712 - peewee builds SQL from ==, `is` would not

    @classmethod
    def live(cls, *fields: Any) -> ModelSelect[Self]:
        """``select(*fields)`` of the live rows only."""
        return cls.select(*fields).where(cls.is_live())

    @classmethod
    def live_by_uuid(cls, uuid: str, gone: str | None = None) -> Self:
        """The live row with this uuid; NotFoundError (``gone``, or a general message) when it
        was deleted, by someone else most likely, or never existed."""
        row = cls.get_or_none((cls.uuid == uuid) & cls.is_live())
        if row is None:
            raise NotFoundError(gone or tr("Data ini sudah dihapus atau tidak ada lagi."))
        return row


class Person(Row):
    name = CleanChar()
    position = CleanChar(default="")
    unit = CleanChar(default="")
    nip = CleanChar(default="")
    # May review realised months (recorded, not enforced: rbdesk has no passwords).
    reviewer = BooleanField(default=False)


class Plan(Row):
    unit = CleanChar()
    year = IntegerField()
    title = CleanText(default="")
    decree = JSONField(default=dict)
    settings = JSONField(default=dict)
    # The plan's own names of its four levels, or [] for the defaults: see
    # models.domain.indicator_fields.level_names.
    level_names = JSONField(default=list)


# Each foreign key ``x`` also gives its row an ``x_id`` attribute holding the raw id (peewee's
# ObjectIdAccessor). The bare ``x_id: int`` annotations below only tell type checkers so; they
# create nothing at run time and add no column.


class Area(Row):
    plan = ForeignKeyField(Plan, backref="areas", on_delete="CASCADE")
    plan_id: int
    seq = IntegerField()
    label = CleanChar(default="")
    name = CleanText()


class Activity(Row):
    area = ForeignKeyField(Area, backref="activities", on_delete="CASCADE")
    area_id: int
    seq = IntegerField()
    label = CleanChar(default="")
    name = CleanText()


class SubActivity(Row):
    activity = ForeignKeyField(Activity, backref="sub_activities", on_delete="CASCADE")
    activity_id: int
    seq = IntegerField()
    label = CleanChar(default="")
    name = CleanText(default="")


class Indicator(Row):
    sub_activity = ForeignKeyField(SubActivity, backref="indicators", on_delete="CASCADE")
    sub_activity_id: int
    seq = IntegerField()
    label = CleanChar(default="")
    text = CleanText(default="")
    planned = IntegerField(default=0)  # bitmask, see models.domain.months
    note = CleanText(default="")
    target = CleanChar(default="")  # as written: "100", "12", "Tersedia"
    target_unit = CleanChar(default="")  # satuan: "%", "dokumen"
    responsible = CleanChar(default="")  # penanggung jawab, as written
    # The uuid of the roster person or team ``responsible`` names, "" when it names none.
    responsible_uuid = CleanChar(default="")
    # Further columns the user chose to keep: an ordered list of [name, value] pairs.
    extra_columns = JSONField(default=list)


class Realisation(Row):
    indicator = ForeignKeyField(Indicator, backref="realisations", on_delete="CASCADE")
    indicator_id: int
    month = IntegerField()
    status = CleanChar(default="belum")
    note = CleanText(default="")
    # Evidence review, see models.domain.progress.REVIEW_STATES; "" while nothing is realised.
    review_state = CleanChar(default="")
    reviewed_by = CleanChar(default="")  # the reviewer's name as recorded
    reviewed_at = CleanChar(default="")  # ISO 8601 UTC, like updated_at
    review_note = CleanText(default="")

    class Meta:
        indexes = ((("indicator", "month"), True),)


class Blob(BaseModel):
    sha256 = CleanChar(primary_key=True)
    size = IntegerField()
    data = BlobField()


class Evidence(Row):
    indicator = ForeignKeyField(Indicator, backref="evidence", on_delete="CASCADE")
    indicator_id: int
    month = IntegerField()
    filename = CleanChar()
    mime = CleanChar(default="application/octet-stream")
    size = IntegerField()
    sha256 = CleanChar(index=True)
    note = CleanText(default="")


class Team(Row):
    plan = ForeignKeyField(Plan, backref="teams", on_delete="CASCADE")
    plan_id: int
    seq = IntegerField()
    kind = CleanChar()
    label = CleanChar(default="")
    name = CleanText()
    area = ForeignKeyField(Area, null=True, backref="teams", on_delete="SET NULL")
    area_id: int | None
    duties = JSONField(default=list)


class Membership(Row):
    team = ForeignKeyField(Team, backref="members", on_delete="CASCADE")
    team_id: int
    person = ForeignKeyField(Person, backref="memberships", on_delete="CASCADE")
    person_id: int
    seq = IntegerField()
    role = CleanChar(default="Anggota")
    position = CleanChar(default="")


class ChangeLog(BaseModel):
    id = AutoField()  # as peewee would add it; declared for type checkers
    at = CleanChar()
    user = CleanChar()
    host = CleanChar()
    plan_uuid = CleanChar(null=True)
    entity = CleanChar()
    row_uuid = CleanChar()
    action = CleanChar()
    field = CleanChar(default="")
    old = CleanText(null=True)
    new = CleanText(null=True)

    class Meta:
        table_name = "change_log"


class Meta(BaseModel):
    key = CleanChar(primary_key=True)
    value = CleanText()

    class Meta:
        table_name = "meta"


class Presence(BaseModel):
    session = CleanChar(primary_key=True)
    user = CleanChar()
    host = CleanChar()
    opened_at = CleanChar()
    heartbeat_at = CleanChar()


ROW_MODELS: tuple[type[Row], ...] = (
    Person,
    Plan,
    Area,
    Activity,
    SubActivity,
    Indicator,
    Realisation,
    Evidence,
    Team,
    Membership,
)
ALL_MODELS: tuple[type[BaseModel], ...] = (*ROW_MODELS, Blob, ChangeLog, Meta, Presence)
