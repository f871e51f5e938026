"""The peewee models describe exactly the tables that the frozen migrations create: same tables,
same columns in the same order, same primary keys, same NULL-ability."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from rbdesk.models.storage import migrations
from rbdesk.models.storage.schema import ALL_MODELS, BaseModel


@pytest.fixture(scope="module")
def conn() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.migrate(conn)
    yield conn
    conn.close()  # Python 3.13 warns of a connection left open (make test-windows)


def test_every_table_has_a_model(conn: sqlite3.Connection) -> None:
    tables = {
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    assert tables == {m._meta.table_name for m in ALL_MODELS}


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_model_columns_match_the_ddl(conn: sqlite3.Connection, model: type[BaseModel]) -> None:
    info = conn.execute(f"PRAGMA table_info({model._meta.table_name})").fetchall()
    # (cid, name, type, notnull, default, pk)
    assert [row[1] for row in info] == [f.column_name for f in model._meta.sorted_fields]
    assert [row[1] for row in info if row[5]] == [model._meta.primary_key.column_name]
    assert {row[1] for row in info if not row[3]} == {
        f.column_name for f in model._meta.sorted_fields if f.null
    }
