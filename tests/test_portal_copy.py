"""Issue 9, the portal copy: `gongwen build --parts report` writes the annual report alone,
without the cover 报告, numbered from 1, beside the full copy and not over it."""

from __future__ import annotations

import docx
import pdfplumber
import pytest

from generator.build import build
from generator.inspection import inspect_pdf
from generator.load import load_report
from tests.conftest import ROOT, SEED, assert_valid_docx, libreoffice_pdf, page_starts, squeeze

WITH_COVER = [SEED, ROOT / "data" / "example-2021.yaml", ROOT / "data" / "synthetic-long.yaml"]


def _texts(pdf) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [page.extract_text() for page in document.pages]


@pytest.mark.parametrize("data", WITH_COVER, ids=lambda path: path.stem)
def test_the_report_alone_is_numbered_from_one_and_pages_like_the_full_copy(tmp_path, data, layout):
    quiet = {"warn": lambda m: None, "say": lambda m: None}
    full = build(data, tmp_path / "full", ("pdf",), None, **quiet)[0]
    paths = build(data, tmp_path, ("docx", "pdf"), None, parts="report", **quiet)
    assert sorted(path.name for path in paths) == [f"{data.stem}.report.docx", f"{data.stem}.report.pdf"]
    pdf, word = sorted(paths, key=lambda path: path.suffix != ".pdf")
    portal_text, full_text = _texts(pdf), _texts(full)
    cover_pages = len(full_text) - len(portal_text)
    assert cover_pages >= 2 and portal_text == full_text[cover_pages:]      # the same report pages
    report = load_report(data)
    assert squeeze(report.cover.issuer_mark) not in squeeze("".join(portal_text))
    assert squeeze(portal_text[0]).startswith(squeeze(report.report.title))
    assert squeeze(portal_text[0]).endswith("—1—")
    assert [f for f in inspect_pdf(pdf, layout) if not f.ok] == []
    assert_valid_docx(word)
    assert squeeze(docx.Document(str(word)).paragraphs[0].text) == squeeze(report.report.title)
    assert page_starts(libreoffice_pdf(word, tmp_path / "libreoffice")) == page_starts(pdf)
