"""Copying a database file together with a hot journal, under SQLite's own file locks.

A journal is "hot" when its writer is gone (killed mid-commit): nobody holds the RESERVED lock.
SQLite rolls such a journal back on the next read, but a reader that may not write the file
(opened read-only, read-only media) cannot; rbdesk then reads a private copy of the file and the
journal, where SQLite can. That copy must not race another PC that rolls the journal back, or a
writer that starts right after: so it is taken holding the locks SQLite itself uses (the byte
ranges of its unix and Windows VFS, which are part of the file format's documented locking
protocol). Holding a shared lock keeps everyone else from the EXCLUSIVE lock that a rollback or a
commit needs; holding the RESERVED byte keeps a new writer from starting a journal.

POSIX locks belong to a process and are dropped when any descriptor of the file closes: this is
used only on a file this process has no open connection to (the opener closed its own first).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

# sqlite3.c, "locking protocol": the lock bytes live at 1 GiB, whatever the file's size.
PENDING_BYTE = 0x40000000
RESERVED_BYTE = PENDING_BYTE + 1
SHARED_FIRST = PENDING_BYTE + 2
SHARED_SIZE = 510
_RETRY_SECONDS = 0.05


class _Busy(Exception):
    """Another connection holds a lock that conflicts with ours right now."""


def _lock(fd: int, start: int, length: int) -> None:
    """A shared (POSIX) or exclusive (Windows) lock on ``length`` bytes at ``start``."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, start, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBRLCK, length)
        except OSError:
            raise _Busy from None
    else:
        import fcntl

        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, length, start, os.SEEK_SET)
        except OSError:
            raise _Busy from None


def _unlock(fd: int, start: int, length: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, start, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, length)
        else:
            import fcntl

            fcntl.lockf(fd, fcntl.LOCK_UN, length, start, os.SEEK_SET)


@contextlib.contextmanager
def _held(fd: int, start: int, length: int) -> Iterator[None]:
    _lock(fd, start, length)
    try:
        yield
    finally:
        _unlock(fd, start, length)


@contextlib.contextmanager
def _shared_and_reserved(path: Path, timeout_ms: int) -> Iterator[None]:
    """The locks of a reader that also keeps writers out, as SQLite takes a SHARED lock (through
    the PENDING byte), retried while another connection holds a conflicting one."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            try:
                with contextlib.ExitStack() as stack:
                    with _held(fd, PENDING_BYTE, 1):
                        stack.enter_context(_held(fd, SHARED_FIRST, SHARED_SIZE))
                    # A writer holding RESERVED is alive: the journal is its own, not hot.
                    stack.enter_context(_held(fd, RESERVED_BYTE, 1))
                    yield
                    return
            except _Busy:
                if time.monotonic() > deadline:
                    raise
                time.sleep(_RETRY_SECONDS)
    finally:
        os.close(fd)


def copy_with_hot_journal(
    path: Path, copy: Path, journal: Path, journal_copy: Path, timeout_ms: int
) -> bool:
    """Copy ``path`` and its ``journal`` while no other connection can roll the journal back
    or write. False when the journal is no longer there (someone rolled it back meanwhile):
    the file itself can then be read as usual."""
    try:
        with _shared_and_reserved(path, timeout_ms):
            try:
                if journal.stat().st_size == 0:
                    return False
            except FileNotFoundError:
                return False
            shutil.copyfile(path, copy)
            shutil.copyfile(journal, journal_copy)
            return True
    except _Busy:
        # Still held by a live connection after the wait: then the journal is not hot.
        return False
