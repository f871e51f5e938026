"""Next year's plan made in both copies: two plans for one unit and year, a conflict.

Each copy ran "Rencana tahun berikutnya" while apart, so each holds a plan of the same unit and
year under its own uuid. Taken in silently, the file would hold two plans no one can tell apart.
The merge shows it as a conflict on this file's plan: "berkas ini" keeps only this file's plan
(the copy's comes in deleted, restorable, and the deletion travels back to the copy), "salinan"
keeps both, the one with the larger uuid renamed "… (rencana kedua)". Both outcomes are made
under a stamp both copies compute alike, so whichever copy merges, they end the same.
"""

from __future__ import annotations

from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.interchange.merge_decisions import (
    THEIRS,
    TWIN_FIELD,
    Conflict,
    Decision,
    FieldDiff,
)
from rbdesk.models.interchange.merge_objects import combined_stamp
from rbdesk.models.interchange.merge_snapshot import Snapshot, State
from rbdesk.models.storage.schema import ChangeLog, Plan


def second_title(title: str) -> str:
    return tr("{title} (rencana kedua)").format(title=title)


def twin_plans(mine: Snapshot, theirs: Snapshot, decisions: list[Decision]) -> list[Decision]:
    """``decisions`` with a conflict on every plan of the copy that this file also made."""
    here = {
        (s["unit"], s["year"]): s
        for s in mine.rows["plan"].values()
        if not s["deleted"] and s["uuid"] not in theirs.rows["plan"]
    }
    for d in decisions:
        t = d.theirs
        if d.entity != "plan" or d.mine is not None or t["deleted"]:
            continue
        m = here.get((t["unit"], t["year"]))
        if m is None:
            continue
        d.twin = m
        d.conflict = Conflict(
            "plan",
            m["uuid"],
            t["uuid"],
            f"{t['year']} {t['unit']}",
            [FieldDiff(TWIN_FIELD, m["title"], t["title"])],
            m["updated_by"],
            m["updated_at"],
            t["updated_by"],
            t["updated_at"],
            THEIRS,
        )
    return decisions


def insert_twin(d: Decision, winner: str, values: dict[str, Any], host: str) -> None:
    """Insert the copy's plan ``values`` (foreign keys already ids) as ``winner`` settles it."""
    m, t = d.twin, d.theirs
    assert m is not None
    at, user = combined_stamp(m, t)

    def log(row_uuid: str, action: str, old: str | None, new: str | None) -> None:
        ChangeLog.create(
            at=at,
            user=user,
            host=host,
            plan_uuid=row_uuid,
            entity="plan",
            row_uuid=row_uuid,
            action=action,
            field="title",
            old=old,
            new=new,
        )

    if winner != THEIRS:  # this file's plan only: the copy's comes in deleted
        Plan.insert(
            **{
                **values,
                "deleted": True,
                "updated_at": at,
                "updated_by": user,
                "version": t["version"] + 1,
            }
        ).execute()
        log(t["uuid"], "delete", f"{t['year']} {t['unit']}", None)
        return
    renamed: State = t if t["uuid"] > m["uuid"] else m
    title = second_title(renamed["title"])
    if renamed is t:
        Plan.insert(
            **{
                **values,
                "title": title,
                "updated_at": at,
                "updated_by": user,
                "version": t["version"] + 1,
            }
        ).execute()
    else:
        Plan.insert(**values).execute()
        Plan.update(title=title, updated_at=at, updated_by=user, version=Plan.version + 1).where(
            Plan.uuid == m["uuid"]
        ).execute()
    log(renamed["uuid"], "update", renamed["title"], title)
