"""Issue 20's items 3 (the keyboard) and 7 (the cramped office screen) on a real X server with a
window manager (Xvfb + openbox, tests/x_office.py), not only offscreen as test_keyboard.py and
test_office_screen.py check them: the window the app's start-up code opens (maximised, with
openbox's frame) checked with keys and clicks sent through the X server by xdotool; and the
merge dialog, the print preview and the import assistant opened there by their actions (frame
and buttons on screen, Tab to the buttons, Escape). The checks run in a child
(tests/x_window_checks.py) on the xcb platform, one start per screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import x_office  # tests/x_office.py

pytestmark = pytest.mark.skipif(
    bool(x_office.missing_tools()),
    reason="needs an X server and a window manager: "
    + ", ".join(x_office.missing_tools())
    + " not installed (Debian: xvfb openbox xdotool x11-utils; .ci/run installs them)",
)

CHILD = Path(__file__).resolve().parents[1] / "x_window_checks.py"


def run_checks(tmp_path: Path, width: int, height: int, *flags: str) -> str:
    path = x_office.sample_file(tmp_path)
    shots = Path(os.environ.get("RBDESK_X_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    with x_office.office_screen(width, height) as display:
        env = x_office.app_env(display, tmp_path / "home")
        done = subprocess.run(
            [sys.executable, str(CHILD), str(path), str(shots), *flags],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-4000:]
    print(out)
    return done.stdout


def passed(out: str) -> int:
    return sum(line.startswith("ok ") for line in out.splitlines())


def test_keyboard_cramped_screen_and_dialogs_at_1366x768(tmp_path: Path) -> None:
    out = run_checks(tmp_path, 1366, 768, "--keyboard", "--dialogs")
    assert passed(out) == 10, out  # three of the screen, four of the keyboard, three dialogs


def test_cramped_screen_and_dialogs_at_1280x720(tmp_path: Path) -> None:
    """A 1920 x 1080 laptop at 150 % Windows scaling."""
    out = run_checks(tmp_path, 1280, 720, "--dialogs")
    assert passed(out) == 6, out  # three of the screen, three dialogs
