"""rbdesk sk through ``cli.main`` in-process: showing the decree, setting fields, refusing bad
input, and the PDF following the change."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cli_run import rbdesk_here as rbdesk
from pypdf import PdfReader


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sk_shows_the_decree(sample_path: Path) -> None:
    out = rbdesk("sk", str(sample_path))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "number: 1a" in lines
    assert lines[0] == "status: ditandatangani (nomor dan tanggal terisi)"
    assert "date: 2024-01-02" in lines
    assert "signatory_name: DEKY BALLO" in lines
    assert any(line.startswith("  KESATU: Membentuk") for line in lines)
    assert "      3. Tim Agen Perubahan." in lines


def test_sk_set_fields_and_the_pdf_follows(sample_path: Path, tmp_path: Path) -> None:
    out = rbdesk(
        "sk",
        str(sample_path),
        "--set",
        "number=027/HK.03-Kpt/5371/2024",
        "--set",
        "date=5 Februari 2024",
        "--set",
        "certifier_nip=19800101 200501 2 003",
        "--set",
        "paraf=Sekretaris; Kasubbag Hukum dan SDM",
        "--show",
    )
    assert out.returncode == 0, out.stderr
    assert "date: 2024-02-05" in out.stdout.splitlines()
    assert "paraf: Sekretaris; Kasubbag Hukum dan SDM" in out.stdout.splitlines()
    pdf = tmp_path / "sk.pdf"
    assert rbdesk("export", str(sample_path), str(pdf), "--part", "sk").returncode == 0
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "027/HK.03-Kpt/5371/2024" in text
    assert "5 Februari 2024" in text
    assert "NIP. 19800101 200501 2 003" in text
    history = rbdesk("history", str(sample_path))
    changed = history.stdout.splitlines()[0]
    assert "penguji" in changed and "diubah" in changed and "Sekretaris" in changed


def test_sk_refuses_a_non_date_and_changes_nothing(sample_path: Path) -> None:
    before = _digest(sample_path)
    out = rbdesk("sk", str(sample_path), "--set", "number=2", "--set", "date=kemarin sore")
    assert out.returncode == 1
    assert "bukan tanggal" in out.stderr and "Tidak ada yang diubah" in out.stderr
    assert _digest(sample_path) == before


def test_sk_set_to_the_value_it_has_says_nothing_changed(sample_path: Path) -> None:
    before = _digest(sample_path)
    out = rbdesk("sk", str(sample_path), "--set", "date=2 Januari 2024", "--set", "number=1a")
    assert out.returncode == 0, out.stderr
    assert "SK tidak berubah" in out.stdout and "diperbarui" not in out.stdout
    assert _digest(sample_path) == before
    out = rbdesk("sk", str(sample_path), "--set", "date=3 Jan 2024")
    assert "SK diperbarui: date" in out.stdout


def test_sk_refuses_unknown_keys_and_bad_assignments(sample_path: Path) -> None:
    before = _digest(sample_path)
    out = rbdesk("sk", str(sample_path), "--set", "nomor=2")
    assert out.returncode == 1 and "tidak dikenal" in out.stderr
    out = rbdesk("sk", str(sample_path), "--set", "number")
    assert out.returncode == 1 and "KUNCI=NILAI" in out.stderr
    assert _digest(sample_path) == before


def test_a_dated_decree_without_its_number_is_a_draft(sample_path: Path, tmp_path: Path) -> None:
    """Signed means number AND date (models.domain.signing): the window used to call a dated
    decree signed while the PDF printed KONSEP on it."""
    out = rbdesk("sk", str(sample_path), "--set", "number=", "--show")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[1].startswith("status: KONSEP") and "date: 2024-01-02" in lines
    pdf = tmp_path / "konsep.pdf"
    assert rbdesk("export", str(sample_path), str(pdf), "--part", "plan").returncode == 0
    assert all("KONSEP" in page.extract_text() for page in PdfReader(pdf).pages)
    assert rbdesk("sk", str(sample_path), "--set", "number=1a").returncode == 0
    assert rbdesk("sk", str(sample_path)).stdout.startswith("status: ditandatangani")
    signed = tmp_path / "ttd.pdf"
    assert rbdesk("export", str(sample_path), str(signed), "--part", "plan").returncode == 0
    assert not any("KONSEP" in page.extract_text() for page in PdfReader(signed).pages)


def test_sk_date_outside_the_decree_year_is_refused_unless_confirmed(sample_path: Path) -> None:
    """ "2 Januari 2025" on the 2024 SK: nobody at a terminal to ask, so refused and nothing
    changed; --yes keeps it; the same date with the decree's year changed too is no surprise."""
    before = _digest(sample_path)
    out = rbdesk("sk", str(sample_path), "--set", "date=2 Januari 2025")
    assert out.returncode == 1
    assert "tidak jatuh pada tahun SK itu (2024)" in out.stderr
    assert "--yes" in out.stderr and "Tidak ada yang diubah" in out.stderr
    assert _digest(sample_path) == before
    # the year alone changed: the date kept (2 Januari 2024) is now outside it
    out = rbdesk("sk", str(sample_path), "--set", "year=2025")
    assert out.returncode == 1 and "(2025)" in out.stderr
    assert _digest(sample_path) == before
    out = rbdesk("sk", str(sample_path), "--set", "year=2025", "--set", "date=2 Januari 2025")
    assert out.returncode == 0, out.stderr
    out = rbdesk("sk", str(sample_path), "--set", "date=30 Desember 2024", "--yes")
    assert out.returncode == 0, out.stderr
    assert "date: 2024-12-30" in rbdesk("sk", str(sample_path)).stdout.splitlines()


def test_sk_asks_at_a_terminal(sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rbdesk.cli import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    before = _digest(sample_path)
    monkeypatch.setattr("sys.stdin", Terminal("t\n"))
    assert main(["sk", str(sample_path), "--set", "date=2 Januari 2025"]) == 1
    assert _digest(sample_path) == before
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert main(["sk", str(sample_path), "--set", "date=2 Januari 2025"]) == 0
    assert "date: 2025-01-02" in rbdesk("sk", str(sample_path)).stdout.splitlines()
