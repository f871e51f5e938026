"""The start-up benchmark finds the frozen build when there is one and says so when there is not;
start-up rows are shown against the bare-window floor. (No timing is asserted.)"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402


def test_frozen_build_is_found_only_when_present(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(run, "ROOT", tmp_path)
    assert run.frozen_executable() is None
    exe = tmp_path / "dist" / "rbdesk" / "rbdesk"
    exe.parent.mkdir(parents=True)
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    assert run.frozen_executable() == exe


def test_table_shows_the_floor_ratio_and_a_missing_build() -> None:
    rows = [
        run.Row("startup_bare", "sample", [0.1, 0.1]),
        run.Row("startup", "sample", [0.3, 0.3]),
        run.Row("startup_frozen", "sample", status=run.NO_BUILD),
    ]
    text = run.table(rows, "20k")
    assert "3.0× jendela PySide6 kosong" in text
    assert "0.50× target ✓" in text
    assert "belum ada build" in text
