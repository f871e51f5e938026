"""Text as rbdesk keeps and writes it: without control characters (tab and line breaks kept),
which Excel refuses, no printed page shows, and a terminal may act on."""

from __future__ import annotations

import unicodedata

_KEEP = frozenset("\t\n\r")


def clean_text(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) != "Cc")
