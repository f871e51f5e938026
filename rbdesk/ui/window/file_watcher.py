"""Noticing other PCs: their commits (``PRAGMA data_version``) and who has the file open."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from rbdesk.models.domain import change_watch
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage import presence
from rbdesk.ui.document import PlanDocument

log = logging.getLogger("rbdesk.ui")

POLL_MS = 1500


class FileWatcher(QObject):
    """Polls the open file; emits ``othersCommitted`` when another PC changed data (not just its
    presence heartbeat) and ``presenceChanged`` with "user (PC)" labels of the others."""

    othersCommitted = Signal()
    presenceChanged = Signal(list)

    def __init__(
        self,
        doc: PlanDocument,
        parent: QObject | None = None,
        poll_ms: int = POLL_MS,
        heartbeat_ms: int = presence.HEARTBEAT_SECONDS * 1000,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self._version = doc.store.data_version()
        self._marker = change_watch.last_change_marker(doc.store)
        self._labels: list[str] = []
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.poll)
        self._beat = QTimer(self)
        self._beat.setInterval(heartbeat_ms)
        self._beat.timeout.connect(self.beat)

    def start(self) -> None:
        self.beat()
        self._poll.start()
        if not self.doc.readonly:
            self._beat.start()

    def stop(self) -> None:
        """Stop polling and remove this window's presence row (call before closing the file)."""
        self._poll.stop()
        self._beat.stop()
        presence.leave(self.doc.store)

    def poll(self) -> bool:
        """One check; True when others committed data since the last one."""
        store = self.doc.store
        try:
            version = store.data_version()
            if version == self._version:
                return False
            self._version = version
            changed = change_watch.others_changed_since(store, self._marker, store.user, store.host)
            self._marker = change_watch.last_change_marker(store)
            self._refresh_presence()
        except RbdeskError as exc:  # a share that went away: try again at the next poll
            log.warning("file watch failed: %s", exc.message)
            return False
        if changed:
            self.othersCommitted.emit()
        return changed

    def beat(self) -> None:
        presence.heartbeat(self.doc.store)
        try:
            self._refresh_presence()
        except RbdeskError as exc:
            log.warning("presence failed: %s", exc.message)

    def _refresh_presence(self) -> None:
        labels = presence.other_labels(self.doc.store)
        if labels != self._labels:
            self._labels = labels
            self.presenceChanged.emit(labels)
