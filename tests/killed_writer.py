"""A writer killed mid-commit, as a power cut or a killed rbdesk leaves a file: a hot journal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Starts a big transaction with a tiny page cache (so changed pages spill into the file itself),
# then dies without committing or rolling back.
KILLED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=delete")
conn.execute("PRAGMA cache_size=1")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE indicator SET text = 'TIDAK PERNAH DISIMPAN', note = hex(randomblob(200))")
conn.execute("UPDATE person SET name = 'TIDAK PERNAH DISIMPAN'")
os._exit(9)
"""


def kill_mid_commit(path: Path) -> None:
    """Leave ``path`` with the hot journal of a writer killed while changing every indicator and
    person: rbdesk must read past it to the committed state."""
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], timeout=60)
