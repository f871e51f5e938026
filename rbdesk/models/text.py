"""Text as rbdesk keeps and writes it: without control characters (tab and line breaks kept),
which Excel refuses, no printed page shows, and a terminal may act on."""

from __future__ import annotations

import unicodedata

_KEEP = frozenset("\t\n\r")
# Marks that reorder how text is shown (an override makes "fdp.exe" show as "exe.pdf"): no
# evidence name needs them, and a name is what a user decides to open by.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)


def clean_text(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) != "Cc")


def without_bidi_controls(text: str) -> str:
    """``text`` shown in the order it is stored: the bidirectional controls removed."""
    if BIDI_CONTROLS.isdisjoint(text):
        return text
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)
