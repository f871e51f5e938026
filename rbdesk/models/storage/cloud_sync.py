"""Does a file live in a folder that a cloud-sync client (OneDrive, Google Drive...) copies?

Such clients upload and download a database file while it is open, and bring back half-written or
older copies: SQLite files get damaged. rbdesk warns about it (the window, once per file). The test
is by the folder names these clients use, plus Windows' own OneDrive variables; it is a pure
function of a path, so that it is tested with Windows and macOS paths on any machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath, PureWindowsPath

# Folder names (compared case-insensitively) -> the service, as shown to the user.
_EXACT = {
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",  # Google Drive for desktop: G:\My Drive
    "drive saya": "Google Drive",  # ... with Indonesian as its language
    "shared drives": "Google Drive",
    "drive bersama": "Google Drive",
    "dropbox": "Dropbox",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",  # macOS: ~/Library/Mobile Documents
    "box": "Box",
    "box sync": "Box",
    "mega": "MEGA",
    "megasync": "MEGA",
    "pcloud drive": "pCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}
# Folder names that start so: "OneDrive - KPU Kota Kupang", "Dropbox (Kantor)", and macOS'
# ~/Library/CloudStorage/OneDrive-Personal, GoogleDrive-nama@gmail.com.
_PREFIXES = (
    ("onedrive - ", "OneDrive"),
    ("onedrive-", "OneDrive"),
    ("dropbox (", "Dropbox"),
    ("dropbox-", "Dropbox"),
    ("googledrive-", "Google Drive"),
    ("box-", "Box"),
)
# Windows sets these to the OneDrive folders of the signed-in user.
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def _under(path: PurePath, root: str) -> bool:
    kind = type(path)
    top = kind(root)
    if not top.is_absolute():
        return False
    if isinstance(path, PureWindowsPath):  # Windows paths compare case-insensitively
        return PureWindowsPath(str(path).lower()).is_relative_to(str(top).lower())
    return path.is_relative_to(top)


def cloud_sync_service(path: PurePath, env: Mapping[str, str] | None = None) -> str | None:
    """The name of the sync service whose folder holds ``path``, or None when none is seen."""
    for name in ONEDRIVE_VARIABLES:
        root = (env or {}).get(name, "")
        if root and _under(path, root):
            return "OneDrive"
    for part in path.parent.parts:
        folder = part.strip().casefold()
        if folder in _EXACT:
            return _EXACT[folder]
        for prefix, service in _PREFIXES:
            if folder.startswith(prefix):
                return service
    return None
