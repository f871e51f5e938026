"""Small workbooks that claim a huge sheet (issue 18 item 8): the import's work is bounded by
what the sheet really holds, whatever its merged ranges or dimension say."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

from rbdesk.exports.excel.grid import SheetGrid
from rbdesk.exports.excel.periods import written_months

CHILD = r"""
import json, sys
if sys.platform != "win32":
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
import contextlib, io
from rbdesk.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
    code = main(["import", sys.argv[1], sys.argv[2], "--dry-run"])
if sys.platform == "win32":
    # Windows has no address-space limit to set; its peak working set is this process's own.
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
            (name, ctypes.c_size_t)
            for name in (
                "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
                "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage",
                "PagefileUsage", "PeakPagefileUsage",
            )
        ]

    counters = Counters(cb=ctypes.sizeof(Counters))
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    kernel32.K32GetProcessMemoryInfo.argtypes = [
        wintypes.HANDLE, ctypes.POINTER(Counters), wintypes.DWORD
    ]
    if not kernel32.K32GetProcessMemoryInfo(
        kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb
    ):
        raise ctypes.WinError(ctypes.get_last_error())
    peak_kb = counters.PeakWorkingSetSize // 1024
else:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so it would report the size of
    # the (late in the suite, large) pytest process that started this child, not its own peak.
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"code": code, "out": out.getvalue(), "peak_kb": peak_kb}))
"""


def _small_plan(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lampiran II"
    ws.append(["RENCANA AKSI 2025"])
    ws.append(
        ["NO", "AREA PERUBAHAN", "KEGIATAN", "SUB KEGIATAN", "INDIKATOR KEBERHASILAN"]
        + ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop", "Des"]
        + ["KETERANGAN"]
    )
    for i in range(40):
        ws.append(
            [
                i + 1,
                f"Area {i // 10}",
                f"Kegiatan {i}",
                f"Sub {i}",
                f"Indikator {i}",
                *(["√" if m == i % 12 else None for m in range(12)]),
                None,
            ]
        )
    wb.save(path)
    return path


def _claim_everything(path: Path, refs: list[str]) -> Path:
    """Put merged ranges and a sheet dimension over all of Excel's 17 billion cells."""
    out = path.with_name("besar.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', text)
                merges = "".join(f'<mergeCell ref="{r}"/>' for r in refs)
                text = text.replace(
                    "</sheetData>",
                    f'</sheetData><mergeCells count="{len(refs)}">{merges}</mergeCells>',
                )
                data = text.encode()
            dst.writestr(info, data)
    return out


def test_a_merge_over_the_whole_sheet_costs_what_the_sheet_holds(
    tmp_path: Path, sample_path: Path
) -> None:
    book = _claim_everything(
        _small_plan(tmp_path / "kecil.xlsx"), ["A1:XFD1048576", "T1:XFD1048576", "A45:XFD1048576"]
    )
    assert book.stat().st_size < 64 * 1024
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(sample_path), str(book)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, result["out"]
    assert "4 area, 40 kegiatan, 40 sub kegiatan, 40 indikator" in result["out"]
    assert "A1:XFD1048576 menutupi sel lain yang berisi" in result["out"]
    # the whole interpreter with openpyxl: generous, and far below the 2.8 GB seen before
    assert result["peak_kb"] < 400 * 1024, result["peak_kb"]


def test_merges_are_clipped_to_the_cells_the_sheet_has() -> None:
    grid = SheetGrid("S", values={1: {1: "a", 2: "b"}, 3: {1: "c"}})
    grid.set_merges(["B2:XFD1048576", "A3:A1048576", "C1:XFD1"])
    assert grid.merges == [(2, 2, 3, 2)]  # A3:… is a single cell once clipped; C1:… is gone
    assert grid.anchor(3, 2) == (2, 2) and grid.anchor(4, 2) is None


def test_periods_written_in_words() -> None:
    cases = {
        "Jan – Mar": [1, 2, 3],
        "Jan s.d. Mar": [1, 2, 3],
        "Jan s/d Mar": [1, 2, 3],
        "Triwulan II": [4, 5, 6],
        "TW IV": [10, 11, 12],
        "Semester I": [1, 2, 3, 4, 5, 6],
        "Bulan ke-3": [3],
        "Agt": [8],
        "Nop": [11],
        "Jan, Apr dan Jul": [1, 4, 7],
        "Januari - Desember 2025": list(range(1, 13)),
        "Nov–Feb": [1, 2, 11, 12],
        "setiap bulan": list(range(1, 13)),
        "Q3": [7, 8, 9],
    }
    assert {t: written_months(t) for t in cases} == cases
    assert written_months("Sosialisasi") is None and written_months(3) is None
