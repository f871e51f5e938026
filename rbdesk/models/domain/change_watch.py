"""Noticing others' commits in the change log: what the window polls, without the history reader.

Kept apart from ``history`` so that opening the window does not load the change-log browser
(and the merge snapshot tables it labels rows with).
"""

from __future__ import annotations

from peewee import fn

from rbdesk.models.storage.schema import ChangeLog
from rbdesk.models.storage.store import Store


def last_change_marker(store: Store) -> int:
    """Grows with every logged change; lets a watcher tell edits from presence heartbeats."""
    with store.read():
        return int(ChangeLog.select(fn.MAX(ChangeLog.id)).scalar() or 0)


def others_changed_since(store: Store, marker: int, user: str, host: str) -> bool:
    """Whether someone other than ``user`` on ``host`` logged a change after ``marker``."""
    with store.read():
        return (
            ChangeLog.select(ChangeLog.id)
            .where((ChangeLog.id > marker) & ~((ChangeLog.user == user) & (ChangeLog.host == host)))
            .exists()
        )
