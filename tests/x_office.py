"""An office screen on a real X server: Xvfb at 1366x768 (or 1280x720) with the openbox window
manager, the real program started on it as ``rbdesk FILE`` (``python -m rbdesk``), and the frame
the window manager gave its window read back with xwininfo and xprop. Used by
tests/ui/test_window_on_x.py, tests/ui/test_window_checks_on_x.py (which runs
tests/x_window_checks.py there), packaging/windows/wine.py's check of the installed Windows
program (``office_screen`` only) and, as a script, by ``make screenshots-x``:

    python tests/x_office.py docs    # photographs the window at 1366x768 and 1280x720

The offscreen platform of the other tests has no window manager: no title bar, no borders, no
maximising, so a window bigger than the screen goes unnoticed there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop")
T = TypeVar("T")
CAPTURE = "import"  # imagemagick, for the pictures only
TODAY = "2024-06-14"  # as `make screenshots`
WAIT_S = 90.0  # the program's start on a busy CI machine; a failure, never a hang


class XError(RuntimeError):
    pass


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _x(display: str, *args: str) -> str:
    return subprocess.run(
        args,
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    ).stdout


def _wait(what: str, test: Callable[[], T], timeout: float = WAIT_S) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = test()
        if value:
            return value
        time.sleep(0.2)
    raise XError(f"{what}: not within {timeout:.0f} s")


@contextmanager
def office_screen(width: int = 1366, height: int = 768) -> Iterator[str]:
    """Xvfb with openbox running on it; yields DISPLAY."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24"]
        + ["-nolisten", "tcp"],
        pass_fds=(write,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    deadline = time.monotonic() + 60
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    if not number.strip():
        xvfb.kill()
        raise XError("Xvfb did not start")
    display = f":{number.decode().strip()}"
    wm_log = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, after openbox
    wm: subprocess.Popen[bytes] | None = None
    try:
        # openbox manages windows once it has announced itself on the root window. Once it
        # failed to within 90 s on a loaded machine, for no reason it logged: it gets three
        # tries of 30 s, and its log is in the error.
        for _attempt in range(3):
            wm = subprocess.Popen(
                ["openbox"],
                env={**os.environ, "DISPLAY": display},
                stdin=subprocess.DEVNULL,
                stdout=wm_log,
                stderr=wm_log,
            )
            try:
                _wait(
                    "openbox",
                    lambda: (
                        "window id" in _x(display, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
                    ),
                    timeout=WAIT_S / 3,
                )
                break
            except XError:
                _stop(wm)
        else:
            wm_log.seek(0)
            raise XError(f"openbox did not start: {wm_log.read().decode(errors='replace')}")
        yield display
    finally:
        for proc in (wm, xvfb):
            if proc is not None:
                _stop(proc)
        wm_log.close()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)


@dataclass(frozen=True)
class Frame:
    """A top-level window as the X server has it: its inside (client) and its frame."""

    x: int
    y: int
    width: int
    height: int
    left: int  # the window manager's borders and title bar (_NET_FRAME_EXTENTS)
    right: int
    top: int
    bottom: int
    maximised: bool

    @property
    def outer(self) -> tuple[int, int, int, int]:
        """x, y, width, height of the whole frame."""
        return (
            self.x - self.left,
            self.y - self.top,
            self.width + self.left + self.right,
            self.height + self.top + self.bottom,
        )

    def inside(self, width: int, height: int) -> bool:
        x, y, w, h = self.outer
        return x >= 0 and y >= 0 and x + w <= width and y + h <= height


def read_frame(display: str, wid: str) -> Frame | None:
    """The window's frame, or None when there is no such window (any more)."""
    info = _x(display, "xwininfo", "-id", wid)
    numbers = {
        key: int(value)
        for key, value in re.findall(
            r"^\s*(Absolute upper-left [XY]|Width|Height):\s+(-?\d+)", info, re.M
        )
    }
    if len(numbers) < 4:
        return None
    extents = _x(display, "xprop", "-id", wid, "_NET_FRAME_EXTENTS", "_NET_WM_STATE")
    found = re.search(r"_NET_FRAME_EXTENTS\(CARDINAL\) = (\d+), (\d+), (\d+), (\d+)", extents)
    left, right, top, bottom = (int(n) for n in found.groups()) if found else (0, 0, 0, 0)
    return Frame(
        numbers["Absolute upper-left X"],
        numbers["Absolute upper-left Y"],
        numbers["Width"],
        numbers["Height"],
        left,
        right,
        top,
        bottom,
        "_NET_WM_STATE_MAXIMIZED_HORZ" in extents and "_NET_WM_STATE_MAXIMIZED_VERT" in extents,
    )


def app_env(display: str, home: Path) -> dict[str, str]:
    """The environment of a program of this checkout on ``display`` (the xcb platform), with its
    own settings and data folders under ``home`` (so a first start is a first start), the
    user's name already given, and today fixed."""
    config = home / "config" / "rbdesk"
    config.mkdir(parents=True, exist_ok=True)
    ini = config / "rbdesk.ini"
    if not ini.exists():
        ini.write_text("[user]\nname=Penguji\n", encoding="utf-8")
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(home / "config"),
        "RBDESK_DATA_DIR": str(home / "data"),
        "RBDESK_TODAY": TODAY,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    for key in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS", "RBDESK_SMOKE"):
        env.pop(key, None)
    return env


class Rbdesk:
    """``python -m rbdesk FILE`` on ``display``, with its own settings and data folders (so a
    first start is a first start), the user's name already given, and today fixed."""

    def __init__(self, display: str, path: Path, home: Path) -> None:
        self.display, self.path, self.home = display, path, home
        env = app_env(display, home)
        # A pipe nobody reads could stall the program; closed by quit() or kill().
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "rbdesk", str(path)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=self.log,
        )
        try:
            self.wid = _wait("the rbdesk window", self._find)
            self.frame = self.settled()
        except BaseException:
            self.kill()
            raise

    def _find(self) -> str:
        if self.proc.poll() is not None:
            self.log.seek(0)
            err = self.log.read().decode(errors="replace")
            self.log.close()
            raise XError(f"rbdesk exited with {self.proc.returncode}: {err[-2000:]}")
        ids = _x(self.display, "xdotool", "search", "--onlyvisible", "--name", r"— rbdesk$")
        return ids.split()[0] if ids.split() else ""

    def frame_now(self) -> Frame | None:
        """The window's frame now. Qt may replace a top-level's X window while it is being
        placed: a window gone is looked up again by its title (None until it is back)."""
        frame = read_frame(self.display, self.wid)
        if frame is None:
            self.wid = self._find() or self.wid
        return frame

    def settled(self) -> Frame:
        """The frame once the window manager is done with it (the same twice, 0.5 s apart)."""
        last: list[Frame] = []

        def same() -> Frame | None:
            frame = self.frame_now()
            if frame is None:
                return None
            last.append(frame)
            time.sleep(0.5)
            again = self.frame_now()
            return again if again == frame else None

        frame = _wait("a settled window", same)
        assert frame is not None  # _wait returns only a true value
        return frame

    def toggle_maximised(self) -> Frame:
        """A double click on the title bar, as a user un-maximises (openbox's default)."""
        x, y, w, _h = self.frame.outer
        before = self.frame
        _x(
            self.display,
            "xdotool",
            "mousemove",
            str(x + w // 2),
            str(y + max(2, self.frame.top // 2)),
        )
        _x(self.display, "xdotool", "click", "--repeat", "2", "--delay", "80", "1")
        _wait("the window manager's answer", lambda: self.frame_now() not in (None, before))
        self.frame = self.settled()
        return self.frame

    def resize(self, width: int, height: int) -> Frame:
        _x(self.display, "xdotool", "windowsize", self.wid, str(width), str(height))
        _wait(
            "the new size",
            lambda: (now := self.frame_now()) is not None and now.width != self.frame.width,
        )
        self.frame = self.settled()
        return self.frame

    def capture(self, dest: Path) -> None:
        """The whole screen, as the user sees it."""
        time.sleep(1.0)  # the side panels fill themselves after the first paint
        subprocess.run(
            [CAPTURE, "-window", "root", str(dest)],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            timeout=60,
        )

    def quit(self) -> int:
        """Ctrl+Q, as a user closes it (the window saves its place), then its exit status."""
        _x(self.display, "xdotool", "windowactivate", "--sync", self.wid)
        # Pressed through XTEST into the active window, as a keyboard does. "key --window"
        # sends a synthetic event whose Ctrl was sometimes lost: a "q" typed into the search
        # field instead, and the program left running.
        _x(self.display, "xdotool", "key", "--clearmodifiers", "ctrl+q")
        try:
            return self.proc.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            self.kill()
            raise XError("rbdesk did not quit on Ctrl+Q") from None
        finally:
            self.log.close()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self.log.close()


def sample_file(folder: Path) -> Path:
    """The 2024 sample, made by this checkout's command line."""
    path = folder / "contoh.rbdesk"
    subprocess.run(
        [sys.executable, "-m", "rbdesk", "new", "--sample", str(path)],
        env={
            **os.environ,
            "RBDESK_DATA_DIR": str(folder / "data"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        },
        check=True,
        capture_output=True,
        timeout=120,
    )
    return path


def screenshots(dest: Path) -> list[Path]:
    """The real window, first start, at 1366x768 and 1280x720: docs/jendela-x-WxH.png."""
    made = []
    with tempfile.TemporaryDirectory(prefix="rbdesk-x-") as tmp:
        path = sample_file(Path(tmp))
        for width, height in ((1366, 768), (1280, 720)):
            home = Path(tmp) / f"home-{width}"
            with office_screen(width, height) as display:
                app = Rbdesk(display, path, home)
                try:
                    out = dest / f"jendela-x-{width}x{height}.png"
                    app.capture(out)
                    made.append(out)
                    print(f"{out}: frame {app.frame.outer} on {width}x{height}")
                finally:
                    app.quit()
    return made


if __name__ == "__main__":
    lacking = missing_tools() + ([CAPTURE] if shutil.which(CAPTURE) is None else [])
    if lacking:
        sys.exit(f"needs {', '.join(lacking)} (Debian: xvfb openbox xdotool x11-utils imagemagick)")
    screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
