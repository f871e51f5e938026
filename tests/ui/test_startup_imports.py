"""``rbdesk FILE`` loads only what its first screen needs: no Excel or PDF library, no merge,
history, dump or load machinery, no command-line subcommands, no dialog beyond the first-start
name question. Checked in a fresh process that really starts the window and quits once it has
been shown (``RBDESK_REPORT_SHOWN=1``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rbdesk import cli
from rbdesk.ui.window.shown_probe import ENV, LINE

# Module names (and everything under them) the first screen must not import.
NOT_AT_START = (
    "openpyxl",
    "reportlab",
    "defusedxml",
    "lxml",
    "rbdesk.exports",
    "rbdesk.subcommands",
    "rbdesk.models.interchange.merge",
    "rbdesk.models.interchange.merge_decisions",
    "rbdesk.models.interchange.merge_snapshot",
    "rbdesk.models.interchange.dump",
    "rbdesk.models.interchange.load",
    "rbdesk.models.interchange.plan_import",
    "rbdesk.models.interchange.sample_data",
    "rbdesk.models.domain.history",
    "rbdesk.ui.dialogs.merge",
    "rbdesk.ui.dialogs.history",
    "rbdesk.ui.dialogs.restore",
    "rbdesk.ui.dialogs.roster",
    "rbdesk.ui.dialogs.decree",
)

START = """
import sys
from rbdesk import cli
code = cli.main([sys.argv[1]])
print("MODULES", " ".join(sorted(sys.modules)))
sys.exit(code)
"""


def _forbidden(loaded: set[str]) -> set[str]:
    return {m for m in loaded if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)}


def test_the_check_sees_a_forbidden_module() -> None:
    assert _forbidden({"openpyxl.cell", "rbdesk.models.interchange.merge", "json"}) == {
        "openpyxl.cell",
        "rbdesk.models.interchange.merge",
    }
    assert not _forbidden({"rbdesk.models.interchange", "rbdesk.exportsx"})


def test_starting_the_window_imports_only_the_first_screen(
    sample_path: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    (config / "rbdesk").mkdir(parents=True)
    (config / "rbdesk" / "rbdesk.ini").write_text("[user]\nname=Penguji\n", encoding="utf-8")
    root = Path(cli.__file__).resolve().parents[1]
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    )
    env[ENV] = "1"
    out = subprocess.run(
        [sys.executable, "-c", START, str(sample_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert LINE in lines  # the window was shown, then quit
    loaded = set(next(x for x in lines if x.startswith("MODULES ")).split()[1:])
    assert "rbdesk.ui.window.main_window" in loaded and "PySide6.QtWidgets" in loaded
    assert not _forbidden(loaded)


def test_command_names_match_the_parser() -> None:
    parser = cli.build_parser()
    choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(choices) == cli.COMMAND_NAMES
