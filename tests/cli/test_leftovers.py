"""A job killed half-way leaves no final file that looks complete, and what it left behind
(hidden, beside the output) is cleared by the next run of that job."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import rbdesk_here as rbdesk

from rbdesk.models.storage.output_files import STALE_SECONDS


def killed_during(target: str, *args: str) -> None:
    """Run ``rbdesk ARGS`` in a process that dies (as if killed) when ``target`` is called."""
    script = (
        f"import os, sys, importlib\n"
        f"mod, _, fn = {target!r}.rpartition('.')\n"
        f"module = importlib.import_module(mod)\n"
        f"setattr(module, fn, lambda *a, **k: os._exit(9))\n"
        f"from rbdesk.cli import main\n"
        f"sys.exit(main(sys.argv[1:]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, timeout=120)
    assert out.returncode == 9, out.stderr


def _others(folder: Path, *keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p not in keep)


def _age(folder: Path) -> None:
    """Make whatever a killed job left look as old as a leftover from yesterday."""
    old = time.time() - STALE_SECONDS - 60
    for p in folder.iterdir():
        os.utime(p, (old, old))


@pytest.fixture
def dump_json(sample_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "sumber" / "dump.json"
    path.parent.mkdir()
    path.write_text(rbdesk("dump", str(sample_path)).stdout, encoding="utf-8")
    return path


def test_a_killed_load_leaves_no_file_and_can_simply_be_run_again(
    dump_json: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "keluar"
    folder.mkdir()
    out = folder / "dimuat.rbdesk"
    killed_during("rbdesk.models.interchange.load._insert", "load", str(dump_json), str(out))
    assert not out.exists()
    assert all(name.startswith(".") for name in _others(folder))  # hidden, if anything
    _age(folder)
    done = rbdesk("load", str(dump_json), str(out))
    assert done.returncode == 0, done.stderr
    assert _others(folder) == ["dimuat.rbdesk"]
    assert json.loads(rbdesk("dump", str(out)).stdout) == json.loads(dump_json.read_text())


@pytest.mark.parametrize("job", ["copy", "restore", "export"])
def test_killed_copies_restores_and_exports_are_cleared_by_the_next_run(
    job: str, sample_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "keluar"
    folder.mkdir()
    if job == "copy":
        out = folder / "salinan.rbdesk"
        args = ["copy", str(sample_path), str(out)]
    elif job == "restore":
        assert rbdesk("backup", str(sample_path)).returncode == 0
        out = folder / "pulih.rbdesk"
        args = ["backup", str(sample_path), "--restore", "1", str(out)]
    else:
        out = folder / "rencana.pdf"
        args = ["export", str(sample_path), str(out), "--part", "plan"]
    # Killed just before the finished file would take its name (a new file is published with
    # a hard link so that it never replaces one; an export replaces the earlier one).
    killed_during("os.link" if job == "restore" else "os.replace", *args)
    assert not out.exists()
    assert all(name.startswith(".") for name in _others(folder))
    fresh = _others(folder)
    _age(folder)
    done = rbdesk(*args)
    assert done.returncode == 0, done.stderr
    assert _others(folder) == [out.name], fresh
