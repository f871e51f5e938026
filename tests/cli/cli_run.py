"""Running the command line as users do: ``python -m rbdesk ...`` in a real child process
(which imports this checkout: tests/conftest.py puts it first on PYTHONPATH)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys


def rbdesk(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "rbdesk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        env=env,
        timeout=120,
    )


def rbdesk_here(*args: str) -> subprocess.CompletedProcess[str]:
    """The same command through ``cli.main(argv)`` in this process: what a subprocess adds
    (a fresh interpreter, real exit) proves nothing for most commands, and costs a second."""
    from rbdesk import cli

    # Text streams over bytes, as a console's are: `rbdesk dump` writes its UTF-8 bytes to
    # sys.stdout.buffer.
    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse: --help, --version, bad usage
            code = exc.code if isinstance(exc.code, int) else 1

    def text(stream: io.TextIOWrapper) -> str:
        stream.flush()
        raw = stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
        # What the subprocess's text mode reads: a console's "\r\n" (Windows) becomes "\n".
        return raw.replace("\r\n", "\n")

    return subprocess.CompletedProcess(["rbdesk", *args], code, text(out), text(err))
