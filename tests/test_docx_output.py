"""The seed's DOCX, opened with python-docx: merges as in standards.md B.5–B.7, styles, fonts."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

# (row, column, row span, column span) of every merged cell, from standards.md B.5–B.7 (2019
# format). 二 is laid on a 4-column grid: captions span it, （八）（九） span the last two columns.
EXPECTED_SPANS = {
    "proactive": {(0, 0, 1, 4), (4, 0, 1, 4), (8, 0, 1, 4), (12, 0, 1, 4), (13, 2, 1, 2), (14, 2, 1, 2),
                  (15, 0, 1, 4), (16, 2, 1, 2), (17, 2, 1, 2)},
    "applications": {(0, 0, 3, 3), (0, 3, 1, 7), (1, 3, 2, 1), (1, 4, 1, 5), (1, 9, 2, 1),
                     (3, 0, 1, 3), (4, 0, 1, 3), (5, 0, 20, 1), (5, 1, 1, 2), (6, 1, 1, 2),
                     (7, 1, 8, 1), (15, 1, 3, 1), (18, 1, 5, 1), (23, 1, 1, 2), (24, 1, 1, 2), (25, 0, 1, 3)},
    "reviews": {(0, 0, 1, 5), (0, 5, 1, 10), (1, 0, 2, 1), (1, 1, 2, 1), (1, 2, 2, 1), (1, 3, 2, 1),
                (1, 4, 2, 1), (1, 5, 1, 5), (1, 10, 1, 5)},
}
SIZES = {"proactive": (18, 4), "applications": (26, 10), "reviews": (4, 15)}
HEADER_ROWS = {"proactive": 0, "applications": 3, "reviews": 3}


@pytest.fixture(scope="module")
def seed_docx(seed_outputs):
    return docx.Document(str(seed_outputs["docx"]))


def _spans(tbl) -> tuple[set[tuple[int, int, int, int]], tuple[int, int]]:
    """Merged cells of a w:tbl read from gridSpan and vMerge, and the table's rows × grid columns."""
    cells: dict[tuple[int, int], list[int]] = {}
    rows = tbl.findall(qn("w:tr"))
    columns = len(tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol")))
    for r, tr in enumerate(rows):
        c = 0
        for tc in tr.findall(qn("w:tc")):
            tc_pr = tc.find(qn("w:tcPr"))
            span_el = tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                origin = next(key for key in sorted(cells, reverse=True) if key[1] == c and key[0] < r)
                cells[origin][0] += 1
            else:
                cells[(r, c)] = [1, span]
            c += span
        assert c == columns, f"row {r} covers {c} of {columns} grid columns"
    merged = {(r, c, rs, cs) for (r, c), (rs, cs) in cells.items() if rs > 1 or cs > 1}
    return merged, (len(rows), columns)


def _statutory_tables(document):
    tables = document.tables
    statutory = [t for t in tables if len(t.columns) > 1]
    assert len(statutory) == 3
    return dict(zip(("proactive", "applications", "reviews"), statutory))


def test_statutory_tables_have_the_merged_cells_of_the_standard(seed_docx):
    for name, table in _statutory_tables(seed_docx).items():
        spans, size = _spans(table._tbl)
        assert size == SIZES[name], name
        assert spans == EXPECTED_SPANS[name], name


def test_statutory_tables_repeat_their_header_rows_and_keep_rows_whole(seed_docx):
    for name, table in _statutory_tables(seed_docx).items():
        for i, tr in enumerate(table._tbl.findall(qn("w:tr"))):
            tr_pr = tr.find(qn("w:trPr"))
            assert (tr_pr.find(qn("w:tblHeader")) is not None) == (i < HEADER_ROWS[name]), (name, i)
            assert tr_pr.find(qn("w:cantSplit")) is not None


def test_table_grid_widths_agree(seed_docx):
    for table in _statutory_tables(seed_docx).values():
        tbl = table._tbl
        grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
        assert int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == sum(grid)


def test_every_paragraph_role_has_its_named_style_with_chinese_fonts(seed_docx, layout):
    used = {p.style.name for p in seed_docx.paragraphs}
    assert {"发文机关标志", "发文字号", "标题", "主送机关", "正文", "一级标题", "二级标题", "三级标题",
            "四级标题", "署名", "成文日期", "附注"} <= used
    for name, role in (("正文", "body"), ("一级标题", "heading1"), ("二级标题", "heading2"), ("标题", "title")):
        fonts = seed_docx.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == layout.face_of(role).docx
        assert fonts.get(qn("w:hint")) == "eastAsia"
        assert not [a for a in fonts.attrib if "Theme" in a]


def test_masthead_is_red_and_numbered_headings_read_as_in_the_seed(seed_docx, layout):
    mark = next(p for p in seed_docx.paragraphs if p.style.name == "发文机关标志")
    assert mark.text == "福州市长乐区人民政府办公室文件"
    assert str(mark.style.font.color.rgb) == layout.colors["red"].rgb
    headings = [p.text for p in seed_docx.paragraphs if p.style.name == "一级标题"]
    assert headings == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                        "六、其他需要报告的事项"]


def test_footers_carry_page_fields_on_both_sides(seed_docx):
    assert seed_docx.settings.odd_and_even_pages_header_footer
    section = seed_docx.sections[0]
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in xml and " —" in xml


def test_properties_come_from_the_data(seed_docx):
    props = seed_docx.core_properties
    assert props.title == "福州市长乐区2020年政府信息公开工作年度报告"
    assert props.author == "福州市长乐区人民政府办公室"
    assert props.created.date().isoformat() == "2021-02-04"
