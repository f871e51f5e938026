"""Build the frozen one-folder rbdesk, dist/rbdesk/, and with --zip the portable zip beside it.

    .venv/bin/python packaging/build.py [--zip]        (`make dist` runs it with --zip)

The same script runs on Linux here and on the Windows build job (.github/workflows/windows.yml):
1. install rbdesk, as pip lays it out (rbdesk.resources inside the package), into build/site;
2. write build-info.json (date, commit, platform) into that package's resources;
3. freeze it with PyInstaller through packaging/rbdesk.spec into dist/rbdesk/;
4. --zip: dist/rbdesk-VERSION-PLATFORM-portabel.zip, the folder plus the portable marker, which
   makes the program keep its settings, log and backups in the folder (the installer leaves the
   marker out).
`make dist-windows` runs it under wine with the Windows interpreter (packaging/windows/wine.py),
which sets RBDESK_DIST (dist/windows), RBDESK_BUILD_COMMIT (git is not visible from there) and
RBDESK_BUILD_OFFLINE (rbdesk installed with no index and no build isolation: nothing unpinned).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
DIST = Path(os.environ.get("RBDESK_DIST") or ROOT / "dist")
APP = DIST / "rbdesk"
MARKER = ROOT / "packaging" / "rbdesk-portabel.txt"
ZIP_BUDGET = 120 * 1024 * 1024  # the portable zip's budget (issue 11)


def version() -> str:
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def platform_tag() -> str:
    machine = {"amd64": "x64", "x86_64": "x64"}.get(
        platform.machine().lower(), platform.machine().lower()
    )
    return f"{platform.system().lower()}-{machine}"


def zip_path() -> Path:
    return DIST / f"rbdesk-{version()}-{platform_tag()}-portabel.zip"


def run(cmd: list[str], **kw: object) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)  # type: ignore[call-overload]


def commit() -> str:
    if os.environ.get("RBDESK_BUILD_COMMIT"):
        return os.environ["RBDESK_BUILD_COMMIT"]
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return out.stdout.strip() or "?"


def install_site() -> Path:
    """A plain install of this checkout into build/site, from a copy of the tree."""
    src, site = BUILD / "src", BUILD / "site"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    # Copy first, so that the install's scratch folders never land in the checkout.
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "build",
            "dist",
            "*.egg-info",
            "__pycache__",
            ".hypothesis",
            "bench",
            "tests",
            "docs",
            ".mypy_cache",
            ".ruff_cache",
        ),
    )
    offline = (
        ["--no-index", "--no-build-isolation"] if os.environ.get("RBDESK_BUILD_OFFLINE") else []
    )
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-compile",
            *offline,
            "--target",
            str(site),
            str(src),
        ]
    )
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    info = {
        "version": version(),
        "date": when.strftime("%Y-%m-%d"),
        "commit": commit(),
        "platform": platform_tag(),
    }
    (site / "rbdesk" / "resources" / "build-info.json").write_text(
        json.dumps(info, sort_keys=True), encoding="utf-8"
    )
    return site


def freeze(site: Path) -> None:
    shutil.rmtree(APP, ignore_errors=True)
    env = {**os.environ, "RBDESK_BUILD_SITE": str(site)}
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(ROOT / "packaging" / "rbdesk.spec"),
        ],
        env=env,
    )


def make_zip() -> Path:
    out = zip_path()
    out.unlink(missing_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for path in sorted(APP.rglob("*")):
            if path.is_file():
                z.write(path, Path("rbdesk") / path.relative_to(APP))
        z.write(MARKER, Path("rbdesk") / MARKER.name)
    return out


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", action="store_true", help="also make the portable zip")
    args = parser.parse_args()
    start = time.monotonic()
    freeze(install_site())
    print(
        f"built {APP}: {folder_size(APP) / 2**20:.1f} MiB in "
        f"{sum(1 for p in APP.rglob('*') if p.is_file())} files",
        flush=True,
    )
    if args.zip:
        out = make_zip()
        size = out.stat().st_size
        print(f"zipped {out.name}: {size / 2**20:.1f} MiB (budget {ZIP_BUDGET / 2**20:.0f} MiB)")
        if size > ZIP_BUDGET:
            print("the portable zip is over its budget", file=sys.stderr)
            return 1
    print(f"done in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
