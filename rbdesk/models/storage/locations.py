"""Where rbdesk keeps its own files on each platform, and portable mode.

``locations(facts)`` is a pure function of the platform's facts (the system, the environment, the
home and Documents folders, the folder of the frozen program and whether the portable marker lies
in it), so every platform's answer is tested as data - Windows paths as ``PureWindowsPath`` -
whichever machine the tests run on. ``rbdesk.models.storage.paths`` gathers the real facts.

- Installed (or run from source): data, backups and the log in the user's *local* data folder
  (Windows ``%LOCALAPPDATA%\\rbdesk``: never roaming, never beside the shared file), settings where
  Qt's INI settings go (Windows ``%APPDATA%\\rbdesk\\rbdesk.ini``), the default plan in Documents.
- Portable: when ``PORTABLE_MARKER`` lies beside the frozen program, everything - settings, log,
  backups and the default plan - stays in the ``data`` folder beside it, so the folder can live on
  a USB stick and leave nothing behind on the PC.
- ``RBDESK_DATA_DIR`` (tests, scripts) moves the data, backups, log and default plan; it wins over
  the marker. Settings then stay where Qt keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath, PureWindowsPath

APP_NAME = "rbdesk"
ENV_DATA_DIR = "RBDESK_DATA_DIR"
PORTABLE_MARKER = "rbdesk-portabel.txt"
PORTABLE_DATA = "data"
BACKUP_FOLDER = "cadangan"
LOG_FOLDER = "log"
DEFAULT_PLAN = "rencana-aksi.rbdesk"
# QSettings(IniFormat, UserScope, organization "rbdesk", application "rbdesk") is the file
# <settings root>/rbdesk/rbdesk.ini on every platform.
SETTINGS_FILE = (APP_NAME, f"{APP_NAME}.ini")


@dataclass(frozen=True)
class Facts:
    """What rbdesk needs to know about the machine to place its files."""

    system: str  # platform.system(): "Windows", "Linux", "Darwin", ...
    env: Mapping[str, str]
    home: PurePath
    documents: PurePath | None = None  # the Documents folder as the system reports it
    program_dir: PurePath | None = None  # the frozen program's folder; None when run from source
    portable_marker: bool = False  # PORTABLE_MARKER exists in program_dir


@dataclass(frozen=True)
class Locations:
    data: PurePath
    backups: PurePath
    log: PurePath
    settings_file: PurePath
    default_plan: PurePath
    portable: bool

    @property
    def settings_root(self) -> PurePath:
        """The folder to give QSettings.setPath so that it uses ``settings_file``."""
        return self.settings_file.parents[len(SETTINGS_FILE) - 1]


def path_type(system: str) -> type[PurePath]:
    return PureWindowsPath if system == "Windows" else PurePosixPath


def _env_dir(facts: Facts, name: str, fallback: PurePath) -> PurePath:
    value = facts.env.get(name, "")
    path = path_type(facts.system)(value) if value else None
    # An XDG variable holding a relative path is to be ignored (XDG Base Directory spec).
    return path if path is not None and path.is_absolute() else fallback


def _native(facts: Facts) -> tuple[PurePath, PurePath, PurePath]:
    """(data folder, settings root, Documents) where the system keeps them."""
    home = path_type(facts.system)(facts.home)
    documents = (
        path_type(facts.system)(facts.documents)
        if facts.documents is not None
        else home / "Documents"
    )
    if facts.system == "Windows":
        data = _env_dir(facts, "LOCALAPPDATA", home / "AppData" / "Local")
        settings = _env_dir(facts, "APPDATA", home / "AppData" / "Roaming")
    elif facts.system == "Darwin":
        data = home / "Library" / "Application Support"
        settings = home / ".config"  # where Qt keeps INI-format settings on macOS too
    else:
        data = _env_dir(facts, "XDG_DATA_HOME", home / ".local" / "share")
        settings = _env_dir(facts, "XDG_CONFIG_HOME", home / ".config")
    return data / APP_NAME, settings, documents


def locations(facts: Facts) -> Locations:
    pure = path_type(facts.system)
    override = facts.env.get(ENV_DATA_DIR, "")
    portable = not override and facts.portable_marker and facts.program_dir is not None
    if portable:
        assert facts.program_dir is not None
        data = pure(facts.program_dir) / PORTABLE_DATA
        settings_root = data
        plan = data / DEFAULT_PLAN
    else:
        data, settings_root, documents = _native(facts)
        plan = documents / APP_NAME / DEFAULT_PLAN
        if override:
            data = pure(override)
            plan = data / DEFAULT_PLAN
    return Locations(
        data=data,
        backups=data / BACKUP_FOLDER,
        log=data / LOG_FOLDER,
        settings_file=settings_root.joinpath(*SETTINGS_FILE),
        default_plan=plan,
        portable=portable,
    )
