"""Chinese line breaking on the character grid (GB/T 9704: 28 characters a line, justified).

Chinese characters sit on a fixed pitch; digits and Latin letters keep their natural width and
stay together ("2020年" never splits "2020"). Line-breaking rules (禁则): closing punctuation
never starts a line and opening punctuation never ends one; the offending neighbour moves to
the next line and the line is justified to both edges instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.measure import is_full_width

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%‰℃,.;:?!)]}")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
# Inside a long half-width run (a URL, an e-mail address) a line may break after these.
SOFT_BREAK_AFTER = frozenset("/-?&=_@")
LONG_RUN = 12


@dataclass(frozen=True)
class Token:
    """An unbreakable piece of text in one style."""

    text: str
    style: Any
    width: float
    full: bool            # a full-width character on the grid pitch
    joined: bool = False  # continues the previous token's half-width run: no justification gap


@dataclass(frozen=True)
class Line:
    tokens: tuple[Token, ...]
    indent: float
    gap: float            # extra space after every gap position (justification)


def tokenize(runs: Iterable[tuple[str, Any]], pitch: Callable[[Any], float],
             measure: Callable[[str, Any], float]) -> list[Token]:
    """Split styled text into tokens: one per Chinese character on ``pitch(style)``, one per
    half-width run of its ``measure``d natural width."""
    tokens: list[Token] = []
    for text, style in runs:
        half = ""
        for char in text:
            if is_full_width(char) or char == " ":
                tokens.extend(_half_run(half, style, measure))
                half = ""
                if char == " ":
                    tokens.append(Token(" ", style, measure(" ", style), False))
                else:
                    tokens.append(Token(char, style, pitch(style), True))
            else:
                half += char
        tokens.extend(_half_run(half, style, measure))
    return tokens


def _half_run(text: str, style: Any, measure: Callable[[str, Any], float]) -> list[Token]:
    if not text:
        return []
    pieces = [text]
    if len(text) > LONG_RUN:
        pieces, current = [], ""
        for char in text:
            current += char
            if char in SOFT_BREAK_AFTER:
                pieces.append(current)
                current = ""
        if current:
            pieces.append(current)
    return [Token(piece, style, measure(piece, style), False, joined=i > 0) for i, piece in enumerate(pieces)]


def _clusters(tokens: list[Token]) -> list[list[Token]]:
    """Group tokens that must stay on one line: a closing mark with what precedes it, an
    opening mark with what follows it, and the pieces of a half-width run unless very long."""
    clusters: list[list[Token]] = []
    glue_next = False
    for token in tokens:
        attach = clusters and (glue_next or token.text[0] in NO_LINE_START
                               or (token.joined and not clusters[-1][-1].text[-1:] in SOFT_BREAK_AFTER))
        if attach:
            clusters[-1].append(token)
        else:
            clusters.append([token])
        glue_next = token.text[-1] in NO_LINE_END
    return clusters


def break_lines(tokens: list[Token], width: float, first_indent: float = 0.0,
                justify: bool = True) -> list[Line]:
    """Greedy breaking into lines of ``width``; every line but the last is justified."""
    lines: list[list[Token]] = []
    current: list[Token] = []
    used = first_indent
    for cluster in _clusters(tokens):
        size = sum(t.width for t in cluster)
        available = width - (first_indent if not lines else 0.0)
        if current and used + size > width + 0.01:
            lines.append(current)
            current, used = [], 0.0
            available = width
        if size > available + 0.01:           # longer than a line: break inside it
            for token in cluster:
                if current and used + token.width > width + 0.01:
                    lines.append(current)
                    current, used = [], 0.0
                current.append(token)
                used += token.width
            continue
        current.extend(cluster)
        used += size
    if current or not lines:
        lines.append(current)
    return [_finish(line, width, first_indent if i == 0 else 0.0, justify and i < len(lines) - 1)
            for i, line in enumerate(lines)]


def _finish(tokens: list[Token], width: float, indent: float, justify: bool) -> Line:
    while tokens and tokens[-1].text == " ":
        tokens = tokens[:-1]
    while tokens and tokens[0].text == " ":
        tokens = tokens[1:]
    gaps = sum(1 for t in tokens[1:] if not t.joined)
    natural = sum(t.width for t in tokens)
    gap = (width - indent - natural) / gaps if justify and gaps else 0.0
    return Line(tuple(tokens), indent, max(gap, 0.0))
