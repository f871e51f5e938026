"""Progress reporting with cancellation; outputs are written all at once (``atomic_output``)."""

from __future__ import annotations

from collections.abc import Callable

from rbdesk.i18n import tr
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage.output_files import atomic_output, shareable

__all__ = ["Cancelled", "Progress", "ProgressFn", "atomic_output", "shareable"]

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
