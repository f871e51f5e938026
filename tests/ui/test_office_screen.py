"""The window on the office's 1366 × 768 screen (the UI tests' offscreen screen), as it first
opens there: the Uraian readable, every month with Capaian and Verif. in view, panels that keep
their width whatever is clicked, and the Tim panel's names whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from grid_helpers import rows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rbdesk.ui import settings
from rbdesk.ui.grid.plan_columns import (
    COL_CAPAIAN,
    COL_DEC,
    COL_JAN,
    COL_TEXT,
    COL_VERIFIED,
    month_column,
)
from rbdesk.ui.grid.plan_view import TEXT_MIN_WIDTH
from rbdesk.ui.panels.roster_model import RosterTreeModel
from rbdesk.ui.roles import Role


@pytest.fixture
def office(ctx, qtbot) -> Iterator:
    """The window as the app opens it on a first start: sized by itself to the screen."""
    from rbdesk.ui.window.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    avail = settings.available_geometry(win)
    assert (avail.width(), avail.height()) == (1366, 768)
    win.setGeometry(avail)  # what a maximised window gets
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(
        lambda: not any(d.refresh_pending and d.isVisible() for d in _lazy(win)), timeout=10000
    )
    QApplication.processEvents()
    yield win
    win.close()


def _lazy(win):
    return [d for d in win.docks.values() if hasattr(d, "refresh_pending")]


def _right_edge(view, col: int) -> int:
    return view.columnViewportPosition(col) + view.columnWidth(col)


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_uraian_months_capaian_and_verif_fit_on_office_screens(office, qtbot, size):
    """1366 × 768, and 1280 × 720 (a 1920 × 1080 laptop at 150 % Windows scaling)."""
    office.setGeometry(0, 0, *size)
    qtbot.waitUntil(lambda: office.width() == size[0])
    QApplication.processEvents()
    view = office.view
    assert view.columnWidth(COL_TEXT) >= TEXT_MIN_WIDTH
    assert view.horizontalScrollBar().value() == 0
    for col in (*range(COL_JAN, COL_DEC + 1), COL_CAPAIAN, COL_VERIFIED):
        assert view.columnViewportPosition(col) >= 0
        assert _right_edge(view, col) <= view.viewport().width(), col
    # A long Uraian wraps to two lines; a short one keeps its row one line high.
    metrics = view.fontMetrics()
    heights = {}
    for index in rows(office.proxy):
        text = index.siblingAtColumn(COL_TEXT).data() or ""
        wide = metrics.horizontalAdvance(text) > view.columnWidth(COL_TEXT)
        rect = view.visualRect(index.siblingAtColumn(COL_TEXT))
        if rect.isValid() and rect.height():
            heights.setdefault(wide, rect.height())
    assert heights[True] >= 2 * metrics.lineSpacing() > heights[False]


def test_no_click_resizes_a_panel_or_moves_the_columns(office, qtbot):
    view = office.view

    def shown() -> set[int]:
        # A panel behind another's tab is moved off the window, not hidden.
        return {d.width() for d in office.docks.values() if d.isVisible() and d.x() >= 0}

    widths, central = shown(), office.centralWidget().width()
    edge = _right_edge(view, COL_VERIFIED)
    inds = office.doc.tree.indicators()
    targets = [i for i in inds if i.evidence][:2] + inds[:2] + inds[-2:]
    for name in ("evidenceDock", "monthDock", "rosterDock", "evidenceDock"):
        office.docks[name].raise_()
        for ind in targets:
            for month in (1, 6, 12):
                office.state.cellRequested.emit(ind.uuid, month)
                index = view.currentIndex()
                assert index.data(Role.INDICATOR_UUID) == ind.uuid or index.data(Role.KIND) != (
                    "indicator"
                )
                rect = view.visualRect(index.siblingAtColumn(month_column(month)))
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                QApplication.processEvents()
                assert shown() == widths, (name, ind.uuid, month)
                assert office.centralWidget().width() == central
                assert _right_edge(view, COL_VERIFIED) == edge


def test_tim_panel_shows_names_whole(office, qtbot):
    dock = office.docks["rosterDock"]
    dock.raise_()
    qtbot.waitUntil(lambda: not dock.refresh_pending)
    view, model = dock.team_view, dock.team_model
    metrics = view.fontMetrics()
    width = view.columnWidth(RosterTreeModel.COL_NAME)
    cut = []
    for index in rows(model):
        if index.data(Role.KIND) != "member":
            continue
        name = index.data()
        rect = view.visualRect(index)
        room = width - (rect.x() - view.columnViewportPosition(0)) - 8
        if metrics.horizontalAdvance(name) > room:
            cut.append(name)
            assert name in index.data(Qt.ItemDataRole.ToolTipRole)
    # The sample's names all fit, but for the odd very long one (said whole in its tooltip).
    assert len(set(cut)) <= 1, cut
