"""The fonts an OFD embeds: one fontTools subset per font file, holding exactly the glyphs used.

OFD readers draw a TextCode's characters through the embedded font's cmap, without shaping,
so a subset needs the used characters' glyphs and nothing else: no layout features (they
would pull in vertical forms and ligatures).
Names are kept in every language, so a reader that substitutes an installed font finds
仿宋_GB2312 by its Chinese family name too. fontTools keeps the font's own timestamps and
adds no random subset tag, so the same text gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from fontTools import subset

from generator.paged_document import PagedDocument


@dataclass(frozen=True)
class EmbeddedFont:
    font_name: str                      # the PostScript name
    family_name: str
    bold: bool
    data: bytes                         # the subset, a TrueType/OpenType file
    ink: tuple[float, float, float, float]  # box of all glyphs in em, y up: x min, y min, x max, y max


def used_characters(paged: PagedDocument) -> dict[str, set[str]]:
    """The characters each font key draws, over every page."""
    used: dict[str, set[str]] = {}
    for page in paged.pages:
        for line in page.lines():
            for run in line.runs:
                used.setdefault(run.font, set()).update(run.text)
    return used


def embed_fonts(paged: PagedDocument) -> dict[str, EmbeddedFont]:
    """A subset of every font that draws text, by font key, in key order."""
    used = used_characters(paged)
    return {key: subset_font(paged.fonts[key], used[key]) for key in sorted(used)}


def subset_font(path: Path, characters: set[str]) -> EmbeddedFont:
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True       # a character the font lacks shows as a box, not as nothing
    options.drop_tables.append("FFTM")  # FontForge's timestamps (HanaMin), which fontTools cannot subset
    font = subset.load_font(str(path), options, dontLoadGlyphNames=True)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(map(ord, characters)))
        subsetter.subset(font)
        data = BytesIO()
        subset.save_font(font, data, options)
        head, names = font["head"], font["name"]
        em = head.unitsPerEm
        return EmbeddedFont(
            font_name=names.getDebugName(6) or path.stem,
            family_name=names.getBestFamilyName() or path.stem,
            bold=bool(head.macStyle & 1),
            data=data.getvalue(),
            ink=(head.xMin / em, head.yMin / em, head.xMax / em, head.yMax / em),
        )
    finally:
        font.close()
