"""Fixtures shared by every test: an isolated data folder, a fixed user, sample files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups, logs and the default plan go to a temp folder, never the developer's own."""
    data = tmp_path_factory.mktemp("rbdesk-data")
    monkeypatch.setenv("RBDESK_DATA_DIR", str(data))
    monkeypatch.setenv("RBDESK_USER", "penguji")
    return data


@pytest.fixture(autouse=True)
def children_import_this_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Child processes (CLI runs, reliability writers, bench scripts) import the rbdesk under
    test, not whichever checkout an editable install in the virtualenv points to."""
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    )


@pytest.fixture(scope="session")
def sample_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2024 sample built once per test session (by the same user and in the same isolated
    data folder as every test); ``sample_path`` hands each test its own copy."""
    from rbdesk.models.interchange.load import create_file

    path = tmp_path_factory.mktemp("sample") / "contoh.rbdesk"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("RBDESK_DATA_DIR", str(tmp_path_factory.mktemp("sample-data")))
        env.setenv("RBDESK_USER", "penguji")
        create_file(path, sample=True).close()
    return path


@pytest.fixture
def sample_path(tmp_path: Path, sample_master: Path) -> Path:
    path = tmp_path / "contoh.rbdesk"
    shutil.copyfile(sample_master, path)
    return path


@pytest.fixture
def sample_copy(tmp_path: Path, sample_path: Path) -> Path:
    """salinan.rbdesk: a copy of sample_path, as a colleague took it before either was edited."""
    path = tmp_path / "salinan.rbdesk"
    shutil.copyfile(sample_path, path)
    return path


@pytest.fixture
def sample_store(sample_path: Path) -> Iterator:
    from rbdesk.models.storage.store import Store

    store = Store.open(sample_path)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator:
    from rbdesk.models.storage.store import Store

    store = Store.create(tmp_path / "kosong.rbdesk")
    yield store
    store.close()


@pytest.fixture
def rename_team():  # returns the helper below
    """Rename one team of a file's first plan by a Data SK save (KESATU follows), as ``user``:
    ``rename_team(path, user, label, name)``."""

    def rename(path: Path, user: str, label: str, name: str) -> None:
        from rbdesk.models.domain.tree import list_plans, load_plan_tree
        from rbdesk.models.edits.decree_edit import DecreeEdits, RowEdit, save_decree_edits
        from rbdesk.models.storage.store import Store

        with Store.open(path, user=user) as store:
            tree = load_plan_tree(store, list_plans(store)[0].uuid)
            team = next(t for t in tree.teams if t.label == label)
            save_decree_edits(
                store,
                DecreeEdits(
                    tree.uuid, None, teams=(RowEdit(team.uuid, team.version, {"name": name}),)
                ),
            )

    return rename


@pytest.fixture
def newer_sample_path(sample_path: Path) -> Path:
    """The sample as a newer rbdesk left it: a schema version this program does not know."""
    import sqlite3

    from rbdesk.models.storage import migrations

    conn = sqlite3.connect(sample_path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return sample_path


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under wine (`make test-windows`), the tests wine cannot run are skipped with their reason
    (tests/wine_skips.py)."""
    if not os.environ.get("RBDESK_UNDER_WINE"):
        return
    from wine_skips import reason_under_wine

    for item in items:
        reason = reason_under_wine(item.nodeid)
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"under wine: {reason}"))
