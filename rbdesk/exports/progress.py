"""Progress reporting with cancellation, and writing an output file all at once."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.errors import RbdeskError

ProgressFn = Callable[[int, int], bool] | None


class Cancelled(RbdeskError):
    """The user cancelled a long export or import; nothing was written."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or tr("Dibatalkan oleh pengguna; tidak ada berkas yang ditulis."))


class Progress:
    """Reports ``done`` of ``total`` (fixed at 1000 units) and raises Cancelled on False."""

    TOTAL = 1000

    def __init__(self, callback: ProgressFn) -> None:
        self.callback = callback
        self.done = -1

    def fraction(self, value: float) -> None:
        if self.callback is None:
            return
        done = max(0, min(self.TOTAL, int(value * self.TOTAL)))
        if done == self.done:
            return
        self.done = done
        if self.callback(done, self.TOTAL) is False:
            raise Cancelled()

    def finish(self) -> None:
        self.fraction(1.0)


def _umask() -> int:
    """The process umask; read from /proc where possible (os.umask alone can only set it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def shareable(path: Path) -> None:
    """Give a finished file the mode a plain ``open()`` would have (0o666 less the umask).

    mkstemp creates files readable only by their owner; an export put on a shared folder must
    open for colleagues as any other file there. On Windows chmod only touches the read-only flag.
    """
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~_umask())


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``out``; it replaces ``out`` only if the body succeeds."""
    out = Path(out)
    if not out.parent.exists():
        raise RbdeskError(tr("Folder {folder} tidak ada.").format(folder=out.parent))
    fd, tmp_name = tempfile.mkstemp(prefix=".rbdesk-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        shareable(tmp)
        try:
            os.replace(tmp, out)
        except PermissionError:
            raise RbdeskError(tr("Berkas {name} tidak dapat ditulis (mungkin sedang dibuka di "
                                 "program lain).").format(name=out.name)) from None
    finally:
        tmp.unlink(missing_ok=True)
