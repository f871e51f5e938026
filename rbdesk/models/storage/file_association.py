"""Windows' association of ``.rbdesk`` files with rbdesk: the registry values, as data.

Per user (``HKEY_CURRENT_USER\\Software\\Classes``), so no administrator rights are needed. The
installer (packaging/windows/rbdesk.iss) writes exactly these values - its [Registry] lines are
generated here (``python -m rbdesk.models.storage.file_association``) and a test keeps the two
equal - and its uninstaller removes them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PureWindowsPath

EXTENSION = ".rbdesk"
PROG_ID = "rbdesk.Berkas"
DESCRIPTION = "Berkas rencana aksi rbdesk"
CLASSES = PureWindowsPath(r"Software\Classes")
INNO_EXE = PureWindowsPath(r"{app}\rbdesk.exe")  # the installed program, in Inno's words


@dataclass(frozen=True)
class RegistryValue:
    key: PureWindowsPath  # under HKEY_CURRENT_USER
    name: str  # "" is the key's default value
    data: str
    on_uninstall: str  # "value": delete this value; "key": the whole key; "": leave it


def association_entries(exe: PureWindowsPath) -> list[RegistryValue]:
    """What makes a double-click on a .rbdesk file open it in ``exe`` (the windowed rbdesk)."""
    prog = CLASSES / PROG_ID
    return [
        RegistryValue(CLASSES / EXTENSION, "", PROG_ID, "value"),
        RegistryValue(CLASSES / EXTENSION / "OpenWithProgids", PROG_ID, "", "value"),
        RegistryValue(prog, "", DESCRIPTION, "key"),
        RegistryValue(prog / "DefaultIcon", "", f'"{exe}",0', ""),
        RegistryValue(prog / "shell" / "open" / "command", "", f'"{exe}" "%1"', ""),
        RegistryValue(CLASSES / "Applications" / exe.name / "SupportedTypes", EXTENSION, "", "key"),
    ]


def owned_keys(exe: PureWindowsPath) -> list[PureWindowsPath]:
    """Keys that only rbdesk uses, removed whole on uninstall (no empty key is left behind)."""
    return [CLASSES / "Applications" / exe.name]


def _inno_quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def inno_registry_lines(exe: PureWindowsPath = INNO_EXE) -> list[str]:
    """The [Registry] section of the Inno Setup script. HKA is HKCU in a per-user install."""
    # A shared key (.rbdesk may hold other programs' values) goes only once it is empty.
    flags = {
        "value": "; Flags: uninsdeletevalue uninsdeletekeyifempty",
        "key": "; Flags: uninsdeletekey",
        "": "",
    }
    owned = [
        f"Root: HKA; Subkey: {_inno_quoted(str(key))}; Flags: uninsdeletekey"
        for key in owned_keys(exe)
    ]
    return owned + [
        f"Root: HKA; Subkey: {_inno_quoted(str(e.key))}; ValueType: string; "
        f"ValueName: {_inno_quoted(e.name)}; ValueData: {_inno_quoted(e.data)}"
        f"{flags[e.on_uninstall]}"
        for e in association_entries(exe)
    ]


if __name__ == "__main__":
    print("\n".join(inno_registry_lines()))
