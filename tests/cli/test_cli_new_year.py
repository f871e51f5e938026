"""rbdesk new-year through ``cli.main`` in-process: the copy, its options, and the refusals."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cli_run import rbdesk_here as rbdesk


def _plans(path: Path) -> dict[int, list[dict]]:
    out = rbdesk("dump", str(path))
    assert out.returncode == 0, out.stderr
    plans: dict[int, list[dict]] = {}
    for plan in json.loads(out.stdout)["plans"]:
        plans.setdefault(plan["year"], []).append(plan)
    return plans


def _indicators(plan: dict) -> list[dict]:
    return [
        i
        for a in plan["areas"]
        for ac in a["activities"]
        for s in ac["sub_activities"]
        for i in s["indicators"]
    ]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_year_copies_the_plan_and_refuses_a_second(sample_path: Path) -> None:
    out = rbdesk("new-year", str(sample_path), "--from", "2024")
    assert out.returncode == 0, out.stderr
    assert "tahun 2025 dibuat dari tahun 2024" in out.stdout
    plans = _plans(sample_path)
    old, new = plans[2024][0], plans[2025][0]
    assert [a["name"] for a in new["areas"]] == [a["name"] for a in old["areas"]]
    assert [i["text"] for i in _indicators(new)] == [i["text"] for i in _indicators(old)]
    assert [i["planned_months"] for i in _indicators(new)] == [
        i["planned_months"] for i in _indicators(old)
    ]
    assert all(not i["realisation"] and not i["evidence"] for i in _indicators(new))
    assert new["decree"]["number"] == "" and new["decree"]["year"] == 2025
    assert len(new["teams"]) == len(old["teams"])

    before = _digest(sample_path)
    again = rbdesk("new-year", str(sample_path), "--from", "2024", "--to", "2025")
    assert again.returncode == 1 and again.stdout == ""
    assert "sudah mempunyai Rencana Aksi tahun 2025" in again.stderr
    assert "--force" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    assert _digest(sample_path) == before
    forced = rbdesk("new-year", str(sample_path), "--from", "2024", "--to", "2025", "--force")
    assert forced.returncode == 0, forced.stderr
    assert len(_plans(sample_path)[2025]) == 2


def test_new_year_clears_months_and_notes_when_asked(sample_path: Path) -> None:
    out = rbdesk(
        "new-year",
        str(sample_path),
        "--from",
        "2024",
        "--to",
        "2026",
        "--clear-months",
        "--clear-notes",
    )
    assert out.returncode == 0, out.stderr
    plans = _plans(sample_path)
    assert 2025 not in plans
    new = _indicators(plans[2026][0])
    assert new and all(i["planned_months"] == [] for i in new)
    assert all(i["note"] == "" for i in new)


def test_new_year_errors(sample_path: Path, tmp_path: Path) -> None:
    before = _digest(sample_path)
    missing = rbdesk("new-year", str(sample_path), "--from", "2019")
    assert missing.returncode == 1
    assert "Tidak ada Rencana Aksi tahun 2019" in missing.stderr
    odd = rbdesk("new-year", str(sample_path), "--from", "2024", "--to", "1900")
    assert odd.returncode == 1 and "tidak masuk akal" in odd.stderr
    assert rbdesk("new-year", str(sample_path)).returncode == 2  # --from is required
    assert rbdesk("new-year", str(sample_path), "--from", "dua").returncode == 2
    assert _digest(sample_path) == before
    gone = rbdesk("new-year", str(tmp_path / "tidak-ada.rbdesk"), "--from", "2024")
    assert gone.returncode == 1 and not (tmp_path / "tidak-ada.rbdesk").exists()


def test_new_year_on_a_newer_file_refuses_and_changes_nothing(newer_sample_path: Path) -> None:
    sample_path = newer_sample_path
    before = _digest(sample_path)
    out = rbdesk("new-year", str(sample_path), "--from", "2024")
    assert out.returncode == 1
    assert "hanya-baca" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert _digest(sample_path) == before


def test_new_year_asks_for_the_unit_when_a_year_has_several(sample_path: Path) -> None:
    from rbdesk.models.edits import plan_edit
    from rbdesk.models.storage.store import Store

    with Store.open(sample_path) as store:
        plan_edit.add_plan(store, "KPU Provinsi NTT", 2024, standard_areas=True)
    both = rbdesk("new-year", str(sample_path), "--from", "2024")
    assert both.returncode == 1
    assert "KPU Kota Kupang" in both.stderr and "--unit" in both.stderr
    one = rbdesk("new-year", str(sample_path), "--from", "2024", "--unit", "KPU Provinsi NTT")
    assert one.returncode == 0, one.stderr
    new = _plans(sample_path)[2025]
    assert [(p["unit"], len(p["areas"])) for p in new] == [("KPU Provinsi NTT", 8)]


def test_two_plans_of_one_unit_and_year_are_told_apart_by_uuid(
    sample_path: Path, tmp_path: Path
) -> None:
    """Issue 18, item 5: both copies made the 2025 plan and the merge kept both; new-year
    --from 2025 names them by uuid and takes --plan."""
    theirs = tmp_path / "salinan.rbdesk"
    assert rbdesk("copy", str(sample_path), str(theirs)).returncode == 0
    for path in (sample_path, theirs):
        assert rbdesk("new-year", str(path), "--from", "2024").returncode == 0
    merged = rbdesk("merge", str(sample_path), str(theirs), "--yes")
    assert merged.returncode == 0, merged.stderr
    assert "dibuat di kedua salinan" in merged.stdout
    uuids = [p["uuid"] for p in _plans(sample_path)[2025]]
    assert len(uuids) == 2
    refused = rbdesk("new-year", str(sample_path), "--from", "2025")
    assert refused.returncode != 0 and "--plan" in refused.stderr
    assert uuids[1][:8] in refused.stderr
    chosen = rbdesk("new-year", str(sample_path), "--from", "2025", "--plan", uuids[1][:8])
    assert chosen.returncode == 0, chosen.stderr
    assert len(_plans(sample_path)[2026]) == 1
