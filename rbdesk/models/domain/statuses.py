"""The closed sets of codes one indicator-month carries: what was done (:class:`Status`) and the
review of its evidence (:class:`ReviewState`).

Both are ``StrEnum``: a member *is* its stored string, so the file, the dump format and the
command line keep exactly the codes they always had ("belum", "memenuhi", ...).
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """What was done in an indicator-month, as recorded: not yet, partly, done."""

    BELUM = "belum"
    SEBAGIAN = "sebagian"
    SELESAI = "selesai"


class ReviewState(StrEnum):
    """The evidence review of a realised month. A month that is not realised (``belum``) has no
    review state: it is stored as ""."""

    SUBMITTED = "diajukan"
    ACCEPTED = "memenuhi"
    REVISION = "perlu_revisi"
    REJECTED = "ditolak"
