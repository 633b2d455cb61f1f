"""Chinese line breaking on the character grid (GB/T 9704: 28 characters a line, justified).

Chinese characters sit on a fixed pitch; digits and Latin letters keep their natural width and
stay together ("2020年" never splits "2020"), with a little space between them and Chinese
characters, as Word and LibreOffice set it. Line-breaking rules (禁则, layouts/line_breaking.yaml):
closing punctuation never starts a line and opening punctuation never ends one; the offending
neighbour moves to the next line and the line is justified to both edges instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from generator.layout.fonts import TextStyle
from generator.layout_spec import LineBreaking
from generator.measure import is_full_width, is_ideograph

FIT_TOLERANCE = 0.01         # pt a line may run over the width by rounding


@dataclass(frozen=True)
class Token:
    """An unbreakable piece of text in one style."""

    text: str
    style: TextStyle
    width: float
    full: bool            # a full-width character on the grid pitch
    joined: bool = False  # continues the previous token's half-width run: no justification gap
    space_after: float = 0.0   # auto-space to the next token, unless a line ends here


@dataclass(frozen=True)
class Line:
    tokens: tuple[Token, ...]
    indent: float
    gap: float            # extra space after every gap position (justification)
    spread: bool = False  # the gap goes between the pieces of half-width runs too (a long URL)


class LineBreaker:
    """Tokenizes styled text and breaks it into lines under one set of 禁则 rules."""

    def __init__(self, rules: LineBreaking) -> None:
        self.rules = rules

    def tokenize(self, runs: Iterable[tuple[str, TextStyle]],
                 measure: Callable[[str, TextStyle], float]) -> list[Token]:
        """Split styled text into tokens: one per Chinese character on its style's ``pitch``, one
        per half-width run of its ``measure``d width, with the style's ``autospace`` between a
        Chinese character and a digit or Latin letter."""
        tokens: list[Token] = []
        for text, style in runs:
            half = ""
            for char in text:
                if is_full_width(char) or char == " ":
                    tokens.extend(self._half_run(half, style, measure))
                    half = ""
                    if char == " ":
                        tokens.append(Token(" ", style, measure(" ", style), False))
                    else:
                        tokens.append(Token(char, style, style.pitch, True))
                else:
                    half += char
            tokens.extend(self._half_run(half, style, measure))
        for i, (token, after) in enumerate(zip(tokens, tokens[1:])):
            left, right = token.text[-1], after.text[0]
            if (is_ideograph(left) and right.isascii() and right.isalnum()) or \
                    (left.isascii() and left.isalnum() and is_ideograph(right)):
                tokens[i] = replace(token, space_after=token.style.autospace)
        return tokens

    def _half_run(self, text: str, style: TextStyle, measure: Callable[[str, TextStyle], float]) -> list[Token]:
        if not text:
            return []
        pieces = [text]
        if len(text) > self.rules.long_run:
            pieces, current = [], ""
            for char in text:
                current += char
                if char in self.rules.soft_break_after:
                    pieces.append(current)
                    current = ""
            if current:
                pieces.append(current)
        return [Token(piece, style, measure(piece, style), False, joined=i > 0) for i, piece in enumerate(pieces)]

    def _clusters(self, tokens: list[Token]) -> list[list[Token]]:
        """Group tokens that must stay on one line: a closing mark with what precedes it, an
        opening mark with what follows it, digits or Latin letters right after a closing mark
        ("，2020年": no break there, as in LibreOffice; but "：|2021" breaks), and the pieces of a
        half-width run unless very long."""
        no_start, no_end, soft = self.rules.no_line_start, self.rules.no_line_end, self.rules.soft_break_after
        gluing = no_start - self.rules.digits_may_follow         # closing marks digits keep with
        clusters: list[list[Token]] = []
        glue_next = False
        for token in tokens:
            after_close = clusters and clusters[-1][-1].text[-1] in gluing \
                and not token.full and token.text[0].isascii() and token.text[0].isalnum()
            attach = clusters and (glue_next or after_close or token.text[0] in no_start
                                   or (token.joined and not clusters[-1][-1].text[-1:] in soft))
            if attach:
                clusters[-1].append(token)
            else:
                clusters.append([token])
            glue_next = token.text[-1] in no_end
        return clusters

    def break_lines(self, tokens: list[Token], width: float, first_indent: float = 0.0,
                    justify: bool = True, spare: float = 0.0) -> list[Line]:
        """Greedy breaking into lines of ``width``; every line but the last is justified. A line
        takes what fits with ``spare`` left over (a renderer that wraps sooner), and is still
        justified to the full width."""
        fits = width - spare + FIT_TOLERANCE
        lines: list[list[Token]] = []
        current: list[Token] = []
        used = first_indent

        def added(piece: list[Token]) -> float:
            return (current[-1].space_after if current else 0.0) + line_width(piece)

        def place(piece: list[Token]) -> None:
            nonlocal used
            used += added(piece)
            current.extend(piece)

        def new_line() -> None:
            nonlocal current, used
            lines.append(current)
            current, used = [], 0.0

        for cluster in self._clusters(tokens):
            if current and used + added(cluster) > fits:
                new_line()
            if used + added(cluster) <= fits:
                place(cluster)
                continue
            for token in cluster:                   # longer than a line: break inside it
                if current and used + added([token]) > fits:
                    new_line()
                place([token])
        if current or not lines:
            lines.append(current)
        return [_finish(line, width, first_indent if i == 0 else 0.0, justify and i < len(lines) - 1)
                for i, line in enumerate(lines)]


def line_width(tokens: Iterable[Token]) -> float:
    """Natural width of tokens set on one line: widths plus the auto-space between them."""
    tokens = list(tokens)
    return sum(t.width + t.space_after for t in tokens[:-1]) + (tokens[-1].width if tokens else 0.0)


def _finish(tokens: list[Token], width: float, indent: float, justify: bool) -> Line:
    while tokens and tokens[-1].text == " ":
        tokens = tokens[:-1]
    while tokens and tokens[0].text == " ":
        tokens = tokens[1:]
    extra = max(width - indent - line_width(tokens), 0.0)
    gaps = sum(1 for t in tokens[1:] if not t.joined)
    if not justify or len(tokens) < 2:
        return Line(tuple(tokens), indent, 0.0)
    if gaps and extra / gaps <= tokens[0].width:
        return Line(tuple(tokens), indent, extra / gaps)
    # Too few gaps to justify without holes (a line that is mostly one long URL): spread the
    # space between the URL's pieces as well.
    return Line(tuple(tokens), indent, extra / (len(tokens) - 1), spread=True)
