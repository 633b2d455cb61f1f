"""PDF writer: document model → print-ready PDF (reportlab), fonts embedded, text searchable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from generator.document_model import (
    Addressee, Block, Document, Heading, Note, Paragraph, Part, Signature, Table, Title,
)
from generator.font_files import FontFinder
from generator.layout import Layout, mm_to_pt
from generator.pagination import ImprintPlacement
from generator.writers.pdf.document import GongwenDocTemplate, PartStart
from generator.writers.pdf.flowables import (
    BlankLines, Grid, GridText, ImprintBlock, MastheadBlock, SignatureBlock,
)
from generator.writers.pdf.fonts import PdfFonts
from generator.writers.pdf.linebreak import Line
from generator.writers.pdf.painter import Painter
from generator.writers.pdf.tables import BreakableTable, TableBuilder

__all__ = ["write_pdf"]


class _Story:
    """Turns model blocks into flowables with the layout's spacing."""

    def __init__(self, layout: Layout, fonts: PdfFonts) -> None:
        self.layout, self.fonts = layout, fonts
        self.painter = Painter(fonts)
        self.grid = Grid(layout.line_pitch_pt)
        self.char = layout.char_pitch_pt
        self.width = mm_to_pt(layout.page.text_width_mm)
        self.tables = TableBuilder(self.painter, self.width, fonts.style("table"), fonts.style("table_header"),
                                   layout.role("table").line_pitch_pt, layout.tables)

    def text(self, runs: list[tuple[str, str]], indent_chars: float = 0, align: str = "justify") -> GridText:
        styled = [(text, self.fonts.style(role)) for text, role in runs if text]
        return GridText(self.painter, self.grid, styled, indent_chars * self.char, align)

    def part(self, part: Part) -> list[Flowable]:
        body = self.layout.body
        story: list[Flowable] = [PartStart()]
        if part.masthead:
            m = part.masthead
            styles = {name: self.fonts.style(name)
                      for name in ("masthead", "doc_number", "signer_label", "signer_name")}
            story += [MastheadBlock(self.painter, self.grid, self.layout, m.issuer_mark, m.doc_number,
                                    m.signer_label, m.signers, styles),
                      BlankLines(body.title_gap_lines, self.grid.pitch)]
        for i, block in enumerate(part.blocks):
            if _is_standalone_heading(block) and not _is_standalone_heading(part.blocks[i - 1]):
                story.append(CondPageBreak(self._heading_room(part.blocks[i:])))
            flowables = self.block(block)
            if isinstance(block, Signature) and i + 1 < len(part.blocks) and isinstance(part.blocks[i + 1], Note):
                flowables[-1].keepWithNext = True     # 附注 on the line after the date, same page
            story += flowables
        imprint = part.imprint
        story.append(ImprintBlock(self.painter, self.grid, self.layout, imprint.printer, imprint.print_date,
                                  imprint.copy_to, self.fonts.style("imprint")))
        return story

    def _heading_room(self, blocks: tuple[Block, ...]) -> float:
        """Room a run of stand-alone headings needs to stay on the page with what follows it
        (Word's keep-with-next): the first line(s) of a paragraph, or a table's header rows
        and first row."""
        headings = next((i for i, b in enumerate(blocks) if not _is_standalone_heading(b)), len(blocks))
        room = headings * self.grid.pitch
        if headings < len(blocks) and isinstance(blocks[headings], Table):
            return room + BreakableTable(blocks[headings], self.tables).first_rows_height(self.width)
        return room + self.layout.body.lines_after_heading * self.grid.pitch

    def block(self, block: Block) -> list[Flowable]:
        body = self.layout.body
        match block:
            case Title(lines):
                style = self.fonts.style("title")
                broken = [Line(tuple(self.painter.tokens(line, style)), 0.0, 0.0) for line in lines]
                return [GridText(self.painter, self.grid, [(block.text, style)], align="center",
                                 broken=(self.width, broken)),
                        BlankLines(body.after_title_lines, self.grid.pitch)]
            case Addressee(text):
                return [self.text([(text, "addressee")])]
            case Paragraph(runs):
                return [self.text([(r.text, r.role or "body") for r in runs], body.paragraph_indent_chars)]
            case Heading(level, number, text, run_in):
                return [self.text([(number + text, f"heading{level}"), (run_in or "", "body")],
                                  body.paragraph_indent_chars)]
            case Table():
                # Text after a table follows it directly, as in Word and LibreOffice, whose exact
                # line spacing does not snap back to the page's line grid.
                return [BreakableTable(block, self.tables)]
            case Signature(organ, date, seal):
                return [BlankLines(body.signature_gap_lines, self.grid.pitch),
                        SignatureBlock(self.painter, self.grid, self.layout, organ, date, seal,
                                       self.fonts.style("signature"), self.fonts.style("date"))]
            case Note(text):
                return [self.text([(text, "note")], body.note_indent_chars, align="left")]
        raise TypeError(f"no PDF rendering for {type(block).__name__}")


def _is_standalone_heading(block: Block) -> bool:
    return isinstance(block, Heading) and block.run_in is None


def write_pdf(document: Document, layout: Layout, target: Path | object, finder: FontFinder,
              warn: Callable[[str], None]) -> list[ImprintPlacement]:
    """Write the PDF to ``target`` (a path or a binary file object); returns where each part's
    版记 landed, for the DOCX writer to follow."""
    fonts = PdfFonts(layout, finder, warn)
    story = _Story(layout, fonts)
    flowables: list[Flowable] = []
    for part in document.parts:
        if flowables:       # the 版记 ended the page; the next part begins on the next (odd) one
            flowables.append(PageBreak())
        flowables += story.part(part)
    doc = GongwenDocTemplate(target if not isinstance(target, Path) else str(target), layout, document.meta,
                             story.painter, fonts.style("page_number"))
    doc.build(flowables)
    return doc.imprints
