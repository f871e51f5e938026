"""Writing an output file (export, history workbook, copy) without ever harming another file.

Every output is written to a temporary file beside it and renamed over the destination only
when complete, so a crash or a full disk leaves the earlier file as it was. An output that is the
database being read (the same file, also through a link, or its journal) is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.errors import DiskFullError, RbdeskError

TEMP_PREFIX = ".rbdesk-"
# A temporary file this old next to an output was left by a killed writer: no export runs
# this long, so the next write of that output removes it.
STALE_SECONDS = 60 * 60


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether two paths name one file: the same path, a symbolic or a hard link."""
    a, b = Path(a), Path(b)
    try:
        return os.path.samefile(a, b)
    except ValueError:  # a NUL byte: no file has such a name
        return False
    except OSError:  # one of them does not exist (yet): compare where they point
        try:
            return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())
        except (OSError, RuntimeError, ValueError):
            return False


def refuse_overwriting(out: Path | str, *databases: Path | str) -> None:
    """Raise when ``out`` is one of ``databases`` (or its rollback journal)."""
    out = Path(out)
    for db in databases:
        db = Path(db)
        if same_file(out, db) or same_file(out, db.with_name(db.name + "-journal")):
            raise RbdeskError(
                tr(
                    "{name} adalah berkas rbdesk yang sedang dibaca; hasil tidak "
                    "boleh menimpanya. Pilih nama lain."
                ).format(name=out.name)
            )


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


# Backups and private temporary copies on a PC several people log in to: only their owner may
# read them (a plan's evidence may hold personal data). Windows folders are private per user.
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private(path: Path, *, folder: bool = False) -> None:
    """Readable by the owner only, where the OS lets a mode say so."""
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_FOLDER if folder else PRIVATE_FILE)


def private_folder(path: Path) -> Path:
    """``path`` created if missing, and made the owner's only."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    make_private(path, folder=True)
    return path


# What the OS says when a disk, a quota or a file-size limit leaves no room.
DISK_FULL_ERRNOS = frozenset(
    filter(None, (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", None)))
)
# mkstemp adds 8 characters, temp_name_beside 12 hex digits: ".rbdesk-<stem>-<random><suffix>"
_TEMP_NAME = re.compile(
    r"^" + re.escape(TEMP_PREFIX) + r"(?P<stem>.*)-[A-Za-z0-9_]{8,12}"
    r"(?P<suffix>\.[^.]*)?$"
)


def output_name(path: Path | str) -> Path:
    """The name a user asked for, also for the hidden temporary file it is written under: an
    error names what the user knows, never ``.rbdesk-x-3f9a....rbdesk``."""
    path = Path(path)
    match = _TEMP_NAME.match(path.name)
    if match is None:
        return path
    return path.with_name(match["stem"] + (match["suffix"] or ""))


def disk_full(path: Path | str) -> DiskFullError:
    """ "Disk penuh", naming the file asked for and the folder whose disk is full."""
    out = output_name(Path(os.path.abspath(path)))
    return DiskFullError(
        tr(
            "Disk penuh: {name} tidak dapat ditulis ke folder {folder}. "
            "Kosongkan sebagian disk atau pilih tempat lain; tidak ada berkas "
            "yang diubah."
        ).format(name=out.name, folder=out.parent)
    )


def _temp_prefix(out: Path) -> str:
    return f"{TEMP_PREFIX}{out.stem}-"


def remove_stale_temps(out: Path) -> None:
    """Remove what a killed writer of ``out`` left beside it (old enough to be nobody's now):
    its temporary file, and that file's rollback journal when it was a database."""
    cutoff = time.time() - STALE_SECONDS
    pattern = f"{glob_escape(_temp_prefix(out))}*{glob_escape(out.suffix)}"
    with contextlib.suppress(OSError):
        for leftover in [*out.parent.glob(pattern), *out.parent.glob(pattern + "-journal")]:
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def temp_name_beside(out: Path) -> Path:
    """A fresh hidden name next to ``out`` (not created), for writers that create it
    themselves; the next write of ``out`` clears it if a killed writer left it."""
    return out.with_name(f"{_temp_prefix(out)}{uuid.uuid4().hex[:12]}{out.suffix}")


def publish_new(tmp: Path, out: Path, *, private: bool = False) -> None:
    """Give the finished ``tmp`` its final name ``out``, never replacing a file already there."""
    if not private:
        shareable(tmp)
    try:
        try:
            os.link(tmp, out)  # fails if ``out`` exists: no check-then-replace race
        except FileExistsError:
            raise RbdeskError(
                tr("Berkas {name} sudah ada; tidak ditimpa.").format(name=out.name)
            ) from None
        except OSError:  # a filesystem without hard links (FAT, some shares)
            if out.exists():
                raise RbdeskError(
                    tr("Berkas {name} sudah ada; tidak ditimpa.").format(name=out.name)
                ) from None
            os.replace(tmp, out)
    except OSError as exc:
        raise _os_message(exc, out) from None
    finally:
        tmp.unlink(missing_ok=True)


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in text)


def _os_message(exc: OSError, out: Path) -> RbdeskError:
    if isinstance(exc, IsADirectoryError) or out.is_dir():
        return RbdeskError(tr("{name} adalah folder; pilih nama berkas.").format(name=out.name))
    if isinstance(exc, PermissionError):
        return RbdeskError(
            tr(
                "Berkas {name} tidak dapat ditulis (tidak ada izin, atau sedang "
                "dibuka di program lain)."
            ).format(name=out.name)
        )
    return RbdeskError(
        tr("Tidak dapat menulis {name}: {err}").format(name=out.name, err=exc.strerror or exc)
    )


def check_target(out: Path | str, *protect: Path | str) -> Path:
    """Refuse, before any work, an output that could not be written where asked."""
    out = Path(out)
    refuse_overwriting(out, *protect)
    if not out.parent.is_dir():
        raise RbdeskError(tr("Folder {folder} tidak ada.").format(folder=out.parent))
    if out.is_dir():
        raise RbdeskError(tr("{name} adalah folder; pilih nama berkas.").format(name=out.name))
    return out


@contextlib.contextmanager
def atomic_output(
    out: Path | str,
    *,
    protect: tuple[Path | str, ...] = (),
    overwrite: bool = True,
    private: bool = False,
) -> Iterator[Path]:
    """Yield a temporary path next to ``out``; it replaces ``out`` only if the body succeeds.

    ``protect`` names files the output must never be (the database being read); with
    ``overwrite=False`` an existing ``out`` is refused, also one that appeared meanwhile.
    ``private`` keeps the finished file readable by its owner only (a backup).
    """
    out = check_target(out, *protect)
    remove_stale_temps(out)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(out), suffix=out.suffix, dir=out.parent)
    except OSError as exc:
        raise _os_message(exc, out) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
        except OSError as exc:
            if exc.errno in DISK_FULL_ERRNOS:
                raise disk_full(out) from exc
            raise
        if private:
            make_private(tmp)  # a body that replaced the file (sqlite) may have reset its mode
        if not overwrite:
            publish_new(tmp, out, private=private)
            return
        if not private:
            shareable(tmp)
        try:
            os.replace(tmp, out)
        except OSError as exc:
            raise _os_message(exc, out) from None
    finally:
        tmp.unlink(missing_ok=True)
        journal_of(tmp).unlink(missing_ok=True)
