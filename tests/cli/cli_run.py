"""Running the command line as users do: ``python -m rbdesk ...`` in a real child process
(which imports this checkout: tests/conftest.py puts it first on PYTHONPATH)."""

from __future__ import annotations

import os
import subprocess
import sys


def rbdesk(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "rbdesk", *args], capture_output=True,
                          text=True, encoding="utf-8", input=stdin, env=env, timeout=120)
