"""The notice strip above the grid."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from rbdesk.i18n import tr

# A notice that only informs goes after this; a warning, or one with buttons, stays.
INFORM_MS = 15000
# A notice's buttons: caption and what a click does.
Buttons = Sequence[tuple[str, Callable[[], object]]]


class MessageBar(QFrame):
    """A notice above the grid (conflicts, refused edits) that never blocks work. It takes the
    place of the mode hint while shown, so the grid below never moves. A notice belongs to its
    moment: the window dismisses it on the next successful edit and on a change of plan, and one
    that only informs goes by itself after ``INFORM_MS``."""

    shown = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(tr("Tutup pesan"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        layout.addWidget(self.label, 1)
        self._buttons = QHBoxLayout()
        layout.addLayout(self._buttons)
        layout.addWidget(close)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(INFORM_MS)
        self.timer.timeout.connect(self.dismiss)
        self.hide()

    def show_text(self, text: str, error: bool = False, actions: Buttons = ()) -> None:
        """``actions``: buttons after the text, e.g. "Buka berkas" after an export."""
        while self._buttons.count():
            item = self._buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for caption, slot in actions:
            button = QToolButton(self)
            button.setText(caption)
            button.clicked.connect(lambda _c=False, s=slot: s())
            self._buttons.addWidget(button)
        color = (
            "#fde2df; border:1px solid #b3261e" if error else "#fff4cc; border:1px solid #d39e00"
        )
        self.setStyleSheet(f"#messageBar {{ background:{color}; }}")
        self.label.setText(("⚠ " if error else "ℹ ") + text)
        self.label.setToolTip(text)
        self.show()
        self.shown.emit()
        if error or actions:
            self.timer.stop()
        else:
            self.timer.start()

    def dismiss(self) -> None:
        self.timer.stop()
        if self.isHidden():
            return
        self.hide()
        self.dismissed.emit()
