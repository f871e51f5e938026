"""Every failure is one clear Indonesian line on stderr: no traceback, no English, no
"kesalahan tak terduga" for something the user did."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from cli_run import rbdesk as rbdesk_process
from cli_run import rbdesk_here as rbdesk


def one_line(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 1, (out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rbdesk: "), out.stderr
    assert "tak terduga" not in lines[0]
    return lines[0]


def test_deeply_nested_json(tmp_path: Path) -> None:
    deep = tmp_path / "dalam.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert "JSON" in one_line(rbdesk("load", str(deep), str(tmp_path / "x.rbdesk")))
    assert not (tmp_path / "x.rbdesk").exists()


@pytest.mark.parametrize("name", ["x.xlsx", "x.pdf"])
def test_export_into_a_missing_folder_or_onto_a_folder(
    sample_path: Path, tmp_path: Path, name: str
) -> None:
    assert "tidak ada" in one_line(
        rbdesk("export", str(sample_path), str(tmp_path / "tidak-ada" / name))
    )
    folder = tmp_path / name
    folder.mkdir()
    assert "folder" in one_line(rbdesk("export", str(sample_path), str(folder)))


def test_export_into_a_folder_that_cannot_be_written(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An immutable or read-only folder (root passes chmod, so the refusal is simulated)."""
    import tempfile

    from rbdesk.exports import write_pdf
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.errors import RbdeskError
    from rbdesk.models.storage.store import Store

    with Store.open(sample_path, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)

    def refuse(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(RbdeskError, match="tidak dapat ditulis"):
        write_pdf(tree, tmp_path / "r.pdf", part="plan")


def test_a_workbook_with_an_external_entity(
    sample_path: Path, tmp_path: Path, isolated_env: Path
) -> None:
    book = tmp_path / "asli.xlsx"
    assert rbdesk("export", str(sample_path), str(book)).returncode == 0
    evil = tmp_path / "xxe.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(evil, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/workbook.xml":
                text = data.decode("utf-8")
                cut = text.index("?>") + 2 if text.startswith("<?xml") else 0
                data = (
                    text[:cut]
                    + '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    + text[cut:]
                ).encode("utf-8")
            out.writestr(name, data)
    # A real process: its log file is the one a user would send.
    one_line(rbdesk_process("import", str(sample_path), str(evil)))
    # The details are not lost: they are in the log file.
    assert "xxe.xlsx" in (isolated_env / "log" / "rbdesk.log").read_text(encoding="utf-8")
