"""The page filler: boxes → pages, with every page decision made here, once.

Each part (公文) starts on a new sheet (an odd page) and numbers its pages from 1. Boxes fill the
版心 top down; a box that keeps with the next moves to a new page unless the next box's first
line (or a table's header and first row) fits beside it. The 版记 goes to the foot of an even
page of its part: on the last page of text if it fits and that page is even, otherwise on a page
of its own, after a blank page where needed. A part without a 版记 ends on its last page of text,
odd or even: GB/T 9704 wants an even last page only for the 版记. A page without body text
carries no page number. A 横排 attachment fills pages of the turned frame from its first page on,
until an attachment set upright; the 版记 always lands on an upright page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.errors import LayoutError
from generator.layout.flow import FUZZ, Box, ImprintBox
from generator.paged_document import ImprintPlacement, Item
from generator.i18n import message

# The 版记 fits when it needs at most this much more than the space left (rounding of rules).
IMPRINT_TOLERANCE = 0.01


@dataclass
class FilledPage:
    part: int
    items: list[Item] = field(default_factory=list)
    has_body: bool = False
    turned: bool = False                # set in the turned (横排) frame


@dataclass(frozen=True)
class FilledPart:
    first_page: int             # index into the pages
    last_page: int
    imprint: ImprintPlacement | None
    turned_starts: tuple[int, ...] = ()     # indexes of the pages where 横排 attachments start


Frame = tuple[float, float]      # the 版心's top and height on a page (pt)


class PageFiller:
    def __init__(self, upright: Frame, turned: Frame) -> None:
        self.frames = {False: upright, True: turned}
        self.top, self.frame = upright
        self.pages: list[FilledPage] = []
        self.used = self.inked = 0.0
        self.spare: tuple[int, float] = (-1, 0.0)     # a page (index) and the space kept free at its foot

    def _new_page(self, part: int, turned: bool | None = None) -> None:
        """A new page of ``part``, turned or upright (None: as the page before)."""
        if turned is None:
            turned = bool(self.pages) and self.pages[-1].turned
        self.pages.append(FilledPage(part, turned=turned))
        self.top, self.frame = self.frames[turned]
        self.used = 0.0
        self.inked = 0.0            # the lowest ink so far, a seal's included: the 版记 stays below it

    @property
    def _available(self) -> float:
        page, spare = self.spare
        return self.frame - self.used - (spare if page == len(self.pages) - 1 else 0.0)

    @property
    def _at_top(self) -> bool:
        return self.used == 0.0

    def part(self, index: int, boxes: list[Box], imprint: ImprintBox | None, what: object,
             spare: tuple[int, float] = (-1, 0.0)) -> FilledPart:
        """The part's boxes on pages; ``spare`` keeps that much free at the foot of that page (a
        page whose line spacing was tightened)."""
        self.spare = spare
        if len(self.pages) % 2:             # the part before ended on an odd page: a blank back
            self._new_page(index - 1, turned=False)
        first = len(self.pages)
        self._new_page(index, turned=False)
        boxes = list(boxes)
        turned_starts: list[int] = []
        promised = -1           # a box the one before kept with by its least: it starts on that page
        i = 0
        while i < len(boxes):
            box = boxes[i]
            if box.page_break_before and (not self._at_top or box.turned != self.pages[-1].turned):
                if self._at_top:            # an empty page of the other frame: set it in this one instead
                    self.pages.pop()
                self._new_page(index, box.turned)
                if box.turned:
                    turned_starts.append(len(self.pages) - 1)
                continue
            room, whole = self._kept_room(boxes, i) if box.keep_with_next else (0.0, True)
            if box.keep_with_next and not self._at_top and i != promised and room > self._available + FUZZ:
                self._new_page(index)
                continue
            if not whole:
                promised = i + 1
            fitted = box.split(self._available)
            if fitted is None:
                if self._at_top:
                    raise LayoutError(message("{part}: a block is taller than a page and cannot be broken", part=what))
                self._new_page(index)
                continue
            piece, rest = fitted
            box.started_page, box.first_page = self._at_top, len(self.pages) - 1
            page = self.pages[-1]
            page.items += piece.draw(self.top + self.used)
            page.has_body |= piece.body
            self.inked = max(self.inked, self.used + piece.height + piece.overhang)
            self.used += piece.height
            if rest is None:
                i += 1
            else:
                boxes[i] = rest
        placement = self._imprint(index, imprint, first, what) if imprint else None
        return FilledPart(first, len(self.pages) - 1, placement, tuple(turned_starts))

    def _kept_room(self, boxes: list[Box], i: int) -> tuple[float, bool]:
        """Height of the boxes from ``i`` that keep with their next, plus the least of the next,
        and whether the chain is kept whole. A chain taller than a page (numbered sentences set as
        headings, one after another) can stay whole on no page: then the box keeps with the least
        of its next alone, as a heading does, and the next is promised a start on that page."""
        start, room = i, 0.0
        while i < len(boxes) and boxes[i].keep_with_next:
            room += boxes[i].height()
            i += 1
        room += boxes[i].least_height() if i < len(boxes) else 0.0
        if room > self.frame + FUZZ:
            return boxes[start].height() + (boxes[start + 1].least_height() if start + 1 < len(boxes) else 0.0), False
        return room, True

    def _imprint(self, index: int, imprint: ImprintBox, first: int, what: object) -> ImprintPlacement:
        if imprint.height > self.frame + IMPRINT_TOLERANCE:
            raise LayoutError(message("{part}: the 版记 is taller than a page ({pages} pages); shorten its 抄送 list",
                                      part=what, pages=f"{imprint.height / self.frame:.1f}"))
        while True:
            page = self.pages[-1]
            page_in_part = len(self.pages) - first
            if (page_in_part % 2 == 0 or not imprint.even_page) and not page.turned and \
                    self.frame - self.inked + IMPRINT_TOLERANCE >= imprint.height:
                break
            self._new_page(index, turned=False)
        space_above = self._available - imprint.height
        page.items += imprint.draw(self.top + self.frame - imprint.height)
        blank = 0
        if not page.has_body:
            last_body = max(n for n in range(first, len(self.pages)) if self.pages[n].has_body)
            blank = len(self.pages) - 1 - last_body - 1
        return ImprintPlacement(own_page=not page.has_body, blank_pages_before=blank,
                                space_above=space_above, copy_to_hang=imprint.copy_to_hang)
