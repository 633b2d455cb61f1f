"""§7.3.5 done as the standard says (#20): a 署名 that finds no room under the body's last line
never stands on a page of its own. First the line spacing of the page above is tightened within
the layout's limit; failing that, the body's last lines go over with it. The DOCX does the same,
and LibreOffice lays it out line for line like the PDF. Memos of every length are built inline;
the slow sweep through LibreOffice is `make test-layout`."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import docx
import pdfplumber
import pytest
import yaml
from docx.oxml.ns import qn

from generator.build import build
from generator.font_files import FontFinder
from generator.inspection import inspect_pdf
from generator.layout import FontSet, lay_out
from generator.layout_spec import load_layout
from generator.paged_document import PagedDocument
from generator.writers.pdf import write_pdf
from tests.conftest import NOTICE, ROOT, composed, libreoffice_pdf

LAYOUT = load_layout()
FIT = LAYOUT.signature_fit
SENTENCE = "各单位要高度重视此项工作，认真组织实施，确保按时完成各项任务，并及时报送工作进展情况。"
SLOW = os.environ.get("GONGWEN_TEST_LAYOUT") == "1"      # make test-layout: every length through LibreOffice


def _memo(tmp_path: Path, lines: int, seal: bool) -> Path:
    """An upward 报告 whose body is one paragraph of about ``lines`` lines, with a 附注."""
    data = copy.deepcopy(NOTICE)
    data.update(kind="报告", title="某某区人民政府办公室关于某项工作情况的报告", addressee="市人民政府", seal=seal,
                signers=["张三"], note="此件公开发布",
                body=[{"p": (SENTENCE * 20)[:max(lines * 28 - 5, 5)] + "。"}])
    path = tmp_path / f"memo-{lines}-{'sealed' if seal else 'plain'}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _paged(path: Path, layout=LAYOUT) -> PagedDocument:
    return lay_out(composed(path), layout, FontSet(layout, FontFinder(None), lambda message: None))


def _date_page(paged: PagedDocument) -> list[str]:
    page = next(page for page in paged.pages if any(line.text == "2024年5月8日" for line in page.lines()))
    return [line.text for line in page.lines()]


@pytest.mark.parametrize("seal", [False, True], ids=["plain", "sealed"])
@pytest.mark.parametrize("lines", range(1, 21))
def test_a_memo_of_any_length_keeps_its_signature_with_its_text(tmp_path, lines, seal):
    """Body text stands above the 署名 on its page, and inspect's rule of it agrees."""
    paged = _paged(_memo(tmp_path, lines, seal))
    texts = _date_page(paged)
    above = texts[:texts.index("2024年5月8日")]
    assert [text for text in above if text != "某某区人民政府办公室"], texts
    part = paged.parts[0]
    if part.tightening:
        assert FIT.line_pitch_min_pt <= part.tightening.line_pitch < LAYOUT.line_pitch_pt
    target = tmp_path / "memo.pdf"
    write_pdf(paged, target)
    assert [str(f.rule) for f in inspect_pdf(target, LAYOUT) if not f.ok] == []


def test_without_the_fit_the_signature_stands_alone_and_inspect_says_so(tmp_path):
    """The control: the same 7-line memo laid out with neither tightening nor carrying puts its
    署名 on a page of its own, and inspect fails it."""
    none = LAYOUT.model_copy(update={"signature_fit": FIT.model_copy(
        update={"line_pitch_min_pt": LAYOUT.line_pitch_pt, "carried_lines": 0})})
    paged = _paged(_memo(tmp_path, 7, False), none)
    texts = _date_page(paged)
    assert texts[:texts.index("2024年5月8日")] == ["某某区人民政府办公室"]
    target = tmp_path / "alone.pdf"
    write_pdf(paged, target)
    failed = [f.rule.msgid for f in inspect_pdf(target, none) if not f.ok]
    assert any("no page of a 署名 alone" in rule for rule in failed), failed


@pytest.mark.parametrize("name", ["example-2021", "date-only-2020"])
def test_the_example_covers_come_out_on_one_page(tmp_path, name):
    """Their 署名 used to stand alone on page 2: the cover's text is now set a little tighter, the
    date and the 附注 on page 1, and the 版记 alone on page 2, as before."""
    paged = _paged(ROOT / "data" / f"{name}.yaml")
    cover = paged.parts[0]
    assert (cover.first_page, cover.last_page) == (1, 2)
    assert FIT.line_pitch_min_pt <= cover.tightening.line_pitch < LAYOUT.line_pitch_pt
    assert {"2023年1月16日", "2021年1月25日"} & {line.text for line in paged.pages[0].lines()}
    assert paged.parts[0].imprint.own_page


def test_the_docx_sets_the_tightened_page_at_the_same_pitch_and_libreoffice_follows(tmp_path):
    path = _memo(tmp_path, 5, False)
    tightening = _paged(path).parts[0].tightening
    assert tightening is not None
    outputs = {p.suffix: p for p in build(path, tmp_path, ("docx", "pdf"), None, warn=lambda m: None,
                                          say=lambda m: None)}
    paragraphs = docx.Document(str(outputs[".docx"])).paragraphs
    signature = next(p for p in paragraphs if p.text == "某某区人民政府办公室" and p.style.name == "署名")
    spacing = signature._p.pPr.find(qn("w:spacing"))
    assert int(spacing.get(qn("w:line"))) == round(tightening.line_pitch * 20)
    assert int(spacing.get(qn("w:before"))) == round(LAYOUT.body.signature_gap_lines * tightening.line_pitch * 20)
    assert _lines(libreoffice_pdf(outputs[".docx"], tmp_path / "libreoffice")) == _lines(outputs[".pdf"])


def test_the_docx_carries_the_last_lines_over_as_the_pdf_does(tmp_path):
    """A 7-line memo cannot be tightened enough: its last two lines go over with the 署名. The
    DOCX splits the paragraph there: the lines that stay justified to the last, the two that go
    without an indent, keeping with the 署名."""
    path = _memo(tmp_path, 7, False)
    carry = _paged(path).parts[0].carry
    assert carry is not None and carry.kept_characters > 0
    outputs = {p.suffix: p for p in build(path, tmp_path, ("docx", "pdf"), None, warn=lambda m: None,
                                          say=lambda m: None)}
    body = [p for p in docx.Document(str(outputs[".docx"])).paragraphs if p.style.name == "正文"]
    assert len(body) == 2 and len(body[0].text) == carry.kept_characters
    assert body[0]._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "distribute"
    assert body[1].paragraph_format.first_line_indent == 0 and body[1].paragraph_format.keep_with_next
    ours = _lines(outputs[".pdf"])
    assert body[1].text.startswith(ours[1][0]) and ours[1][2] == "某某区人民政府办公室"      # two lines, then the 署名
    assert _lines(libreoffice_pdf(outputs[".docx"], tmp_path / "libreoffice")) == ours


@pytest.mark.skipif(not SLOW, reason="the sweep through LibreOffice is make test-layout")
@pytest.mark.parametrize("seal", [False, True], ids=["plain", "sealed"])
@pytest.mark.parametrize("lines", range(1, 21))
def test_libreoffice_lays_out_every_memo_line_for_line(tmp_path, lines, seal):
    outputs = {p.suffix: p for p in build(_memo(tmp_path, lines, seal), tmp_path, ("docx", "pdf"), None,
                                          warn=lambda m: None, say=lambda m: None)}
    assert _lines(libreoffice_pdf(outputs[".docx"], tmp_path / "libreoffice")) == _lines(outputs[".pdf"])


def _lines(pdf: Path) -> list[list[str]]:
    """Every line of every page, its spaces removed."""
    with pdfplumber.open(pdf) as document:
        return [[line["text"].replace(" ", "") for line in page.extract_text_lines()] for page in document.pages]
