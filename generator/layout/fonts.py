"""Fonts for the layout stage: each layout face's chain of font files.

The layout needs to know, per character, which font of the chain draws it and how wide it is;
it never needs a PDF library for that. A font's metrics are read only when a character first
needs them, so the fallback fonts for rare characters (HanaMin) cost nothing in a report
without any.
A character the first font lacks comes from the next font of the chain, with a warning naming
the character and the font used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.font_files import FontFile, FontFinder
from generator.i18n import message
from generator.layout.font_metrics import FontMetrics, font_metrics
from generator.layout.inks import ink
from generator.layout.memo import FontCalls
from generator.layout_spec import Layout
from generator.paged_document import Ink


@dataclass(frozen=True)
class TextStyle:
    """A text role resolved for setting: its font chain, size, colour and spacing."""

    role: str
    fonts: tuple[str, ...]           # font keys, first = primary
    size: float
    ink: Ink
    stroke: float                    # synthetic bold's stroke width (pt), 0 for none
    pitch: float                     # advance of one full-width character (size + tracking)
    tracking: float                  # added after every character
    autospace: float                 # between a Chinese character and digits/Latin letters
    em_ascent: float                 # share of the em box above the baseline (0.88 for Fandol)


class FontSet:
    """The layout's faces as font chains, with per-character fallback."""

    def __init__(self, layout: Layout, finder: FontFinder, warn: Callable[[str], None]) -> None:
        self.layout = layout
        self._warn = warn
        self._warned: set[str] = set()
        self._files: dict[str, FontFile] = {}
        self._chains: dict[str, tuple[str, ...]] = {}
        for face_name, face in layout.faces.items():
            chain = finder.chain(face)
            self._files.update((file.name, file) for file in chain)
            self._chains[face_name] = tuple(file.name for file in chain)
        self.used: dict[str, Path] = {}
        self._metrics: dict[str, FontMetrics] = {}
        self._styles: dict[str, TextStyle] = {}
        self._recordings: list[FontCalls] = []

    @property
    def setting(self) -> tuple[tuple[str, Path], ...]:
        """The font files, by key: what text set with this set depends on."""
        return tuple((name, file.path) for name, file in sorted(self._files.items()))

    @contextmanager
    def recording(self) -> Iterator[FontCalls]:
        """The fonts used and the warnings given while the block runs (a TextMemo keeps them)."""
        calls = FontCalls()
        self._recordings.append(calls)
        try:
            yield calls
        finally:
            self._recordings.remove(calls)

    def replay(self, calls: FontCalls) -> None:
        """Use the fonts and give the warnings that text set before did, as setting it again would."""
        for font in calls.fonts:
            self._use(font)
        for text in calls.warnings:
            self._warn_once(text)

    def metrics(self, font: str) -> FontMetrics:
        if font not in self._metrics:
            self._metrics[font] = font_metrics(self._files[font].path)
        return self._metrics[font]

    def style(self, role_name: str) -> TextStyle:
        """The role resolved for setting, made once per role."""
        if role_name not in self._styles:
            self._styles[role_name] = self._make_style(role_name)
        return self._styles[role_name]

    def _make_style(self, role_name: str) -> TextStyle:
        role = self.layout.role(role_name)
        chain = self._chains[role.face]
        return TextStyle(
            role=role_name,
            fonts=chain,
            size=role.size_pt,
            ink=ink(self.layout, role.color),
            stroke=role.size_pt * self.layout.calibration.pdf.bold_stroke_em if role.bold else 0.0,
            pitch=self.layout.advance_pt(role_name),
            tracking=self.layout.tracking_pt(role_name),
            autospace=self.layout.calibration.autospace_em * role.size_pt,
            em_ascent=self.metrics(chain[0]).em_ascent,
        )

    def font_for(self, char: str, style: TextStyle) -> str:
        """The first font in the style's chain that has ``char`` (warns when not the primary)."""
        code = ord(char)
        primary = style.fonts[0]
        if char.isspace() or code in self.metrics(primary).widths:
            return self._use(primary)
        for name in style.fonts[1:]:
            if code in self.metrics(name).widths:
                self._warn_once(message("character {char} ({code}) is not in {font}; drawn with {fallback}", char=char,
                                        code=f"U+{code:04X}", font=primary, fallback=name))
                return self._use(name)
        self._warn_once(message("character {char} ({code}) is in no font of the chain {fonts}; it will print as an "
                                "empty box", char=char, code=f"U+{code:04X}", fonts=", ".join(style.fonts)))
        return self._use(primary)

    def segments(self, text: str, style: TextStyle) -> list[tuple[str, str]]:
        """``text`` cut into (font, text) pieces of one font each."""
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
        total = 0.0
        for font, piece in self.segments(text, style):
            metrics = self.metrics(font)
            total += sum(metrics.width(c) for c in piece) * style.size / 1000
        return total + style.tracking * len(text)

    def glyph_width(self, char: str, font: str, size: float) -> float:
        return self.metrics(font).width(char) * size / 1000

    def _use(self, font: str) -> str:
        if font not in self.used:
            self.used[font] = self._files[font].path
        for calls in self._recordings:
            calls.fonts.setdefault(font)
        return font

    def _warn_once(self, message: str) -> None:
        for calls in self._recordings:
            calls.warnings.setdefault(message)
        if message not in self._warned:
            self._warned.add(message)
            self._warn(message)
