"""The seed's PDF, read back with pdfplumber and pypdf: text, colours, fonts, pages, metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build import build
from generator.document_model import (
    Addressee, Heading, Note, Paragraph, Signature, Table, Title,
)
from generator.layout_spec import mm_to_pt
from tests.conftest import ROOT, SEED, missing_table_text, squeeze

RED = (0, 0.8, 0.8, 0)


def _expected_texts(document) -> list[str]:
    """Every piece of text of the document model outside tables, in reading order."""
    texts: list[str] = []
    for part in document.parts:
        if part.masthead:
            texts += [part.masthead.issuer_mark, part.masthead.doc_number, part.masthead.signer_label]
        for block in part.blocks:
            match block:
                case Title() | Addressee() | Note():
                    texts.append(block.text)
                case Paragraph(runs):
                    texts.append("".join(r.text for r in runs))
                case Heading(_, number, text, run_in):
                    texts.append(number + text + (run_in or ""))
                case Signature(organ, date, _):
                    texts += [organ, date]
        if part.imprint.copy_to:
            texts.append(part.imprint.copy_to.text)
        texts += [part.imprint.printer, part.imprint.print_date]
    return texts


def _in_order(haystack: str, needles: list[str]) -> list[str]:
    """The needles not found in order (each searched after the previous one's position)."""
    missing, cursor = [], 0
    for needle in needles:
        found = haystack.find(squeeze(needle), cursor)
        if found < 0:
            missing.append(needle)
        else:
            cursor = found + len(squeeze(needle))
    return missing


def test_every_text_of_the_document_is_in_the_pdf_in_order(seed_document, seed_body_text):
    assert _in_order(seed_body_text, _expected_texts(seed_document)) == []


def test_every_prose_run_of_the_published_seed_is_in_the_pdf(seed_body_text):
    """Independent of our YAML: Chinese runs of the published text (its flattened tables aside)."""
    seed = (ROOT / "tests" / "fixtures" / "seed-changle-2020.txt").read_text(encoding="utf-8")
    prose = "\n".join(line for line in seed.splitlines() if "\t" not in line)
    runs = [run for run in re.findall(r"[\u4e00-\u9fff“”《》、，。：；（）〈〉]{6,}", prose.replace(" ", ""))
            if run not in ("存在的主要问题及改进情况",)]    # a section title the seed spells as in our layout
    assert len(runs) > 150
    assert _in_order(seed_body_text, runs) == []


def test_statutory_tables_print_every_label_and_every_row_of_figures(seed_document, seed_outputs):
    """pdfplumber finds the ruled tables: each label is a cell, each row's figures sit side by side."""
    tables = [b for b in seed_document.parts[1].blocks if isinstance(b, Table)]
    assert len(tables) == 3
    assert missing_table_text(seed_outputs["pdf"], tables) == []


def test_masthead_and_its_rule_are_red(seed_pdf, layout):
    page = seed_pdf.pages[0]
    mark = [c for c in page.chars if c["text"] in "福州市长乐区人民政府办公室文件" and c["size"] > 30]
    assert len(mark) == len("福州市长乐区人民政府办公室文件")
    assert all(tuple(c["non_stroking_color"]) == RED for c in mark)
    rules = [line for line in page.lines if tuple(line["stroking_color"] or ()) == RED]
    assert len(rules) == 1
    assert rules[0]["x1"] - rules[0]["x0"] == pytest.approx(mm_to_pt(layout.page.text_width_mm), abs=0.5)


def test_every_font_is_embedded_and_no_standard_font_is_used(seed_outputs):
    reader = PdfReader(seed_outputs["pdf"])
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(font["/BaseFont"])
            descriptor = font["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
    assert not any("Helvetica" in name or "Times" in name for name in seen)
    assert any("FandolFang" in name for name in seen) and any("FandolHei" in name for name in seen)


def _page_number(text: str) -> int | None:
    match = re.search(r"—\s*(\d+)\s*—\s*$", text.strip())
    return int(match.group(1)) if match else None


def test_pages_are_numbered_per_part_on_alternating_sides(seed_pdf, seed_pages_text, seed_document, layout):
    report_title = squeeze(seed_document.parts[1].blocks[0].text)
    report_start = next(i for i, t in enumerate(seed_pages_text) if squeeze(t).startswith(report_title))
    assert report_start % 2 == 0, "the report must start on an odd (front) page"
    for index, (page, text) in enumerate(zip(seed_pdf.pages, seed_pages_text)):
        number = _page_number(text)
        if number is None:
            continue
        part_first = report_start if index >= report_start else 0
        assert number == index - part_first + 1
        foot = mm_to_pt(layout.page.top_mm + layout.page.text_height_mm)
        dashes = [c for c in page.chars if c["text"] == "—" and c["top"] > foot]
        middle = (dashes[0]["x0"] + dashes[-1]["x1"]) / 2
        assert (middle > page.width / 2) == (index % 2 == 0), f"page {index + 1}: number on the wrong side"
    assert _page_number(seed_pages_text[0]) == 1
    assert _page_number(seed_pages_text[report_start]) == 1


def test_each_part_ends_with_its_imprint_on_an_even_page_at_the_text_foot(seed_pdf, seed_pages_text, layout):
    ends = [i for i, t in enumerate(seed_pages_text) if re.search(r"\d+年\d+月\d+日印发", squeeze(t))]
    assert ends == [1, len(seed_pages_text) - 1]
    for index in ends:
        assert (index + 1) % 2 == 0
        page = seed_pdf.pages[index]
        foot = mm_to_pt(layout.page.top_mm + layout.page.text_height_mm)
        rules = sorted(page.lines, key=lambda line: line["top"])
        assert rules[-1]["top"] == pytest.approx(foot, abs=mm_to_pt(0.5))
        assert rules[-1]["x1"] - rules[-1]["x0"] == pytest.approx(mm_to_pt(layout.page.text_width_mm), abs=0.5)
    assert "抄送：市政府办公厅。" in squeeze(seed_pages_text[-1])


def test_metadata_comes_from_the_data(seed_outputs, seed_document):
    info = PdfReader(seed_outputs["pdf"]).metadata
    assert info.title == "福州市长乐区2020年政府信息公开工作年度报告"
    assert info.author == "福州市长乐区人民政府办公室"
    assert info.subject == seed_document.meta.subject
    assert "政府信息公开" in info["/Keywords"]
    assert info["/CreationDate"].startswith("D:20210204")


def test_same_data_gives_the_same_bytes(tmp_path: Path, seed_outputs):
    again = build(SEED, tmp_path, ("docx", "pdf"), None, warn=lambda message: None)
    for path in again:
        assert path.read_bytes() == seed_outputs[path.suffix[1:]].read_bytes(), path.name
