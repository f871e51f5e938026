"""A plain (non-editable) install carries the sample and the fonts inside the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_plain_install_has_resources(tmp_path: Path) -> None:
    src = tmp_path / "src"
    # Copy the tree so that the build's own scratch folders never land in the checkout.
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", "bench"
        ),
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target, src],
        check=True,
        capture_output=True,
        timeout=300,
    )
    installed = target / "rbdesk" / "resources"
    assert (installed / "sample" / "kupang_2024.json").is_file()
    assert list((installed / "fonts").glob("*.ttf"))
    # The installed copy first on the path, said in the command: Windows' embeddable Python
    # (`make test-windows`) ignores PYTHONPATH.
    run_installed = (
        "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); import rbdesk; "
        "assert rbdesk.__file__.startswith(sys.path[0]), rbdesk.__file__; "
        "runpy.run_module('rbdesk', run_name='__main__', alter_sys=True)"
    )

    def installed(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", run_installed, str(target), *args],
            cwd=tmp_path,
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
            capture_output=True,
            text=True,
            timeout=120,
        )

    out = installed("new", str(tmp_path / "x.rbdesk"), "--sample")
    assert out.returncode == 0, out.stderr
    check = installed("check", str(tmp_path / "x.rbdesk"))
    assert "indikator: 187" in check.stdout, check.stderr
