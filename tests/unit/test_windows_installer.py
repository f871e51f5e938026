"""The .rbdesk association as data, and the Inno Setup script that writes it (checked as text:
the installer itself is built and run only on the Windows build job)."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

from rbdesk.models.storage.file_association import (
    PROG_ID,
    association_entries,
    inno_registry_lines,
)
from rbdesk.models.storage.locations import PORTABLE_MARKER

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "packaging" / "windows" / "rbdesk.iss").read_text(encoding="utf-8")
SPEC = (ROOT / "packaging" / "rbdesk.spec").read_text(encoding="utf-8")


def section(name: str) -> list[str]:
    body = ISS.split(f"[{name}]\n", 1)[1].split("\n[", 1)[0]
    return [line for line in body.splitlines() if line and not line.startswith(";")]


def test_double_click_opens_the_file_in_the_windowed_program() -> None:
    exe = PureWindowsPath(r"C:\Users\siti\AppData\Local\Programs\rbdesk\rbdesk.exe")
    values = {(str(e.key), e.name): e.data for e in association_entries(exe)}
    assert values[(r"Software\Classes\.rbdesk", "")] == PROG_ID
    assert (
        values[(rf"Software\Classes\{PROG_ID}\shell\open\command", "")]
        == r'"C:\Users\siti\AppData\Local\Programs\rbdesk\rbdesk.exe" "%1"'
    )
    assert (
        values[(rf"Software\Classes\{PROG_ID}\DefaultIcon", "")]
        == r'"C:\Users\siti\AppData\Local\Programs\rbdesk\rbdesk.exe",0'
    )
    # Only the current user's classes: no administrator rights needed.
    assert all(str(e.key).startswith("Software\\Classes\\") for e in association_entries(exe))


def test_uninstall_removes_every_key_it_made_and_leaves_no_dangling_command() -> None:
    entries = association_entries(PureWindowsPath(r"{app}\rbdesk.exe"))
    removed_keys = [e.key for e in entries if e.on_uninstall == "key"]
    for e in entries:
        assert e.on_uninstall or any(e.key.is_relative_to(k) for k in removed_keys), e


def test_installer_registry_section_is_the_generated_one() -> None:
    assert section("Registry") == inno_registry_lines()
    assert '""{app}\\rbdesk.exe"" ""%1""' in ISS


def test_installer_is_per_user_with_start_menu_icon_and_association() -> None:
    setup = section("Setup")
    assert "PrivilegesRequired=lowest" in setup
    assert "ChangesAssociations=yes" in setup
    # {autopf} is this folder in a per-user install on Windows, but wine cannot expand it.
    assert r"DefaultDirName={localappdata}\Programs\rbdesk" in setup
    start_menu = next(line for line in section("Icons") if line.startswith('Name: "{autoprograms}'))
    assert r'Filename: "{app}\rbdesk.exe"' in start_menu and "IconFilename" in start_menu
    assert (ROOT / "resources" / "icons" / "rbdesk.ico").is_file()
    assert r"SetupIconFile=..\..\resources\icons\rbdesk.ico" in setup


def test_installer_never_installs_the_portable_marker_nor_deletes_user_data() -> None:
    files = section("Files")
    assert len(files) == 1 and rf"\{PORTABLE_MARKER}" in files[0]
    assert r'Source: "{#DistDir}\rbdesk\*"' in files[0] and r'"..\..\dist"' in ISS
    assert "[UninstallDelete]" not in ISS and "[InstallDelete]" not in ISS
    # the user's folders are named nowhere but as the parent of the program's own folder
    outside = ISS.replace(r"DefaultDirName={localappdata}\Programs\rbdesk", "")
    assert not re.search(r"\{(localappdata|userappdata|userdocs|commonappdata)\}", outside)


def test_the_spec_builds_the_programs_the_installer_names() -> None:
    assert 'name="rbdesk", console=False' in SPEC
    assert 'name="rbdesk-cli", console=True' in SPEC
    assert (ROOT / "packaging" / PORTABLE_MARKER).is_file()


def isl_entries(section_name: str) -> dict[str, str]:
    text = (ROOT / "packaging" / "windows" / "Indonesian.isl").read_text(encoding="ascii")
    body = text.split(f"[{section_name}]\n", 1)[1].split("\n[", 1)[0]
    pairs = (
        line.split("=", 1)
        for line in body.splitlines()
        if line.strip() and not line.startswith(";")
    )
    return {key: value for key, value in pairs}


def test_the_wizard_speaks_indonesian_on_every_page_a_per_user_install_shows() -> None:
    assert section("Languages") == [
        'Name: "id"; MessagesFile: "compiler:Default.isl,Indonesian.isl"'
    ]
    options = isl_entries("LangOptions")
    assert options["LanguageID"] == "$0421"
    messages = isl_entries("Messages")
    # the buttons, and each page or prompt this script can show: folder (first install), tasks,
    # ready, closing a running rbdesk, installing, finished, and the uninstaller's
    for key in (
        "ButtonNext",
        "ButtonBack",
        "ButtonInstall",
        "ButtonCancel",
        "ButtonFinish",
        "WizardSelectDir",
        "WizardSelectTasks",
        "WizardReady",
        "WizardPreparing",
        "ApplicationsFound2",
        "CloseApplications",
        "WizardInstalling",
        "FinishedHeadingLabel",
        "FinishedLabel",
        "RunEntryExec",
        "ExitSetupMessage",
        "ConfirmUninstall",
        "UninstalledAll",
        "WizardUninstalling",
    ):
        assert messages[key].strip(), key
    assert "Next" not in messages["ClickNext"] and "Lanjut" in messages["ClickNext"]
    # every {cm:...} the script uses is translated, not left to Default.isl's English
    custom = isl_entries("CustomMessages")
    used = set(re.findall(r"\{cm:(\w+)", ISS))
    assert used and used <= set(custom)
    # the uninstaller's question must not promise what it does not do: user data stays
    assert "tidak ikut terhapus" in messages["ConfirmUninstall"]


def test_uninstall_leaves_no_empty_key_behind() -> None:
    lines = section("Registry")
    removed = [
        re.search(r'Subkey: "([^"]+)"', line)[1]
        for line in lines  # type: ignore[index]
        if "uninsdeletekey;" in line + ";" or line.endswith("uninsdeletekey")
    ]
    for line in lines:
        key = re.search(r'Subkey: "([^"]+)"', line)[1]  # type: ignore[index]
        assert "uninsdeletekeyifempty" in line or any(
            key == k or key.startswith(k + "\\") for k in removed
        ), line
