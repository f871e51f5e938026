"""The side panels' dock and what their parts share; and a panel that recomputes after bursts of
edits, and only while it can be seen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Self

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from rbdesk.ui.document import PlanDocument
from rbdesk.ui.first_paint import after_first_paint
from rbdesk.ui.view_state import ViewState

REFRESH_DELAY_MS = 120


class PanelDock(QDockWidget):
    """A side panel showing ``doc``; what is chosen in it goes to the grid through ``state``."""

    def __init__(
        self, title: str, name: str, doc: PlanDocument, state: ViewState, parent: QWidget | None
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.doc = doc
        self.state = state
        self.key_views: tuple[QWidget, ...] = ()  # where the actions' keys work

    def _action(
        self,
        text: str,
        act: Callable[[Self], object],
        key: QKeySequence | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: act(self))
        if key is not None:
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for view in self.key_views:
                view.addAction(action)
        return action


def wrapped_label(parent: QWidget, name: str, rich: bool = False) -> QLabel:
    """A named label that wraps its text; ``rich``: the panel's own HTML (plan texts escaped)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
    return label


def setup_list(view: QTableView) -> None:
    """A panel's list: one whole row chosen at a time, read, not edited, in compact rows."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab goes on to the panel's next part
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)


def button_grid(parent: QWidget, actions: Sequence[QAction], tips: bool = False) -> QGridLayout:
    """A push button for each action, following its enabled state (with its tooltip if
    ``tips``). Two buttons a row: the panel stays usable when narrowed on a 1366-pixel screen."""
    grid = QGridLayout()
    for i, action in enumerate(actions):
        button = QPushButton(action.text(), parent)
        if tips:
            button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        button.setEnabled(action.isEnabled())
        grid.addWidget(button, i // 2, i % 2)
    return grid


class LazyRefreshDock(PanelDock):
    """Recomputed after the plan's edits and reloads. Subclasses define ``refresh`` and call
    ``begin_refresh()`` at its start."""

    def __init__(
        self, title: str, name: str, doc: PlanDocument, state: ViewState, parent: QWidget | None
    ) -> None:
        super().__init__(title, name, doc, state, parent)
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        doc.treeReloaded.connect(self.schedule_refresh)
        doc.edited.connect(self.schedule_refresh)

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
