"""Evidence file names as stored and as written out: one bare name, harmless on Windows.

A name comes from a user's file, a dump or another copy's database; whatever it holds, what is
stored is a single file name (no folder part, no ``..``, no control characters, no bidirectional
controls that make "fdp.exe" show as "exe.pdf", none of the characters Windows forbids, no
reserved device name such as CON or LPT1), so that writing it out beside other files can only
ever create that one file inside the chosen folder.

Which names are opened directly with the PC's own program ("Buka") is decided here too: only
types that are documents, never ones that run something.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.errors import RbdeskError
from rbdesk.models.text import without_bidi_controls

DEFAULT_NAME = "bukti"
MAX_NAME_CHARS = 150
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
# Windows device names, with or without an extension (CON.txt is the console too).
_RESERVED = re.compile(
    r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.IGNORECASE
)


# Types "Buka" hands to the PC's own program: documents, pictures, plain text and sheets, none
# of which runs code when opened (macro-enabled Office types are left out). Anything else (.exe,
# .bat, .cmd, .com, .js, .jse, .vbs, .vbe, .wsf, .wsh, .lnk, .scr, .msi, .ps1, .hta, .cpl, .pif,
# .reg, .jar, .docm, an unknown or no extension ...) is saved, with a warning, not opened.
OPENS_DIRECTLY = frozenset(
    {
        ".pdf",
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".bmp",
        ".tif",
        ".tiff",
        ".webp",
        ".heic",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".odt",
        ".ods",
        ".odp",
        ".rtf",
        ".txt",
        ".csv",
        ".mp3",
        ".mp4",
        ".m4a",
        ".wav",
        ".ogg",
        ".mov",
        ".avi",
    }
)


def opens_directly(name: str) -> bool:
    """Whether the evidence ``name`` may be opened with the PC's own program: its (stored,
    cleaned) extension is a document type that runs nothing."""
    return Path(safe_filename(name)).suffix.lower() in OPENS_DIRECTLY


def safe_filename(name: str) -> str:
    """The bare, harmless file name to store or write for ``name``."""
    bare = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    bare = without_bidi_controls("".join(ch for ch in bare if unicodedata.category(ch) != "Cc"))
    bare = _FORBIDDEN.sub("_", bare).strip().rstrip(". ")
    if not bare.strip("."):
        return DEFAULT_NAME
    stem, dot, ext = bare.partition(".")
    if _RESERVED.match(stem.strip()):
        bare = "_" + bare
    if len(bare) > MAX_NAME_CHARS:
        suffix = Path(bare).suffix[:20]
        bare = bare[: MAX_NAME_CHARS - len(suffix)].rstrip(". ") + suffix
    return bare


def path_inside(folder: Path, name: str) -> Path:
    """Where ``name`` goes inside ``folder``: never anywhere else."""
    target = folder / safe_filename(name)
    if target.resolve().parent != folder.resolve():
        raise RbdeskError(tr("Nama berkas {name} tidak aman.").format(name=name))
    return target
