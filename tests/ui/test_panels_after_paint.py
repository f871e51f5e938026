"""The Tim and Bulan ini panels are filled after the window's first paint, not while it is built."""

from __future__ import annotations


def test_panels_fill_after_the_first_paint(ctx, qtbot):
    from rbdesk.ui.first_paint import has_painted
    from rbdesk.ui.window.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    roster, month = win.docks["rosterDock"], win.docks["monthDock"]
    assert roster.refresh_pending and month.refresh_pending
    assert roster.team_model.rowCount() == 0 and not month.summary.text()
    assert win.model.rowCount() == 8  # the grid is there from the start
    win.show()
    qtbot.waitUntil(lambda: not month.refresh_pending)
    assert has_painted(win) and "bulan berjalan" in month.summary.text()
    roster.raise_()
    qtbot.waitUntil(lambda: not roster.refresh_pending)
    assert roster.team_model.rowCount() > 0 and roster.persons
    win.close()
