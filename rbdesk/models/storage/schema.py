"""Peewee models of the rbdesk file. The DDL they map to lives, frozen, in ``migrations``."""

from __future__ import annotations

import json
from typing import Any

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

# Never initialised: the models are bound to a file only inside ``Store.read()`` /
# ``Store.write()``; a query anywhere else fails with "Cannot use uninitialized Proxy".
unbound = DatabaseProxy()

TEAM_KINDS = ("pengarah", "pelaksana", "area", "agen")


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
    uuid = CharField(unique=True)
    updated_at = CharField()
    updated_by = CharField()
    version = IntegerField(default=1)
    deleted = BooleanField(default=False)


class Person(Row):
    name = CharField()
    position = CharField(default="")
    unit = CharField(default="")
    nip = CharField(default="")


class Plan(Row):
    unit = CharField()
    year = IntegerField()
    title = TextField(default="")
    decree = JSONField(default=dict)
    settings = JSONField(default=dict)


# Each foreign key ``x`` also gives its row an ``x_id`` attribute holding the raw id (peewee's
# ObjectIdAccessor). The bare ``x_id: int`` annotations below only tell type checkers so; they
# create nothing at run time and add no column.


class Area(Row):
    plan = ForeignKeyField(Plan, backref="areas", on_delete="CASCADE")
    plan_id: int
    seq = IntegerField()
    label = CharField(default="")
    name = TextField()


class Activity(Row):
    area = ForeignKeyField(Area, backref="activities", on_delete="CASCADE")
    area_id: int
    seq = IntegerField()
    label = CharField(default="")
    name = TextField()


class SubActivity(Row):
    activity = ForeignKeyField(Activity, backref="sub_activities", on_delete="CASCADE")
    activity_id: int
    seq = IntegerField()
    label = CharField(default="")
    name = TextField(default="")


class Indicator(Row):
    sub_activity = ForeignKeyField(SubActivity, backref="indicators", on_delete="CASCADE")
    sub_activity_id: int
    seq = IntegerField()
    label = CharField(default="")
    text = TextField(default="")
    planned = IntegerField(default=0)  # bitmask, see models.domain.months
    note = TextField(default="")


class Realisation(Row):
    indicator = ForeignKeyField(Indicator, backref="realisations", on_delete="CASCADE")
    indicator_id: int
    month = IntegerField()
    status = CharField(default="belum")
    note = TextField(default="")

    class Meta:
        indexes = ((("indicator", "month"), True),)


class Blob(BaseModel):
    sha256 = CharField(primary_key=True)
    size = IntegerField()
    data = BlobField()


class Evidence(Row):
    indicator = ForeignKeyField(Indicator, backref="evidence", on_delete="CASCADE")
    indicator_id: int
    month = IntegerField()
    filename = CharField()
    mime = CharField(default="application/octet-stream")
    size = IntegerField()
    sha256 = CharField(index=True)
    note = TextField(default="")


class Team(Row):
    plan = ForeignKeyField(Plan, backref="teams", on_delete="CASCADE")
    plan_id: int
    seq = IntegerField()
    kind = CharField()
    label = CharField(default="")
    name = TextField()
    area = ForeignKeyField(Area, null=True, backref="teams", on_delete="SET NULL")
    area_id: int | None
    duties = JSONField(default=list)


class Membership(Row):
    team = ForeignKeyField(Team, backref="members", on_delete="CASCADE")
    team_id: int
    person = ForeignKeyField(Person, backref="memberships", on_delete="CASCADE")
    person_id: int
    seq = IntegerField()
    role = CharField(default="Anggota")
    position = CharField(default="")


class ChangeLog(BaseModel):
    id = AutoField()  # as peewee would add it; declared for type checkers
    at = CharField()
    user = CharField()
    host = CharField()
    plan_uuid = CharField(null=True)
    entity = CharField()
    row_uuid = CharField()
    action = CharField()
    field = CharField(default="")
    old = TextField(null=True)
    new = TextField(null=True)

    class Meta:
        table_name = "change_log"


class Meta(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "meta"


class Presence(BaseModel):
    session = CharField(primary_key=True)
    user = CharField()
    host = CharField()
    opened_at = CharField()
    heartbeat_at = CharField()


ROW_MODELS: tuple[type[Row], ...] = (
    Person, Plan, Area, Activity, SubActivity, Indicator, Realisation, Evidence, Team, Membership,
)
ALL_MODELS: tuple[type[BaseModel], ...] = (*ROW_MODELS, Blob, ChangeLog, Meta, Presence)

