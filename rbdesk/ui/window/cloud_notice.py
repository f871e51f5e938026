"""The window's one-time warning for a file in a cloud-synced folder (OneDrive, Google Drive...)."""

from __future__ import annotations

import os
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.storage.cloud_sync import cloud_sync_service
from rbdesk.ui import settings

WARNED_KEY = "warnings/cloud_sync_files"


def cloud_notice(path: Path) -> str | None:
    """The warning for ``path``, the first time it is opened from a cloud-synced folder."""
    service = cloud_sync_service(path.absolute(), os.environ)
    if service is None:
        return None
    key = str(path.absolute())
    warned = settings.str_list(settings.value(WARNED_KEY))
    if key in warned:
        return None
    settings.set_value(WARNED_KEY, [*warned, key])
    return tr(
        "Berkas ini tampaknya berada di folder yang disinkronkan oleh {service}. Layanan "
        "seperti OneDrive, Google Drive dan Dropbox menyalin berkas yang sedang dibuka "
        "dan dapat merusaknya. Simpan berkas bersama di folder jaringan kantor (Windows "
        "share), atau bawa salinannya dengan flashdisk lalu satukan lewat Berkas → "
        "Gabungkan dari salinan."
    ).format(service=service)
