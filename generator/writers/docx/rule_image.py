"""A letter's red double line as a picture for the DOCX: the foot's double line (§10.1) must lie
20 mm above the paper's foot on the first page only, where no paragraph can stand, so it floats
there as a picture drawn from the layout's widths (Pillow, which pdfplumber brings)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

DOTS_PER_PT = 600 / 72          # drawn at 600 dpi


def double_rule_png(length_pt: float, upper_pt: float, gap_pt: float, lower_pt: float, rgb: str) -> bytes:
    """Two rules ``length_pt`` long, ``upper_pt`` then ``lower_pt`` wide with ``gap_pt`` between,
    in ``rgb`` ("FF3333") on a transparent ground, as PNG bytes (the same bytes every time)."""
    height = upper_pt + gap_pt + lower_pt
    image = Image.new("RGBA", (round(length_pt * DOTS_PER_PT), round(height * DOTS_PER_PT)), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    colour = tuple(int(rgb[i:i + 2], 16) for i in (0, 2, 4)) + (255,)
    for top, width in ((0.0, upper_pt), (upper_pt + gap_pt, lower_pt)):
        draw.rectangle((0, round(top * DOTS_PER_PT), image.width, round((top + width) * DOTS_PER_PT) - 1), fill=colour)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
