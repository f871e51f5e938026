"""A dump of a plan (what `rbdesk dump` writes and load reads) given an evidence row by hand, as
only a crafted file could carry it."""

from __future__ import annotations

import base64
import hashlib
from typing import Any


def with_evidence(
    data: dict[str, Any], raw: bytes, filename: str, mime: str, size: int | None = None
) -> dict[str, Any]:
    """``data`` with one evidence row of ``raw`` in March of its first indicator, its size said
    as ``size`` (default: the true one), and ``raw`` among its blobs."""
    sha = hashlib.sha256(raw).hexdigest()
    ind = data["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0]
    ind["evidence"] = [
        {
            "uuid": "3f0e6a4e-1b7a-4c55-9d5e-2f0a1c9b8d70",
            "updated_at": "2024-06-01T00:00:00Z",
            "updated_by": "x",
            "version": 1,
            "month": 3,
            "filename": filename,
            "mime": mime,
            "size": len(raw) if size is None else size,
            "sha256": sha,
            "note": "",
        }
    ]
    data["blobs"] = {sha: base64.b64encode(raw).decode()}
    return data
