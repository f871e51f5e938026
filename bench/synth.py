"""Synthetic plans of any size, shaped like the real 2024 sample, for benchmarks and scale tests.

    python bench/synth.py --indicators 20000 OUT.rbdesk [--seed S]

The plan is built as a dump-format document (docs/FORMAT.md) and loaded with
``rbdesk.models.interchange.load.load_data``, so it goes through the same code path as
``rbdesk load``.
Everything random comes from one ``random.Random(seed)`` and every timestamp is fixed, so one seed
always gives a byte-identical ``rbdesk dump``.

Importable: with the repository root on ``sys.path``, ``from bench.synth import make_plan_dump``.
"""

from __future__ import annotations

import argparse
import base64
import copy
import hashlib
import random
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rbdesk.models.interchange.load import create_from_dump
from rbdesk.models.interchange.sample_data import sample_dump

YEAR = 2024
# "Today" of a synthetic plan is mid-June, as in the screenshots (RBDESK_TODAY=2024-06-14):
# months 1..6 may carry realisation, later months never do.
REALISED_UPTO = 6
STAMP = "2024-01-02T00:00:00.000000Z"
AUTHOR = "rbdesk"
STAFF_USERS = ("staf.perencanaan", "staf.hukum", "staf.umum", "staf.teknis", "kasubbag.program")
AREA_COUNT = 8
MIN_PERSONS = 40

# Past planned months: how a realistic office has recorded them by mid-year.
PAST_STATUS = (("selesai", 0.55), ("sebagian", 0.15), ("belum", 0.07), (None, 0.23))
# The current month is still under way: fewer cells are finished.
CURRENT_STATUS = (("selesai", 0.2), ("sebagian", 0.25), ("belum", 0.1), (None, 0.45))
UNPLANNED_DONE = 0.01  # share of indicators done in a month that was not planned
EVIDENCE_RATE = 0.12  # share of selesai/sebagian cells with a bukti dukung file
EVIDENCE_REUSE = 0.05  # same file attached twice: stored once (content-addressed)
EVIDENCE_SIZE = (1024, 6 * 1024)
NOTE_RATE = 0.08
REALISATION_NOTE_RATE = 0.3
# Schedules not copied from the sample: quarterly, half-yearly, every month, mid-year reviews.
EXTRA_PATTERNS = ((3, 6, 9, 12), (6, 12), tuple(range(1, 13)), (4, 8, 12), (5, 6, 7))
EXTRA_PATTERN_RATE = 0.15

REALISATION_NOTES = (
    "Sudah dilaksanakan sesuai jadwal",
    "Dokumen dalam proses penandatanganan",
    "Menunggu arahan dari KPU Provinsi NTT",
    "Laporan sudah dikirim ke Tim Pengarah",
    "Rapat koordinasi dilaksanakan di aula kantor",
    "Sebagian kegiatan ditunda ke bulan berikutnya",
    "Bukti dukung menyusul",
    "Dilaksanakan bersama Sekretariat KPU Provinsi",
)
EVIDENCE_KINDS = (
    ("undangan_rapat", "application/pdf", b"%PDF-1.4\n"),
    ("notulen", "application/pdf", b"%PDF-1.4\n"),
    ("daftar_hadir", "application/pdf", b"%PDF-1.4\n"),
    ("foto_kegiatan", "image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
    (
        "laporan",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
)
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg"}


class _Chain:
    """An order-2 word chain over the sample texts of one level: new sentences, same vocabulary."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.starts: list[tuple[str, str]] = []
        self.next: dict[tuple[str, str], list[str]] = {}
        self.lengths: list[int] = []
        for text in texts:
            words = text.split()
            if len(words) < 2:
                continue
            self.lengths.append(len(words))
            self.starts.append((words[0], words[1]))
            for a, b, c in zip(words, words[1:], words[2:], strict=False):
                self.next.setdefault((a, b), []).append(c)

    def text(self, rng: random.Random) -> str:
        # Target the length of a real text, so column widths and PDF row heights are realistic.
        target = rng.choice(self.lengths)
        a, b = rng.choice(self.starts)
        words = [a, b]
        while len(words) < target:
            options = self.next.get((a, b))
            if not options:
                a, b = rng.choice(self.starts)
                words += [a.lower() if a[:1].isupper() and a[1:2].islower() else a, b]
                continue
            a, b = b, rng.choice(options)
            words.append(b)
        return " ".join(words[:target])


class _Vocabulary:
    """What the sample offers: texts per level, schedules, remarks, names and positions."""

    def __init__(self, sample: dict[str, Any]) -> None:
        plan = sample["plans"][0]
        acts = [ac for a in plan["areas"] for ac in a["activities"]]
        subs = [s for ac in acts for s in ac["sub_activities"]]
        inds = [i for s in subs for i in s["indicators"]]
        self.areas = plan["areas"]
        self.activity = _Chain([ac["name"] for ac in acts])
        self.sub = _Chain([s["name"] for s in subs if s["name"]])
        self.indicator = _Chain([i["text"] for i in inds if i["text"]])
        self.unnamed_rate = sum(1 for i in inds if not i["text"]) / len(inds)
        self.patterns = [tuple(i["planned_months"]) for i in inds]
        self.notes = sorted({i["note"] for i in inds if i["note"]})
        self.acts_per_indicator = len(acts) / len(inds)
        self.subs_per_indicator = len(subs) / len(inds)
        self.area_weights = [len(a["activities"]) for a in plan["areas"]]
        persons = sample["persons"]
        self.given = sorted({p["name"].split()[0] for p in persons})
        self.family = sorted({p["name"].split()[-1] for p in persons if len(p["name"].split()) > 1})
        self.positions = sorted({p["position"] for p in persons if p["position"]})


class _Maker:
    def __init__(self, indicators: int, seed: int) -> None:
        self.n = indicators
        self.rng = random.Random(seed)
        self.sample = sample_dump()
        self.voc = _Vocabulary(self.sample)
        self.blobs: dict[str, str] = {}
        self.files: list[dict[str, Any]] = []

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def row(self, at: str = STAMP, by: str = AUTHOR, **fields: Any) -> dict[str, Any]:
        return {"uuid": self.uuid(), "updated_at": at, "updated_by": by, "version": 1, **fields}

    def spread(self, total: int, buckets: int, weights: Sequence[float] | None = None) -> list[int]:
        """``total`` items over ``buckets``, each bucket at least one, unevenly like real plans."""
        counts = [1] * buckets
        for i in self.rng.choices(range(buckets), weights=weights, k=total - buckets):
            counts[i] += 1
        return counts

    # -- plan tree ---------------------------------------------------------------------------

    def plan_tree(self) -> list[dict[str, Any]]:
        n_acts = max(AREA_COUNT, min(self.n, round(self.n * self.voc.acts_per_indicator)))
        n_subs = max(n_acts, min(self.n, round(self.n * self.voc.subs_per_indicator)))
        acts_per_area = self.spread(n_acts, AREA_COUNT, self.voc.area_weights)
        subs_per_act = self.spread(n_subs, n_acts)
        inds_per_sub = self.spread(self.n, n_subs)
        areas = []
        act_i = sub_i = 0
        for a, src in enumerate(self.voc.areas):
            # Each area keeps the numbering style it has in the printed decree, while it fits.
            style = src["activities"][0]["label"] if src["activities"] else "1"
            activities = []
            for c in range(acts_per_area[a]):
                subs = []
                for s in range(subs_per_act[act_i]):
                    count = inds_per_sub[sub_i]
                    sub_i += 1
                    subs.append(
                        self.row(
                            label=str(s + 1),
                            name=self.voc.sub.text(self.rng),
                            indicators=[self.indicator(i, count) for i in range(count)],
                        )
                    )
                act_i += 1
                activities.append(
                    self.row(
                        label=_label(style, c),
                        sub_activities=subs,
                        name=self.voc.activity.text(self.rng),
                    )
                )
            areas.append(self.row(label=src["label"], name=src["name"], activities=activities))
        return areas

    def indicator(self, index: int, siblings: int) -> dict[str, Any]:
        rng = self.rng
        unnamed = siblings == 1 and rng.random() < self.voc.unnamed_rate
        if rng.random() < EXTRA_PATTERN_RATE:
            months = sorted(rng.choice(EXTRA_PATTERNS))
        else:
            months = sorted(rng.choice(self.voc.patterns))
        ind = self.row(
            label=_label("a.", index) if siblings > 1 else "",
            text="" if unnamed else self.voc.indicator.text(rng),
            planned_months=months,
            note=rng.choice(self.voc.notes) if rng.random() < NOTE_RATE else "",
            realisation=[],
            evidence=[],
        )
        self.realise(ind, months)
        return ind

    def realise(self, ind: dict[str, Any], planned: list[int]) -> None:
        rng = self.rng
        cells: dict[int, str] = {}
        for month in planned:
            if month > REALISED_UPTO:
                break
            odds = CURRENT_STATUS if month == REALISED_UPTO else PAST_STATUS
            status = rng.choices([s for s, _ in odds], weights=[w for _, w in odds])[0]
            if status is not None:
                cells[month] = status
        if rng.random() < UNPLANNED_DONE:
            month = rng.randint(1, REALISED_UPTO)
            cells.setdefault(month, "selesai")
        for month in sorted(cells):
            status = cells[month]
            at = f"{YEAR}-{month:02d}-{rng.randint(20, 28):02d}T0{rng.randint(1, 8)}:00:00.000000Z"
            by = rng.choice(STAFF_USERS)
            note = rng.choice(REALISATION_NOTES) if rng.random() < REALISATION_NOTE_RATE else ""
            ind["realisation"].append(self.row(at=at, by=by, month=month, status=status, note=note))
            if status != "belum" and rng.random() < EVIDENCE_RATE:
                ind["evidence"].append(self.evidence(month, at, by))

    def evidence(self, month: int, at: str, by: str) -> dict[str, Any]:
        rng = self.rng
        if self.files and rng.random() < EVIDENCE_REUSE:
            meta = rng.choice(self.files)
        else:
            stem, mime, header = rng.choice(EVIDENCE_KINDS)
            size = rng.randint(*EVIDENCE_SIZE)
            data = header + rng.randbytes(size - len(header))
            sha = hashlib.sha256(data).hexdigest()
            self.blobs[sha] = base64.b64encode(data).decode("ascii")
            ext = EXTENSIONS.get(mime, "docx")
            meta = {
                "filename": f"{stem}_{YEAR}-{month:02d}_{len(self.files) + 1}.{ext}",
                "mime": mime,
                "size": size,
                "sha256": sha,
            }
            self.files.append(meta)
        return self.row(at=at, by=by, month=month, note="", **meta)

    # -- roster ------------------------------------------------------------------------------

    def persons(self) -> tuple[list[dict[str, Any]], dict[str, str]]:
        """The sample's persons under new uuids, plus staff so the roster is a few dozen."""
        rng = self.rng
        remap: dict[str, str] = {}
        persons = []
        for p in self.sample["persons"]:
            row = self.row(name=p["name"], position=p["position"], unit=p["unit"], nip=p["nip"])
            remap[p["uuid"]] = row["uuid"]
            persons.append(row)
        unit = self.sample["persons"][0]["unit"]
        target = max(MIN_PERSONS, MIN_PERSONS + self.n // 1000)
        while len(persons) < target:
            name = f"{rng.choice(self.voc.given)} {rng.choice(self.voc.family)}"
            nip = "".join(str(rng.randint(0, 9)) for _ in range(18))
            persons.append(
                self.row(name=name, position=rng.choice(self.voc.positions), unit=unit, nip=nip)
            )
        return persons, remap

    def teams(
        self, areas: list[dict[str, Any]], persons: list[dict[str, Any]], remap: dict[str, str]
    ) -> list[dict[str, Any]]:
        plan = self.sample["plans"][0]
        area_map = {a["uuid"]: areas[i]["uuid"] for i, a in enumerate(plan["areas"])}
        teams = []
        for t in plan["teams"]:
            members = [
                self.row(person=remap[m["person"]], role=m["role"], position=m["position"])
                for m in t["members"]
            ]
            teams.append(
                self.row(
                    kind=t["kind"],
                    label=t["label"],
                    name=t["name"],
                    area=area_map.get(t["area"]) if t["area"] else None,
                    duties=list(t["duties"]),
                    members=members,
                )
            )
        # The added staff sit on the area teams as members, several on two teams, as in real SKs.
        area_teams = [t for t in teams if t["kind"] == "area"]
        extra = persons[len(remap) :]
        for i, person in enumerate(extra):
            for team in {
                area_teams[i % len(area_teams)]["uuid"]: area_teams[i % len(area_teams)],
                area_teams[(i * 3) % len(area_teams)]["uuid"]: area_teams[
                    (i * 3) % len(area_teams)
                ],
            }.values():
                team["members"].append(
                    self.row(person=person["uuid"], role="Anggota", position=person["position"])
                )
        return teams

    def document(self) -> dict[str, Any]:
        persons, remap = self.persons()
        areas = self.plan_tree()
        teams = self.teams(areas, persons, remap)
        src = self.sample["plans"][0]
        plan = self.row(
            unit=src["unit"],
            year=YEAR,
            title=src["title"],
            decree=copy.deepcopy(src["decree"]),
            settings=copy.deepcopy(src["settings"]),
            areas=areas,
            teams=teams,
        )
        return {
            "format": self.sample["format"],
            "format_version": self.sample["format_version"],
            "persons": sorted(persons, key=lambda p: (p["name"], p["uuid"])),
            "plans": [plan],
            "blobs": dict(sorted(self.blobs.items())),
        }


def _label(style: str, index: int) -> str:
    """Numbering in the style of the printed plan: "1", "1)", "a)", "a."; numbers past "z"."""
    if style[:1].isalpha() and index < 26:
        return chr(ord("a") + index) + style[1:]
    suffix = style[1:] if style[:1].isalpha() or style[:1].isdigit() else ""
    return f"{index + 1}{suffix}"


def make_plan_dump(indicators: int, seed: int = 0) -> dict[str, Any]:
    """A dump-format document holding one plan of ``indicators`` indicators, fixed by ``seed``."""
    if indicators < AREA_COUNT:
        raise ValueError(f"a plan needs at least {AREA_COUNT} indicators (one per area)")
    return _Maker(indicators, seed).document()


def write_synthetic(path: Path | str, indicators: int, seed: int = 0) -> Path:
    """Create a new rbdesk file at ``path`` holding the synthetic plan; never overwrites."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    create_from_dump(path, make_plan_dump(indicators, seed), user=AUTHOR).close()
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/synth.py",
        description="Buat berkas rbdesk berisi rencana aksi sintetis (bentuk contoh 2024).",
    )
    parser.add_argument(
        "--indicators", type=int, required=True, metavar="N", help="jumlah indikator keberhasilan"
    )
    parser.add_argument("--seed", type=int, default=0, help="benih acak (default 0)")
    parser.add_argument("--force", action="store_true", help="timpa BERKAS bila sudah ada")
    parser.add_argument("out", metavar="BERKAS", help="berkas .rbdesk yang dibuat")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if out.exists() and not args.force:
        print(f"synth: {out} sudah ada (pakai --force untuk menimpa).", file=sys.stderr)
        return 1
    if args.indicators < AREA_COUNT:
        print(f"synth: minimal {AREA_COUNT} indikator.", file=sys.stderr)
        return 2
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    write_synthetic(out, args.indicators, args.seed)
    print(
        f"Berkas sintetis dibuat: {out} ({args.indicators} indikator, seed {args.seed}, "
        f"{time.perf_counter() - started:.1f} detik)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
