"""The guide (Bantuan → Panduan pengguna) speaks of the window, and what it tells people to click
exists where it says: Asli/Salinan, adding a person in Tim, the semester and annual reports,
next year's plan, restoring a backup, recording a review for someone else."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QMenu, QPushButton

from rbdesk.ui.dialogs.guide import GuideDialog, guide_text
from rbdesk.ui.window.action_table import Act


def menu_texts(menu: QMenu, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every item as its path of menu texts, without the & of the shortcut letters."""
    found = set()
    for action in menu.actions():
        text = action.text().replace("&", "")
        if action.menu() is not None:
            found |= menu_texts(action.menu(), (*path, text))
        elif text:
            found.add((*path, text))
    return found


def section(source: str, title: str) -> str:
    return source.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_the_guide_tells_what_the_window_has(qtbot, sample_path: Path) -> None:
    from rbdesk.ui.window import app

    win = app.start(str(sample_path))  # what `rbdesk FILE` runs
    qtbot.addWidget(win)
    win.acts[Act.GUIDE].trigger()  # Bantuan → Panduan pengguna (F1)
    guide = win.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()  # what the reader sees
    source = guide_text()  # its Markdown, for the **Menu → Item** paths

    items = set()
    for action in win.menuBar().actions():
        items |= menu_texts(action.menu(), (action.text().replace("&", ""),))
    said = {
        tuple(part.strip() for part in path.split("→"))
        for path in re.findall(r"\*\*((?:Berkas|Ekspor/Cetak) →[^*]+)\*\*", source)
    }
    for path in said:  # "PDF: SK lengkap" names the item "PDF: SK lengkap…"
        assert any(
            item[: len(path) - 1] == path[:-1] and item[len(path) - 1].startswith(path[-1])
            for item in items
            if len(item) >= len(path)
        ), path
    for path in (
        ("Ekspor/Cetak", "Bentuk", "Asli (untuk ditandatangani)"),
        ("Ekspor/Cetak", "Bentuk", "Salinan (sesuai dengan aslinya)"),
        ("Ekspor/Cetak", "PDF: Laporan Semester I…"),
        ("Ekspor/Cetak", "PDF: Laporan Semester II…"),
        ("Ekspor/Cetak", "PDF: Laporan Tahunan…"),
        ("Ekspor/Cetak", "Excel: Laporan Tahunan…"),
        ("Berkas", "Rencana Aksi tahun berikutnya…"),
        ("Berkas", "Pulihkan dari cadangan…"),
    ):
        assert path in items, path
        assert path[-1] in text, path

    for title in (
        "Asli atau salinan",
        "Laporan semester dan tahunan",
        "Menambah orang ke tim",
        "Memulai rencana tahun berikutnya",
    ):
        assert f"## {title}" in source or f"### {title}" in source, title
        assert title in text
    # The window's own buttons, named as the guide names them.
    buttons = {b.text().replace("&", "") for b in win.findChildren(QPushButton)}
    assert {"Tambah orang…", "Masukkan ke tim…"} <= buttons
    assert "Tambah orang…" in section(source, "Menambah orang ke tim")
    boxes = {b.text().replace("&", "") for b in win.findChildren(QCheckBox)}
    assert "Catat atas nama orang lain" in boxes and "Catat atas nama orang lain" in text
    assert "Buka hasil pemulihan" in section(source, "Memulihkan dari cadangan")

    # An office user is never sent to the command line.
    assert "baris perintah" not in text.lower()
    assert not re.search(r"`rbdesk[ -]", source)
    guide.close()
    win.close()
