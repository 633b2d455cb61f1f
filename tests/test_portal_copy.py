"""Issue 9, the portal copy: `gongwen build --parts report` writes the annual report alone,
without the cover 报告, numbered from 1, beside the full copy and not over it."""

from __future__ import annotations

import docx
import pdfplumber

from generator.build import build
from generator.inspection import inspect_pdf
from tests.conftest import SEED, assert_valid_docx, libreoffice_pdf, page_starts, squeeze


def test_the_report_alone_is_numbered_from_one_and_pages_like_the_full_copy(tmp_path, seed_outputs, layout):
    paths = build(SEED, tmp_path, ("docx", "pdf"), None, warn=lambda m: None, say=lambda m: None, parts="report")
    assert sorted(path.name for path in paths) == ["changle-2020.report.docx", "changle-2020.report.pdf"]
    pdf, word = sorted(paths, key=lambda path: path.suffix != ".pdf")
    with pdfplumber.open(pdf) as portal, pdfplumber.open(seed_outputs["pdf"]) as full:
        portal_text = [page.extract_text() for page in portal.pages]
        full_text = [page.extract_text() for page in full.pages]
    cover_pages = len(full_text) - len(portal_text)
    assert cover_pages == 2 and portal_text == full_text[cover_pages:]     # the same report pages
    assert "福州市长乐区人民政府办公室文件" not in "".join(portal_text)
    assert squeeze(portal_text[0]).startswith("福州市长乐区2020年政府信息公开工作年度报告")
    assert squeeze(portal_text[0]).endswith("—1—")
    assert [f for f in inspect_pdf(pdf, layout) if not f.ok] == []
    assert_valid_docx(word)
    assert docx.Document(str(word)).paragraphs[0].text.startswith("福州市长乐区2020年")
    assert page_starts(libreoffice_pdf(word, tmp_path / "libreoffice")) == page_starts(pdf)
