"""The synthetic plan generator (bench/synth.py) and a smoke run of the benchmark command."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synth import REALISED_UPTO, make_plan_dump, write_synthetic  # noqa: E402
from rbdesk.models.interchange.dump import dump_data, dumps  # noqa: E402
from rbdesk.models.storage.store import Store  # noqa: E402

N = 500


def _indicators(doc: dict) -> list[dict]:
    return [
        i
        for a in doc["plans"][0]["areas"]
        for ac in a["activities"]
        for s in ac["sub_activities"]
        for i in s["indicators"]
    ]


@pytest.fixture(scope="module")
def doc() -> dict:
    return make_plan_dump(N, seed=7)


def test_same_seed_same_file_other_seed_other_plan(tmp_path: Path) -> None:
    dumps_by_name = {}
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        write_synthetic(tmp_path / f"{name}.rbdesk", N, seed)
        with Store.open(tmp_path / f"{name}.rbdesk", readonly=True) as store:
            dumps_by_name[name] = dumps(dump_data(store))
    assert dumps_by_name["a"] == dumps_by_name["b"]
    assert dumps_by_name["a"] != dumps_by_name["c"]


def test_write_synthetic_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "x.rbdesk"
    path.write_bytes(b"keep")
    with pytest.raises(FileExistsError):
        write_synthetic(path, N)
    assert path.read_bytes() == b"keep"


def test_shape_of_the_real_plan(doc: dict) -> None:
    plan = doc["plans"][0]
    indicators = _indicators(doc)
    assert len(indicators) == N
    assert len(plan["areas"]) == 8
    activities = [ac for a in plan["areas"] for ac in a["activities"]]
    subs = [s for ac in activities for s in ac["sub_activities"]]
    # The 2024 sample: 31 activities, 80 sub-activities for 187 indicators.
    assert 0.10 < len(activities) / N < 0.25
    assert 0.30 < len(subs) / N < 0.55
    assert all(a["activities"] for a in plan["areas"])
    assert all(s["indicators"] for s in subs)
    named = [i["text"] for i in indicators if i["text"]]
    assert len(named) > 0.9 * N
    assert 20 < sum(map(len, named)) / len(named) < 150
    kinds = [t["kind"] for t in plan["teams"]]
    assert kinds.count("area") == 8 and {"pengarah", "pelaksana", "agen"} <= set(kinds)
    assert 24 <= len(doc["persons"]) <= 80
    persons = {p["uuid"] for p in doc["persons"]}
    assert all(m["person"] in persons for t in plan["teams"] for m in t["members"])


def test_about_forty_percent_of_months_planned(doc: dict) -> None:
    planned = sum(len(i["planned_months"]) for i in _indicators(doc))
    assert 0.33 <= planned / (12 * N) <= 0.47


def test_realisation_only_on_plausible_months(doc: dict) -> None:
    cells = [(i, r) for i in _indicators(doc) for r in i["realisation"]]
    assert cells, "some realisation is recorded"
    assert {r["status"] for _, r in cells} == {"belum", "sebagian", "selesai"}
    assert all(r["month"] <= REALISED_UPTO for _, r in cells)
    unplanned = [r for i, r in cells if r["month"] not in i["planned_months"]]
    # Work done outside its planned month happens, but rarely.
    assert len(unplanned) < 0.05 * len(cells)
    for ind in _indicators(doc):
        months = [r["month"] for r in ind["realisation"]]
        assert months == sorted(set(months))


def test_evidence_blobs_match_their_sha256(doc: dict) -> None:
    evidence = [e for i in _indicators(doc) for e in i["evidence"]]
    assert evidence
    assert {e["sha256"] for e in evidence} == set(doc["blobs"])
    for e in evidence:
        raw = base64.b64decode(doc["blobs"][e["sha256"]])
        assert hashlib.sha256(raw).hexdigest() == e["sha256"]
        assert len(raw) == e["size"] and 1024 <= e["size"] <= 8192


def test_synth_command_line(tmp_path: Path) -> None:
    out = tmp_path / "plan.rbdesk"
    cmd = [
        sys.executable,
        str(ROOT / "bench" / "synth.py"),
        "--indicators",
        "40",
        str(out),
        "--seed",
        "1",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert out.exists() and "40 indikator" in done.stdout
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert again.returncode == 1 and "sudah ada" in again.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="bench/run.py is Linux only (os.wait4, /proc)")
def test_bench_quick_run_prints_one_table() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--only",
            "open",
            "--size",
            "sample",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("benchmark"))
    assert "median" in lines[header] and "memori puncak" in lines[header]
    row = lines[header + 2].split("|")
    assert row[0].strip() == "open" and row[1].strip() == "sample"
    assert row[2].strip().endswith(("ms", " s")) and row[4].strip().endswith("MB")
