"""The rbdesk command line: ``rbdesk [FILE]`` starts the window, subcommands do the rest.

Exit codes: 0 success, 1 a user error (one Indonesian line on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import io
import logging
import os
import stat
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from rbdesk import __version__, cli_text
from rbdesk.i18n import tr
from rbdesk.models.errors import RbdeskError

# Each module defines register(subparsers); a subparser sets func(args) -> int.
COMMAND_MODULES = (
    "rbdesk.subcommands.core",
    "rbdesk.subcommands.exchange",
    "rbdesk.subcommands.sharing",
    "rbdesk.subcommands.plans",
    "rbdesk.subcommands.decree",
    "rbdesk.subcommands.review",
    "rbdesk.subcommands.indicator",
)
# The subcommand names, known without importing their modules: ``rbdesk FILE`` starts the window
# without loading the command line's machinery (merge, history, dump, load). A test checks this
# list against the parser.
COMMAND_NAMES = frozenset(
    {
        "new",
        "dump",
        "load",
        "check",
        "export",
        "import",
        "merge",
        "backup",
        "copy",
        "history",
        "new-year",
        "sk",
        "review",
        "indicator",
    }
)

log = logging.getLogger("rbdesk")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, tr("{prog}: kesalahan: {message}\n").format(prog=self.prog, message=message))


def build_parser() -> argparse.ArgumentParser:
    cli_text.install()
    parser = _Parser(
        prog="rbdesk",
        description=tr(
            "rbdesk: Rencana Aksi Reformasi Birokrasi. Tanpa perintah, membuka "
            "jendela aplikasi pada BERKAS (atau berkas rencana bawaan)."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=tr("tampilkan bantuan ini lalu keluar"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"rbdesk {__version__}",
        help=tr("tampilkan versi lalu keluar"),
    )
    sub = parser.add_subparsers(dest="command", metavar=tr("PERINTAH"), parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMAND_NAMES and not argv[0].startswith("-")):
        return _start_gui(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _start_gui([])
    from rbdesk.logfile import terminal_kept_quiet

    _stdout_through_windows_pipe()
    try:
        with terminal_kept_quiet():
            return int(args.func(args) or 0)
    except BrokenPipeError:
        return _reader_gone()
    except RbdeskError as exc:
        print(f"rbdesk: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(tr("rbdesk: dibatalkan."), file=sys.stderr)
        return 1
    except Exception:
        # A bug, not the user's doing: the traceback goes to the log, the user gets one line.
        from rbdesk.logfile import setup_logging

        path = setup_logging()
        log.exception("unexpected error in: rbdesk %s", " ".join(argv))
        print(
            tr("rbdesk: terjadi kesalahan tak terduga; rinciannya dicatat di {path}").format(
                path=path
            ),
            file=sys.stderr,
        )
        return 1


def _reader_gone() -> int:
    """The reader of the output went away (`rbdesk history FILE | head`): nothing to report.
    Point stdout at nothing so that Python's own flush at exit does not complain either."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


class _WindowsPipe(io.FileIO):
    """Windows' C runtime reports a write to a pipe whose reader went away (ERROR_NO_DATA) as
    EINVAL, not as EPIPE: stdout's writes, and only those, say it as Linux does."""

    def write(self, data: Any, /) -> int:
        try:
            return super().write(data)
        except OSError as exc:
            if exc.errno == errno.EINVAL:
                raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE)) from exc
            raise


def _stdout_through_windows_pipe() -> None:
    """On Windows, stdout that is a pipe (`rbdesk history FILE | more`) gets _WindowsPipe."""
    if sys.platform != "win32":
        return
    try:
        fd = sys.stdout.fileno()
        if not stat.S_ISFIFO(os.fstat(fd).st_mode):
            return
    except (OSError, ValueError, AttributeError):  # no stdout, or not a real file (tests)
        return
    old = sys.stdout
    old.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_WindowsPipe(fd, "w", closefd=False)),
        encoding=old.encoding,
        errors=old.errors,
        line_buffering=old.line_buffering,
    )


def _start_gui(argv: list[str]) -> int:
    if len(argv) > 1:
        build_parser().error(tr("hanya satu BERKAS yang dapat dibuka"))
    from rbdesk.ui.window.app import run_gui  # Qt is imported only when the window is wanted

    return run_gui(argv[0] if argv else None)


if __name__ == "__main__":
    sys.exit(main())
