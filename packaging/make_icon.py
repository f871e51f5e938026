"""Draw rbdesk's icon: resources/icons/rbdesk.png (256 px) and rbdesk.ico (16-256 px).

The files are committed; run this (with Pillow, from the `dist` extra) only to change the design:
    .venv/bin/python packaging/make_icon.py
A maroon tile with "RB" and a row of twelve month cells, some ticked - the plan's month grid.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "DejaVuSansCondensed-Bold.ttf"
MAROON, WHITE, GOLD = (128, 20, 32, 255), (255, 255, 255, 255), (246, 190, 40, 255)
DONE = (1, 2, 3, 5, 6)  # months drawn as done; the others as planned outlines


def draw(size: int = 256) -> Image.Image:
    scale = 4  # draw big, shrink smoothly
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, s - 1, s - 1), radius=s // 6, fill=MAROON)
    font = ImageFont.truetype(str(FONT), int(s * 0.50))
    d.text((s / 2, s * 0.40), "RB", font=font, fill=WHITE, anchor="mm")
    # Twelve month cells in two rows of six under the letters.
    cell, gap = s * 0.11, s * 0.03
    left = (s - (6 * cell + 5 * gap)) / 2
    for month in range(12):
        row, col = divmod(month, 6)
        x = left + col * (cell + gap)
        y = s * 0.68 + row * (cell + gap)
        box = (x, y, x + cell, y + cell)
        if month in DONE:
            d.rectangle(box, fill=GOLD)
        else:
            d.rectangle(box, outline=WHITE, width=max(scale * 2, int(s * 0.012)))
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    big.save(OUT / "rbdesk.png", optimize=True)
    big.save(OUT / "rbdesk.ico", sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    print(f"written: {OUT / 'rbdesk.png'}, {OUT / 'rbdesk.ico'}")


if __name__ == "__main__":
    main()
