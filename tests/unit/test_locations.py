"""Where rbdesk keeps its files on Windows, macOS and Linux, and in portable mode: as data."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from rbdesk.models.storage import paths
from rbdesk.models.storage.locations import PORTABLE_MARKER, Facts, locations

W = PureWindowsPath
WIN_ENV = {
    "LOCALAPPDATA": r"C:\Users\siti\AppData\Local",
    "APPDATA": r"C:\Users\siti\AppData\Roaming",
}


def win(**kw: object) -> Facts:
    base: dict[str, object] = {
        "system": "Windows",
        "env": WIN_ENV,
        "home": W(r"C:\Users\siti"),
        "documents": W(r"D:\Dokumen Siti"),
    }
    return Facts(**{**base, **kw})  # type: ignore[arg-type]


def test_windows_installed_keeps_data_local_and_settings_where_qt_puts_them() -> None:
    loc = locations(win())
    assert loc.data == W(r"C:\Users\siti\AppData\Local\rbdesk")
    assert (loc.backups, loc.log) == (loc.data / "cadangan", loc.data / "log")
    assert loc.settings_file == W(r"C:\Users\siti\AppData\Roaming\rbdesk\rbdesk.ini")
    assert loc.settings_root == W(r"C:\Users\siti\AppData\Roaming")
    assert loc.default_plan == W(r"D:\Dokumen Siti\rbdesk\rencana-aksi.rbdesk")
    assert not loc.portable


def test_windows_without_the_variables_falls_back_to_the_profile() -> None:
    loc = locations(win(env={}, documents=None))
    assert loc.data == W(r"C:\Users\siti\AppData\Local\rbdesk")
    assert loc.settings_file == W(r"C:\Users\siti\AppData\Roaming\rbdesk\rbdesk.ini")
    assert loc.default_plan == W(r"C:\Users\siti\Documents\rbdesk\rencana-aksi.rbdesk")


def test_windows_marker_beside_the_program_keeps_everything_in_the_portable_folder() -> None:
    usb = W(r"E:\rbdesk")
    loc = locations(win(program_dir=usb, portable_marker=True))
    assert loc.portable
    assert loc.data == W(r"E:\rbdesk\data")
    assert (loc.backups, loc.log) == (loc.data / "cadangan", loc.data / "log")
    assert loc.settings_file == W(r"E:\rbdesk\data\rbdesk\rbdesk.ini")
    assert loc.settings_root == W(r"E:\rbdesk\data")
    assert loc.default_plan == W(r"E:\rbdesk\data\rencana-aksi.rbdesk")
    for path in (loc.data, loc.backups, loc.log, loc.settings_file, loc.default_plan):
        assert path.is_relative_to(usb)


def test_portable_folder_on_a_network_share() -> None:
    loc = locations(win(program_dir=W(r"\\server\aplikasi\rbdesk"), portable_marker=True))
    assert loc.log == W(r"\\server\aplikasi\rbdesk\data\log")


def test_no_marker_or_no_frozen_program_is_not_portable() -> None:
    assert not locations(win(program_dir=W(r"E:\rbdesk"), portable_marker=False)).portable
    assert not locations(win(program_dir=None, portable_marker=True)).portable


def test_data_dir_override_wins_over_the_marker_but_not_over_settings() -> None:
    env = {**WIN_ENV, "RBDESK_DATA_DIR": r"C:\uji"}
    loc = locations(win(env=env, program_dir=W(r"E:\rbdesk"), portable_marker=True))
    assert not loc.portable
    assert loc.data == W(r"C:\uji")
    assert loc.backups == W(r"C:\uji\cadangan")
    assert loc.default_plan == W(r"C:\uji\rencana-aksi.rbdesk")
    assert loc.settings_file == W(r"C:\Users\siti\AppData\Roaming\rbdesk\rbdesk.ini")


def test_linux_follows_xdg_and_ignores_relative_values() -> None:
    P = PurePosixPath
    facts = Facts(
        system="Linux",
        env={"XDG_DATA_HOME": "/data/siti", "XDG_CONFIG_HOME": "relatif/conf"},
        home=P("/home/siti"),
    )
    loc = locations(facts)
    assert loc.data == P("/data/siti/rbdesk")
    assert loc.settings_file == P("/home/siti/.config/rbdesk/rbdesk.ini")
    assert loc.default_plan == P("/home/siti/Documents/rbdesk/rencana-aksi.rbdesk")
    assert locations(Facts(system="Linux", env={}, home=P("/home/siti"))).data == P(
        "/home/siti/.local/share/rbdesk"
    )


def test_macos() -> None:
    P = PurePosixPath
    loc = locations(Facts(system="Darwin", env={}, home=P("/Users/siti")))
    assert loc.data == P("/Users/siti/Library/Application Support/rbdesk")
    assert loc.settings_file == P("/Users/siti/.config/rbdesk/rbdesk.ini")


def test_the_real_machine_uses_the_override_of_the_tests(isolated_env: Path) -> None:
    assert paths.data_dir() == isolated_env
    assert paths.backup_dir() == isolated_env / "cadangan"
    assert paths.log_dir().is_dir()
    assert paths.default_plan_file() == isolated_env / "rencana-aksi.rbdesk"
    assert paths.program_dir() is None  # the tests run from source


def test_a_frozen_program_with_the_marker_is_portable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RBDESK_DATA_DIR")
    exe = tmp_path / "rbdesk.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert not paths.current().portable
    (tmp_path / PORTABLE_MARKER).write_text("portabel", encoding="utf-8")
    assert paths.current().portable
    assert paths.log_dir() == tmp_path / "data" / "log"
    assert paths.backup_dir().is_dir()
