"""The built-in sample plan: the 2024 KPU Kota Kupang decree as a dump-format document.

The curated source is ``resources/sample/kupang_2024.json`` (see ``resources/sample/CURATION.md``);
it has no bookkeeping keys and names persons by a short key. :func:`sample_dump` turns it into a
complete document of the dump format described in ``docs/FORMAT.md``.
"""

from __future__ import annotations

import copy
import json
import uuid
from importlib import resources
from pathlib import Path
from typing import Any

SAMPLE_FILE = "kupang_2024.json"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "rbdesk:sample:kupang-2024")
UPDATED_AT = "2024-01-02T00:00:00.000000Z"
UPDATED_BY = "rbdesk"
FORMAT = "rbdesk"
# The sample holds nothing that needs a later version (docs/FORMAT.md), so it is written as 2.
FORMAT_VERSION = 2

Row = dict[str, Any]


def _read_source() -> dict[str, Any]:
    try:
        source = resources.files("rbdesk.resources") / "sample" / SAMPLE_FILE
        text = source.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        # Until packaging installs resources/ as rbdesk.resources, read it from the work tree.
        path = Path(__file__).resolve().parents[2] / "resources" / "sample" / SAMPLE_FILE
        text = path.read_text(encoding="utf-8")
    return json.loads(text)


def _uuid(path: str) -> str:
    return str(uuid.uuid5(NAMESPACE, path))


def _row(path: str, **fields: Any) -> Row:
    return {
        "uuid": _uuid(path),
        "updated_at": UPDATED_AT,
        "updated_by": UPDATED_BY,
        "version": 1,
        **fields,
    }


def _indicator(path: str, src: dict[str, Any]) -> Row:
    months = sorted(set(src["planned_months"]))
    if any(not 1 <= m <= 12 for m in months):
        raise ValueError(f"{path}: planned month out of 1..12: {months}")
    return _row(
        path,
        label=src["label"],
        text=src["text"],
        planned_months=months,
        note=src["note"],
        realisation=[],
        evidence=[],
    )


def _area(number: int, src: dict[str, Any]) -> Row:
    area_path = f"area/{number}"
    activities = []
    for a, act in enumerate(src["activities"], 1):
        act_path = f"{area_path}/activity/{a}"
        subs = []
        for s, sub in enumerate(act["sub_activities"], 1):
            sub_path = f"{act_path}/sub/{s}"
            indicators = [
                _indicator(f"{sub_path}/ind/{i}", ind) for i, ind in enumerate(sub["indicators"], 1)
            ]
            if not indicators:
                # Every sub-activity carries at least one (possibly unnamed) indicator.
                raise ValueError(f"{sub_path}: sub-activity without indicator")
            subs.append(_row(sub_path, label=sub["label"], name=sub["name"], indicators=indicators))
        activities.append(_row(act_path, label=act["label"], name=act["name"], sub_activities=subs))
    return _row(area_path, label=src["label"], name=src["name"], activities=activities)


def _team(number: int, src: dict[str, Any], areas: dict[str, str], persons: dict[str, Row]) -> Row:
    team_path = f"team/{number}"
    area_uuid = None
    if src["kind"] == "area":
        area_uuid = areas[src["area_label"]]
    members = []
    for m, member in enumerate(src["members"], 1):
        person = persons.get(member["person"])
        if person is None:
            raise ValueError(f"{team_path}: unknown person key {member['person']!r}")
        members.append(
            _row(
                f"{team_path}/member/{m}",
                person=person["uuid"],
                role=member["role"],
                position=member["position"],
            )
        )
    return _row(
        team_path,
        kind=src["kind"],
        label=src["label"],
        name=src["name"],
        area=area_uuid,
        duties=list(src["duties"]),
        members=members,
    )


def sample_dump() -> dict[str, Any]:
    """Return the sample plan and its persons as a complete dump-format document."""
    source = _read_source()
    persons = {
        p["key"]: _row(
            f"person/{p['key']}",
            name=p["name"],
            position=p["position"],
            unit=p["unit"],
            nip=p["nip"],
            reviewer=False,
        )
        for p in source["persons"]
    }
    plan_src = source["plan"]
    areas = [_area(n, area) for n, area in enumerate(plan_src["areas"], 1)]
    area_by_label = {area["label"]: area["uuid"] for area in areas}
    teams = [_team(n, team, area_by_label, persons) for n, team in enumerate(plan_src["teams"], 1)]
    plan = _row(
        "plan",
        unit=plan_src["unit"],
        year=plan_src["year"],
        title=plan_src["title"],
        decree=copy.deepcopy(plan_src["decree"]),
        settings=copy.deepcopy(plan_src["settings"]),
        areas=areas,
        teams=teams,
    )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "persons": sorted(persons.values(), key=lambda p: (p["name"], p["uuid"])),
        "plans": [plan],
        "blobs": {},
    }
