"""No page ends with a heading (#20): a heading keeps with the first line of what follows it, a
chain of numbered sentences set as headings included, and a heading whose own words run over
lines keeps them together with its text, in the PDF and the DOCX alike; inspect says when a page
ends with one. On real drafts and on small documents built inline."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import docx
import yaml

from generator.build import build
from generator.document_model import Heading
from generator.draft import read_draft
from generator.font_files import FontFinder
from generator.inspection import inspect_pdf
from generator.layout import FontSet, lay_out
from generator.layout_spec import load_layout
from generator.paged_document import PagedDocument
from generator.writers.pdf import write_pdf
from tests.conftest import NOTICE, ROOT, composed

LAYOUT = load_layout()
DRAFTS = ROOT / "tests" / "fixtures" / "drafts"


def _paged(document) -> PagedDocument:
    return lay_out(document, LAYOUT, FontSet(LAYOUT, FontFinder(None), lambda message: None))


def _draft_document(tmp_path: Path, name: str):
    data = tmp_path / f"{name}.yaml"
    data.write_text(yaml.safe_dump(read_draft(DRAFTS / f"{name}.txt").data, allow_unicode=True), encoding="utf-8")
    return data, composed(data)


def _last_lines(paged: PagedDocument) -> list[str]:
    return [[line.text for line in page.lines() if not line.text.startswith("—")][-1] for page in paged.pages
            if any(not line.text.startswith("—") for line in page.lines())]


def test_a_heading_before_a_chain_of_numbered_sentences_keeps_with_the_first(tmp_path):
    """The real 报告 draft: "二、区交通与建设局" is followed by sentences numbered 1、 2、 that the
    draft sets as headings, a chain taller than a page. The heading used to end page 2 alone."""
    data, document = _draft_document(tmp_path, "pingtan-baogao-2015-anquan")
    assert "二、区交通与建设局" not in _last_lines(_paged(document))
    pdf = build(data, tmp_path, ("pdf",), None, warn=lambda m: None, say=lambda m: None)[0]
    assert [f.rule.msgid for f in inspect_pdf(pdf, LAYOUT) if not f.ok] == []


def test_a_heading_whose_words_run_over_lines_keeps_them_with_its_text(tmp_path):
    """The real 复函 draft: "四、自动气象站的建设要尽量避开……保护区域。" is a heading of two lines
    with its text run on; the page broke between its two lines. Now the break leaves two lines
    on either side, and the DOCX asks the same of its renderer (w:widowControl)."""
    data, document = _draft_document(tmp_path, "gov-fuhan-1996-qixiang")
    paged = _paged(document)
    assert not any(text.startswith("四、自动气象站") for text in _last_lines(paged))
    index = next(i for i, block in enumerate(document.parts[0].blocks)
                 if isinstance(block, Heading) and block.text.startswith("自动气象站"))
    assert index in paged.parts[0].widow_controlled
    outputs = {p.suffix: p for p in build(data, tmp_path, ("pdf", "docx"), None, warn=lambda m: None,
                                          say=lambda m: None)}
    paragraph = next(p for p in docx.Document(str(outputs[".docx"])).paragraphs if p.text.startswith("四、自动气象站"))
    assert paragraph.paragraph_format.widow_control is True
    assert [f.rule.msgid for f in inspect_pdf(outputs[".pdf"], LAYOUT) if not f.ok] == []


def test_a_short_heading_with_its_text_run_on_is_broken_as_before():
    """A heading that fits its first line (the seed's 1. and （一） headings) keeps the old
    breaking: no widow control, so the seed's pages do not move."""
    from generator.compose import compose
    from generator.load import load_report
    paged = _paged(compose(load_report(ROOT / "data" / "changle-2020.yaml")))
    assert all(part.widow_controlled == () for part in paged.parts)


def test_inspect_finds_a_page_ending_with_a_heading(tmp_path):
    """The control: the same 通知 with its headings' keep-with-next taken away ends a page with
    its heading for some lengths of the text before it, and inspect fails exactly the documents
    that do; with the keep, no length ends a page so."""
    ended = []
    for paragraphs in [*range(5, 11), *range(25, 32)]:
        data = copy.deepcopy(NOTICE)
        data["body"] = [{"p": "各单位要认真落实，确保各项工作按时完成。"}] * paragraphs + \
            [{"h1": "工作要求"}, {"p": "各单位要认真落实。"}]
        path = tmp_path / f"doc-{paragraphs}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        document = composed(path)
        parts = tuple(replace(part, blocks=tuple(replace(block, keep_with_next=False) if isinstance(block, Heading)
                                                 else block for block in part.blocks)) for part in document.parts)
        paged = _paged(replace(document, parts=parts))
        target = tmp_path / f"doc-{paragraphs}.pdf"
        write_pdf(paged, target)
        ends = any(text.endswith("工作要求") for text in _last_lines(paged))
        failed = [f.rule.msgid for f in inspect_pdf(target, LAYOUT) if not f.ok]
        assert ("pages ending with a heading or a table's header rows" in failed) == ends, paragraphs
        assert not any(text.endswith("工作要求") for text in _last_lines(_paged(document))), paragraphs
        ended += [paragraphs] if ends else []
    assert ended, "no length ended a page with the heading: the control tests nothing"
