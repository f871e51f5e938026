"""Where the lines of rbdesk/ui came from since issue 22 was filed.

Issue 22 asks that the window's redesign leave ``rbdesk/ui`` no larger than it was at filing. Other
issues (20 and 21) added window features after that day, so the raw count alone cannot answer. This
script rebuilds ``rbdesk/ui`` at every main-line commit since the filing, formats each copy with
today's ``ruff format`` settings (the filing predates the formatter, so unformatted counts would
compare line breaks, not code), counts the lines, and charges each commit's change to the issue it
worked on. Run from a clone with its history: ``python bench/code_size.py``.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILED_AT = "cd05585"  # main when issue 22 was filed
UI = "rbdesk/ui"

# The main-line commits that changed rbdesk/ui for another issue's features. Every other commit
# since the filing is charged to issue 22 (the redesign, its clean-ups and the formatter).
FEATURES: dict[str, str] = {
    "e417465": "18",  # evidence names lose bidi controls on every way in
    "7cbb331": "18",  # merge18: field-by-field merges
    "775af42": "20",  # print20: printed text whole, Qt's texts in Indonesian
    "93a2256": "21",  # window import lists left-out cells
    "1ce25b7": "21",  # window import question fits 1280x720
    "e25fdd7": "20",  # restore opens the restored copy
    "5281abb": "20",  # first window fits the screen
    "3890a9c": "20",  # messages belong to their moment
    "3321972": "20",  # review box uses the current user
    "f5b4e40": "21",  # i21b: the import assistant
    "9c36d7c": "21",  # i21c: quarterly reports and the quarter view
    "598ba09": "20",  # o20b: keyboard everywhere, the 1366 layout
    "e01ee53": "21",  # i21a: target, satuan, penanggung jawab, level names
    "9dda65f": "21",  # Uraian's width with the optional columns
    "e120089": "20",  # o20c: colleagues' texts, merge dialog, print preview
    "2d40d6d": "21",  # reports name the plan's own first level
}


def git(*args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True).stdout


def ui_lines(commit: str, ruff: str) -> int:
    """The formatted line count of rbdesk/ui at ``commit``."""
    with tempfile.TemporaryDirectory(prefix="rbdesk-size-") as tmp:
        archive = git("archive", "--format=tar", commit, UI)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        subprocess.run(
            [ruff, "format", "--quiet", "--config", str(ROOT / "pyproject.toml"), tmp],
            check=True,
        )
        return sum(len(p.read_bytes().splitlines()) for p in Path(tmp).rglob("*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ruff", default=str(Path(sys.executable).parent / "ruff"))
    parser.add_argument("--until", default="HEAD")
    parser.add_argument("-v", "--verbose", action="store_true", help="one row per commit")
    args = parser.parse_args(argv)

    commits = git("rev-list", "--first-parent", "--reverse", f"{FILED_AT}..{args.until}")
    previous = filed = ui_lines(FILED_AT, args.ruff)
    by_issue: dict[str, int] = defaultdict(int)
    for full in commits.decode().split():
        short = full[:7]
        now = ui_lines(full, args.ruff)
        issue = FEATURES.get(short, "22")
        by_issue[issue] += now - previous
        if args.verbose and now != previous:
            subject = git("log", "-1", "--format=%s", full).decode().strip()[:70]
            print(f"{short}  issue {issue:>2}  {now - previous:+6d}  {subject}")
        previous = now

    print(f"rbdesk/ui at filing ({FILED_AT}), formatted   {filed:7d}")
    for issue in sorted(by_issue):
        print(f"  change charged to issue {issue:>2}           {by_issue[issue]:+7d}")
    features = sum(v for k, v in by_issue.items() if k != "22")
    print(f"rbdesk/ui now ({args.until})                 {previous:7d}")
    print(f"now without other issues' features    {previous - features:7d}")
    print(f"issue 22's own change                 {by_issue['22']:+7d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
