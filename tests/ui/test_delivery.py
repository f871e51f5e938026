"""What the delivered program adds to the window: the About box's locations, the cloud-folder
warning (once per file), portable settings, and smoke mode (RBDESK_SMOKE=1) run as a process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rbdesk import __version__


def test_about_says_version_build_and_where_everything_lives(window, isolated_env) -> None:
    from rbdesk.ui import settings
    from rbdesk.ui.window import help_actions

    text = help_actions.about_text(window.doc)
    assert f"rbdesk {__version__}, dijalankan dari kode sumber" in text
    assert f"Data: {isolated_env}\n" in text
    assert f"Cadangan: {isolated_env / 'cadangan'}\n" in text
    assert f"Log: {isolated_env / 'log'}" in text
    assert f"Pengaturan: {settings.settings().fileName()}\n" in text
    assert str(window.doc.store.path) in text


def test_cloud_synced_file_is_warned_about_once(qtbot, sample_path: Path, tmp_path) -> None:
    from rbdesk.ui.window import app

    synced = tmp_path / "Dropbox" / "rencana.rbdesk"
    synced.parent.mkdir()
    shutil.copy(sample_path, synced)
    win = app.start(str(synced))
    assert win is not None
    qtbot.addWidget(win)
    assert win.message_bar.isVisible()
    assert "disinkronkan oleh Dropbox" in win.message_bar.label.text()
    win.close()

    again = app.start(str(synced))
    assert again is not None
    qtbot.addWidget(again)
    assert "disinkronkan" not in again.message_bar.label.text()
    again.close()


def test_ordinary_folder_gets_no_cloud_warning(qtbot, sample_path: Path) -> None:
    from rbdesk.ui.window import app

    win = app.start(str(sample_path))
    assert win is not None
    qtbot.addWidget(win)
    assert "disinkronkan" not in win.message_bar.label.text()
    win.close()


def test_portable_program_keeps_its_settings_beside_it(qapp, tmp_path, monkeypatch) -> None:
    from rbdesk.models.storage.paths import PORTABLE_MARKER
    from rbdesk.ui import settings
    from rbdesk.ui.window import app

    monkeypatch.delenv("RBDESK_DATA_DIR")
    (tmp_path / "rbdesk.exe").write_bytes(b"")
    (tmp_path / PORTABLE_MARKER).write_text("portabel", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "rbdesk.exe"))
    app.make_app()
    settings.set_user_name("Siti")
    ini = tmp_path / "data" / "rbdesk" / "rbdesk.ini"
    assert Path(settings.settings().fileName()) == ini
    assert "Siti" in ini.read_text(encoding="utf-8")


def _smoke(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "RBDESK_SMOKE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }  # settings: not the developer's own
    return subprocess.run(
        [sys.executable, "-m", "rbdesk.gui", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_smoke_mode_shows_the_window_then_exits_0(sample_path: Path, tmp_path) -> None:
    done = _smoke(sample_path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "rbdesk smoke: ok: window shown (contoh.rbdesk" in done.stderr
    # No name was asked, and none was saved on the user's behalf.
    assert "user/name" not in "".join(p.read_text() for p in (tmp_path / "config").rglob("*.ini"))


@pytest.mark.slow
def test_smoke_mode_fails_on_a_dialog_instead_of_waiting(tmp_path) -> None:
    bad = tmp_path / "bukan.rbdesk"
    bad.write_text("bukan basis data", encoding="utf-8")
    done = _smoke(bad, tmp_path)
    assert done.returncode == 1
    assert "rbdesk smoke: FAILED: a dialog waited for the user" in done.stderr


def test_gui_entry_opens_the_named_file_only(monkeypatch) -> None:
    from rbdesk import gui
    from rbdesk.ui.window import app

    opened: list[str | None] = []
    monkeypatch.setattr(app, "run_gui", lambda path: opened.append(path) or 0)
    assert gui.main([]) == 0
    assert gui.main([r"\\server\bersama\rencana.rbdesk"]) == 0
    assert opened == [None, r"\\server\bersama\rencana.rbdesk"]
