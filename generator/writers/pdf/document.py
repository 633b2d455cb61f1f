"""The page machinery: A4 with the 版心 frame, page numbers "— N —" per part, odd/even sides,
and no number on a page that holds no body text (a blank page or one with only the 版记)."""

from __future__ import annotations

import calendar
import datetime as dt
import time

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table

from generator.document_model import Meta
from generator.pagination import ImprintPlacement
from generator.layout import Layout, mm_to_pt
from generator.writers.pdf.flowables import GridText, MastheadBlock, SignatureBlock
from generator.writers.pdf.fonts import TextStyle
from generator.writers.pdf.painter import Painter
from generator.writers.pdf.tables import BreakableTable


# What makes a page carry a number: body text, not blank space or the 版记 alone.
BODY_FLOWABLES = (GridText, MastheadBlock, SignatureBlock, Table, BreakableTable)


class PartStart(Flowable):
    """Zero-size marker: the next page numbers restart at 1 from here."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


class GongwenDocTemplate(BaseDocTemplate):
    def __init__(self, target, layout: Layout, meta: Meta, painter: Painter, number_style: TextStyle) -> None:
        page = layout.page
        super().__init__(
            target,
            pagesize=(mm_to_pt(page.width_mm), mm_to_pt(page.height_mm)),
            leftMargin=mm_to_pt(page.left_mm), rightMargin=mm_to_pt(page.right_mm),
            topMargin=mm_to_pt(page.top_mm), bottomMargin=mm_to_pt(page.bottom_mm),
            title=meta.title, author=meta.author, subject=meta.subject,
            keywords=", ".join(meta.keywords), creator="gongwen", producer="gongwen (reportlab)",
            initialFontName=number_style.fonts[0], invariant=1, pageCompression=1,
        )
        self.layout, self.meta, self.painter, self.number_style = layout, meta, painter, number_style
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="版心")
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._page_end)])
        self.part_first_page = 1
        self.page_has_body = False
        self.numbered_pages: list[int] = []
        self.imprints: list[ImprintPlacement] = []

    def beforeDocument(self) -> None:
        """Stamp the creation date from the data, not the clock: same data, same bytes."""
        stamp = self.canv._doc._timeStamp
        created: dt.datetime = self.meta.created
        stamp.t = calendar.timegm(created.timetuple())
        stamp.lt = time.gmtime(stamp.t)
        stamp.YMDhms = tuple(stamp.lt)[:6]

    def beforePage(self) -> None:
        self.page_has_body = False

    def record_imprint(self, space_above: float) -> None:
        """Called by the 版记 as it is drawn: note where it landed for the other writers."""
        blank = 0 if self.page_has_body else self.page - 1 - self.numbered_pages[-1]
        self.imprints.append(ImprintPlacement(own_page=not self.page_has_body, blank_pages_before=blank,
                                              space_above_pt=space_above))

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, PartStart):
            self.part_first_page = self.page
        elif isinstance(flowable, BODY_FLOWABLES):
            self.page_has_body = True

    def _page_end(self, canv, doc) -> None:
        if not self.page_has_body:
            return
        number = self.page - self.part_first_page + 1
        self.numbered_pages.append(self.page)
        spec = self.layout.page_number
        style = self.number_style
        text = f"{spec.prefix}{number}{spec.suffix}"
        width = self.painter.width(text, style)
        indent = spec.side_indent_chars * style.pitch
        x = self.leftMargin + indent if self.page % 2 == 0 else self.leftMargin + self.width - indent - width
        # The dash line (the em box's middle) lies below_text_mm under the 版心's bottom edge.
        middle_above_baseline = (style.em_ascent - 0.5) * style.size
        baseline = self.bottomMargin - mm_to_pt(spec.below_text_mm) - middle_above_baseline
        self.painter.draw_line(canv, text, style, x, baseline)
