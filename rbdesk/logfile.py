"""The log file: where tracebacks go, so that users only ever see a one-line message."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from rbdesk.models.storage.paths import log_dir

LOG_FILE = "rbdesk.log"


def setup_logging() -> Path:
    path = log_dir() / LOG_FILE
    root = logging.getLogger("rbdesk")
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path
