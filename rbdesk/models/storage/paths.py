"""Where rbdesk keeps per-user files: the default plan, backups, logs and settings.

The rules per platform and for portable mode are in ``locations``; this module gathers the real
machine's facts and makes the folders on first use.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

import platformdirs

from rbdesk.models.storage.locations import (
    APP_NAME,
    ENV_DATA_DIR,
    PORTABLE_MARKER,
    Facts,
    Locations,
    locations,
)
from rbdesk.models.storage.output_files import private_folder

__all__ = [
    "APP_NAME",
    "ENV_DATA_DIR",
    "PORTABLE_MARKER",
    "backup_dir",
    "current",
    "data_dir",
    "default_plan_file",
    "log_dir",
    "program_dir",
]


def program_dir() -> Path | None:
    """The folder of the frozen program (rbdesk.exe); None when running from source or pip."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def current() -> Locations:
    folder = program_dir()
    return locations(
        Facts(
            system=platform.system(),
            env=dict(os.environ),
            home=Path.home(),
            documents=Path(platformdirs.user_documents_dir()),
            program_dir=folder,
            portable_marker=folder is not None and (folder / PORTABLE_MARKER).is_file(),
        )
    )


def _made(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Local (never roaming, never shared) folder; ``RBDESK_DATA_DIR`` overrides it for tests."""
    return _made(Path(current().data))


def backup_dir() -> Path:
    """Backups are their owner's only (0700 where the OS has modes): a shared PC's other users
    must not read a plan through them."""
    return private_folder(Path(current().backups))


def log_dir() -> Path:
    return _made(Path(current().log))


def default_plan_file() -> Path:
    return Path(current().default_plan)
