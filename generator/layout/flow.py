"""Boxes that flow down the 版心 and break across pages.

A box is a block's laid-out content. The page filler (``pages.py``) asks each box for the piece
that fits the space left on a page: text breaks between grid lines, a table between rows,
blank lines shrink to the space left, and the 版头 or the 署名 block move on whole. Pieces are
drawn once their page and position are known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.paged_document import Item

FUZZ = 1e-6          # layout arithmetic tolerance, pt
WIDOW_LINES = 2      # what Word's and LibreOffice's w:widowControl keeps together at either side of a break

Draw = Callable[[float], list[Item]]      # items of a piece whose top lies at y


@dataclass(frozen=True)
class Piece:
    height: float
    draw: Draw
    body: bool = True                     # holds body text: its page carries a page number
    overhang: float = 0.0                 # ink below its height (a seal below the date line)


class Box:
    """Content that flows; ``keep_with_next`` keeps it on the page of the next box's start.
    ``started_page`` and ``first_page`` are set by the page filler when the box's first piece is
    placed: whether it opens a page, and which."""

    keep_with_next: bool = False
    started_page: bool = False
    first_page: int = -1                  # the page (index) its first piece landed on
    page_break_before: bool = False       # starts a new page (an attachment, 另面)
    turned: bool = False                  # and that page and the ones after it are 横排 (turned)

    def height(self) -> float:
        raise NotImplementedError

    def least_height(self) -> float:
        """The least a page must take of this box when a box before it keeps with it."""
        raise NotImplementedError

    def split(self, available: float) -> tuple[Piece, Box | None] | None:
        """The piece that fits ``available`` and the rest (None: all of it fits), or None
        when not even the smallest piece fits."""
        raise NotImplementedError


class LinesBox(Box):
    """Text lines of one pitch; a page may break after any line."""

    def __init__(self, lines: list[Draw], pitch: float, least_lines: int = 1, keep_with_next: bool = False,
                 texts: tuple[str, ...] = ()) -> None:
        self.lines, self.pitch, self.least_lines = lines, pitch, least_lines
        self.keep_with_next = keep_with_next
        self.texts = texts                  # each line's text, where a writer may need it
        self.widow_control = False          # broken only with WIDOW_LINES on either side, as w:widowControl

    def parted(self, count: int) -> tuple[LinesBox, LinesBox]:
        """Its first ``count`` lines and the rest, as two boxes."""
        return (LinesBox(self.lines[:count], self.pitch, self.least_lines, texts=self.texts[:count]),
                LinesBox(self.lines[count:], self.pitch, self.least_lines, self.keep_with_next, self.texts[count:]))

    def height(self) -> float:
        return len(self.lines) * self.pitch

    def least_height(self) -> float:
        return min(self.least_lines, len(self.lines)) * self.pitch

    def split(self, available: float) -> tuple[Piece, Box | None] | None:
        if self.height() <= available + FUZZ:
            return self._piece(self.lines), None
        fit = int(available / self.pitch + 1e-9)
        if self.widow_control:
            fit = min(fit, len(self.lines) - WIDOW_LINES)
            fit = fit if fit >= WIDOW_LINES else 0
        if fit <= 0:
            return None
        rest = LinesBox(self.lines[fit:], self.pitch, self.least_lines, self.keep_with_next, self.texts[fit:])
        rest.widow_control = self.widow_control
        return self._piece(self.lines[:fit]), rest

    def _piece(self, lines: list[Draw]) -> Piece:
        pitch = self.pitch

        def draw(top: float) -> list[Item]:
            return [item for i, line in enumerate(lines) for item in line(top + i * pitch)]
        return Piece(len(lines) * pitch, draw)


class FixedBox(Box):
    """Content that moves to the next page whole (the 版头, the 署名 and 成文日期). Its
    ``overhang`` (a seal reaching below the date line) must fit on the page too, though what
    follows may print over it."""

    def __init__(self, height: float, draw: Draw, keep_with_next: bool = False, overhang: float = 0.0) -> None:
        self._height, self.draw, self.overhang = height, draw, overhang
        self.keep_with_next = keep_with_next

    def height(self) -> float:
        return self._height

    def least_height(self) -> float:
        return self._height

    def split(self, available: float) -> tuple[Piece, Box | None] | None:
        if self._height + self.overhang > available + FUZZ:
            return None
        return Piece(self._height, self.draw, overhang=self.overhang), None


class SpaceBox(Box):
    """Blank grid lines (空一行, 空二行); at a page foot they take only the space left."""

    def __init__(self, height: float) -> None:
        self._height = height

    def height(self) -> float:
        return self._height

    def least_height(self) -> float:
        return 0.0

    def split(self, available: float) -> tuple[Piece, Box | None] | None:
        return Piece(max(min(self._height, available), 0.0), lambda top: [], body=False), None


@dataclass(frozen=True)
class ImprintBox:
    """版记: drawn at the foot of an even page of its part (the filler finds the page)."""

    height: float
    draw: Draw
    copy_to_hang: float
    even_page: bool = True                # the foot of an even page; a letter's on its last page, odd or even
