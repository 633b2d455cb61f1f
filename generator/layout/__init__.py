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
from generator.document_model import Document
from generator.layout.blocks import BlockLayout
from generator.layout.flow import Box, FixedBox
from generator.layout.fonts import FontSet
from generator.layout.linebreak import line_width
from generator.layout.pages import FilledPage, PageFiller
from generator.layout.placement import page_number_side, turned_pages
from generator.layout.text import TextSetter
from generator.layout_spec import Layout, mm_to_pt
from generator.paged_document import Group, Page, PagedDocument, PartLayout, SignaturePlacement, TurnedPages

__all__ = ["lay_out", "FontSet"]


def lay_out(document: Document, layout: Layout, fonts: FontSet, seal_image: Path | None = None) -> PagedDocument:
    """The pages of ``document``; ``seal_image`` is pressed on every sealed 署名."""
    setter = TextSetter(layout, fonts)
    blocks = BlockLayout(layout, setter, seal_image)
    page = layout.page
    turned = turned_pages(layout)
    filler = PageFiller((mm_to_pt(page.top_mm), mm_to_pt(page.text_height_mm)),
                        (turned.top, turned.height - turned.top - turned.bottom))
    parts = []
    for index, part in enumerate(document.parts):
        boxes = blocks.part(part)
        filled = filler.part(index, boxes.boxes, boxes.imprint, message("part {number}", number=index + 1))
        parts.append(PartLayout(filled.first_page + 1, filled.last_page + 1, filled.imprint,
                                tuple(_signature(placement, box) for placement, box in boxes.signatures),
                                boxes.masthead, tuple(boxes.hanging),
                                first_page_numbered=not (part.masthead and part.masthead.letter),
                                turned_starts=tuple(start + 1 for start in filled.turned_starts)))
    pages = tuple(_numbered(filler.pages, parts, layout, setter, turned))
    return PagedDocument(document.meta, mm_to_pt(page.width_mm), mm_to_pt(page.height_mm), pages,
                         tuple(parts), dict(fonts.used),
                         turned if any(page.turned for page in filler.pages) else None)


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

