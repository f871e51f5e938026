"""`make dist-check-windows` and `make test-windows`: the Windows rbdesk exercised under wine.

check_office(): what an office PC gets, in a FRESH wine prefix, on Xvfb at 1366x768 with openbox:
  the silent per-user install; the .rbdesk association's keys in HKCU only; the installed
  rbdesk-cli.exe (--version, new --sample, check, the SK and plan PDFs on F4 as asli and salinan,
  the workbook export and import, merge, backup and backup --restore, history --xlsx) on a plan
  in "Dokumen Kantor\\Rencana Aksi Tahun 2024 – Revisi.rbdesk"; the installed window in smoke mode
  and then for real, the name question answered with the keyboard and the main window
  photographed (dist/windows/screenshot-installed.png, a CI artefact); the portable zip unpacked
  elsewhere, run, and shown to write nothing into the user profile; the silent uninstall, which
  leaves plans, backups and settings and no registry key of the association.
run_tests(): the unit and command-line tests on the Windows interpreter (build/windows/python),
  rbdesk installed beside them as pip lays it out: WINDOWS_TESTS in CI, or all of them.
Every step prints one line with its time; any failure ends with a message and exit status 1.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from wine import (
    DIST,
    PYTHON,
    ROOT,
    WORK,
    Failed,
    Wine,
    build_prefix,
    folder_size,
    pip,
    say,
    screen,
    setup_exe,
    version,
    windows_python,
    winpath,
    zip_file,
)

PLAN_NAME = "Rencana Aksi Tahun 2024 – Revisi.rbdesk"
INDICATORS = "indikator: 187"  # the 2024 sample
F4_POINTS = (609.4, 935.4)  # 215 x 330 mm
SCREENSHOT = DIST / "screenshot-installed.png"
CLASSES = r"HKCU\Software\Classes"


def step(name: str, fn: Callable[[], str]) -> None:
    start = time.monotonic()
    detail = fn()
    say(f"ok   {name}  ({time.monotonic() - start:.1f} s){'  ' + detail if detail else ''}")


def expect(result: tuple[int, str], what: str, contains: str = "", status: int = 0) -> str:
    code, out = result
    if code != status or contains not in out:
        raise Failed(f"{what}: exit status {code} (want {status}), wanted {contains!r} in:\n{out}")
    return out


def tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """Every file under folder with its size and time, to tell what a program wrote."""
    found = {}
    for p in folder.rglob("*"):
        rel = p.relative_to(folder).as_posix()
        if p.is_file() and not p.is_symlink() and not rel.lower().startswith(skip):
            st = p.stat()
            found[rel] = (st.st_size, st.st_mtime_ns)
    return found


def xdotool(display: str, *args: str, timeout: float = 30) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return done.stdout.strip() if done.returncode == 0 else ""


def wait_window(display: str, title: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(display, "search", "--onlyvisible", "--name", title)
        if found:
            return found.splitlines()[0]
        time.sleep(1)
    raise Failed(f"no window titled {title!r} after {timeout:.0f} s")


def pdf_facts(path: Path) -> tuple[int, tuple[float, float], str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    text = "".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), (float(box.width), float(box.height)), text


def check_office() -> None:
    start = time.monotonic()
    setup, portable_zip = setup_exe(), zip_file()
    for needed in (setup, portable_zip):
        if not needed.is_file():
            raise Failed(f"no {needed}: run `make dist-windows` first")
    home = WORK / "office-home"  # wine links the profile's folders into $HOME: not the user's
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    with screen() as display:
        wine = Wine(WORK / "office", display)
        wine.env.update(HOME=str(home), LANG="C.UTF-8", LC_ALL="C.UTF-8")
        for name in (
            "QT_QPA_PLATFORM",
            "RBDESK_DATA_DIR",
            "RBDESK_USER",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "RBDESK_SMOKE",
        ):
            wine.env.pop(name, None)
        try:
            wine.setup()
            _office(wine, display, setup, portable_zip)
        finally:
            wine.kill()
    say(f"dist-check-windows passed in {time.monotonic() - start:.0f} s")


def _office(wine: Wine, display: str, setup: Path, portable_zip: Path) -> None:
    profile = wine.user_dir()
    local, roaming = profile / "AppData" / "Local", profile / "AppData" / "Roaming"
    app = local / "Programs" / "rbdesk"
    office = profile / "Documents" / "Dokumen Kantor"
    office.mkdir(parents=True, exist_ok=True)
    plan = office / PLAN_NAME
    c = "C:" + "\\"

    def win(path: Path) -> str:
        return c + str(path.relative_to(wine.prefix / "drive_c")).replace("/", "\\")

    def cli(*args: str | Path, timeout: float = 300) -> tuple[int, str]:
        return wine.run(
            [win(app / "rbdesk-cli.exe"), *(win(a) if isinstance(a, Path) else a for a in args)],
            timeout=timeout,
            check=False,
            echo=False,
            cwd=office,
        )

    def install() -> str:
        log = WORK / "office-setup.log"
        wine.run(
            [
                winpath(setup),
                "/VERYSILENT",
                "/SUPPRESSMSGBOXES",
                "/NORESTART",
                "/CURRENTUSER",
                f"/LOG={winpath(log)}",
            ],
            timeout=900,
        )
        wine.wait_idle(300)
        for exe in ("rbdesk.exe", "rbdesk-cli.exe", "unins000.exe"):
            if not (app / exe).is_file():
                raise Failed(f"the install has no {exe} in {app}")
        if (app / "rbdesk-portabel.txt").exists():
            raise Failed("the portable marker was installed")
        return f"{win(app)}: {folder_size(app) / 2**20:.1f} MiB"

    def registry() -> str:
        values = {
            rf"{CLASSES}\.rbdesk": "rbdesk.Berkas",
            rf"{CLASSES}\rbdesk.Berkas\shell\open\command": rf'"{win(app)}\rbdesk.exe" "%1"',
            rf"{CLASSES}\rbdesk.Berkas\DefaultIcon": rf'"{win(app)}\rbdesk.exe",0',
            rf"{CLASSES}\Applications\rbdesk.exe\SupportedTypes": ".rbdesk",
        }
        for key, want in values.items():
            code, out = wine.reg("query", key, check=False)
            if code != 0 or want.lower() not in out.lower():
                raise Failed(f"registry {key}: wanted {want!r}, got:\n{out}")
        machine = (wine.prefix / "system.reg").read_text(encoding="utf-8", errors="replace")
        if "rbdesk" in machine.lower():
            raise Failed("HKLM names rbdesk: the per-user install wrote machine-wide keys")
        return 'HKCU .rbdesk -> rbdesk.Berkas -> rbdesk.exe "%1"; nothing in HKLM'

    def cli_version() -> str:
        return expect(cli("--version"), "--version", f"rbdesk {version()}").strip()

    def new_check() -> str:
        expect(cli("new", plan, "--sample"), "new --sample")
        expect(cli("check", plan), "check", INDICATORS)
        return f"{win(plan)}: {INDICATORS}"

    def pdfs() -> str:
        seen = []
        for part, copy in (
            ("sk", "asli"),
            ("sk", "salinan"),
            ("plan", "asli"),
            ("plan", "salinan"),
        ):
            out = office / f"{part}-{copy}.pdf"
            expect(
                cli("export", plan, out, "--part", part, "--paper", "f4", "--copy", copy),
                f"export {part} {copy}",
            )
            pages, size, text = pdf_facts(out)
            # the decree is upright, the plan's wide tables lie on their side
            if any(abs(a - b) > 2 for a, b in zip(sorted(size), F4_POINTS, strict=True)):
                raise Failed(f"{out.name} is not F4: {size}")
            if part == "sk" and "KEPUTUSAN" not in text.upper():
                raise Failed(f"{out.name} lacks the decree's title")
            if ("salinan sesuai" in text.lower()) != (copy == "salinan"):
                raise Failed(f"{out.name}: the 'Salinan sesuai dengan aslinya' block is wrong")
            seen.append(f"{out.name} {pages} p.")
        return ", ".join(seen) + " (F4)"

    def workbook() -> str:
        import openpyxl

        book, imported = office / "rencana.xlsx", office / "impor.rbdesk"
        expect(cli("export", plan, book), "export workbook")
        names = openpyxl.load_workbook(book, read_only=True).sheetnames
        if names[:2] != ["Lampiran I", "Lampiran II"]:
            raise Failed(f"unexpected sheets: {names}")
        expect(cli("new", imported), "new (empty)")
        expect(cli("import", imported, book), "import", "187 indikator")
        expect(cli("check", imported), "check imported", INDICATORS)
        return f"{', '.join(names)}; imported: {INDICATORS}"

    def merge() -> str:
        copy = office / "salinan dari Budi.rbdesk"
        expect(cli("copy", plan, copy), "copy")
        expect(cli("sk", copy, "--set", "date=15 Februari 2024"), "sk --set on the copy")
        expect(cli("merge", plan, copy, "--yes"), "merge")
        return (
            expect(cli("sk", plan), "sk after merge", "date: 2024-02-15")
            and "the copy's SK date merged back"
        )

    def backups() -> str:
        restored = office / "pulih.rbdesk"
        expect(cli("backup", plan), "backup")
        listing = expect(cli("backup", plan, "--list"), "backup --list")
        expect(cli("backup", plan, "--restore", "1", restored), "backup --restore")
        expect(cli("check", restored), "check restored", INDICATORS)
        if not any((local / "rbdesk" / "cadangan").rglob("*")):
            raise Failed(f"no backup in {local / 'rbdesk' / 'cadangan'}:\n{listing}")
        return f"restored #1: {INDICATORS}"

    def history() -> str:
        import openpyxl

        out = office / "riwayat.xlsx"
        expect(cli("history", plan, "--xlsx", out), "history --xlsx")
        rows = sum(ws.max_row for ws in openpyxl.load_workbook(out, read_only=True).worksheets)
        return f"{out.name}: {rows} rows"

    def smoke() -> str:
        wine.run(
            [win(app / "rbdesk.exe"), win(plan)],
            env={"RBDESK_SMOKE": "1"},
            timeout=300,
            cwd=office,
            echo=False,
        )
        log = local / "rbdesk" / "log" / "rbdesk.log"
        lines = [x for x in log.read_text(encoding="utf-8").splitlines() if "rbdesk smoke:" in x]
        if not lines or "rbdesk smoke: ok" not in lines[-1]:
            raise Failed(f"no 'rbdesk smoke: ok' in {log}: {lines}")
        return lines[-1].split("rbdesk smoke:", 1)[1].strip()

    def window() -> str:
        proc = subprocess.Popen(
            ["wine", win(app / "rbdesk.exe"), win(plan)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=wine.env,
            cwd=office,
        )
        assert proc.stdout is not None
        threading.Thread(target=proc.stdout.read, daemon=True).start()
        try:
            dialog = wait_window(display, "Nama pengguna", 240)
            xdotool(display, "windowactivate", "--sync", dialog)
            time.sleep(1)
            xdotool(display, "key", "--clearmodifiers", "ctrl+a")
            xdotool(display, "type", "--delay", "50", "Siti Aminah")
            xdotool(display, "key", "Return")
            main = wait_window(display, PLAN_NAME, 240)
            xdotool(display, "windowactivate", main)
            time.sleep(5)  # the docks and the grid paint after the window shows
            title = xdotool(display, "getwindowname", main)
            if not title.startswith(PLAN_NAME) or "Rencana Aksi" not in title:
                raise Failed(f"the window shown is not the main window: {title!r}")
            subprocess.run(
                ["import", "-display", display, "-window", "root", str(SCREENSHOT)],
                check=True,
                timeout=60,
                stdin=subprocess.DEVNULL,
            )
            xdotool(display, "windowclose", main)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
            wine.kill()
        ini = roaming / "rbdesk" / "rbdesk.ini"
        if not ini.is_file() or "Siti Aminah" not in ini.read_text(encoding="utf-8"):
            raise Failed(f"the name answered was not kept in {ini}")
        return f"{title!r}, screenshot {SCREENSHOT.relative_to(ROOT)}"

    def portable() -> str:
        folder = wine.prefix / "drive_c" / "Aplikasi Portabel"
        with zipfile.ZipFile(portable_zip) as z:
            z.extractall(folder)
        exe = folder / "rbdesk"
        before = tree(profile, skip=("appdata/local/temp",))
        expect(
            wine.run(
                [win(exe / "rbdesk-cli.exe"), "--version"], timeout=300, check=False, echo=False
            ),
            "portable --version",
            f"rbdesk {version()}",
        )
        wine.run(
            [win(exe / "rbdesk.exe")], env={"RBDESK_SMOKE": "1"}, timeout=300, echo=False, cwd=exe
        )
        data = exe / "data"
        wanted = [data / "rencana-aksi.rbdesk", data / "log" / "rbdesk.log"]
        missing = [str(p) for p in wanted if not p.is_file()]
        if missing:
            raise Failed(f"the portable folder lacks {missing}")
        after = tree(profile, skip=("appdata/local/temp",))
        changed = sorted(k for k in after if before.get(k) != after[k])
        changed += sorted(k for k in before if k not in after)
        # wine's own bookkeeping of the prefix, not rbdesk's writing
        changed = [k for k in changed if not k.lower().endswith(".reg")]
        if changed:
            raise Failed(f"the portable rbdesk wrote into the user profile: {changed}")
        return f"{win(folder)}: data kept in the folder, nothing in {win(profile)}"

    def uninstall() -> str:
        wine.run(
            [win(app / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"],
            timeout=600,
        )
        wine.wait_idle(300)
        if (app / "rbdesk.exe").exists():
            raise Failed("the program was not removed")
        # wineserver has saved the registry (wait_idle): any key left, even an empty one
        user = (wine.prefix / "user.reg").read_text(encoding="utf-8", errors="replace").lower()
        for key in (
            r"Software\\Classes\\.rbdesk]",
            r"Software\\Classes\\rbdesk.Berkas",
            r"Software\\Classes\\Applications\\rbdesk.exe",
        ):
            if "[" + key.lower() in user:
                raise Failed(f"the uninstaller left the key {key.rstrip(']')} in user.reg")
        kept = [plan, local / "rbdesk" / "cadangan", roaming / "rbdesk" / "rbdesk.ini"]
        lost = [str(p) for p in kept if not p.exists()]
        if lost or not any((local / "rbdesk" / "cadangan").iterdir()):
            raise Failed(f"the uninstaller removed the user's files: {lost or 'backups'}")
        return "program and association keys gone; plans, backups and settings kept"

    step("install per user (silent)", install)
    step("registry: the .rbdesk association in HKCU", registry)
    step("rbdesk-cli --version", cli_version)
    step("rbdesk-cli new --sample; check (a path with spaces and an en dash)", new_check)
    step("rbdesk-cli export SK and plan PDFs, F4, asli and salinan", pdfs)
    step("rbdesk-cli export workbook; import; check", workbook)
    step("rbdesk-cli copy; sk --set on the copy; merge", merge)
    step("rbdesk-cli backup; --list; --restore; check", backups)
    step("rbdesk-cli history --xlsx", history)
    step("rbdesk.exe FILE, RBDESK_SMOKE=1", smoke)
    step("rbdesk.exe FILE: name question answered, main window photographed", window)
    step("portable zip unpacked elsewhere and run", portable)
    step("uninstall (silent)", uninstall)


# `make test-windows` in CI: the tests of what Windows can break - paths and file names
# (reserved names, drive letters, case), opening, locking and replacing files (storage,
# backups, hot journals, read-only files), what is written (exports, line endings) and read
# (imports), and the command line. Left to `make test-windows-all` (`test --all`): what is the
# same on every platform (the merge, the decree and review rules, reports' arithmetic, the
# sample's content, layering and benchmark checks), each tested by `make test` on Linux.
WINDOWS_TESTS = [
    "tests/unit/test_file_names.py",
    "tests/unit/test_locations.py",
    "tests/unit/test_cloud_sync.py",
    "tests/unit/test_windows_installer.py",
    "tests/unit/test_entry_points.py",
    "tests/unit/test_bad_files.py",
    "tests/unit/test_open_and_migrate.py",
    "tests/unit/test_backups.py",
    "tests/unit/test_private_files.py",
    "tests/unit/test_realisation.py",
    "tests/unit/test_control_chars.py",
    "tests/unit/test_dump.py",
    "tests/unit/test_export_pdf.py",
    "tests/unit/test_export_pdf_copies.py",
    "tests/unit/test_export_excel.py",
    "tests/unit/test_sheet_xml.py",
    "tests/unit/test_import_excel.py",
    "tests/unit/test_import_bounds.py",
    "tests/unit/test_history.py",
    "tests/cli/test_cli_core.py",
    "tests/cli/test_cli_outputs.py",
    "tests/cli/test_cli_recovery.py",
    "tests/cli/test_cli_sharing.py",
    "tests/cli/test_cli_messages.py",
    "tests/cli/test_import_layouts.py",
    "tests/cli/test_leftovers.py",
    "tests/cli/test_outside_bytes.py",
]


def run_tests(pytest_args: list[str], *, everything: bool = False) -> int:
    """The unit and command-line tests on the Windows interpreter, under wine: WINDOWS_TESTS,
    or with ``everything`` all of tests/unit and tests/cli, or what ``pytest_args`` name."""
    start = time.monotonic()
    python = windows_python()

    site = WORK / "test-site"
    shutil.rmtree(site, ignore_errors=True)
    # rbdesk as pip lays it out (rbdesk.resources inside the package); pure Python, so the Linux
    # pip installs it for Windows as well.
    pip("install", "--no-compile", "--no-build-isolation", "--target", site, ROOT, timeout=600)
    wine = build_prefix()
    # The embeddable interpreter ignores PYTHONPATH (its ._pth file rules), also in the CLI
    # tests' child processes: a .pth file puts rbdesk and the checkout on their path, for this
    # run only.
    pth = PYTHON / "Lib" / "site-packages" / "rbdesk-test-windows.pth"
    pth.write_text(f"{winpath(site)}\n{winpath(ROOT)}\n", encoding="utf-8")
    args = pytest_args or (["tests/unit", "tests/cli"] if everything else WINDOWS_TESTS)
    # -v: one line a test, so that a slow or stuck test shows by name; a test stuck for 300 s
    # ends the run with every thread's stack (pytest-timeout).
    options = [
        "-v",
        "-p",
        "no:cacheprovider",
        "--timeout=300",
        "--timeout-method=thread",
        "--durations=25",
    ]
    code = f"import sys, pytest; sys.exit(pytest.main({[*options, *args]!r}))"
    env = {"RBDESK_UNDER_WINE": "1", "QT_QPA_PLATFORM": "offscreen"}
    try:
        status, _ = wine.run(
            [winpath(python), "-c", code], cwd=ROOT, env=env, timeout=3000, check=False
        )
    finally:
        pth.unlink(missing_ok=True)
        wine.kill()
    say(f"test-windows: pytest under wine exited {status} in {time.monotonic() - start:.0f} s")
    return status
