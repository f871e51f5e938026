"""The windowed entry point (``rbdesk-gui``, the frozen ``rbdesk.exe``): the window, FILE optional.

On Windows it runs without a console, so it takes no subcommands: those are ``rbdesk`` (pip) or
``rbdesk-cli.exe`` (the frozen build). Explorer passes the double-clicked file as the argument.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from rbdesk.ui.window.app import run_gui  # Qt is imported only here

    return run_gui(args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
