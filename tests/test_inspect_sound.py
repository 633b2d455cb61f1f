"""Issue 10: `gongwen inspect` passes what the program prints and still fails what breaks a rule.

Its former false failures: a table of captioned blocks (第二十条) broken between its blocks was
taken for a table that lost its header rows; a page of prose, a table and prose was counted as a
full page of 18 lines; a short report whose full lines all hold digits had no "28 characters a
line"; a report ending with a date alone, or with no 版记, failed the 署名 and 版记 rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.checks import check_file
from generator.compose import compose
from generator.document_model import Cell, Document, Imprint, Meta, Paragraph, Part, Run, Table, Title
from generator.font_files import FontFinder
from generator.inspection import inspect_pdf
from generator.layout import FontSet, lay_out
from generator.writers.pdf import write_pdf
from tests.conftest import ROOT

META = Meta("标题", "机关", "主题", ("关键词",), dt.datetime(2024, 1, 2))
TEXT = "政府信息公开工作年度报告依照条例编制内容包括总体情况主动公开"


def _pdf(document: Document, layout, path: Path) -> Path:
    write_pdf(lay_out(document, layout, FontSet(layout, FontFinder(), lambda message: None)), path)
    return path


def _finding(findings, rule: str):
    (found,) = [f for f in findings if str(f.rule) == rule]
    return found


def _table(header_rows: int, captions: bool = False) -> Table:
    """Three header rows on top (header cells); 40 body rows; with ``captions`` a caption row
    heads every tenth body row, as 第二十条第（一）项 heads each block of section 二's table."""
    rows = [tuple(Cell(f"表头{r}{c}", "header") for c in range(3)) for r in range(3)]
    for r in range(40):
        if captions and r % 10 == 0:
            rows.append((Cell(f"第二十条第（{r}）项", "header", col_span=3),))
        rows.append((Cell(f"项目{r}", "label"), Cell(str(r), "number"), Cell(str(2 * r), "number")))
    return Table((2, 1, 1), tuple(rows), header_rows)


def _broken_table(layout, path: Path, table: Table) -> list:
    part = Part((Title(("标题",)), Paragraph((Run(TEXT * 6),)), table), Imprint("某某区人民政府办公室", "2024年1月2日印发"))
    return inspect_pdf(_pdf(Document(META, (part,)), layout, path), layout)


HEADERS = "跨页表格在续页重复表头"


def test_a_table_that_repeats_its_header_rows_passes(layout, tmp_path):
    found = _finding(_broken_table(layout, tmp_path / "repeated.pdf", _table(3)), HEADERS)
    assert found.ok and str(found.measured) == "1处中1处"


def test_a_table_that_drops_its_header_rows_on_the_next_page_fails(layout, tmp_path):
    found = _finding(_broken_table(layout, tmp_path / "dropped.pdf", _table(0)), HEADERS)
    assert not found.ok and str(found.measured) == "1处中0处"


def test_a_table_of_captioned_blocks_has_no_header_rows_to_repeat(layout, tmp_path):
    found = _finding(_broken_table(layout, tmp_path / "blocks.pdf", _table(0, captions=True)), HEADERS)
    assert found.ok and str(found.measured) == "0处中0处（另有1处在分块的表格中）"


def test_the_2019_第二十条_table_broken_between_its_blocks_passes(layout, tmp_path):
    """date-only-2020.yaml's section 二 table starts at a page foot and goes on with （五）."""
    report = check_file(ROOT / "data" / "date-only-2020.yaml").report
    findings = inspect_pdf(_pdf(compose(report), layout, tmp_path / "date-only.pdf"), layout)
    found = _finding(findings, HEADERS)
    assert found.ok and str(found.measured) == "1处中1处（另有1处在分块的表格中）"
    assert [f.rule for f in findings if not f.ok] == []


def test_a_page_of_prose_a_table_and_prose_is_no_full_page(layout, tmp_path):
    """The prose after a table follows the table, off the grid: its lines are no measure of the grid."""
    table = dataclasses.replace(_table(3), rows=_table(3).rows[:8])
    part = Part((Paragraph((Run(TEXT * 2),)), table, Paragraph((Run(TEXT * 22),))),
                Imprint("某某区人民政府办公室", "2024年1月2日印发"))
    findings = inspect_pdf(_pdf(Document(META, (part,)), layout, tmp_path / "mixed.pdf"), layout)
    found = _finding(findings, "满页行数")
    assert found.ok and str(found.measured) == "没有排满文字的页"


@pytest.mark.parametrize("name", ["subdistrict-2021", "department-2022"])
def test_the_reports_without_版记_pass_every_rule(layout, tmp_path, name):
    report = check_file(ROOT / "data" / f"{name}.yaml").report
    findings = inspect_pdf(_pdf(compose(report), layout, tmp_path / f"{name}.pdf"), layout)
    assert [f.rule for f in findings if not f.ok] == []
    assert _finding(findings, "第1份公文无版记，止于最后一页文字").ok


def test_a_cover_without_its_date_still_fails(layout, tmp_path, seed_document):
    """A 公文 with a 版头 must carry its 成文日期; only a published report may leave it out."""
    cover = seed_document.parts[0]
    blocks = tuple(b for b in cover.blocks if type(b).__name__ != "Signature")
    document = dataclasses.replace(seed_document, parts=(dataclasses.replace(cover, blocks=blocks),))
    found = _finding(inspect_pdf(_pdf(document, layout, tmp_path / "undated.pdf"), layout), "第1份公文 署名/成文日期")
    assert not found.ok and str(found.expected) == "应有"
