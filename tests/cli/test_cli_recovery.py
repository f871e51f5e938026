"""Reading a file a killed writer left with a hot journal, or a file of an older schema: the
read-only commands see the committed state and never change the file."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import rbdesk

from tests.killed_writer import kill_mid_commit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ok(out: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert out.returncode == 0, out.stderr
    return out


@pytest.fixture
def crashed(sample_path: Path) -> tuple[Path, str]:
    """A sample file with a hot journal beside it, and its committed dump."""
    committed = _ok(rbdesk("dump", str(sample_path))).stdout
    kill_mid_commit(sample_path)
    journal = sample_path.with_name(sample_path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    return sample_path, committed


def test_read_only_commands_see_the_committed_state_past_a_hot_journal(crashed, tmp_path) -> None:
    path, committed = crashed
    journal = path.with_name(path.name + "-journal")
    before = (_digest(path), _digest(journal))
    assert _ok(rbdesk("dump", str(path))).stdout == committed
    checked = _ok(rbdesk("check", str(path))).stdout
    assert "Integritas: ok" in checked and "penulisan yang terhenti" in checked
    _ok(rbdesk("export", str(path), str(tmp_path / "r.xlsx")))
    _ok(rbdesk("history", str(path)))
    _ok(rbdesk("backup", str(path)))
    _ok(rbdesk("copy", str(path), str(tmp_path / "salinan.rbdesk")))
    assert _ok(rbdesk("dump", str(tmp_path / "salinan.rbdesk"))).stdout == committed
    assert (_digest(path), _digest(journal)) == before  # only read


def test_merging_a_copy_with_a_hot_journal_takes_its_committed_state(crashed, tmp_path) -> None:
    theirs, committed = crashed
    mine = tmp_path / "milik.rbdesk"
    (tmp_path / "dump.json").write_text(committed, encoding="utf-8")
    _ok(rbdesk("load", str(tmp_path / "dump.json"), str(mine)))
    out = _ok(rbdesk("merge", str(mine), str(theirs)))
    assert "rusak" not in out.stdout + out.stderr
    assert "TIDAK PERNAH DISIMPAN" not in _ok(rbdesk("dump", str(mine))).stdout


@pytest.mark.parametrize("command", ["check", "dump", "export", "backup", "copy", "history"])
def test_read_only_commands_read_an_older_file(command: str, tmp_path: Path) -> None:
    old = tmp_path / "lama.rbdesk"
    shutil.copyfile(FIXTURES / "v1-sample.rbdesk", old)
    before = _digest(old)
    extra = {"export": [str(tmp_path / "r.pdf")], "copy": [str(tmp_path / "c.rbdesk")]}
    out = _ok(rbdesk(command, str(old), *extra.get(command, [])))
    if command == "dump":
        assert json.loads(out.stdout)["plans"][0]["year"] == 2023
    if command == "check":
        assert "Integritas: ok" in out.stdout and "1" in out.stdout
    assert _digest(old) == before
    assert [
        p.name for p in tmp_path.iterdir() if p.name.startswith("lama") and p.name != "lama.rbdesk"
    ] == []
