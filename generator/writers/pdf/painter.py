"""Draw tokens and single lines of text on a reportlab canvas, font by font, glyph by glyph.

Every glyph is placed at its computed x, so the grid pitch, justification and fallback fonts
never drift, and text extraction still returns the characters in reading order.
"""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from generator.writers.pdf.fonts import PdfFonts, TextStyle
from generator.writers.pdf.linebreak import Token, line_width, tokenize

# Synthetic bold (no bold 仿宋 exists): stroke the outline with this fraction of the size.
BOLD_STROKE = 0.03


def _begin_actual_text(text, actual: str) -> None:
    """BDC with /ActualText: reportlab has no API for marked content, so the operator goes into
    the text object's content stream directly."""
    text._code.append(f"/Span <</ActualText <FEFF{actual.encode('utf-16-be').hex().upper()}>>> BDC")


def _end_marked_content(text) -> None:
    text._code.append("EMC")


def _pitch(style: TextStyle) -> float:
    return style.pitch


def _autospace(style: TextStyle) -> float:
    return style.autospace


class Painter:
    def __init__(self, fonts: PdfFonts) -> None:
        self.fonts = fonts

    def tokens(self, text: str, style: TextStyle) -> list[Token]:
        return self.tokenize([(text, style)])

    def tokenize(self, runs: list[tuple[str, TextStyle]]) -> list[Token]:
        return tokenize(runs, _pitch, self.fonts.natural_width, _autospace)

    def width(self, text: str, style: TextStyle) -> float:
        return line_width(self.tokens(text, style))

    def draw_tokens(self, canv: Canvas, tokens: tuple[Token, ...] | list[Token], x: float, baseline: float,
                    gap: float = 0.0, scale: float = 1.0, spread: bool = False) -> None:
        """Draw tokens left to right from x; ``gap`` is added at each justification gap.

        Character spacing (Tc) carries the tracking and, on a token's last glyph, the auto-space
        after it. The line is marked with its ActualText, so extraction (pdftotext, copy and
        paste) gives back the characters as written, without a space for the auto-space gap."""
        text = canv.beginText()
        _begin_actual_text(text, "".join(t.text for t in tokens))
        bold_sizes = [t.style.size for t in tokens if t.style.bold]
        if bold_sizes:
            canv.setLineWidth(max(bold_sizes) * BOLD_STROKE)
        text.setHorizScale(scale * 100)     # Tz persists across text objects: always set it
        current: tuple | None = None
        for i, token in enumerate(tokens):
            if i and (not token.joined or spread):
                x += gap
            style: TextStyle = token.style
            trailing = token.space_after if i < len(tokens) - 1 else 0.0
            if token.text != " ":
                cursor = x
                pieces = self.fonts.segments(token.text, style)
                for j, (font, piece) in enumerate(pieces):
                    key = (font, style.size, style.color, style.bold)
                    if key != current:
                        self._apply(text, style, font)
                        current = key
                    text.setTextOrigin(cursor, baseline)
                    tail = piece[-1] if trailing and j == len(pieces) - 1 else ""
                    text.setCharSpace(style.tracking)
                    text.textOut(piece[:len(piece) - len(tail)])
                    if tail:
                        text.setCharSpace(style.tracking + trailing)
                        text.textOut(tail)
                    cursor += style.pitch * len(piece) * scale if token.full else \
                        self.fonts.natural_width(piece, style) * scale
            x += (token.width + trailing) * scale
        _end_marked_content(text)
        canv.drawText(text)

    def draw_line(self, canv: Canvas, text: str, style: TextStyle, x: float, baseline: float,
                  scale: float = 1.0) -> None:
        self.draw_tokens(canv, self.tokens(text, style), x, baseline, scale=scale)

    @staticmethod
    def _apply(text, style: TextStyle, font: str) -> None:
        text.setFont(font, style.size)
        color = CMYKColor(*style.color)
        text.setFillColor(color)
        if style.bold:
            text.setStrokeColor(color)
            text.setTextRenderMode(2)
        else:
            text.setTextRenderMode(0)
