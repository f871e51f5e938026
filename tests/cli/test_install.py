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
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    installed = target / "rbdesk" / "resources"
    assert (installed / "sample" / "kupang_2024.json").is_file()
    assert list((installed / "fonts").glob("*.ttf"))
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-m", "rbdesk", "new", str(tmp_path / "x.rbdesk"), "--sample"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    check = subprocess.run(
        [sys.executable, "-m", "rbdesk", "check", str(tmp_path / "x.rbdesk")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "indikator: 187" in check.stdout
