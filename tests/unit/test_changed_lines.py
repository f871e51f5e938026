"""How a change to a multi-line value (a Diktum, Menimbang, paraf, a team's duties) reads:
only the lines that changed, the rest counted; the stored values are not touched."""

from __future__ import annotations

from rbdesk.models.domain.change_labels import (
    changed_lines,
    logged_value,
    shown_pair,
    unchanged_note,
)

TEAMS = [
    "Tim Manajemen Perubahan",
    "Tim Penguatan Peraturan Perundang-Undangan",
    "Tim Penguatan Kelembagaan",
    "Tim Penguatan Tata Laksana",
    "Tim Penataan Manajemen Aparatur Sipil Negara",
    "Tim Penguatan Pengawasan",
    "Tim Penguatan Akuntabilitas Kinerja",
    "Tim Penguatan Kualitas Pelayanan Publik",
]


def _diktum(teams: list[str]) -> str:
    """KESATU as plain_value writes it: its head, then its items indented, 12 lines here."""
    items = [f"  {chr(ord('a') + i)}. {t};" for i, t in enumerate(teams)]
    return "\n".join(
        [
            "KESATU Membentuk dan Menetapkan Tim Reformasi Birokrasi, yang terdiri dari:",
            "  1. Tim Pengarah;",
            "  2. Tim Pelaksana, yang terbagi dalam;",
            *items,
            "  3. Tim Agen Perubahan.",
        ]
    )


def test_one_item_changed_in_a_12_line_diktum_shows_just_that_item() -> None:
    old = _diktum(TEAMS)
    renamed = [t.replace("Kelembagaan", "Organisasi") for t in TEAMS]
    new = _diktum(renamed)
    assert len(old.splitlines()) == 12
    got = changed_lines(old, new)
    assert got is not None
    assert (got.old, got.new) == ("c. Tim Penguatan Kelembagaan;", "c. Tim Penguatan Organisasi;")
    assert got.same == 11
    assert unchanged_note(got.same) == "11 baris lain tetap"


def test_an_item_added_is_marked_plus() -> None:
    got = changed_lines(_diktum(TEAMS), _diktum([*TEAMS, "Tim Baru"]))
    assert got is not None
    # The old last item reads the same; the new one is the only line shown.
    assert (got.old, got.new) == ("", "+ i. Tim Baru;")
    assert got.same == 12


def test_an_item_removed_is_marked_minus() -> None:
    got = changed_lines(_diktum(TEAMS), _diktum(TEAMS[:-1]))
    assert got is not None
    assert (got.old, got.new) == ("\u2212 h. Tim Penguatan Kualitas Pelayanan Publik;", "")
    assert got.same == 11


def test_single_line_and_empty_values_read_whole_as_before() -> None:
    assert changed_lines("1a", "027/2024") is None
    assert changed_lines("", "a. bahwa;\nb. bahwa;") is None  # all of it is new
    assert changed_lines("a. bahwa;\nb. bahwa;", "") is None
    assert unchanged_note(0) == ""


def test_a_conflict_shows_each_side_s_own_lines_unmarked() -> None:
    mine = [{"label": "KESATU", "text": "Membentuk:", "items": ["a. Tim A;", "b. Tim B;"]}]
    theirs = [
        {"label": "KESATU", "text": "Membentuk:", "items": ["a. Tim A;", "b. Tim C;", "c. Tim D;"]}
    ]
    assert shown_pair("decree.decisions", mine, theirs) == ("b. Tim B;", "b. Tim C;\nc. Tim D;")
    assert shown_pair("decree.number", "1a", "2b") == ("1a", "2b")


def test_team_duties_read_one_a_line() -> None:
    logged = str(["Menyusun rencana;", "Melaporkan hasil."])  # as the log stores a list
    assert logged_value("duties", logged) == "Menyusun rencana;\nMelaporkan hasil."
    assert shown_pair("duties", ["Satu;", "Dua."], ["Satu;", "Tiga."]) == ("Dua.", "Tiga.")
