"""A side panel that recomputes after bursts of edits, and only while it can be seen."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QWidget

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start(0)
