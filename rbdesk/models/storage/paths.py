"""Where rbdesk keeps per-user files: the default plan, backups, logs and settings."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "rbdesk"
ENV_DATA_DIR = "RBDESK_DATA_DIR"


def data_dir() -> Path:
    """Local (never roaming, never shared) folder; ``RBDESK_DATA_DIR`` overrides it for tests."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        base = Path(override)
    else:
        base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def backup_dir() -> Path:
    path = data_dir() / "cadangan"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "log"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_plan_file() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override) / "rencana-aksi.rbdesk"
    docs = Path(platformdirs.user_documents_dir())
    return docs / "rbdesk" / "rencana-aksi.rbdesk"
