"""Fonts for the PDF: register each layout face's file chain with reportlab and pick, per
character, the first font that has it.

reportlab draws a missing glyph as an empty box without a word, so coverage is checked here
before drawing: a character the face's first font lacks comes from the next font in the
layout's chain, with a warning naming the character and the font used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from generator.font_files import FontFinder
from generator.layout import Layout


@dataclass(frozen=True)
class TextStyle:
    """What a writer needs to draw a role: font chain, size, colour, synthetic bold, pitch."""

    fonts: tuple[str, ...]           # registered reportlab names, first = primary
    size: float
    color: tuple[float, float, float, float]   # CMYK
    bold: bool
    pitch: float                     # advance of one full-width character (size + tracking)
    tracking: float                  # added after every character
    autospace: float                 # between a Chinese character and digits/Latin letters
    em_ascent: float                 # share of the em box above the baseline (0.88 for Fandol)


@lru_cache(maxsize=None)
def _register(name: str, path: str) -> TTFont:
    font = TTFont(name, path)
    pdfmetrics.registerFont(font)
    return font


class PdfFonts:
    """The layout's roles as TextStyles, backed by registered TrueType fonts."""

    def __init__(self, layout: Layout, finder: FontFinder, warn: Callable[[str], None]) -> None:
        self.layout = layout
        self._warn = warn
        self._warned: set[tuple[str, str]] = set()
        self._chains: dict[str, tuple[str, ...]] = {}
        self._cmaps: dict[str, dict[int, int]] = {}
        # The em box a PDF reader computes from the font's descent (pdfminer: size tall, from
        # descent below the baseline); text is placed by it, so measured positions agree.
        self._em_ascent: dict[str, float] = {}
        for face_name, face in layout.faces.items():
            names = []
            for file in finder.chain(face):
                font = _register(file.name, str(file.path))
                self._cmaps[file.name] = font.face.charToGlyph
                self._em_ascent[file.name] = 1 + font.face.descent / 1000
                names.append(file.name)
            self._chains[face_name] = tuple(names)

    def style(self, role_name: str) -> TextStyle:
        role = self.layout.role(role_name)
        return TextStyle(
            fonts=self._chains[role.face],
            size=role.size_pt,
            color=tuple(self.layout.colors[role.color].cmyk),
            bold=role.bold,
            pitch=self.layout.advance_pt(role_name),
            tracking=self.layout.tracking_pt(role_name),
            autospace=self.layout.grid.autospace_em * role.size_pt,
            em_ascent=self._em_ascent[self._chains[role.face][0]],
        )

    def font_for(self, char: str, style: TextStyle) -> str:
        """The first font in the style's chain that has ``char`` (warns when not the primary)."""
        code = ord(char)
        if char.isspace() or code in self._cmaps[style.fonts[0]]:
            return style.fonts[0]
        for name in style.fonts[1:]:
            if code in self._cmaps[name]:
                self._warn_once(char, f"character {char} (U+{code:04X}) is not in {style.fonts[0]}; "
                                      f"drawn with {name}")
                return name
        self._warn_once(char, f"character {char} (U+{code:04X}) is in no font of the chain "
                              f"{', '.join(style.fonts)}; it will print as an empty box")
        return style.fonts[0]

    def segments(self, text: str, style: TextStyle) -> list[tuple[str, str]]:
        """``text`` cut into (font name, text) pieces of one font each."""
        pieces: list[tuple[str, str]] = []
        for char in text:
            font = self.font_for(char, style)
            if pieces and pieces[-1][0] == font:
                pieces[-1] = (font, pieces[-1][1] + char)
            else:
                pieces.append((font, char))
        return pieces

    def natural_width(self, text: str, style: TextStyle) -> float:
        """Advance of half-width text: the glyphs' own widths plus tracking."""
        return sum(pdfmetrics.stringWidth(piece, font, style.size) for font, piece in self.segments(text, style)) \
            + style.tracking * len(text)

    def _warn_once(self, char: str, message: str) -> None:
        if (char, message) not in self._warned:
            self._warned.add((char, message))
            self._warn(message)
