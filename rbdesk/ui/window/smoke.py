"""Smoke mode (``RBDESK_SMOKE=1``): start, show the window on FILE, report, close, exit.

For checking an installation or a build without anyone at the screen: the frozen program in
``make dist-check`` and the Windows build job, or an IT person after installing on a PC
(``set RBDESK_SMOKE=1`` then ``rbdesk.exe FILE``). The user's name is not asked (the login name
is used and not saved). Once the main window is shown and its plan view holds rows, one line -
"rbdesk smoke: ok ..." - goes to the log file and to stderr (when there is one), the window closes
and the exit status is 0. Any dialog that would wait for someone (an error, a question) is a
failure: its text is reported the same way, it is dismissed, and the exit status is 1.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QMainWindow, QMessageBox

ENV_SMOKE = "RBDESK_SMOKE"
POLL_MS = 100
DEADLINE_S = 120.0  # a window that never shows rows fails rather than hanging the check

log = logging.getLogger("rbdesk.ui")


def enabled() -> bool:
    return os.environ.get(ENV_SMOKE, "").strip() not in ("", "0")


def _say(text: str) -> None:
    log.info("%s", text)
    if sys.stderr is not None:  # a windowed program on Windows has no stderr
        try:
            print(text, file=sys.stderr, flush=True)
        except UnicodeEncodeError:  # a console code page without the title's characters
            print(text.encode("ascii", "replace").decode(), file=sys.stderr, flush=True)


def _rows(win: QMainWindow) -> int:
    views = [
        v for v in win.findChildren(QAbstractItemView) if v.isVisible() and v.model() is not None
    ]
    return max((v.model().rowCount() for v in views), default=0)


class SmokeRun(QObject):
    """Watches the application from a timer, which also runs inside any modal dialog."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.failures: list[str] = []
        self.window: QMainWindow | None = None
        self.started = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def close_when_shown(self, window: QMainWindow) -> None:
        self.window = window

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            text = modal.text() if isinstance(modal, QMessageBox) else modal.windowTitle()
            self.failures.append(text)
            _say(f"rbdesk smoke: FAILED: a dialog waited for the user: {text}")
            modal.reject()
            return
        win = self.window
        rows = _rows(win) if win is not None and win.isVisible() else 0
        if rows == 0:
            if time.monotonic() - self.started > DEADLINE_S:
                self._finish(1, f"no window with a plan after {DEADLINE_S:.0f} s")
            return
        assert win is not None
        status = 1 if self.failures else 0
        self._finish(status, f"window shown ({win.windowTitle()}), {rows} rows")

    def _finish(self, status: int, what: str) -> None:
        self.timer.stop()
        _say(f"rbdesk smoke: {'ok' if status == 0 else 'FAILED'}: {what}")
        for widget in QApplication.topLevelWidgets():
            widget.close()
        self.app.exit(status)
