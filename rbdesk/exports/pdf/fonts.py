"""The TrueType font embedded in every PDF (DejaVu Sans Condensed, shipped in resources/fonts)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "RbdeskSans"
FONT_BOLD = "RbdeskSans-Bold"
_FILES = {FONT: "DejaVuSansCondensed.ttf", FONT_BOLD: "DejaVuSansCondensed-Bold.ttf"}


def font_path(filename: str) -> Path:
    """Locate a shipped font; falls back to the work tree when resources is not installed."""
    try:
        candidate = resources.files("rbdesk.resources") / "fonts" / filename
        if candidate.is_file():
            return Path(str(candidate))
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    return Path(__file__).resolve().parents[2] / "resources" / "fonts" / filename


def register_fonts() -> None:
    """Register the fonts with reportlab once per process."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(font_path(filename))))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
