"""The floor for start-up: a bare PySide6 main window, timed like ``rbdesk FILE``.

Run as a script by ``bench/run.py``; prints the same line as ``RBDESK_REPORT_SHOWN=1`` once the
window has been exposed, then quits. Imports nothing from rbdesk, so it costs only the
interpreter and Qt.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

LINE = "RBDESK-SHOWN"


class _Probe(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.window = window
        self.done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt API
        handle = self.window.windowHandle()
        if (
            not self.done
            and event.type() == QEvent.Type.Expose
            and obj is handle
            and handle.isExposed()
        ):
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(LINE, flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("rbdesk")
    window.resize(1280, 720)
    probe = _Probe(window)
    app.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
