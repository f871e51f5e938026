"""Every action of the main window, once: its key, text, shortcuts and tip, and the menus and the
toolbar as lists of keys. The window builds its QActions, menus and toolbar from this table, and
the user guide its table of shortcuts, so the two cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QKeySequence

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.print_options import PERIOD_PARTS, QUARTER_PARTS, CopyForm, Paper, Part
from rbdesk.models.domain.statuses import Status

Key = str | QKeySequence.StandardKey


class Act(StrEnum):
    NEW_FILE = "new_file"
    OPEN_FILE = "open_file"
    NEW_PLAN = "new_plan"
    NEXT_YEAR = "next_year"
    DECREE = "decree"
    DELETE_PLAN = "delete_plan"
    SAVE_COPY = "save_copy"
    MERGE = "merge"
    RESTORE = "restore"
    USER = "user"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    TOGGLE = "toggle"
    STATUS_BELUM = "status_belum"
    STATUS_SEBAGIAN = "status_sebagian"
    STATUS_SELESAI = "status_selesai"
    EDIT_NOTE = "edit_note"
    ADD_SIBLING = "add_sibling"
    ADD_CHILD = "add_child"
    RENAME = "rename"
    DELETE = "delete"
    MOVE_UP = "move_up"
    MOVE_DOWN = "move_down"
    OUTDENT = "outdent"
    INDENT = "indent"
    LOCK = "lock"
    MODE_PLAN = "mode_plan"
    MODE_REAL = "mode_real"
    QUARTER_VIEW = "quarter_view"
    FIND = "find"
    CLEAR_FILTER = "clear_filter"
    THIS_MONTH = "this_month"
    EXPAND = "expand"
    COLLAPSE = "collapse"
    RELOAD = "reload"
    ROSTER_DOCK = "rosterDock"
    EVIDENCE_DOCK = "evidenceDock"
    MONTH_DOCK = "monthDock"
    HISTORY = "history"
    HISTORY_ALL = "history_all"
    PDF_SK = "sk"
    PDF_ROSTER = "roster"
    PDF_PLAN = "plan"
    PDF_REPORT = "report"
    PDF_SEMESTER1 = "semester1"
    PDF_SEMESTER2 = "semester2"
    PDF_ANNUAL = "annual"
    PDF_TRIWULAN1 = "triwulan1"
    PDF_TRIWULAN2 = "triwulan2"
    PDF_TRIWULAN3 = "triwulan3"
    PDF_TRIWULAN4 = "triwulan4"
    EXPORT_EXCEL = "export_excel"
    EXCEL_SEMESTER1 = "excel_semester1"
    EXCEL_SEMESTER2 = "excel_semester2"
    EXCEL_ANNUAL = "excel_annual"
    EXCEL_TRIWULAN1 = "excel_triwulan1"
    EXCEL_TRIWULAN2 = "excel_triwulan2"
    EXCEL_TRIWULAN3 = "excel_triwulan3"
    EXCEL_TRIWULAN4 = "excel_triwulan4"
    PRINT_PLAN = "print_plan"
    PRINT_PREVIEW = "print_preview"
    PAPER_A4 = "a4"
    PAPER_F4 = "f4"
    COPY_ORIGINAL = "asli"
    COPY_CERTIFIED = "salinan"
    IMPORT_EXCEL = "import_excel"
    GUIDE = "guide"
    ABOUT = "about"
    LOGS = "logs"


@dataclass(frozen=True)
class Spec:
    text: str  # N_-marked, translated when the action is made
    keys: tuple[Key, ...] = ()
    tip: str = ""
    edit: bool = False  # writes to the file: disabled when it is read-only
    checkable: bool = False


S = Spec
STD = QKeySequence.StandardKey
# The reports of a period, each offered as PDF and as Excel (whole texts, so that a translator
# finds each; the Excel entries, in the same menus, have no mnemonic) and a quarter's months.
PERIOD_REPORTS = {
    Part.SEMESTER1: (N_("PDF: Laporan Semester I…"), N_("Excel: Laporan Semester I…"), ""),
    Part.SEMESTER2: (N_("PDF: Laporan Semester II…"), N_("Excel: Laporan Semester II…"), ""),
    Part.ANNUAL: (N_("PDF: Laporan &Tahunan…"), N_("Excel: Laporan Tahunan…"), ""),
    Part.TRIWULAN1: (
        N_("PDF: Laporan Triwulan &I…"),
        N_("Excel: Laporan Triwulan I…"),
        N_("Januari s.d. Maret"),
    ),
    Part.TRIWULAN2: (
        N_("PDF: Laporan Triwulan I&I…"),
        N_("Excel: Laporan Triwulan II…"),
        N_("April s.d. Juni"),
    ),
    Part.TRIWULAN3: (
        N_("PDF: Laporan Triwulan II&I…"),
        N_("Excel: Laporan Triwulan III…"),
        N_("Juli s.d. September"),
    ),
    Part.TRIWULAN4: (
        N_("PDF: Laporan Triwulan I&V…"),
        N_("Excel: Laporan Triwulan IV…"),
        N_("Oktober s.d. Desember"),
    ),
}


def excel(part: Part) -> Act:
    """A period report's Excel action (its PDF action is ``Act(part)``)."""
    return Act(f"excel_{part}")


ACTIONS: dict[Act, Spec] = {
    Act.NEW_FILE: S(N_("&Berkas baru…"), (STD.New,)),
    Act.OPEN_FILE: S(N_("&Buka…"), (STD.Open,)),
    Act.NEW_PLAN: S(N_("Rencana Aksi &baru…"), ("Ctrl+Shift+N",), edit=True),
    Act.NEXT_YEAR: S(
        N_("&Rencana Aksi tahun berikutnya…"),
        (),
        N_("Salin rencana ini (dan susunan timnya) ke tahun berikutnya"),
        edit=True,
    ),
    Act.DECREE: S(
        N_("&Data SK…"),
        ("Ctrl+Shift+D",),
        N_(
            "Nomor, tanggal, penanda tangan, Menimbang, Mengingat, diktum dan Lampiran I dari SK "
            "rencana ini"
        ),
    ),
    Act.DELETE_PLAN: S(
        N_("&Hapus rencana aksi ini…"), (), N_("Untuk rencana yang dibuat karena keliru"), edit=True
    ),
    Act.SAVE_COPY: S(
        N_("&Simpan salinan…"),
        ("Ctrl+Shift+S",),
        N_("Simpan salinan berkas untuk dibawa dengan USB atau dikirim"),
    ),
    Act.MERGE: S(N_("&Gabungkan dari salinan…"), ("Ctrl+Shift+G",), edit=True),
    Act.RESTORE: S(N_("&Pulihkan dari cadangan…"), ("Ctrl+Shift+R",)),
    Act.USER: S(N_("Ganti &nama pengguna…"), ("Ctrl+Shift+U",)),
    # Ctrl+Q on every platform (Windows has no standard Quit key; on Linux it is Ctrl+Q, and
    # binding both made the shortcut ambiguous, so it did nothing).
    Act.QUIT: S(N_("&Keluar"), ("Ctrl+Q",)),
    Act.UNDO: S(N_("&Urungkan"), ("Ctrl+Z",)),
    Act.REDO: S(N_("U&lang"), ("Ctrl+Y", "Ctrl+Shift+Z")),
    Act.TOGGLE: S(
        N_("Ubah sel bulan (Spasi, klik dua kali)"),
        ("Ctrl+Space",),
        N_("Mode Rencana: tandai/hapus rencana. Mode Realisasi: ganti status."),
        edit=True,
    ),
    Act.STATUS_BELUM: S(N_("Realisasi: &belum"), ("Ctrl+Alt+1",), edit=True),
    Act.STATUS_SEBAGIAN: S(N_("Realisasi: &sebagian"), ("Ctrl+Alt+2",), edit=True),
    Act.STATUS_SELESAI: S(N_("Realisasi: s&elesai"), ("Ctrl+Alt+3",), edit=True),
    Act.EDIT_NOTE: S(N_("&Catatan realisasi…"), ("Ctrl+Alt+C",), edit=True),
    Act.ADD_SIBLING: S(
        N_("&Tambah baris di bawah"),
        ("Insert",),
        N_("Baris baru setingkat, di bawah baris ini"),
        edit=True,
    ),
    Act.ADD_CHILD: S(
        N_("Tambah baris &anak"),
        ("Ctrl+Insert",),
        N_("Kegiatan dalam area, sub kegiatan dalam kegiatan, …"),
        edit=True,
    ),
    Act.RENAME: S(N_("Ganti &nama / uraian"), ("F2",), edit=True),
    Act.DELETE: S(N_("&Hapus baris…"), ("Delete",), edit=True),
    Act.MOVE_UP: S(N_("Pindah ke a&tas"), ("Alt+Shift+Up",), edit=True),
    Act.MOVE_DOWN: S(N_("Pindah ke &bawah"), ("Alt+Shift+Down",), edit=True),
    Act.OUTDENT: S(
        N_("Pindah ke kelompok &sebelumnya"),
        ("Alt+Shift+Left",),
        N_("mis. indikator ke akhir sub kegiatan di atasnya"),
        edit=True,
    ),
    Act.INDENT: S(
        N_("Pindah ke kelompok &berikutnya"),
        ("Alt+Shift+Right",),
        N_("mis. indikator ke awal sub kegiatan di bawahnya"),
        edit=True,
    ),
    Act.LOCK: S(
        N_("Buka &kunci rencana…"),
        ("Ctrl+Shift+K",),
        N_("Merevisi bulan rencana dari SK yang sudah ditandatangani"),
        edit=True,
    ),
    Act.MODE_PLAN: S(
        N_("Mode &Rencana"),
        ("Ctrl+1",),
        N_("Klik sel bulan untuk menandai rencana"),
        checkable=True,
    ),
    Act.MODE_REAL: S(
        N_("Mode Rea&lisasi"),
        ("Ctrl+2",),
        N_("Klik sel bulan untuk mencatat realisasi"),
        checkable=True,
    ),
    Act.QUARTER_VIEW: S(
        N_("Tampilan per &triwulan"),
        ("Ctrl+Shift+T",),
        N_("TW I–IV dari bulan-bulannya: bulan rencana, selesai, sebagian dan statusnya"),
        checkable=True,
    ),
    Act.FIND: S(N_("&Cari…"), (STD.Find,)),
    Act.CLEAR_FILTER: S(N_("&Hapus filter"), ("Ctrl+Shift+F",)),
    Act.THIS_MONTH: S(N_("Ke &bulan ini"), ("Ctrl+T",)),
    Act.EXPAND: S(N_("&Bentangkan semua"), ("Ctrl+Shift+E",)),
    Act.COLLAPSE: S(N_("&Ciutkan ke area"), ("Ctrl+Shift+W",)),
    Act.RELOAD: S(N_("&Muat ulang dari berkas"), (STD.Refresh, "F5")),
    Act.ROSTER_DOCK: S(N_("Tim"), ("Alt+1",)),
    Act.EVIDENCE_DOCK: S(N_("Bukti dukung"), ("Alt+2",)),
    Act.MONTH_DOCK: S(N_("Bulan ini"), ("Alt+3",)),
    Act.HISTORY: S(
        N_("&Riwayat baris ini…"),
        ("Ctrl+H",),
        N_("Perubahan baris yang dipilih, dengan bulan, realisasi dan bukti dukungnya"),
    ),
    Act.HISTORY_ALL: S(N_("Riwayat seluruh &berkas…"), ("Ctrl+Shift+H",)),
    Act.PDF_SK: S(N_("PDF: SK &lengkap…"), ("Ctrl+Alt+P",)),
    Act.PDF_ROSTER: S(N_("PDF: Lampiran &I (susunan tim)…"), ("Ctrl+Alt+I",)),
    Act.PDF_PLAN: S(N_("PDF: Lampiran I&I (rencana aksi)…"), ("Ctrl+Alt+R",)),
    Act.PDF_REPORT: S(N_("PDF: Laporan &bulanan…"), ("Ctrl+Alt+L",)),
    **{Act(part): S(pdf, (), tip) for part, (pdf, _excel, tip) in PERIOD_REPORTS.items()},
    Act.EXPORT_EXCEL: S(N_("&Excel (Lampiran I, II, Realisasi)…"), ("Ctrl+Alt+E",)),
    **{excel(part): S(text, (), tip) for part, (_pdf, text, tip) in PERIOD_REPORTS.items()},
    Act.PRINT_PLAN: S(N_("&Cetak Rencana Aksi…"), ("Ctrl+P",)),
    Act.PRINT_PREVIEW: S(
        N_("Pratin&jau cetak Rencana Aksi…"),
        ("Ctrl+Shift+P",),
        N_("Halaman Lampiran II seperti yang akan dicetak, ditampilkan di rbdesk"),
    ),
    Act.PAPER_A4: S(N_("A4 (210 × 297 mm)"), ("Ctrl+Alt+4",), checkable=True),
    Act.PAPER_F4: S(N_("F4 / Folio (215 × 330 mm)"), ("Ctrl+Alt+5",), checkable=True),
    Act.COPY_ORIGINAL: S(
        N_("&Asli (untuk ditandatangani)"),
        (),
        N_("Naskah asli: ruang tanda tangan basah dan cap, tanpa TTD dan tanpa blok salinan"),
        checkable=True,
    ),
    Act.COPY_CERTIFIED: S(
        N_("&Salinan (sesuai dengan aslinya)"),
        (),
        N_('Salinan: TTD dan blok "Salinan sesuai dengan aslinya"'),
        checkable=True,
    ),
    Act.IMPORT_EXCEL: S(N_("&Impor dari Excel…"), ("Ctrl+Alt+M",), edit=True),
    Act.GUIDE: S(N_("&Panduan pengguna"), ("F1",)),
    Act.ABOUT: S(N_("&Tentang rbdesk")),
    Act.LOGS: S(N_("Buka folder &log"), ("Ctrl+Shift+L",)),
}
# The quarterly reports sit in their own submenu, PDF and Excel side by side.
PDF_QUARTERS = tuple(Act(part) for part in QUARTER_PARTS)
EXCEL_QUARTERS = tuple(map(excel, QUARTER_PARTS))
# An action that exports a part or sets a status, the paper or the form has that code as its
# value (a period report's Excel action with a prefix).
PDF_PARTS = {Act(part): part for part in Part}
EXCEL_REPORTS = {excel(part): part for part in PERIOD_PARTS}
STATUSES = {Act(f"status_{status}"): status for status in Status}
PAPERS = {Act(paper): paper for paper in Paper}
COPY_FORMS = {Act(form): form for form in CopyForm}
DOCKS = (Act.ROSTER_DOCK, Act.EVIDENCE_DOCK, Act.MONTH_DOCK)
# What works on the month grid's current cell or row: from the quarter view these bring the
# month grid back first, on the row chosen there, so nothing changes out of sight.
MONTH_GRID_ACTS = (
    Act.TOGGLE,
    *STATUSES,
    Act.EDIT_NOTE,
    Act.ADD_SIBLING,
    Act.ADD_CHILD,
    Act.RENAME,
    Act.DELETE,
    Act.MOVE_UP,
    Act.MOVE_DOWN,
    Act.OUTDENT,
    Act.INDENT,
    Act.MODE_PLAN,
    Act.MODE_REAL,
    Act.THIS_MONTH,
    Act.HISTORY,
)

# A menu: its title and its items. None is a separator, RECENT the recent files, a tuple a
# submenu (title, items).
RECENT = "recent"
Item = Act | None | str | tuple[str, tuple[Act | None, ...]]
MENUS: tuple[tuple[str, tuple[Item, ...]], ...] = (
    (
        N_("&Berkas"),
        (
            Act.NEW_FILE,
            Act.OPEN_FILE,
            RECENT,
            None,
            Act.NEW_PLAN,
            Act.NEXT_YEAR,
            Act.DECREE,
            Act.DELETE_PLAN,
            None,
            Act.SAVE_COPY,
            Act.MERGE,
            Act.RESTORE,
            None,
            Act.USER,
            None,
            Act.QUIT,
        ),
    ),
    (
        N_("&Ubah"),
        (
            Act.UNDO,
            Act.REDO,
            None,
            Act.TOGGLE,
            *STATUSES,
            Act.EDIT_NOTE,
            None,
            Act.LOCK,
            None,
            Act.ADD_SIBLING,
            Act.ADD_CHILD,
            Act.RENAME,
            Act.DELETE,
            None,
            Act.MOVE_UP,
            Act.MOVE_DOWN,
            Act.OUTDENT,
            Act.INDENT,
        ),
    ),
    (
        N_("&Tampilan"),
        (
            Act.MODE_PLAN,
            Act.MODE_REAL,
            None,
            Act.QUARTER_VIEW,
            None,
            Act.FIND,
            Act.CLEAR_FILTER,
            Act.THIS_MONTH,
            Act.EXPAND,
            Act.COLLAPSE,
            Act.RELOAD,
            None,
            *DOCKS,
            None,
            Act.HISTORY,
            Act.HISTORY_ALL,
        ),
    ),
    (
        N_("&Ekspor/Cetak"),
        (
            *(act for act in PDF_PARTS if act not in PDF_QUARTERS),
            Act.EXPORT_EXCEL,
            *(act for act in EXCEL_REPORTS if act not in EXCEL_QUARTERS),
            (N_("Laporan T&riwulan"), (*PDF_QUARTERS, None, *EXCEL_QUARTERS)),
            None,
            Act.PRINT_PLAN,
            Act.PRINT_PREVIEW,
            (N_("&Kertas"), (Act.PAPER_A4, Act.PAPER_F4)),
            (N_("Ben&tuk"), (Act.COPY_ORIGINAL, Act.COPY_CERTIFIED)),
            None,
            Act.IMPORT_EXCEL,
        ),
    ),
    (N_("Ba&ntuan"), (Act.GUIDE, Act.ABOUT, Act.LOGS)),
)
# The toolbar: "mode" and "plan" are its labelled widgets, "undo" its short undo and redo.
TOOLBAR: tuple[Act | str | None, ...] = (
    "mode",
    Act.MODE_PLAN,
    Act.MODE_REAL,
    None,
    "undo",
    None,
    Act.ADD_SIBLING,
    Act.ADD_CHILD,
    Act.DELETE,
    None,
    Act.THIS_MONTH,
    None,
    "plan",
)
# The grid's context menu for a row (a month cell adds its status actions above).
ROW_MENU = (
    Act.ADD_SIBLING,
    Act.ADD_CHILD,
    Act.RENAME,
    Act.DELETE,
    None,
    Act.MOVE_UP,
    Act.MOVE_DOWN,
    Act.OUTDENT,
    Act.INDENT,
    None,
    Act.HISTORY,
)


# Keys that are not menu actions: moving between the window's regions (the window binds them
# from here), and the grid's own keys (its view handles them; the guide lists them from here).
NEXT_REGION, PREVIOUS_REGION = "F6", "Shift+F6"
KEYBOARD: tuple[tuple[str, str], ...] = (
    ("←  →", N_("Ke bulan (sel) sebelumnya / berikutnya pada baris yang sama")),
    ("↑  ↓", N_("Ke baris di atas / di bawah")),
    (
        "←  →  " + N_("pada kolom No/Uraian"),
        N_("Ciutkan baris (atau ke baris induknya) / bentangkan baris"),
    ),
    ("+  -  *", N_("Bentangkan / ciutkan baris ini; * membentangkan semua di bawahnya")),
    (N_("Spasi"), N_("Ubah sel bulan: rencana (mode Rencana) atau status (mode Realisasi)")),
    ("Enter", N_("Tulis catatan realisasi sel bulan, atau ubah teks sel lain")),
    (
        "Tab  Shift+Tab",
        N_(
            "Pindah ke kotak berikutnya / sebelumnya: filter, grid, lalu isi panel Bulan ini, "
            "Bukti dukung dan Tim (panel yang tertutup tab dibawa ke depan)"
        ),
    ),
    (
        NEXT_REGION + "  " + PREVIOUS_REGION,
        N_("Lompat ke bagian berikutnya / sebelumnya: grid, Bulan ini, Bukti dukung, Tim, filter"),
    ),
    (
        N_("Alt + huruf bergaris bawah"),
        N_("Tombol atau kotak isian dengan huruf itu, mis. di panel Bukti dukung"),
    ),
)


def keyboard_page() -> str:
    """The guide's keyboard page (Markdown): the grid's and the panels' keys, then every
    menu shortcut from the same table the menus are built from."""
    lines = [
        "## " + tr("Bekerja dengan papan ketik"),
        "",
        tr(
            "Semua pekerjaan dapat dilakukan tanpa tetikus. Kotak yang sedang aktif selalu "
            "berbingkai biru."
        ),
        "",
        "| " + tr("Tombol") + " | " + tr("Fungsi") + " |",
        "|---|---|",
    ]
    lines += [f"| {tr(keys)} | {tr(text)} |" for keys, text in KEYBOARD]
    panels = ", ".join(f"{key_text(ACTIONS[act].keys[0])} {tr(ACTIONS[act].text)}" for act in DOCKS)
    lines += [
        "",
        tr("Panel: {keys} — membawa panel ke depan dan memindahkan kursor ke dalamnya.").format(
            keys=panels
        ),
        "",
    ]
    return "\n".join(lines) + "\n" + shortcut_table()


def key_text(key: Key | QKeySequence) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_table() -> str:
    """The guide's table of shortcuts (Markdown), menu by menu, from the same table."""
    lines = [
        "## " + tr("Pintasan papan ketik"),
        "",
        "| " + tr("Perintah") + " | " + tr("Tombol") + " |",
        "|---|---|",
    ]
    for title, items in MENUS:
        flat: list[Act] = []
        for item in items:
            if isinstance(item, Act):
                flat.append(item)
            elif isinstance(item, tuple):
                flat += [act for act in item[1] if act is not None]
        for act in flat:
            keys = ", ".join(k for k in map(key_text, ACTIONS[act].keys) if k)
            if keys:
                menu = tr(title).replace("&", "")
                lines.append(f"| {menu} → {tr(ACTIONS[act].text).replace('&', '')} | {keys} |")
    return "\n".join(lines) + "\n"
