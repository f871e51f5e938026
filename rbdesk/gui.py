"""The windowed entry point (``rbdesk-gui``, the frozen ``rbdesk.exe``): the window, FILE optional.

On Windows it runs without a console, so it takes no subcommands: those are ``rbdesk`` (pip) or
``rbdesk-cli.exe`` (the frozen build). Explorer passes the double-clicked file as the argument.
An option (``--version``, ``/?``, ``--help``, anything else starting with ``-``) is never taken for
a file name: the version or a short usage is shown in a message box - there is no console to
print to - and the program ends.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

VERSION_OPTIONS = ("--version", "-V", "/version")
HELP_OPTIONS = ("/?", "-?", "-h", "--help", "/h", "/help")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0].lower() in VERSION_OPTIONS + HELP_OPTIONS or args[0].startswith("-")):
        return _answer_option(args[0])
    from rbdesk.ui.window.app import run_gui  # Qt is imported only here

    return run_gui(args[0] if args else None)


def _answer_option(option: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    from rbdesk import __version__
    from rbdesk.i18n import tr
    from rbdesk.ui.window.app import make_app

    make_app()  # the Indonesian Qt wording and the icon, as in the window
    if option.lower() in VERSION_OPTIONS:
        QMessageBox.information(None, "rbdesk", f"rbdesk {__version__}")
        return 0
    usage = tr(
        "Pemakaian: rbdesk [BERKAS]\n\n"
        "Membuka jendela rbdesk pada BERKAS (.rbdesk), atau pada berkas rencana bawaan "
        "bila BERKAS tidak disebut.\n\n"
        "  --version   tampilkan versi\n"
        "  /?, --help  tampilkan bantuan ini\n\n"
        "Perintah lain (new, check, export, backup, ...) ada di baris perintah: "
        "rbdesk-cli.exe di Windows, rbdesk di Linux; lihat rbdesk-cli.exe --help."
    )
    if option.lower() in HELP_OPTIONS:
        QMessageBox.information(None, "rbdesk", usage)
        return 0
    QMessageBox.warning(
        None, "rbdesk", tr("Pilihan tidak dikenal: {option}").format(option=option) + "\n\n" + usage
    )
    return 2


if __name__ == "__main__":
    sys.exit(main())
