"""#4: LibreOffice lays out our DOCX page for page like our PDF."""

from __future__ import annotations

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from generator.build import build
from generator.inspection import inspect_pdf
from generator.layout_spec import mm_to_pt
from tests.conftest import ROOT, SEED, is_annual_report, libreoffice_pdf, page_starts


def _first_difference(ours: list[str], theirs: list[str]) -> str:
    for number, (a, b) in enumerate(zip(ours, theirs), start=1):
        if a != b:
            return f"page {number}: our PDF starts {a!r}, LibreOffice's {b!r}"
    return f"page counts differ: ours {len(ours)}, LibreOffice {len(theirs)}" if len(ours) != len(theirs) else ""


def test_seed_docx_pages_like_the_pdf(seed_outputs, tmp_path):
    ours = page_starts(seed_outputs["pdf"])
    theirs = page_starts(libreoffice_pdf(seed_outputs["docx"], tmp_path))
    assert _first_difference(ours, theirs) == ""


def test_imprint_pages_in_docx_follow_the_pdf_layout(seed_outputs, tmp_path, layout):
    """The 版记's last rule lies on the 版心 foot (within 1 mm) in LibreOffice's rendering too."""
    foot = mm_to_pt(layout.page.top_mm + layout.page.text_height_mm)
    with pdfplumber.open(libreoffice_pdf(seed_outputs["docx"], tmp_path)) as pdf:
        for index in (1, len(pdf.pages) - 1):
            rules = [line for line in pdf.pages[index].lines if line["x1"] - line["x0"] > 400]
            assert rules and abs(max(r["top"] for r in rules) - foot) < mm_to_pt(1.0)


def test_grid_and_fonts_set_for_word_and_libreoffice(seed_outputs):
    document = docx.Document(str(seed_outputs["docx"]))
    sect_pr = document.sections[0]._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    body = document.styles["正文"].element
    assert body.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"
    assert document.styles["标题"].element.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    assert document.styles["发文机关标志"].element.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    assert "Theme" not in "".join(
        attr for style in ("正文", "一级标题", "二级标题", "标题", "版记")
        for attr in document.styles[style].element.rPr.find(qn("w:rFonts")).attrib)
    assert "w:evenAndOddHeaders" in document.settings.element.xml


OTHER_DATA_FILES = sorted(path.stem for path in (ROOT / "data").glob("*.yaml") if path != SEED)


@pytest.mark.parametrize("name", OTHER_DATA_FILES)
def test_every_data_file_pages_like_the_pdf_and_meets_every_rule(tmp_path, name, layout):
    """Every other data file (the long report with tables broken across pages and a 版记 on a
    page of its own, the 2021 example, the variants): LibreOffice's pages begin where ours do,
    and `gongwen inspect` finds no rule broken."""
    outputs = {p.suffix: p for p in build(ROOT / "data" / f"{name}.yaml", tmp_path, ("docx", "pdf"), None,
                                          warn=lambda message: None, say=lambda line: None)}
    failed = [f"{f.rule}: expected {f.expected}, measured {f.measured}"
              for f in inspect_pdf(outputs[".pdf"], layout) if not f.ok]
    assert failed == []
    ours = page_starts(outputs[".pdf"])
    assert len(ours) >= (4 if is_annual_report(ROOT / "data" / f"{name}.yaml") else 2)    # cover and report
    theirs = page_starts(libreoffice_pdf(outputs[".docx"], tmp_path / "libreoffice"))
    assert _first_difference(ours, theirs) == ""


def test_imprint_page_of_its_own_carries_no_page_number_in_docx(tmp_path):
    outputs = {p.suffix: p for p in build(ROOT / "data" / "synthetic-long.yaml", tmp_path, ("docx", "pdf"), None,
                                          warn=lambda message: None, say=lambda line: None)}
    document = docx.Document(str(outputs[".docx"]))
    last = document.sections[-1]
    assert "PAGE" not in last.footer._element.xml and "PAGE" not in last.even_page_footer._element.xml
    assert "PAGE" in document.sections[-2].footer._element.xml
    with pdfplumber.open(libreoffice_pdf(outputs[".docx"], tmp_path)) as pdf:
        text = pdf.pages[-1].extract_text()
    assert "抄送" in text and "—" not in text
