"""layout: document model → paged document, once per build, for every writer.

The stage sets the text (line breaking, 禁则, justification, auto-space, fallback fonts), fills
the pages (keep-with-next, tables broken between rows with their header rows repeated, the
版记 on an even page's foot) and numbers them. It reads font metrics with fontTools and never
imports a writer library, so a DOCX-only build needs no PDF machinery.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from generator.i18n import message
from generator.document_model import Document, Note, Paragraph, Part
from generator.layout.blocks import BlockLayout, PartBoxes
from generator.layout.flow import Box, FixedBox, LinesBox, SpaceBox
from generator.layout.fonts import FontSet
from generator.layout.linebreak import line_width
from generator.layout.memo import TextMemo
from generator.layout.pages import FilledPage, FilledPart, PageFiller
from generator.layout.placement import page_number_side, turned_pages
from generator.layout.text import TextSetter
from generator.layout_spec import Layout, mm_to_pt
from generator.paged_document import (
    Carry, Group, Page, PagedDocument, PartLayout, SignaturePlacement, Tightening, TurnedPages,
)

__all__ = ["lay_out", "FontSet"]


def lay_out(document: Document, layout: Layout, fonts: FontSet, seal_image: Path | None = None,
            memo: TextMemo | None = None) -> PagedDocument:
    """The pages of ``document``; ``seal_image`` is pressed on every sealed 署名. ``memo``: text
    set in an earlier layout, kept (the web page's preview); the pages are the same without it."""
    setter = TextSetter(layout, fonts, memo)
    blocks = BlockLayout(layout, setter, seal_image)
    page = layout.page
    turned = turned_pages(layout)
    filler = PageFiller((mm_to_pt(page.top_mm), mm_to_pt(page.text_height_mm)),
                        (turned.top, turned.text_height))
    parts = []
    for index, part in enumerate(document.parts):
        boxes, filled, fitted = _filled(part, index, blocks, filler, layout)
        parts.append(PartLayout(filled.first_page + 1, filled.last_page + 1, filled.imprint,
                                tuple(_signature(placement, box) for placement, box in boxes.signatures),
                                boxes.masthead, tuple(boxes.hanging),
                                first_page_numbered=not (part.masthead and part.masthead.letter),
                                turned_starts=tuple(start + 1 for start in filled.turned_starts),
                                tightening=fitted if isinstance(fitted, Tightening) else None,
                                carry=fitted if isinstance(fitted, Carry) else None,
                                widow_controlled=tuple(boxes.widow_controlled)))
    pages = tuple(_numbered(filler.pages, parts, layout, setter, turned))
    return PagedDocument(document.meta, mm_to_pt(page.width_mm), mm_to_pt(page.height_mm), pages,
                         tuple(parts), dict(fonts.used),
                         turned if any(page.turned for page in filler.pages) else None)


def _filled(part: Part, index: int, blocks: BlockLayout, filler: PageFiller,
            layout: Layout) -> tuple[PartBoxes, FilledPart, Tightening | Carry | None]:
    """The part's boxes on pages. A 署名 that finds no room under the body's last line and would
    open a page of its own is kept with its text as §7.3.5 says: the text of the page above it is
    set at a tighter line pitch (调整行距), the least tightening that fits, within the layout's
    limit; the pages before that page do not change. Failing that, the body's last lines go over
    with it."""
    what = message("part {number}", number=index + 1)
    start = len(filler.pages)
    boxes = blocks.part(part)
    filled = filler.part(index, boxes.boxes, boxes.imprint, what)
    span = _alone(part, boxes)
    if span is None:
        return boxes, filled, None
    first, last, above = span
    fit = layout.signature_fit
    spare = (above, layout.calibration.docx.tightened_page_spare_pt)

    def tightened(step: int) -> tuple[PartBoxes, FilledPart, Tightening] | None:
        """The part at ``step`` steps tighter, if the 署名 then stays on the page tightened for."""
        tightening = Tightening(first, last, round(layout.line_pitch_pt - step * fit.line_pitch_step_pt, 2))
        del filler.pages[start:]
        tight = blocks.part(part, tightening)
        tight_filled = filler.part(index, tight.boxes, tight.imprint, what, spare)
        kept = all(not box.started_page and box.first_page <= above for _, box in tight.signatures)
        return (tight, tight_filled, tightening) if kept else None

    # A tighter pitch only moves text up, so the least tightening that fits is found by bisection,
    # after the tightest has shown that one does (a full report's part is laid out a few times, not 24).
    steps = int((layout.line_pitch_pt - fit.line_pitch_min_pt) / fit.line_pitch_step_pt + 1e-9)
    found = tightened(steps) if first is not None and steps else None
    low, high, latest = 1, steps - 1, found
    while found and low <= high:
        middle = (low + high) // 2
        latest = tightened(middle)
        if latest:
            found, high = latest, middle - 1
        else:
            low = middle + 1
    if found and found is latest:
        return found
    if found:               # the filler holds a later, failed attempt's pages: lay the one found out again
        del filler.pages[start:]
        boxes, _, tightening = found
        return boxes, filler.part(index, boxes.boxes, boxes.imprint, what, spare), tightening
    del filler.pages[start:]
    boxes = blocks.part(part)
    carry = _carry(part, boxes, last, layout.signature_fit.carried_lines)
    return boxes, filler.part(index, boxes.boxes, boxes.imprint, what), carry


def _alone(part: Part, boxes: PartBoxes) -> tuple[int | None, int, int] | None:
    """The blocks to tighten when a 署名 opened a page, and the page above it: from the first
    block that starts on that page (None: none starts there) to the 署名 (and the 附注 that keeps
    with it); None when every 署名 shares its page with text."""
    alone = next((box for _, box in boxes.signatures if box.started_page), None)
    if alone is None:
        return None
    signature = next(block for box, block in zip(boxes.boxes, boxes.blocks) if box is alone)
    above = alone.first_page - 1
    firsts: dict[int, Box] = {}
    for box, block in zip(boxes.boxes, boxes.blocks):
        firsts.setdefault(block, box)
    starting = [block for block, box in firsts.items() if 0 <= block < signature and box.first_page == above]
    follows = signature + 1 < len(part.blocks) and isinstance(part.blocks[signature + 1], Note)
    return min(starting, default=None), signature + (1 if follows else 0), above


def _carry(part: Part, boxes: PartBoxes, last_block: int, least: int) -> Carry | None:
    """The body's last lines made to go over with the 署名 (``boxes`` changed in place): the
    blocks before it, back from the last, until they hold ``least`` lines, all keeping with it; a
    paragraph long enough to keep ``least`` lines where it was is split, the rest moves whole.
    None when the block before the 署名 is no text (a table)."""
    signature = last_block - 1 if isinstance(part.blocks[last_block], Note) else last_block
    first = boxes.blocks.index(signature)
    for box in boxes.boxes[first:]:                 # the blank lines above the 署名
        if not isinstance(box, SpaceBox):
            break
        box.keep_with_next = True
    carried, block = 0, signature
    while carried < least and block > 0:
        at = [i for i, owner in enumerate(boxes.blocks) if owner == block - 1]
        if not at or not isinstance(boxes.boxes[at[-1]], LinesBox):
            break
        block -= 1
        last: LinesBox = boxes.boxes[at[-1]]
        need = least - carried
        if isinstance(part.blocks[block], Paragraph) and len(last.lines) >= need + least:
            kept, moved = last.parted(len(last.lines) - need)
            moved.keep_with_next = True
            boxes.boxes[at[-1]:at[-1] + 1], boxes.blocks[at[-1]:at[-1] + 1] = [kept, moved], [block, block]
            return Carry(block, signature - 1, sum(len(text.replace(" ", "")) for text in kept.texts))
        for i in at:
            boxes.boxes[i].keep_with_next = True
        carried += sum(len(boxes.boxes[i].lines) for i in at if isinstance(boxes.boxes[i], LinesBox))
    return Carry(block, signature - 1, 0) if block < signature else None


def _signature(placement: SignaturePlacement, box: Box) -> SignaturePlacement:
    """A sealed 署名 that opens a page may have been moved there only because its seal would not
    fit below: the DOCX, whose renderer knows nothing of the seal's room, is told to break there."""
    sealed = isinstance(box, FixedBox) and box.overhang > 0
    return replace(placement, page_break_before=sealed and box.started_page)


def _numbered(filled: list[FilledPage], parts: list[PartLayout], layout: Layout,
              setter: TextSetter, turned: TurnedPages) -> Iterator[Page]:
    """Pages with their "— N —": odd pages 右空一字, even pages 左空一字, the dash line
    below_text_mm under the 版心; a page without body text carries none. A 横排 page's content
    is one group turned onto the paper, its number upright outside it."""
    spec = layout.page_number
    style = setter.style("page_number")
    left = mm_to_pt(layout.page.left_mm)
    right = left + mm_to_pt(layout.page.text_width_mm)
    foot = mm_to_pt(layout.page.top_mm + layout.page.text_height_mm)
    # The dash line (the em box's middle) lies below_text_mm under the 版心's bottom edge.
    baseline = foot + mm_to_pt(spec.below_text_mm) + (style.em_ascent - 0.5) * style.size
    indent = page_number_side(layout)
    for index, page in enumerate(filled):
        number = index + 1
        printed = None
        items = [Group(tuple(page.items), turned.transform)] if page.turned else page.items
        part = parts[page.part]
        if page.has_body and (number > part.first_page or part.first_page_numbered):
            printed = number - part.first_page + 1
            tokens = setter.tokens([(f"{spec.prefix}{printed}{spec.suffix}", style)])
            x = left + indent if number % 2 == 0 else right - indent - line_width(tokens)
            items = items + [setter.set_line(tokens, x, baseline)]
        yield Page(number, page.part, printed, tuple(items))

