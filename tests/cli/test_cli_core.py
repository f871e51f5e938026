"""The command line through ``cli.main`` in-process: exit codes, messages, files untouched on
error."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from cli_run import rbdesk_here as rbdesk


def test_version_and_help() -> None:
    out = rbdesk("--version")
    assert out.returncode == 0 and out.stdout.startswith("rbdesk ")
    helped = rbdesk("--help")
    assert helped.returncode == 0
    for word in ("new", "dump", "load", "check", "tampilkan bantuan"):
        assert word in helped.stdout


def test_bad_usage_exits_2() -> None:
    out = rbdesk("new")
    assert out.returncode == 2
    assert "kesalahan" in out.stderr
    assert rbdesk("dump", "--tidak-ada", "x").returncode == 2


def test_new_sample_dump_load_dump_identical(tmp_path: Path) -> None:
    first = tmp_path / "a.rbdesk"
    made = rbdesk("new", str(first), "--sample")
    assert made.returncode == 0, made.stderr
    dumped = rbdesk("dump", str(first))
    assert dumped.returncode == 0
    doc = json.loads(dumped.stdout)
    assert doc["plans"][0]["year"] == 2024 and len(doc["plans"][0]["areas"]) == 8
    (tmp_path / "a.json").write_text(dumped.stdout, encoding="utf-8")
    second = tmp_path / "b.rbdesk"
    assert rbdesk("load", str(tmp_path / "a.json"), str(second)).returncode == 0
    assert rbdesk("dump", str(second)).stdout == dumped.stdout


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "ada.rbdesk"
    path.write_bytes(b"isi penting")
    out = rbdesk("new", str(path))
    assert out.returncode == 1
    assert "sudah ada" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == b"isi penting"


def test_new_empty_file_checks_ok(tmp_path: Path) -> None:
    path = tmp_path / "kosong.rbdesk"
    assert rbdesk("new", str(path)).returncode == 0
    out = rbdesk("check", str(path))
    assert out.returncode == 0
    assert "Integritas: ok" in out.stdout and "Mode jurnal: delete" in out.stdout
    assert "rencana: 0" in out.stdout


def test_check_counts_sample(tmp_path: Path) -> None:
    path = tmp_path / "c.rbdesk"
    rbdesk("new", str(path), "--sample")
    out = rbdesk("check", str(path))
    assert out.returncode == 0
    assert "indikator: 187" in out.stdout and "orang: 22" in out.stdout


def test_check_does_not_count_the_rows_of_a_deleted_plan(tmp_path: Path) -> None:
    from rbdesk.models.domain.tree import list_plans
    from rbdesk.models.edits.plan_edit import delete_plan
    from rbdesk.models.storage.store import Store

    path = tmp_path / "c.rbdesk"
    rbdesk("new", str(path), "--sample")
    with Store.open(path) as store:
        delete_plan(store, list_plans(store)[0].uuid)
    out = rbdesk("check", str(path))
    assert out.returncode == 0
    # Nothing of the deleted plan is shown anywhere, so check counts none of it either.
    assert "rencana: 0" in out.stdout and "indikator: 0" in out.stdout, out.stdout
    assert "tim: 0" in out.stdout and "bukti dukung: 0" in out.stdout
    assert "orang: 22" in out.stdout  # persons belong to the file, not to a plan


@pytest.mark.parametrize(
    "content", [b"", b"bukan basis data\n" * 50, b"PK\x03\x04 lembar kerja" + bytes(300)]
)
def test_check_and_dump_refuse_foreign_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rencana.xlsx"
    path.write_bytes(content)
    for command in ("check", "dump"):
        out = rbdesk(command, str(path))
        assert out.returncode == 1
        assert "bukan berkas rbdesk" in out.stderr
        assert "Traceback" not in out.stderr
    assert path.read_bytes() == content


def test_check_reports_damage(tmp_path: Path) -> None:
    path = tmp_path / "rusak.rbdesk"
    rbdesk("new", str(path), "--sample")
    data = bytearray(path.read_bytes())
    data[4096 * 5 : 4096 * 5 + 2000] = os.urandom(2000)
    path.write_bytes(bytes(data))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out = rbdesk("check", str(path))
    assert out.returncode == 1
    assert "rusak" in out.stderr or "rusak" in out.stdout
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    "text, words",
    [
        ("{bukan json", "JSON tidak valid di baris 1"),
        ('{"format": "lain"}', "Bukan dokumen rbdesk"),
        ("[1, 2]", "harus berupa objek"),
    ],
)
def test_load_malformed_json_creates_nothing(tmp_path: Path, text: str, words: str) -> None:
    src = tmp_path / "x.json"
    src.write_text(text, encoding="utf-8")
    target = tmp_path / "baru.rbdesk"
    out = rbdesk("load", str(src), str(target))
    assert out.returncode == 1
    assert words in out.stderr
    assert not target.exists()


def test_load_missing_json(tmp_path: Path) -> None:
    out = rbdesk("load", str(tmp_path / "hilang.json"), str(tmp_path / "b.rbdesk"))
    assert out.returncode == 1 and "tidak ditemukan" in out.stderr


def test_usage_errors_and_subcommand_help_are_indonesian(tmp_path: Path) -> None:
    out = rbdesk("dump")
    assert out.returncode == 2
    assert "pemakaian: rbdesk dump" in out.stderr
    assert "argumen berikut wajib diisi" in out.stderr
    helped = rbdesk("load", "--help")
    assert helped.returncode == 0
    assert "argumen posisi" in helped.stdout and "pilihan" in helped.stdout
    assert "show this help" not in helped.stdout and "usage:" not in helped.stdout


def test_every_subcommands_placeholders_and_a_bad_number_read_in_indonesian(tmp_path: Path) -> None:
    import re

    from rbdesk.cli import COMMAND_NAMES

    # the words a placeholder may be: Indonesian, or the same in both languages
    words = {
        "BERKAS",
        "KELUARAN",
        "MASUKAN",
        "SALINAN",
        "TAHUN",
        "BULAN",
        "CATATAN",
        "NAMA",
        "TANGGAL",
        "TEKS",
        "AREA",
        "UUID",
        "N",
        "STATUS",
        "INDIKATOR",
        "SATKER",
        "KUNCI",
        "NILAI",
        "JSON",
        "PEMETAAN",
        "WARNA",
        "TARGET",
        "SATUAN",
        "ISI",
    }
    seen = set()
    for name in sorted(COMMAND_NAMES):
        helped = rbdesk(name, "--help")
        assert helped.returncode == 0, name
        usage = helped.stdout.split("\n\n")[0]
        seen |= set(re.findall(r"\b[A-Z][A-Z_]+\b", usage)) | set(re.findall(r"\bN\b", usage))
    assert seen and seen <= words, sorted(seen - words)
    out = rbdesk("export", str(tmp_path / "a.rbdesk"), str(tmp_path / "a.pdf"), "--month", "Mei")
    assert out.returncode == 2 and "'Mei' bukan bilangan bulat" in out.stderr


def test_unexpected_error_is_one_line_and_logged(monkeypatch, capsys, isolated_env) -> None:
    from rbdesk import cli
    from rbdesk.subcommands import core

    def broken(args) -> int:
        raise RuntimeError("bug di dalam")

    monkeypatch.setattr(core, "cmd_check", broken)
    assert cli.main(["check", "apa-saja.rbdesk"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "kesalahan tak terduga" in err[0]
    assert "bug di dalam" in (isolated_env / "log" / "rbdesk.log").read_text(encoding="utf-8")


def test_dump_never_exits_0_with_evidence_missing_its_bytes(tmp_path: Path) -> None:
    import sqlite3

    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.edits import realisation
    from rbdesk.models.storage.store import Store

    path = tmp_path / "c.rbdesk"
    rbdesk("new", str(path), "--sample")
    with Store.open(path) as store:
        ind = load_plan_tree(store, list_plans(store)[0].uuid).indicators()[0].uuid
        realisation.attach_bytes(store, ind, 1, "notulen.pdf", b"%PDF isi")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DELETE FROM blob")  # as a torn copy of the file once left it
    conn.close()
    out = rbdesk("dump", str(path))
    assert out.returncode == 1 and out.stdout == ""
    assert "tidak punya isi" in out.stderr and "Traceback" not in out.stderr
