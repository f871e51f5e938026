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
    return subprocess.run([sys.executable, "-m", "rbdesk", *args], capture_output=True,
                          text=True, encoding="utf-8", input=stdin, env=env, timeout=120)


def rbdesk_here(*args: str) -> subprocess.CompletedProcess[str]:
    """The same command through ``cli.main(argv)`` in this process: what a subprocess adds
    (a fresh interpreter, real exit) proves nothing for most commands, and costs a second."""
    from rbdesk import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse: --help, --version, bad usage
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["rbdesk", *args], code, out.getvalue(), err.getvalue())
