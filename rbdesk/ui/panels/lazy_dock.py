"""A side panel that recomputes after bursts of edits, and only while it can be seen."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QWidget

from rbdesk.ui.first_paint import after_first_paint

REFRESH_DELAY_MS = 120


class LazyRefreshDock(QDockWidget):
    """Subclasses define ``refresh`` and call ``begin_refresh()`` at its start."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        self.begin_refresh()

    def begin_refresh(self) -> None:
        self._timer.stop()
        self._dirty = False

    def schedule_refresh(self) -> None:
        """Edits arrive in bursts; recompute once, and only while the panel can be seen."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    @property
    def refresh_pending(self) -> bool:
        """Whether the panel still shows older data than the plan (or none yet)."""
        return self._dirty

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            # At start-up this waits for the window's first paint: the grid comes first.
            after_first_paint(self, self._refresh_if_dirty)

    def _refresh_if_dirty(self) -> None:
        if self._dirty:
            self.refresh()
