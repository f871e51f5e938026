"""Smoke-check the FROZEN rbdesk in dist/rbdesk/ (`make dist-check`; the Windows job runs it too).

It runs the built programs, never the source, each in a scratch folder:
  rbdesk-cli --version, new --sample, check, export (the SK as PDF, the workbook), import of that
  workbook into a new file, check of it; then the windowed rbdesk opened offscreen on the sample in
  smoke mode (RBDESK_SMOKE=1), once as installed and once as a portable folder (a copy of the
  build with the marker beside the program), which must keep its settings, log and backups in
  the folder. Each step prints one line; any failure ends the check with exit status 1.
This proves that every resource, font, Qt plugin and lazily imported module made it into the
bundle. The PDF and workbook are re-read here with pypdf and openpyxl (from the test extra).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = Path(os.environ.get("RBDESK_DIST") or ROOT / "dist") / "rbdesk"
EXE = ".exe" if sys.platform == "win32" else ""
WINDOW = APP / f"rbdesk{EXE}"
CLI = APP / f"rbdesk-cli{EXE}"
MARKER = ROOT / "packaging" / "rbdesk-portabel.txt"
INDICATORS = "indikator: 187"  # the 2024 sample


class CheckFailed(Exception):
    pass


def version() -> str:
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def run(
    exe: Path, *args: str | Path, env: dict[str, str], timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def expect(
    done: subprocess.CompletedProcess[str], what: str, *, contains: str = "", status: int = 0
) -> str:
    out = done.stdout + done.stderr
    if done.returncode != status or contains not in out:
        raise CheckFailed(f"{what}: exit {done.returncode} (want {status}), output:\n{out}")
    return out


def indicator_line(out: str) -> str:
    if INDICATORS not in out:
        raise CheckFailed(f"`check` does not count the sample's {INDICATORS}:\n{out}")
    return INDICATORS


def smoke_line(log: Path) -> str:
    """The smoke report, read from the log: a windowed program on Windows has no stderr."""
    lines = [
        line for line in log.read_text(encoding="utf-8").splitlines() if "rbdesk smoke:" in line
    ]
    if not lines or "rbdesk smoke: ok" not in lines[-1]:
        raise CheckFailed(f"no 'rbdesk smoke: ok' in {log}: {lines}")
    return lines[-1].split("rbdesk smoke:", 1)[1].strip()


def step(name: str, fn, *args):  # type: ignore[no-untyped-def]
    start = time.monotonic()
    detail = fn(*args)
    print(
        f"ok   {name}  ({time.monotonic() - start:.1f} s){'  ' + detail if detail else ''}",
        flush=True,
    )


def check(work: Path) -> None:
    env = {
        **os.environ,
        "RBDESK_DATA_DIR": str(work / "data"),
        "RBDESK_USER": "uji-dist",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("PYTHONPATH", None)  # the frozen program must need nothing from outside
    sample, pdf, book, imported = (
        work / "contoh.rbdesk",
        work / "sk.pdf",
        work / "rencana.xlsx",
        work / "impor.rbdesk",
    )

    def version_() -> str:
        shown = expect(
            run(CLI, "--version", env=env), "--version", contains=f"rbdesk {version()}"
        ).strip()
        # What the About box reads as the build date (rbdesk.build_info).
        info = json.loads(next(APP.rglob("build-info.json")).read_text(encoding="utf-8"))
        if info.get("version") != version() or not info.get("date"):
            raise CheckFailed(f"build-info.json in the bundle is wrong: {info}")
        return f"{shown}, built {info['date']} ({info['commit']}, {info['platform']})"

    def new_sample() -> str:
        expect(run(CLI, "new", sample, "--sample", env=env), "new --sample")
        return indicator_line(expect(run(CLI, "check", sample, env=env), "check"))

    def export_pdf() -> str:
        expect(run(CLI, "export", sample, pdf, env=env), "export SK PDF")
        from pypdf import PdfReader

        reader = PdfReader(str(pdf))
        text = "".join(page.extract_text() for page in reader.pages[:2])
        if "KEPUTUSAN" not in text.upper() or b"DejaVuSansCondensed" not in pdf.read_bytes():
            raise CheckFailed("the SK PDF lacks its title or the bundled DejaVu font")
        return f"{len(reader.pages)} pages, DejaVu embedded"

    def export_xlsx() -> str:
        expect(run(CLI, "export", sample, book, env=env), "export workbook")
        import openpyxl

        names = openpyxl.load_workbook(book, read_only=True).sheetnames
        if names[:2] != ["Lampiran I", "Lampiran II"]:
            raise CheckFailed(f"unexpected sheets in the workbook: {names}")
        return ", ".join(names)

    def import_xlsx() -> str:
        expect(run(CLI, "new", imported, env=env), "new (empty)")
        expect(run(CLI, "import", imported, book, env=env), "import", contains="187 indikator")
        return indicator_line(expect(run(CLI, "check", imported, env=env), "check imported"))

    def yearly_cycle() -> str:
        # The decree edited, reviews listed, the annual report as PDF and as a workbook with its
        # chart: modules the window and command line load only on first use.
        expect(run(CLI, "sk", sample, "--set", "date=2 Januari 2024", env=env), "sk --set")
        expect(run(CLI, "review", sample, "--list", env=env), "review --list")
        annual_pdf, annual_book = work / "tahunan.pdf", work / "tahunan.xlsx"
        for out in (annual_pdf, annual_book):
            expect(
                run(CLI, "export", sample, out, "--part", "annual", env=env),
                f"export annual report {out.suffix}",
            )
        import openpyxl
        from pypdf import PdfReader

        text = PdfReader(str(annual_pdf)).pages[0].extract_text()
        charts = sum(len(ws._charts) for ws in openpyxl.load_workbook(annual_book).worksheets)
        if "LAPORAN TAHUNAN" not in text.upper() or charts < 1:
            raise CheckFailed("the annual report lacks its title (PDF) or its chart (workbook)")
        return f"annual report: PDF and workbook ({charts} chart)"

    def window_installed() -> str:
        smoke = {**env, "RBDESK_SMOKE": "1"}
        if sys.platform != "win32":  # Qt's INI settings follow XDG_CONFIG_HOME: not the user's
            smoke["XDG_CONFIG_HOME"] = str(work / "config")
        expect(run(WINDOW, sample, env=smoke), "window (smoke mode)")
        return smoke_line(work / "data" / "log" / "rbdesk.log")

    def window_portable() -> str:
        folder = work / "portabel" / "rbdesk"
        # Plain copies: copy2's _winapi.CopyFile2 is missing under wine (make dist-check-windows).
        shutil.copytree(APP, folder, symlinks=True, copy_function=shutil.copy)
        shutil.copy(MARKER, folder / MARKER.name)
        smoke = {k: v for k, v in env.items() if k != "RBDESK_DATA_DIR"}
        smoke["RBDESK_SMOKE"] = "1"
        # With no FILE the program makes its default plan from the sample, inside the folder.
        exe = folder / WINDOW.name
        expect(run(exe, env=smoke), "portable window (smoke mode)")
        data = folder / "data"
        wanted = [
            data / "rencana-aksi.rbdesk",
            data / "rbdesk" / "rbdesk.ini",
            data / "log" / "rbdesk.log",
        ]
        missing = [str(p.relative_to(folder)) for p in wanted if not p.is_file()]
        if missing or not list((data / "cadangan").iterdir()):
            raise CheckFailed(f"portable folder lacks {missing or 'a backup'}")
        return smoke_line(data / "log" / "rbdesk.log")

    step("rbdesk-cli --version", version_)
    step("rbdesk-cli new --sample; check", new_sample)
    step("rbdesk-cli export SK PDF", export_pdf)
    step("rbdesk-cli export workbook", export_xlsx)
    step("rbdesk-cli import workbook; check", import_xlsx)
    step("rbdesk-cli sk, review, annual report PDF and xlsx", yearly_cycle)
    step("rbdesk FILE, window offscreen, RBDESK_SMOKE=1", window_installed)
    step("rbdesk portable (marker), default plan, RBDESK_SMOKE=1", window_portable)


def main() -> int:
    if not WINDOW.is_file() or not CLI.is_file():
        print(f"no build in {APP}: run `make dist` first", file=sys.stderr)
        return 1
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="rbdesk-dist-check-") as tmp:
        try:
            check(Path(tmp))
        except (CheckFailed, subprocess.TimeoutExpired, OSError) as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            for log in sorted(Path(tmp).rglob("rbdesk.log")):
                print(f"--- {log}:\n{log.read_text(encoding='utf-8')[-4000:]}", file=sys.stderr)
            return 1
    print(f"dist-check passed: the frozen rbdesk in {APP} ({time.monotonic() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
