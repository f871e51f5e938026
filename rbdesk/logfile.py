"""The log file: where tracebacks go, so that users only ever see a one-line message."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import warnings
from collections.abc import Iterator
from pathlib import Path

from rbdesk.models.storage.paths import log_dir

LOG_FILE = "rbdesk.log"


def setup_logging() -> Path:
    path = log_dir() / LOG_FILE
    root = logging.getLogger("rbdesk")
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


class _LogFileOnDemand(logging.Handler):
    """Warnings of a command-line run (rbdesk's own and Python's ``warnings``, e.g. openpyxl's)
    go to the log file, opened on the first one, never to the terminal: there the user reads
    rbdesk's one Indonesian line only."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        owner = logging.getLogger("rbdesk")
        if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in owner.handlers):
            return  # setup_logging() ran: its handler writes the record itself
        try:
            if self._file is None:
                self._file = logging.handlers.RotatingFileHandler(
                    log_dir() / LOG_FILE, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
                )
                self._file.setFormatter(
                    logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
                )
            self._file.handle(record)
        except Exception:  # a log that cannot be written must not break the command
            pass

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


@contextlib.contextmanager
def terminal_kept_quiet() -> Iterator[None]:
    """Within: rbdesk's log records and Python warnings go to the log file, not stderr."""
    logger = logging.getLogger("rbdesk")
    quiet = _LogFileOnDemand(logging.WARNING)
    logger.addHandler(quiet)

    def to_log(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: object = None,
        line: str | None = None,
    ) -> None:
        logger.warning("%s: %s (%s:%s)", category.__name__, message, filename, lineno)

    try:
        with warnings.catch_warnings():
            warnings.showwarning = to_log
            yield
    finally:
        logger.removeHandler(quiet)
        quiet.close()
