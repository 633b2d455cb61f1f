"""横排 attachments (GB/T 9704 §8): a wide table's pages set with the sheet turned a quarter, the
table's head toward the paper's left edge (the 订口 of an odd page, the 切口 of an even one), the
page number upright where every page has it; in the PDF, the OFD, the DOCX (a landscape section
whose page number is a turned text box) and LibreOffice's rendering of it. Small documents are
built inline."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import docx
import pdfplumber
import pytest
import yaml
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from generator.build import build
from generator.inspection import inspect_pdf
from generator.layout import FontSet, lay_out
from generator.font_files import FontFinder
from generator.layout.placement import turned_pages
from generator.layout_spec import load_layout
from generator.paged_document import Group, PagedDocument
from generator.writers.pdf import write_pdf
from tests.conftest import NOTICE, composed, libreoffice_pdf, page_starts

LAYOUT = load_layout()
TURNED = turned_pages(LAYOUT)
WIDE = {"columns": ["序号", "事项", "主要内容", "责任单位", "配合单位", "完成时限", "备注"],
        "widths": [1, 3, 6, 3, 3, 2, 2],
        "rows": [[n, f"第{n}项重点工作", "按照年度计划推进落实，按月报送进展情况", "区住建局", "各镇（街道）", "6月30日", ""]
                 for n in range(1, 9)]}
PORTRAIT = {"title": "联系人名单", "body": [{"p": "区住建局　张强"}]}
LANDSCAPE = {"title": "重点工作任务分解表", "landscape": True, "body": [{"table": WIDE}]}


def _file(tmp_path: Path, attachments: list[dict]) -> Path:
    data = copy.deepcopy(NOTICE) | {"body": [{"p": "为做好某项工作，现将有关事项通知如下。"}], "attachments": attachments}
    path = tmp_path / "doc.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _paged(path: Path) -> PagedDocument:
    return lay_out(composed(path), LAYOUT, FontSet(LAYOUT, FontFinder(None), lambda message: None))


def _turned(paged: PagedDocument) -> list[int]:
    return [page.number for page in paged.pages if any(isinstance(item, Group) for item in page.items)]


def test_a_landscape_attachment_is_turned_with_its_number_upright_where_every_page_has_it(tmp_path):
    """Page 2 (even) is the turned table; page 3 the upright attachment after it. Only the page
    number stays outside the turned group, at the even pages' place."""
    paged = _paged(_file(tmp_path, [LANDSCAPE, PORTRAIT]))
    assert _turned(paged) == [2]
    turned, upright = paged.pages[1], paged.pages[2]
    group, number = turned.items
    assert group.transform == (0.0, -1.0, 1.0, 0.0, 0.0, paged.height)
    assert number.text == "— 2 —" and not any(isinstance(item, Group) for item in upright.items)
    lines = [item for item in group.items if hasattr(item, "runs")]
    assert [line.text for line in lines][:2] == ["附件1", "重点工作任务分解表"]
    even = [line for page in paged.pages[1:] for line in page.lines() if line.text.startswith("—")]
    assert even[0].runs[0].x == pytest.approx(TURNED.number_y0) and even[0].runs[0].baseline == even[1].runs[0].baseline
    # every line of the turned page lies in the turned 版心
    for line in lines:
        run = line.runs[0]
        assert TURNED.left - 0.01 <= run.x and run.x + sum(run.advances) <= TURNED.width - TURNED.right + 0.01
        assert TURNED.top < run.baseline < TURNED.height - TURNED.bottom


def test_the_table_head_faces_the_papers_left_edge_on_odd_and_even_pages(tmp_path):
    """In the PDF, on the turned pages (2 and 3 of a long table) every character but the page
    number runs up the paper, and "附件" is the text nearest the left edge."""
    long_table = {**LANDSCAPE, "body": [{"table": {**WIDE, "rows": WIDE["rows"] * 4}}]}
    pdf = build(_file(tmp_path, [long_table]), tmp_path, ("pdf",), None, warn=lambda m: None, say=lambda m: None)[0]
    with pdfplumber.open(pdf) as document:
        turned_pages_seen = 0
        for page in document.pages[1:]:
            turned = [c for c in page.chars if not c["upright"]]
            if not turned:
                continue
            turned_pages_seen += 1
            assert {tuple(round(v) for v in c["matrix"][:4]) for c in turned} == {(0, 1, -1, 0)}
            assert "".join(c["text"] for c in page.chars if c["upright"]).replace(" ", "") == \
                f"—{page.page_number}—"
        assert turned_pages_seen >= 2
        first = document.pages[1]
        assert min(first.chars, key=lambda c: c["x0"])["text"] in "附件"
    assert [f.rule for f in inspect_pdf(pdf, LAYOUT) if not f.ok] == []


def test_the_imprint_after_a_landscape_attachment_lands_on_an_upright_even_page(tmp_path):
    paged = _paged(_file(tmp_path, [PORTRAIT, LANDSCAPE]))
    assert _turned(paged) == [3]
    last = paged.pages[-1]
    assert last.number == 4 and not _turned(PagedDocument(paged.meta, paged.width, paged.height, (last,), ()))
    assert paged.parts[0].imprint.own_page and "区委办公室" in " ".join(line.text for line in last.lines())


def test_inspect_finds_text_turned_the_wrong_way(tmp_path):
    """The same document with its turned page drawn the other way round (head toward the right
    edge) fails inspect's 横排 rule: the check can fail."""
    paged = _paged(_file(tmp_path, [LANDSCAPE]))
    pages = list(paged.pages)
    group, number = pages[1].items
    wrong = Group(group.items, (0.0, 1.0, -1.0, 0.0, paged.width, 0.0))
    pages[1] = type(pages[1])(pages[1].number, pages[1].part, pages[1].printed_number, (wrong, number))
    target = tmp_path / "wrong.pdf"
    write_pdf(PagedDocument(paged.meta, paged.width, paged.height, tuple(pages), paged.parts, paged.fonts), target)
    failed = [str(f.rule) for f in inspect_pdf(target, LAYOUT) if not f.ok]
    assert any("横排" in rule for rule in failed), failed


def test_the_docx_sets_the_attachment_in_a_landscape_section_numbered_on(tmp_path):
    outputs = {p.suffix: p for p in build(_file(tmp_path, [LANDSCAPE, PORTRAIT]), tmp_path, ("docx", "pdf"), None,
                                          warn=lambda m: None, say=lambda m: None)}
    document = docx.Document(str(outputs[".docx"]))
    sections = document.sections
    # the text, the 横排 attachment, the upright one, the 版记's page of its own
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE] + [WD_ORIENT.PORTRAIT] * 2
    landscape = sections[1]
    assert landscape.page_width > landscape.page_height
    assert (landscape.left_margin.pt, landscape.top_margin.pt) == pytest.approx((TURNED.left, TURNED.top), abs=0.05)
    # numbered on from the section before, and its number a turned text box with a PAGE field
    assert [s._sectPr.find(qn("w:pgNumType")) is None for s in sections[:3]] == [False, True, True]
    for footer in (landscape.footer, landscape.even_page_footer):
        xml = footer._element.xml
        assert 'vert="vert"' in xml and "PAGE" in xml
    assert "PAGE" in sections[2].footer._element.xml and 'vert="vert"' not in sections[2].footer._element.xml
    rendered = libreoffice_pdf(outputs[".docx"], tmp_path / "libreoffice")
    assert page_starts(rendered) == page_starts(outputs[".pdf"])
    with pdfplumber.open(rendered) as theirs:      # the upright page after the turned one has its number
        assert theirs.pages[2].extract_text_lines()[-1]["text"].replace(" ", "") == "—3—"


@pytest.mark.parametrize("first", ["landscape", "portrait"])
def test_libreoffice_turns_the_pages_and_numbers_them_where_ours_are(tmp_path, first):
    """A 横排 table starting on an even page (2), or on an odd one (3) and running on to an even
    one: LibreOffice starts every page where ours starts, turns them, and draws each number (a
    text box running down its turned page) where our PDF has it upright on the paper, within
    2 pt."""
    long_table = {**LANDSCAPE, "body": [{"table": {**WIDE, "rows": WIDE["rows"] * 4}}]}
    attachments = [LANDSCAPE, PORTRAIT] if first == "landscape" else [PORTRAIT, long_table]
    outputs = {p.suffix: p for p in build(_file(tmp_path, attachments), tmp_path, ("docx", "pdf"), None,
                                          warn=lambda m: None, say=lambda m: None)}
    rendered = libreoffice_pdf(outputs[".docx"], tmp_path / "libreoffice")
    assert page_starts(rendered) == page_starts(outputs[".pdf"])
    checked = 0
    with pdfplumber.open(rendered) as theirs, pdfplumber.open(outputs[".pdf"]) as ours:
        for their_page, our_page in zip(theirs.pages, ours.pages):
            if their_page.width < their_page.height:
                continue
            checked += 1
            number = [c for c in their_page.chars if not c["upright"] and c["text"].strip()]
            mine = [c for c in our_page.chars if c["upright"] and c["text"].strip()]
            assert [c["text"] for c in number] == [c["text"] for c in mine]
            # on LibreOffice's landscape page x is the turned frame's X (our height above the
            # paper's foot) and y down is our x
            for their, my in zip(number, mine):
                assert their["matrix"][4] == pytest.approx(my["matrix"][5], abs=2.0)
                assert their_page.height - their["matrix"][5] == pytest.approx(my["matrix"][4], abs=2.0)
    assert checked == 1 if first == "landscape" else checked >= 2


def test_a_landscape_that_is_no_yes_or_no_is_one_line_naming_the_attachment(tmp_path):
    path = _file(tmp_path, [{**LANDSCAPE, "landscape": "横排"}])
    result = subprocess.run([sys.executable, "-m", "generator", "build", str(path), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True, env={**os.environ, "GONGWEN_LANG": "zh"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line, = result.stderr.strip().splitlines()
    assert "附件第1项·横排（landscape）" in line and not (tmp_path / "out").exists()
