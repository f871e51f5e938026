"""Indonesian wording for argparse's own messages (usage, help headings, usage errors).

argparse looks its strings up through ``argparse._`` at call time, so replacing that one
function translates every parser, subcommands included.
"""

from __future__ import annotations

import argparse

from rbdesk.i18n import tr

_MESSAGES = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
    "optional arguments": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    # every typed option of rbdesk is a whole number (a year, a month)
    "invalid %(type)s value: %(value)r": "%(value)r bukan bilangan bulat",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "paling sedikit satu nilai",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan ambigu: %(option)s cocok dengan %(matches)s"
    ),
}


def _translate(message: str) -> str:
    wording = _MESSAGES.get(message)
    return tr(wording) if wording is not None else message


def install() -> None:
    argparse._ = _translate  # type: ignore[attr-defined]
