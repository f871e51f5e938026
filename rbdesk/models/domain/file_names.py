"""Evidence file names as stored and as written out: one bare name, harmless on Windows.

A name comes from a user's file, a dump or another copy's database; whatever it holds, what is
stored is a single file name (no folder part, no ``..``, no control characters, none of the
characters Windows forbids, no reserved device name such as CON or LPT1), so that writing it out
beside other files can only ever create that one file inside the chosen folder.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.errors import RbdeskError

DEFAULT_NAME = "bukti"
MAX_NAME_CHARS = 150
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
# Windows device names, with or without an extension (CON.txt is the console too).
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$",
                       re.IGNORECASE)


def without_control_chars(text: str) -> str:
    """Text with control characters removed (tab and line breaks kept)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")


def safe_filename(name: str) -> str:
    """The bare, harmless file name to store or write for ``name``."""
    bare = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    bare = "".join(ch for ch in bare if unicodedata.category(ch) != "Cc")
    bare = _FORBIDDEN.sub("_", bare).strip().rstrip(". ")
    if not bare.strip("."):
        return DEFAULT_NAME
    stem, dot, ext = bare.partition(".")
    if _RESERVED.match(stem.strip()):
        bare = "_" + bare
    if len(bare) > MAX_NAME_CHARS:
        suffix = Path(bare).suffix[:20]
        bare = bare[:MAX_NAME_CHARS - len(suffix)].rstrip(". ") + suffix
    return bare


def path_inside(folder: Path, name: str) -> Path:
    """Where ``name`` goes inside ``folder``: never anywhere else."""
    target = folder / safe_filename(name)
    if target.resolve().parent != folder.resolve():
        raise RbdeskError(tr("Nama berkas {name} tidak aman.").format(name=name))
    return target
