"""When and from what this copy of rbdesk was built: the About box and ``--version`` of a build.

``packaging/build.py`` writes ``BUILD_INFO`` into the package it freezes; a source checkout or a
pip install has none, and says so.
"""

from __future__ import annotations

import json
from importlib import resources

BUILD_INFO = "build-info.json"


def build_info() -> dict[str, str]:
    """{"date": "YYYY-MM-DD", "commit": ..., "platform": ...} of a build; {} from source."""
    source = resources.files("rbdesk.resources") / BUILD_INFO
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
