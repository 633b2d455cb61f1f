"""Set tokens as positioned glyph runs: the one place where text gets its final x positions.

Every glyph is placed at the x the line breaker computed, so the grid pitch, justification,
auto-space and fallback fonts never drift, whatever renders the page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.layout.fonts import FontSet, TextStyle
from generator.layout.linebreak import Line, LineBreaker, Token, line_width
from generator.layout_spec import Layout
from generator.paged_document import GlyphRun, TextLine

if TYPE_CHECKING:
    from generator.layout.memo import TextMemo


class TextSetter:
    """Tokenizes, breaks and sets text in the layout's roles; with a ``memo``, text broken or a
    line set before, under the same layout and fonts, is taken from it."""

    def __init__(self, layout: Layout, fonts: FontSet, memo: TextMemo | None = None) -> None:
        self.fonts = fonts
        self.breaker = LineBreaker(layout.line_breaking)
        self.memo = memo.bind((layout, fonts.setting)) if memo is not None else None

    def style(self, role: str) -> TextStyle:
        return self.fonts.style(role)

    def tokens(self, runs: list[tuple[str, TextStyle]]) -> list[Token]:
        return self.breaker.tokenize([run for run in runs if run[0]], self.fonts.natural_width)

    def width(self, text: str, style: TextStyle) -> float:
        return line_width(self.tokens([(text, style)]))

    def break_lines(self, tokens: list[Token], width: float, first_indent: float = 0.0,
                    justify: bool = True, spare: float = 0.0) -> list[Line]:
        return self.breaker.break_lines(tokens, width, first_indent, justify, spare)

    def lines(self, runs: list[tuple[str, TextStyle]], width: float, first_indent: float = 0.0,
              justify: bool = True, spare: float = 0.0) -> tuple[Line, ...]:
        """``runs`` of styled text broken into lines of ``width``."""
        def broken() -> tuple[Line, ...]:
            return tuple(self.break_lines(self.tokens(runs), width, first_indent, justify, spare))
        if self.memo is None:
            return broken()
        return self.memo.kept(self.fonts, ("lines", tuple(runs), width, first_indent, justify, spare), broken)

    def set_line(self, tokens: tuple[Token, ...] | list[Token], x: float, baseline: float, gap: float = 0.0,
                 scale: float = 1.0, spread: bool = False) -> TextLine:
        """Tokens left to right from ``x``; ``gap`` is added at each justification gap, and
        ``scale`` narrows everything horizontally. The memo knows a line by its tokens' identity
        (the lines it keeps hold the same tokens from one layout to the next), set at baseline 0:
        the baseline is only recorded in each run, never computed with."""
        if self.memo is None:
            return self._set_line(tokens, x, baseline, gap, scale, spread)

        def moved() -> TextLine:
            line = self.memo.kept(self.fonts, ("line", id(tokens), x, gap, scale, spread),
                                  lambda: self._set_line(tokens, x, 0.0, gap, scale, spread), holds=tokens)
            return TextLine(line.text, tuple(replace(run, baseline=baseline) for run in line.runs))
        return self.memo.kept(self.fonts, ("line at", id(tokens), x, baseline, gap, scale, spread), moved, holds=tokens)

    def _set_line(self, tokens: tuple[Token, ...] | list[Token], x: float, baseline: float, gap: float,
                  scale: float, spread: bool) -> TextLine:
        glyphs: list[tuple[str, str, TextStyle, float]] = []      # char, font, style, x
        for i, token in enumerate(tokens):
            if i and (not token.joined or spread):
                x += gap
            style: TextStyle = token.style
            trailing = token.space_after if i < len(tokens) - 1 else 0.0
            if token.text != " ":
                cursor = x
                for font, piece in self.fonts.segments(token.text, style):
                    for char in piece:
                        glyphs.append((char, font, style, cursor))
                        cursor += (self.fonts.glyph_width(char, font, style.size) + style.tracking) * scale
            x += (token.width + trailing) * scale
        return TextLine("".join(t.text for t in tokens), self._runs(glyphs, baseline, scale))

    def _runs(self, glyphs: list[tuple[str, str, TextStyle, float]], baseline: float,
              scale: float) -> tuple[GlyphRun, ...]:
        """Consecutive glyphs of one font and style become one run; each advance reaches the
        next glyph, the last one is the glyph's own."""
        runs: list[GlyphRun] = []
        start = 0
        for end in range(1, len(glyphs) + 1):
            if end < len(glyphs) and self._same_run(glyphs[start], glyphs[end]):
                continue
            piece = glyphs[start:end]
            char, font, style, x = piece[-1]
            own = (self.fonts.glyph_width(char, font, style.size) + style.tracking) * scale
            advances = tuple(b[3] - a[3] for a, b in zip(piece, piece[1:])) + (own,)
            runs.append(GlyphRun("".join(g[0] for g in piece), font, style.size, piece[0][3], baseline, advances,
                                 style.ink, style.stroke, scale))
            start = end
        return tuple(runs)

    @staticmethod
    def _same_run(a: tuple[str, str, TextStyle, float], b: tuple[str, str, TextStyle, float]) -> bool:
        return a[1] == b[1] and a[2].size == b[2].size and a[2].ink == b[2].ink and a[2].stroke == b[2].stroke


def baseline_in(line_top: float, pitch: float, style: TextStyle) -> float:
    """Baseline of ``style`` text whose em box is centred in a line of ``pitch`` from ``line_top``
    (y down the page)."""
    return line_top + (pitch - style.size) / 2 + style.em_ascent * style.size
