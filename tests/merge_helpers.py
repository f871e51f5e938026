"""What the merge tests share: the copy they start from, a PC clock set wrong, and a file opened
with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rbdesk.models.interchange.load import create_file
from rbdesk.models.storage.store import Store


def skewed(minutes: int) -> Callable[[], str]:
    """A PC clock that is ``minutes`` ahead (negative: behind) of the true time."""

    def clock() -> str:
        moment = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    return clock


@contextmanager
def opened(path: Path, user: str = "penguji", skew: int = 0) -> Iterator[Store]:
    """The file opened by ``user`` on a PC whose clock is ``skew`` minutes off."""
    store = Store.open(path, user=user)
    store.clock = skewed(skew)
    try:
        yield store
    finally:
        store.close()


def sample_base(folder: Path) -> Path:
    """The sample plan as "induk" created it: the file the copies of a merge test come from."""
    path = folder / "induk.rbdesk"
    create_file(path, sample=True, user="induk").close()
    return path
