"""A written PDF's pages as pixels, for the window's print preview: what will print, page by
page, whatever PDF program the PC has or lacks. Rendered by PDFium (pypdfium2), the engine of
Chromium's PDF viewer; imported on the first preview only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.errors import RbdeskError

POINTS_PER_INCH = 72


@dataclass(frozen=True)
class PageImage:
    """One page as 8-bit RGB rows of ``stride`` bytes."""

    width: int
    height: int
    stride: int
    rgb: bytes


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Width and height of each page, in points."""
    doc = _open(path)
    try:
        sizes = (doc.get_page_size(i) for i in range(len(doc)))
        return [(float(w), float(h)) for w, h in sizes]
    finally:
        doc.close()


def _open(path: Path) -> Any:  # a pypdfium2.PdfDocument: the library has no type information
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError) as exc:
        raise RbdeskError(
            tr("PDF {name} tidak dapat dibaca untuk pratinjau: {err}").format(
                name=path.name, err=exc
            )
        ) from None


def render_pages(path: Path, dpi: float) -> Iterator[PageImage]:
    """Each page of ``path`` at ``dpi`` dots per inch, in order."""
    doc = _open(path)
    try:
        for index in range(len(doc)):
            page = doc[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
            try:
                if bitmap.n_channels != 3:  # PDFium gives RGB for an opaque page
                    raise RbdeskError(tr("Halaman PDF tidak dapat ditampilkan."))
                yield PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            finally:
                bitmap.close()
                page.close()
    finally:
        doc.close()
