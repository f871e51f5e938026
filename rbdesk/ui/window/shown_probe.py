"""``RBDESK_REPORT_SHOWN=1``: print one line and quit once the main window is on screen.

Used by ``make bench`` to time start-up from process start, as a user sees it: the spawning
process waits for the line. The line is printed after the event that exposed the main window
has been handled, so its first paint is done. Imports nothing but Qt.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow

ENV = "RBDESK_REPORT_SHOWN"
LINE = "RBDESK-SHOWN"


class _ShownProbe(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt API
        if (
            not self._done
            and event.type() == QEvent.Type.Expose
            and isinstance(obj, QWindow)
            and obj.isExposed()
            and _is_main_window(obj)
        ):
            self._done = True
            QTimer.singleShot(0, _report)
        return False


def _is_main_window(window: QWindow) -> bool:
    return any(
        isinstance(w, QMainWindow) and w.windowHandle() is window
        for w in QApplication.topLevelWidgets()
    )


def _report() -> None:
    print(LINE, flush=True)
    sys.stdout.flush()
    QCoreApplication.quit()


def install_if_requested(app: QCoreApplication) -> None:
    """Watch for the main window's first exposure when the environment asks for it."""
    if os.environ.get(ENV):
        app.installEventFilter(_ShownProbe(app))
