"""Word wrap measured with the font's own metrics, for the cells of a grid."""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth


class WordWrapper:
    """Greedy word wrap with cached word widths; over-long words are broken by characters."""

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self.cache: dict[str, float] = {}
        self.space = stringWidth(" ", font, size)

    def width(self, word: str) -> float:
        w = self.cache.get(word)
        if w is None:
            w = stringWidth(word, self.font, self.size)
            if len(self.cache) < 200_000:
                self.cache[word] = w
        return w

    def lines(self, text: str, width: float) -> list[str]:
        out: list[str] = []
        for para in text.split("\n"):
            line, line_w = "", 0.0
            for word in para.split():
                ww = self.width(word)
                if ww > width:
                    if line:
                        out.append(line)
                    pieces = self.break_word(word, width)
                    out.extend(pieces[:-1])
                    line, line_w = pieces[-1], self.width(pieces[-1])
                elif not line:
                    line, line_w = word, ww
                elif line_w + self.space + ww <= width:
                    line, line_w = f"{line} {word}", line_w + self.space + ww
                else:
                    out.append(line)
                    line, line_w = word, ww
            out.append(line)
        while len(out) > 1 and not out[-1]:
            out.pop()
        return out

    def break_word(self, word: str, width: float) -> list[str]:
        """Break an over-long word after '/', '-' or '_' where possible (a file name such as
        "notulen_kode-etik.pdf" too), else between characters."""
        pieces, current = [], ""
        for part in re.findall(r"[^/_-]*[/_-]|[^/_-]+", word):
            if current and self.width(current + part) > width:
                pieces.append(current)
                current = ""
            if self.width(part) <= width:
                current += part
                continue
            for ch in part:
                if current and stringWidth(current + ch, self.font, self.size) > width:
                    pieces.append(current)
                    current = ch
                else:
                    current += ch
        pieces.append(current)
        return pieces
