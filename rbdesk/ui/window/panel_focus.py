"""Moving the keyboard between the window's regions: the top (search and filters, the plan
chooser), the grid, and each side panel — Bulan ini, Bukti dukung, Tim — into their contents.

Tab and Shift+Tab walk every focusable widget of every region in that order, panels that sit as
a tab behind another included (the panel is brought forward as the focus enters it); F6 and
Shift+F6 jump from region to region. A panel's shortcut (Alt+1…) brings it forward and puts the
focus in it; it never hides a panel."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

# The order of the panels, after the grid.
PANEL_ORDER = ("monthDock", "evidenceDock", "rosterDock")


class PanelFocus:
    def __init__(
        self,
        window: QMainWindow,
        top: Iterable[QWidget],
        grid: Callable[[], QWidget],
        docks: dict[str, QDockWidget],
    ) -> None:
        self.window = window
        self.top = list(top)
        self.grid = grid  # the grid shown: months or quarters
        self.docks: dict[str, QDockWidget] = docks

    # -- the regions ---------------------------------------------------------------------------

    def _open_docks(self) -> list[QDockWidget]:
        """The panels not closed by the user (a tab behind another counts as open)."""
        return [
            self.docks[name]
            for name in PANEL_ORDER
            if name in self.docks and self.docks[name].toggleViewAction().isChecked()
        ]

    def regions(self) -> list[list[QWidget]]:
        chain = self._chain()
        regions = [
            [w for w in chain if any(_inside(w, t) for t in self.top) and w.isVisible()],
            [self.grid()],
        ]
        for dock in self._open_docks():
            body = dock.widget()
            regions.append([w for w in chain if _inside(w, body) and w.isVisibleTo(body)])
        return [r for r in regions if r]

    def _chain(self) -> list[QWidget]:
        """The window's focusable widgets in its own tab order."""
        out: list[QWidget] = []
        w = self.window.nextInFocusChain()
        while w is not None and w is not self.window and len(out) < 2000:
            if (
                w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.isEnabled()
                and w.focusProxy() is None
            ):
                out.append(w)
            w = w.nextInFocusChain()
        return out

    def _where(self, regions: list[list[QWidget]]) -> tuple[int, int]:
        """The region and place of the focus widget (or of the widget it lies inside)."""
        focus = self.window.focusWidget()
        if focus is None:
            return -1, -1
        for r, widgets in enumerate(regions):
            for i, w in enumerate(widgets):
                if _inside(focus, w):
                    return r, i
        for r, widgets in enumerate(regions):
            if any(_inside(focus, _region_root(w)) for w in widgets[:1]):
                return r, 0
        return -1, -1

    # -- moving --------------------------------------------------------------------------------

    def tab(self, forward: bool) -> bool:
        """Tab / Shift+Tab: the next widget, across regions."""
        regions = self.regions()
        flat = [w for widgets in regions for w in widgets]
        if not flat:
            return False
        r, i = self._where(regions)
        at = sum(len(widgets) for widgets in regions[:r]) + i if r >= 0 else -int(forward)
        target = flat[(at + (1 if forward else -1)) % len(flat)]
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        self._focus(target, reason)
        return True

    def region(self, forward: bool) -> None:
        """F6 / Shift+F6: the first widget of the next (previous) region."""
        regions = self.regions()
        if not regions:
            return
        r, _i = self._where(regions)
        if r < 0:
            r = len(regions) - 1 if forward else 0
        target = regions[(r + (1 if forward else -1)) % len(regions)][0]
        self._focus(target, Qt.FocusReason.OtherFocusReason)

    def show_panel(self, name: str) -> None:
        """A panel's shortcut: open it, bring it forward, and put the focus in it."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        body = dock.widget()
        widgets = [w for w in self._chain() if _inside(w, body) and w.isVisibleTo(body)]
        proxy = dock.focusProxy()
        target = proxy if proxy is not None and proxy in widgets else (widgets or [dock])[0]
        self._focus(target, Qt.FocusReason.ShortcutFocusReason)

    def _focus(self, widget: QWidget, reason: Qt.FocusReason) -> None:
        for dock in self.docks.values():
            if _inside(widget, dock):
                # A panel behind another's tab is "visible" to Qt, only moved out of sight:
                # bring it forward, or the focus would be on something nobody sees.
                dock.raise_()
        widget.setFocus(reason)


def _region_root(widget: QWidget) -> QWidget:
    """The dock a panel widget lies in, else the widget."""
    w: QWidget | None = widget
    while w is not None and not isinstance(w, QDockWidget):
        w = w.parentWidget()
    return w or widget


def _inside(widget: QWidget, ancestor: QWidget | None) -> bool:
    return ancestor is not None and (widget is ancestor or ancestor.isAncestorOf(widget))
