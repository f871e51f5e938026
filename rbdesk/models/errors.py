"""Errors a user can cause, each carrying a one-line Indonesian message.

Anything else that escapes is a bug: the UI logs it and shows a generic message, the command line
exits with a traceback in the log file.
"""

from __future__ import annotations


class RbdeskError(Exception):
    """Base for errors caused by the user's input or environment (exit code 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotRbdeskFile(RbdeskError):
    """The file is not an rbdesk database (another SQLite file, a spreadsheet, random bytes)."""


class DamagedFile(RbdeskError):
    """The file is an rbdesk database that fails its integrity check or cannot be read."""


class NewerFileError(RbdeskError):
    """The file was written by a newer rbdesk; it may be read but never written."""


class ReadOnlyError(RbdeskError):
    """A write was attempted on a file opened read-only."""


class FileBusyError(RbdeskError):
    """Another PC holds the write lock longer than we were willing to wait."""


class ConflictError(RbdeskError):
    """An edit was based on a row that someone else has changed meanwhile."""

    def __init__(self, message: str, *, changed_by: str = "", changed_at: str = "") -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at


class TextConflict(ConflictError):
    """A text (a month's note, a review note) that a colleague changed while this user wrote
    another: both texts travel with the refusal, so the window can show them and keep the
    user's own instead of losing it."""

    def __init__(
        self, message: str, *, changed_by: str, changed_at: str, theirs: str, yours: str
    ) -> None:
        super().__init__(message, changed_by=changed_by, changed_at=changed_at)
        self.theirs = theirs
        self.yours = yours


class NotFoundError(RbdeskError):
    """The row the edit refers to no longer exists (deleted by someone else)."""


class InvalidInput(RbdeskError):
    """A value that does not fit (a month outside 1..12, an empty name, malformed JSON)."""


class EvidenceTooLarge(RbdeskError):
    """An attachment over the size limit."""


class DiskFullError(RbdeskError):
    """The disk or share holding the file is full."""


class YearTaken(InvalidInput):
    """A plan for that unit and year is already in the file; the caller must ask first."""
