"""Work that can wait until a window is on screen: run it right after the window's first paint.

Start-up builds only what the first screen shows; the side panels fill themselves a moment
later, so the user sees the window as soon as the grid is ready.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

PAINTED = "rbdeskPainted"  # dynamic property set on a top-level widget once it has painted


class _FirstPaintWaiter(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.callbacks: list[Callable[[], None]] = []
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            obj.removeEventFilter(self)
            obj.setProperty(PAINTED, True)
            # Posted now, run once this paint (and the rest of the window's) is done.
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        callbacks, self.callbacks = self.callbacks, []
        self.deleteLater()
        for callback in callbacks:
            callback()


def has_painted(window: QWidget) -> bool:
    return bool(window.property(PAINTED))


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``widget``'s window has painted; soon, if it already has."""
    window = widget.window()
    if has_painted(window):
        QTimer.singleShot(0, callback)
        return
    waiter = window.findChild(_FirstPaintWaiter)
    if waiter is None:
        waiter = _FirstPaintWaiter(window)
    waiter.callbacks.append(callback)
