"""The layout stage on small hand-built documents (pandoc style): positions in the paged document."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.document_model import (
    Addressee, Block, Cell, Document, Heading, Imprint, Meta, Paragraph, Part, Run, Table,
)
from generator.font_files import FontFinder
from generator.layout import FontSet, lay_out
from generator.layout_spec import Layout, mm_to_pt
from generator.paged_document import CellBox, PagedDocument, Rule, TextLine

META = Meta("标题", "机关", "主题", ("关键词",), dt.datetime(2024, 1, 2))
IMPRINT = Imprint("某某区人民政府办公室", "2024年1月2日印发")
HAN = "政府信息公开工作年度报告依照条例编制内容包括总体情况主动公开"      # 30 distinct characters


def lay(layout: Layout, *blocks: Block, imprint: Imprint = IMPRINT) -> PagedDocument:
    document = Document(META, (Part(tuple(blocks), imprint),))
    return lay_out(document, layout, FontSet(layout, FontFinder(), lambda message: None))


def body(text: str) -> Paragraph:
    return Paragraph((Run(text),))


def lines_of(page) -> list[TextLine]:
    return [line for line in page.lines() if not line.text.startswith("—")]


def glyph_xs(line: TextLine) -> list[float]:
    xs = []
    for run in line.runs:
        x = run.x
        for advance in run.advances:
            xs.append(x)
            x += advance
    return xs


def edges(layout: Layout) -> tuple[float, float]:
    left = mm_to_pt(layout.page.left_mm)
    return left, left + mm_to_pt(layout.page.text_width_mm)


def test_a_line_of_exactly_28_characters_fills_the_line(layout):
    left, right = edges(layout)
    page = lay(layout, Addressee(HAN[:28])).pages[0]
    (line,) = lines_of(page)
    xs = glyph_xs(line)
    assert line.text == HAN[:28] and xs[0] == pytest.approx(left)
    assert xs[-1] + layout.advance_pt("addressee") <= right
    # a 29th character goes to a second line, and the first is justified to both edges
    first, second = lines_of(lay(layout, Addressee(HAN[:29])).pages[0])
    xs = glyph_xs(first)
    assert first.text == HAN[:28] and second.text == HAN[28]
    assert xs[-1] + layout.advance_pt("addressee") == pytest.approx(right)
    assert xs[1] - xs[0] == pytest.approx(layout.char_pitch_pt, abs=0.01)


def test_a_paragraph_of_28_characters_is_indented_and_justified(layout):
    left, right = edges(layout)
    first, second = lines_of(lay(layout, body(HAN[:28])).pages[0])
    indent = layout.body.paragraph_indent_chars
    assert len(first.text) == layout.grid.chars_per_line - indent and second.text == HAN[28 - indent:28]
    xs = glyph_xs(first)
    assert xs[0] == pytest.approx(left + indent * layout.char_pitch_pt)
    assert xs[-1] + layout.advance_pt("body") == pytest.approx(right)
    assert glyph_xs(second)[0] == pytest.approx(left)
    assert second.runs[0].baseline - first.runs[0].baseline == pytest.approx(layout.line_pitch_pt)


def test_a_line_break_decided_by_kinsoku(layout):
    """The 27th character of a paragraph (after a two-character indent) is "，": it may not start
    a line, so the 26th moves down with it and the first line is justified with 25."""
    text = HAN[:26] + "，" + HAN[26:29]
    first, second = lines_of(lay(layout, body(text)).pages[0])
    assert first.text == HAN[:25]
    assert second.text.startswith(HAN[25] + "，")
    _, right = edges(layout)
    assert glyph_xs(first)[-1] + layout.advance_pt("body") == pytest.approx(right)


def lines_long(count: int) -> Paragraph:
    """A paragraph of exactly ``count`` full lines (the first indented two characters)."""
    return body((HAN * 50)[:count * 28 - 2])


def test_a_chain_of_headings_at_a_page_foot_moves_to_the_next_page(layout):
    """Two headings fit lines 21 and 22, but not the first line of their paragraph: all three go
    to the next page."""
    paged = lay(layout, lines_long(20),
                Heading(1, "一、", "总体情况", keep_with_next=True),
                Heading(2, "（一）", "主动公开", keep_with_next=True), body(HAN))
    first, second = paged.pages[0], paged.pages[1]
    texts = [line.text for line in lines_of(first)]
    assert len(texts) == 20 and not any(text.startswith("一、") for text in texts)
    top = mm_to_pt(layout.page.top_mm)
    opening = lines_of(second)
    assert [line.text for line in opening[:2]] == ["一、总体情况", "（一）主动公开"]
    assert opening[0].runs[0].baseline < top + layout.line_pitch_pt


def test_without_keep_with_next_a_heading_stays_at_the_foot(layout):
    paged = lay(layout, lines_long(21), Heading(1, "一、", "总体情况"), body(HAN))
    assert lines_of(paged.pages[0])[-1].text == "一、总体情况"
    assert lines_of(paged.pages[1])[0].text.startswith(HAN[:3])


def _spanning_table(rows: int) -> Table:
    header = (Cell("项目", "header", col_span=2), Cell("数量", "header"))
    first = (Cell("办理结果", "label", row_span=rows), Cell("第1项", "label"), Cell("1", "number"))
    rest = [(Cell(f"第{i}项", "label"), Cell(str(i), "number")) for i in range(2, rows + 1)]
    return Table((2, 3, 1), (header, first, *rest), header_rows=1)


def test_a_table_breaks_inside_a_vertical_span(layout):
    paged = lay(layout, body(HAN * 10), _spanning_table(40))
    pieces = [[item for item in page.items if isinstance(item, CellBox)] for page in paged.pages[:2]]
    assert all(pieces)
    for cells in pieces:                        # each page's piece starts with the header row
        top = min(cell.y for cell in cells)
        assert [c.text for c in cells if c.y == top] == ["项目", "数量"]
    span_first = next(c for c in pieces[0] if c.text == "办理结果")
    span_rest = max((c for c in pieces[1] if c.text == ""), key=lambda c: c.height)
    assert span_rest.x == span_first.x and span_rest.width == span_first.width
    rows_first = [c for c in pieces[0] if c.text.startswith("第")]
    rows_rest = [c for c in pieces[1] if c.text.startswith("第")]
    # the cut span covers exactly the rows of its page, and no row is lost or split
    assert span_first.y + span_first.height == pytest.approx(max(c.y + c.height for c in rows_first))
    assert span_rest.y == pytest.approx(min(c.y for c in rows_rest))
    assert span_rest.y + span_rest.height == pytest.approx(max(c.y + c.height for c in rows_rest))
    assert [c.text for c in rows_first + rows_rest][:40] == [f"第{i}项" for i in range(1, 41)]
    foot = mm_to_pt(layout.page.top_mm + layout.page.text_height_mm)
    assert max(c.y + c.height for c in pieces[0]) <= foot


def test_an_imprint_goes_to_a_page_of_its_own_after_a_blank_page(layout):
    """Text that fills page 2 leaves no room for the 版记; page 3 is odd, so it stays blank and
    the 版记 goes to the foot of page 4, which carries no page number."""
    paged = lay(layout, lines_long(2 * layout.grid.lines_per_page))
    assert len(paged.pages) == 4
    placement = paged.parts[0].imprint
    assert placement.own_page and placement.blank_pages_before == 1
    assert [page.printed_number for page in paged.pages] == [1, 2, None, None]
    assert paged.pages[2].items == ()
    rules = [item for item in paged.pages[3].items if isinstance(item, Rule)]
    foot = mm_to_pt(layout.page.top_mm + layout.page.text_height_mm)
    assert max(rule.y0 for rule in rules) == pytest.approx(foot)
    assert [line.text for line in paged.pages[3].lines()] == ["某某区人民政府办公室", "2024年1月2日印发"]


def test_an_imprint_that_fits_shares_the_last_even_page(layout):
    paged = lay(layout, lines_long(layout.grid.lines_per_page + 2))     # two lines on page 2
    assert len(paged.pages) == 2 and not paged.parts[0].imprint.own_page
    assert [page.printed_number for page in paged.pages] == [1, 2]
