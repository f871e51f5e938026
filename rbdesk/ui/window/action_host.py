"""What the code of a window action gets (as Anki's operations get a parent and the collection):
the document, the view state, a parent widget for its dialogs and a notifier for its messages,
never the main window itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget

from rbdesk.ui.document import PlanDocument
from rbdesk.ui.view_state import ViewState
from rbdesk.ui.window.message_bar import Buttons


class Notifier(Protocol):
    def show_message(self, text: str, error: bool = False, actions: Buttons = ()) -> None:
        """A notice above the grid (and in the status bar), with buttons if ``actions``."""

    def show_status(self, text: str, msecs: int = 8000) -> None:
        """A passing line in the status bar."""


@dataclass(frozen=True)
class ActionHost:
    doc: PlanDocument
    state: ViewState
    parent: QWidget
    notify: Notifier
