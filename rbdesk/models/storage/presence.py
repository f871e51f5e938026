"""Who else has the shared file open: a heartbeat row per window session.

Each open window writes its row every ``HEARTBEAT_SECONDS`` in its own tiny transaction; rows whose
heartbeat is older than ``STALE_SECONDS`` are not shown (a crashed PC expires by itself) and rows a
day old are removed. Times are UTC text as everywhere in the file; PCs whose clocks differ by more
than ``STALE_SECONDS`` would not see each other, so the window is generous.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rbdesk.i18n import tr
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import Presence
from rbdesk.models.storage.store import Store

HEARTBEAT_SECONDS = 5
STALE_SECONDS = 60
PURGE_SECONDS = 24 * 3600


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Session:
    session: str
    user: str
    host: str
    opened_at: str
    heartbeat_at: str

    @property
    def label(self) -> str:
        return tr("{user} ({host})").format(user=self.user, host=self.host)


def heartbeat(store: Store, now: dt.datetime | None = None) -> bool:
    """Write this session's heartbeat; False when the file is read-only or busy (try later)."""
    if store.readonly:
        return False
    moment = now or _now()
    stamp = _iso(moment)
    try:
        with store.write(patient=False):
            updated = (
                Presence.update(heartbeat_at=stamp, user=store.user, host=store.host)
                .where(Presence.session == store.session)
                .execute()
            )
            if not updated:
                Presence.insert(
                    session=store.session,
                    user=store.user,
                    host=store.host,
                    opened_at=stamp,
                    heartbeat_at=stamp,
                ).execute()
            purge_before = _iso(moment - dt.timedelta(seconds=PURGE_SECONDS))
            Presence.delete().where(Presence.heartbeat_at < purge_before).execute()
    except RbdeskError:
        return False
    return True


def leave(store: Store) -> None:
    """Remove this session's row (on close); silently skipped when the file cannot be written."""
    if store.readonly or store.db.is_closed():
        return
    try:
        with store.write():
            Presence.delete().where(Presence.session == store.session).execute()
    except RbdeskError:
        pass


def others(
    store: Store, now: dt.datetime | None = None, stale_seconds: int = STALE_SECONDS
) -> list[Session]:
    """Other sessions with a fresh heartbeat, oldest first."""
    fresh = _iso((now or _now()) - dt.timedelta(seconds=stale_seconds))
    with store.read():
        rows = as_tuples(
            Presence.select(
                Presence.session,
                Presence.user,
                Presence.host,
                Presence.opened_at,
                Presence.heartbeat_at,
            )
            .where((Presence.session != store.session) & (Presence.heartbeat_at >= fresh))
            .order_by(Presence.opened_at, Presence.session)
        )
        return [Session(*r) for r in rows]


def other_labels(store: Store) -> list[str]:
    """Distinct "user (PC)" labels for the status bar."""
    seen: list[str] = []
    for s in others(store):
        if s.label not in seen:
            seen.append(s.label)
    return seen
