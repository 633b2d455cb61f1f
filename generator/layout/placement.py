"""GB/T 9704 placement rules that the layout applies and ``gongwen inspect`` checks against.

Each rule lives here once: the layout stage places text by it, the DOCX follows the placement
recorded in the paged document, and the inspector computes its expected values from the widths
it measures on the page.
"""

from __future__ import annotations

from generator.layout_spec import Body, Layout, mm_to_pt
from generator.paged_document import TurnedPages


def signature_positions(organ_width: float, date_width: float, line_width: float, char: float,
                        body: Body, seal: bool) -> tuple[float, float]:
    """x of the 署名 and of the 成文日期 from the 版心's left edge (§7.3.5).

    Without a seal: the 署名 右空二字 and the date two characters right of its start; a date
    longer than that allows ends 右空二字 and the 署名 moves left with it. With a seal: the date
    右空四字 and the 署名 centred on the date (§7.3.5.1)."""
    if seal:
        date_x = line_width - body.seal_date_right_chars * char - date_width
        return date_x + (date_width - organ_width) / 2, date_x
    right = line_width - body.signature_right_chars * char
    organ_x = right - organ_width
    date_x = organ_x + body.date_offset_chars * char
    if date_x + date_width > right:
        date_x = right - date_width
        organ_x = date_x - body.date_offset_chars * char
    return organ_x, date_x


def mark_scale(natural_width: float, line_width: float) -> float:
    """The 发文机关标志 keeps its size and is narrowed to the 版心 width when longer (§7.2.2)."""
    return min(1.0, line_width / natural_width) if natural_width > 0 else 1.0


def masthead_side(layout: Layout) -> float:
    """An upward document's 发文字号 居左空一字 and its 签发人 居右空一字 (§7.2.5–7.2.6): pt from
    the 版心's edges, in the body's 字."""
    return layout.masthead.side_indent_chars * layout.char_pitch_pt


def imprint_side(layout: Layout) -> float:
    """The 版记's 抄送 and 印发 lines 左右各空一字 (§7.4): pt from the 版心's edges, in its own 4号 字."""
    return layout.imprint.side_indent_chars * layout.advance_pt("imprint")


def page_number_side(layout: Layout) -> float:
    """Page numbers 一字 in from their side (§7.5), odd pages from the right, even from the left: pt,
    in the page number's own 4号 字."""
    return layout.page_number.side_indent_chars * layout.advance_pt("page_number")


def turned_pages(layout: Layout) -> TurnedPages:
    """A 横排 page (§8): the sheet turned a quarter clockwise, so the table's head lies toward the
    paper's left edge (the 订口 of an odd page, the 切口 of an even one); its 版心 is the upright
    版心 turned with it, and its page number stays upright on the paper where every page has it
    (the dash line below_text_mm under the 版心, 一字 in from its side)."""
    page = layout.page
    width, height = mm_to_pt(page.width_mm), mm_to_pt(page.height_mm)
    left, top = mm_to_pt(page.left_mm), mm_to_pt(page.top_mm)
    text_width, text_height = mm_to_pt(page.text_width_mm), mm_to_pt(page.text_height_mm)
    size = layout.role("page_number").size_pt
    dash = top + text_height + mm_to_pt(layout.page_number.below_text_mm)
    side = page_number_side(layout)
    return TurnedPages(width=height, height=width, top=left, right=top, bottom=width - left - text_width,
                       left=height - top - text_height, number_x=height - dash - size / 2, number_size=size,
                       number_y0=left + side, number_y1=left + text_width - side,
                       transform=(0.0, -1.0, 1.0, 0.0, 0.0, height))
