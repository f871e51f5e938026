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
        try:
            os.replace(tmp, out)
        except PermissionError:
            raise RbdeskError(tr("Berkas {name} tidak dapat ditulis (mungkin sedang dibuka di "
                                 "program lain).").format(name=out.name)) from None
    finally:
        tmp.unlink(missing_ok=True)
