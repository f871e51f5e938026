"""A full disk: the write is rolled back, the file stays intact, and the user reads "Disk penuh".

The disk is made "full" for one process with a file-size limit (``ulimit -f``, RLIMIT_FSIZE, with
SIGXFSZ ignored so that writes fail instead of killing it): SQLite then sees a short write and
reports SQLITE_FULL exactly as on a full disk. Works unprivileged on Linux and macOS.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

resource = pytest.importorskip("resource", reason="file-size limits need POSIX resource limits")
signal = pytest.importorskip("signal")
pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGXFSZ"), reason="needs SIGXFSZ to turn the size limit into a write error"
)

MARGIN = 16 * 1024


def _limited(path: Path):
    """preexec_fn: files may grow only a little beyond ``path``'s current size."""
    limit = path.stat().st_size + MARGIN

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _run(args: list[str], limit_from: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        preexec_fn=_limited(limit_from),
    )


def _dump(path: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "rbdesk", "dump", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return hashlib.sha256(out.stdout.encode()).hexdigest()


def _disk_full_line(out: subprocess.CompletedProcess[str]) -> None:
    assert out.returncode == 1, (out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "disk penuh" in lines[0].lower(), out.stderr


ATTACH = """
import sys
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.errors import DiskFullError
from rbdesk.models.storage.store import Store
store = Store.open(sys.argv[1])
ind = next(iter(load_plan_tree(store, list_plans(store)[0].uuid).indicators())).uuid
try:
    realisation.attach_bytes(store, ind, 1, "pindaian.pdf", bytes(range(256)) * 8192)
except DiskFullError as exc:
    print("DISK_FULL", exc.message)
"""


def test_the_python_api_raises_disk_full(sample_path: Path) -> None:
    before = _dump(sample_path)
    out = _run([sys.executable, "-c", ATTACH, str(sample_path)], sample_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("DISK_FULL") and "disk penuh" in out.stdout.lower(), (
        out.stdout,
        out.stderr,
    )
    assert _dump(sample_path) == before


def _succeeds(*args: str) -> None:
    """This Python runs ``args`` with no limit on the disk, and they succeed."""
    assert subprocess.run([sys.executable, *args], capture_output=True, timeout=120).returncode == 0


def test_merge_and_import_say_disk_full(sample_path: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "salinan.rbdesk"
    _succeeds("-m", "rbdesk", "copy", str(sample_path), str(theirs))
    _succeeds("-c", ATTACH.replace("except DiskFullError", "except ZeroDivisionError"), str(theirs))
    book = tmp_path / "rencana.xlsx"
    _succeeds("-m", "rbdesk", "export", str(theirs), str(book))
    before = _dump(sample_path)
    _disk_full_line(
        _run([sys.executable, "-m", "rbdesk", "merge", str(sample_path), str(theirs)], sample_path)
    )
    _disk_full_line(
        _run([sys.executable, "-m", "rbdesk", "import", str(sample_path), str(book)], sample_path)
    )
    assert _dump(sample_path) == before


def test_a_really_full_filesystem_says_disk_full(sample_path: Path, tmp_path: Path) -> None:
    """The same on a small real filesystem (ENOSPC, SQLITE_FULL), where the machine allows
    mounting one (root with mount rights, as in CI)."""
    import shutil

    mnt = tmp_path / "kecil"
    mnt.mkdir()
    kib = sample_path.stat().st_size // 1024 + 48
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(mnt)],
        capture_output=True,
        timeout=30,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        path = mnt / sample_path.name
        shutil.copyfile(sample_path, path)
        before = _dump(path)
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        out = subprocess.run(
            [sys.executable, "-c", ATTACH, str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
        )
        assert out.stdout.startswith("DISK_FULL Disk penuh"), (out.stdout, out.stderr)
        assert _dump(path) == before
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True, timeout=30)


@pytest.mark.parametrize("command", ["export-xlsx", "export-pdf", "load", "new"])
def test_outputs_and_new_files_say_disk_full_and_where(
    command: str, sample_path: Path, tmp_path: Path
) -> None:
    """A full disk while writing an export, or a file made by load/new: "disk penuh", the name
    the user asked for and its folder; never a hidden temporary name or SQLite's "cannot
    rollback" (issue 18 item 11). Nothing is left behind."""
    out_dir = tmp_path / "keluaran"
    out_dir.mkdir()
    dump = tmp_path / "isi.json"
    dump.write_text(
        subprocess.run(
            [sys.executable, "-m", "rbdesk", "dump", str(sample_path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        ).stdout,
        encoding="utf-8",
    )
    target = {
        "export-xlsx": "rencana.xlsx",
        "export-pdf": "rencana.pdf",
        "load": "baru.rbdesk",
        "new": "contoh.rbdesk",
    }[command]
    argv = {
        "export-xlsx": ["export", str(sample_path), str(out_dir / target)],
        "export-pdf": ["export", str(sample_path), str(out_dir / target), "--part", "plan"],
        "load": ["load", str(dump), str(out_dir / target)],
        "new": ["new", "--sample", str(out_dir / target)],
    }[command]
    small = tmp_path / "batas"
    small.write_bytes(bytes(4096))  # the limit: a little more than 4 KiB per file
    out = _run([sys.executable, "-m", "rbdesk", *argv], small)
    _disk_full_line(out)
    assert target in out.stderr and str(out_dir) in out.stderr, out.stderr
    assert ".rbdesk-" not in out.stderr and "rollback" not in out.stderr.lower()
    assert "tak terduga" not in out.stderr
    assert list(out_dir.iterdir()) == []
