"""The first window on a real X server with a window manager (Xvfb + openbox at 1366x768), as
``rbdesk FILE`` starts it: the whole frame and the status bar are on screen, first maximised; a
double click on the title bar brings it back to a size that fits; a size bigger than the screen,
saved on quitting, is not used next time. The offscreen platform of the other tests has no
title bars, no borders and no maximising: there, this could not fail."""

from __future__ import annotations

from pathlib import Path

import pytest
import x_office  # tests/x_office.py

WIDTH, HEIGHT = 1366, 768

pytestmark = pytest.mark.skipif(
    bool(x_office.missing_tools()),
    reason="needs an X server and a window manager: "
    + ", ".join(x_office.missing_tools())
    + " not installed (Debian: xvfb openbox xdotool x11-utils; .ci/run installs them)",
)


def on_screen(frame: x_office.Frame) -> None:
    x, y, w, h = frame.outer
    assert frame.inside(WIDTH, HEIGHT), f"frame {x},{y} {w}x{h} is not inside {WIDTH}x{HEIGHT}"
    # The status bar is the bottom strip of the window's inside: on screen when the inside is.
    assert frame.y >= 0 and frame.y + frame.height <= HEIGHT


def test_first_window_fits_the_screen_maximised_restored_and_after_an_oversize_save(
    tmp_path: Path,
) -> None:
    path = x_office.sample_file(tmp_path)
    home = tmp_path / "home"  # one PC: the same settings for both starts
    with x_office.office_screen(WIDTH, HEIGHT) as display:
        app = x_office.Rbdesk(display, path, home)
        try:
            assert app.frame.maximised
            on_screen(app.frame)
            restored = app.toggle_maximised()
            assert not restored.maximised
            on_screen(restored)
            app.resize(WIDTH + 600, HEIGHT + 400)  # then saved on quitting
        finally:
            assert app.quit() == 0

        again = x_office.Rbdesk(display, path, home)
        try:
            on_screen(again.frame)
            if again.frame.maximised:
                on_screen(again.toggle_maximised())
        finally:
            assert again.quit() == 0
