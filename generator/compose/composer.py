"""Build the document: the cover 报告 (part 1, when the data has one) and the annual report.

The seed shows two complete 公文 in one file: the upward 报送报告 with its own 署名 and 版记,
then the annual report with its own 署名 and 版记 (抄送 + 印发). Each is a Part, so each gets
its 版记 on its own even last page and the report starts on a new sheet with page 1. A report
published on its own (no cover) is one part, numbered from 1; its ending (署名, 成文日期, 版记)
prints what the data gives of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.compose.numbering import HeadingCounter
from generator.compose.report_format import report_tables
from generator.compose.sections import printed_sections
from generator.compose.statutory_tables import build_table
from generator.compose.title_lines import title_lines
from generator.compose.wording import Wording, default_wording
from generator.document_model import (
    Block, Cell, CopyTo, Document, Heading, Imprint, Meta, Paragraph, Part, Run, Signature, Table, Title,
)
from generator.layout_spec import Layout, load_layout
from generator.load.report_model import AnnualReport2019, CoverMemo, ReportFile
from generator.load.report_model import Block as DataBlock
from generator.load.report_model import Imprint as DataImprint
from generator.i18n import message

if TYPE_CHECKING:
    from generator.load.gongwen_model import Table as DataTable


def compose(data: ReportFile, warn: Callable[[str], None] = lambda message: None,
            wording: Wording | None = None, layout: Layout | None = None) -> Document:
    """The document for ``data``; ``warn`` receives what a clerk should know but may print."""
    wording = wording or default_wording()
    layout = layout or load_layout()
    cover, report = data.cover, data.report
    organs = tuple(name for name in (data.organ, report.signature, *(
        (cover.signature, cover.addressee) if cover else ())) if name)
    title = title_breaker(organs, layout)

    if cover and not cover.signers:
        warn(message("cover.signers is empty: an upward document names its 签发人; "
                     "the line keeps room for a hand-written name"))
    meta = Meta(
        title=report.title,
        author=cover.signature if cover else report.signature or data.organ,
        subject=wording.render("subject", organ=data.organ, year=data.year),
        keywords=tuple(data.keywords) or tuple(wording.render("keywords", year=data.year).split()),
        created=dt.datetime.combine(_created(data), dt.time()),
    )
    parts = (_cover_part(cover, wording, title, layout),) if cover else ()
    return Document(meta=meta, parts=(*parts, _report_part(data, wording, title)))


def _created(data: ReportFile) -> dt.date:
    """The file's creation date: the first date the data gives (the cover's, the report's, its
    印发日期); a report dated nowhere is taken as made on 1 January after its year."""
    report = data.report
    dates = (data.cover.date if data.cover else None, report.date,
             report.imprint.print_date if report.imprint else None)
    return next((date for date in dates if date), dt.date(data.year + 1, 1, 1))


def signer_rows(signers: list[str], wording: Wording, layout: Layout) -> tuple[str, ...]:
    """The 签发人 names in rows of ``signers_per_line`` (§7.2.6), or one row of blank room for a
    name written by hand."""
    if not signers:
        return ("　" * layout.masthead.signer_room_chars,)
    per_line = layout.masthead.signers_per_line
    return tuple(wording.render("signer_names", names=signers[i:i + per_line])
                 for i in range(0, len(signers), per_line))


def title_breaker(organs: tuple[str, ...], layout: Layout) -> Callable[[str], Title]:
    """Titles broken into balanced lines that keep the organs' names and their places whole."""
    names = organs + tuple(place for organ in organs for place in _place_names(organ))

    def title(text: str) -> Title:
        return Title(title_lines(text, layout.chars_per_line("title"), names, layout.calibration.autospace_em))
    return title


def _place_names(organ: str) -> list[str]:
    """"福州市长乐区人民政府" → 福州市长乐区, 福州市, 长乐区: words a title line must not split."""
    prefix = organ.split("人民政府")[0]
    return [prefix, *re.findall(r"[^省市区县]+?[省市区县]", prefix)]


def copy_to_line(names: list[str], wording: Wording) -> CopyTo | None:
    """抄送 and its names, or None for none."""
    return CopyTo(wording.render("copy_to_label"), wording.render("copy_to_names", names=names)) if names else None


def imprint_block(imprint: DataImprint, wording: Wording) -> Imprint:
    return Imprint(printer=imprint.printer,
                   print_date=wording.render("print_date", date=imprint.print_date),
                   copy_to=copy_to_line(imprint.copy_to, wording))


def _cover_part(cover: CoverMemo, wording: Wording, title: Callable[[str], Title], layout: Layout) -> Part:
    """The cover memo, composed as the 报告 it is (generator.compose.gongwen)."""
    from generator.compose.gongwen import gongwen_part      # it builds on this module's helpers
    from generator.kinds.spec import kind_specs
    from generator.load.gongwen_model import cover_as_report
    return gongwen_part(cover_as_report(cover), kind_specs()["报告"], wording, layout, title, kind="cover")


def _report_part(data: ReportFile, wording: Wording, title: Callable[[str], Title]) -> Part:
    report: AnnualReport2019 = data.report
    counter = HeadingCounter()
    blocks: list[Block] = [title(report.title), *(Paragraph((Run(text),)) for text in report.opening)]
    tables = report_tables(data)
    for section in printed_sections(data):
        counter.next(1)                 # the headings below restart under each section
        blocks.append(Heading(1, section.numbering(wording), section.title, keep_with_next=True))
        if section.key in tables:
            blocks.append(build_table(tables[section.key], report, getattr(report.labels, section.key)))
        blocks.extend(prose_blocks(section.prose, wording, counter))
    if report.signature or report.date:
        date = wording.render("date", date=report.date) if report.date else None
        blocks.append(Signature(report.signature, date, report.seal))
    return Part(blocks=tuple(blocks), imprint=imprint_block(report.imprint, wording) if report.imprint else None)


def prose_blocks(blocks: list[DataBlock], wording: Wording, counter: HeadingCounter | None = None) -> list[Block]:
    """Paragraphs, headings numbered by ``counter`` (a fresh one: numbering starts at 一、) and
    tables of a text."""
    counter = counter or HeadingCounter()
    out: list[Block] = []
    for block in blocks:
        level = block.level
        table = getattr(block, "table", None)
        if table is not None:
            out.append(data_table(table))
            continue
        if level is None:
            runs = (Run(block.lead, "lead"), Run(block.p)) if block.lead else (Run(block.p),)
            out.append(Paragraph(runs))
            continue
        title = getattr(block, f"h{level}")
        number = wording.heading_number(level, counter.next(level))
        if block.text is not None:
            out.append(Heading(level, number, wording.run_in(title), run_in=block.text))
        else:
            out.append(Heading(level, number, title, keep_with_next=True))
    return out


def data_table(table: DataTable) -> Table:
    """A table as the data gives it: its header row repeated on each page it runs on to, figures
    as numbers, every other cell as a label."""
    header = tuple(Cell(text, "header") for text in table.columns)
    rows = tuple(tuple(Cell("" if value is None else str(value), "number" if isinstance(value, int) else "label")
                       for value in row) for row in table.rows)
    return Table(widths=tuple(table.widths or [1.0] * len(table.columns)), rows=(header, *rows), header_rows=1)
