"""Where the first window goes (offscreen; tests/ui/test_window_on_x.py checks the same on a
real X server with a window manager): maximised on an office screen, sized to a larger one, and
a saved place that does not fit the screen is not used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt

from rbdesk.ui import settings
from rbdesk.ui.window import app


def fits(rect: QRect, avail: QRect) -> bool:
    """Inside ``avail``, with room left for a title bar and borders."""
    return (
        avail.contains(rect)
        and rect.width() + settings.FRAME_ROOM_X <= avail.width()
        and rect.height() + settings.FRAME_ROOM_Y <= avail.height()
    )


def test_first_start_on_an_office_screen_is_maximised_and_restores_inside(
    qtbot, sample_path: Path
) -> None:
    win = app.start(str(sample_path))  # what `rbdesk FILE` runs
    qtbot.addWidget(win)
    avail = settings.available_geometry(win)
    assert avail.width() == 1366
    assert win.windowState() & Qt.WindowState.WindowMaximized
    assert fits(win.normalGeometry(), avail)  # where "Restore" takes it
    win.close()


def test_first_start_on_a_large_screen_is_sized_inside_it(
    qtbot, sample_path: Path, monkeypatch
) -> None:
    large = QRect(0, 0, 2560, 1400)
    monkeypatch.setattr(settings, "available_geometry", lambda widget=None: large)
    win = app.start(str(sample_path))
    qtbot.addWidget(win)
    assert not win.windowState() & Qt.WindowState.WindowMaximized
    assert (win.width(), win.height()) == (1600, 950)
    assert fits(win.geometry(), large)
    win.close()
    # Full HD with a taskbar: the height follows the screen.
    short = QRect(0, 0, 1920, 1030)
    monkeypatch.setattr(settings, "available_geometry", lambda widget=None: short)
    settings.settings().remove("geometry/main")
    win = app.start(str(sample_path))
    qtbot.addWidget(win)
    assert fits(win.geometry(), short) and win.height() == 1030 - settings.FRAME_ROOM_Y
    win.close()


def test_a_saved_place_bigger_than_the_screen_or_off_it_is_not_used(
    qtbot, sample_path: Path
) -> None:
    win = app.start(str(sample_path))
    qtbot.addWidget(win)
    avail = settings.available_geometry(win)
    win.showNormal()
    for wrong in (
        QRect(0, 0, avail.width() + 600, avail.height() + 400),  # from a bigger screen
        QRect(avail.width() + 50, 40, 900, 600),  # from a monitor since unplugged
    ):
        win.setGeometry(wrong)
        saved = win.saveGeometry()
        assert not settings.saved_frame_fits(saved, avail)
    # A place that fits: inside the screen and not under the window's own minimum size.
    place = QRect(100, 80, max(1150, win.minimumSize().width()), 600)
    win.setGeometry(place)
    assert settings.saved_frame_fits(win.saveGeometry(), avail)  # a place that fits is kept

    win.setGeometry(QRect(0, 0, avail.width() + 600, avail.height() + 400))
    win.close()  # saves its place, as on quitting
    again = app.start(str(sample_path))
    qtbot.addWidget(again)
    assert again.windowState() & Qt.WindowState.WindowMaximized
    assert fits(again.normalGeometry(), avail)
    again.showNormal()
    again.setGeometry(place)
    again.close()
    third = app.start(str(sample_path))
    qtbot.addWidget(third)
    assert third.geometry() == place  # what fits is given back
    third.close()


def test_saved_frame_fits_reads_only_qt_geometry() -> None:
    avail = QRect(0, 0, 1366, 728)
    assert not settings.saved_frame_fits(b"", avail)
    assert not settings.saved_frame_fits(b"not a geometry at all, but long enough to read", avail)
