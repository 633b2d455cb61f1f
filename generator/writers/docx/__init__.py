"""DOCX writer: document model → an editable 公文 (python-docx), styled by named styles.

The DOCX flows: Word or LibreOffice breaks its lines and pages. It follows the page decisions
of the paged document (where each 版记 landed, where the 署名 sits, how far the 发文机关标志 is
narrowed), so it lays out like the PDF.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from generator.document_model import (
    Addressee, AttachmentHead, AttachmentNote, Attendance, Block, Document, Heading, Imprint, Masthead, Meta, Note,
    Paragraph, Part, Run, Signature, SignerSeal, Table, Title,
)
from generator.layout.placement import imprint_side, masthead_side
from generator.layout_spec import Layout, mm_to_pt
from generator.paged_document import (
    HangingIndent, ImprintPlacement, JointMark, MastheadPlacement, OrganPlacement, PagedDocument, PartLayout,
    SignaturePlacement, TurnedPages,
)
from generator.table_grid import heading_rows, place_cells
from generator.writers.docx import ooxml
from generator.writers.docx.rule_image import double_rule_png
from generator.writers.docx.styles import add_styles, style_spacing
from generator.writers.zip_dates import stable_zip

__all__ = ["write_docx"]


TURNED_NUMBER_ID = 9000         # the 横排 pages' page-number text boxes' drawing ids count on from here

# The styled empty document of each layout, made once per process: python-docx looks a style up
# by scanning every style, so making the 20 styles costs more than reading them back.
_TEMPLATES: dict[tuple[int, bool], tuple[Layout, bytes, dict[str, str]]] = {}


def _template(layout: Layout, general: bool) -> tuple[bytes, dict[str, str]]:
    """An empty document with the layout's styles and settings, and role → style id."""
    key = (id(layout), general)
    if key not in _TEMPLATES:
        document = docx.Document()
        ooxml.drop_styles_with_effects(document)
        ooxml.set_zoom_percent(document.settings.element)
        styles = add_styles(document, layout, general)
        document.settings.odd_and_even_pages_header_footer = True
        saved = io.BytesIO()
        document.save(saved)
        _TEMPLATES[key] = (layout, saved.getvalue(), styles)      # the layout kept: its id stays its own
    _, data, styles = _TEMPLATES[key]
    return data, styles


class _DocxBuilder:
    def __init__(self, layout: Layout, general: bool, turned: TurnedPages | None = None) -> None:
        self.layout, self.turned = layout, turned
        template, self.styles = _template(layout, general)
        self.doc = docx.Document(io.BytesIO(template))
        self.upright_width_pt = self.width_pt = mm_to_pt(layout.page.text_width_mm)
        self.char = layout.char_pitch_pt
        self.pitch = layout.line_pitch_pt
        self.structural_line = layout.calibration.docx.structural_line_pt
        self._started = False
        self._boxes = 0                     # 横排 page-number text boxes so far
        self.spacing = {self.styles[role]: value for role, value in style_spacing(layout).items()
                        if role in self.styles}     # style id → its space before and after (pt)
        self.turned_starts: list[int] = []  # the part's pages where 横排 attachments start, still to come

    # ---- pages ---------------------------------------------------------------------------
    def _setup_section(self, section) -> None:
        page = self.layout.page
        section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
        section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
        number = self.layout.role("page_number")
        # The footer line is one 4号 line high; its middle (the dash) lies below_text_mm under the 版心.
        dash_from_bottom = mm_to_pt(page.bottom_mm - self.layout.page_number.below_text_mm)
        section.footer_distance = Pt(dash_from_bottom - number.size_pt / 2)
        section.header_distance = Mm(page.top_mm / 2)
        ooxml.set_doc_grid(section._sectPr, round(self.pitch * ooxml.TWIPS_PER_PT))
        ooxml.set_page_number_start(section._sectPr, 1)

    def _footers(self, section) -> None:
        spec = self.layout.page_number
        for footer, style in ((section.footer, "page_number_odd"), (section.even_page_footer, "page_number_even")):
            paragraph = footer.paragraphs[0]
            self.style(paragraph, style)
            paragraph.add_run(spec.prefix)
            ooxml.add_page_field(paragraph)
            paragraph.add_run(spec.suffix)

    # ---- blocks --------------------------------------------------------------------------
    def style(self, paragraph, role: str) -> None:
        """Give a paragraph its style by id (python-docx's lookup by name scans every style)."""
        paragraph._p.style = self.styles[role]

    def run(self, paragraph, text: str, role: str | None = None):
        run = paragraph.add_run(self.joined(text))
        if role:
            run._r.style = self.styles[role]
        return run

    def paragraph(self, role: str, text: str = ""):
        paragraph = self.doc.add_paragraph()
        self.style(paragraph, role)
        if text:
            paragraph.add_run(self.joined(text))
        return paragraph

    def joined(self, text: str) -> str:
        """Text as the DOCX holds it: half-width runs the layout kept whole kept whole."""
        return ooxml.joined(text, self.layout.line_breaking.keep_after)

    def masthead(self, masthead: Masthead, placement: MastheadPlacement) -> None:
        layout = self.layout
        for flag in masthead.flags:                 # 份号, 密级, 紧急程度 on the 版心's first lines
            self.paragraph(flag.role, flag.text)
        flags_height = len(masthead.flags) * self.pitch
        mark_top = mm_to_pt(layout.masthead.mark_top_mm)
        if placement.joint is not None:
            self.joint_mark(masthead, placement.joint, mark_top - flags_height)
        else:
            self.mark(masthead, placement, mark_top - flags_height if flags_height else None)
        rows = list(masthead.signer_names) if masthead.signer_label is not None else []
        side = masthead_side(layout)
        for i, names in enumerate(rows[:-1]):   # 签发人 rows above the 发文字号's (§7.2.6)
            row = self.paragraph("doc_number", masthead.signer_label if i == 0 else "")
            self.run(row, names, "signer_name")
            fmt = row.paragraph_format
            fmt.left_indent = Pt(placement.signer_x if i == 0 else placement.signer_names_x)
            fmt.space_after = Pt(0)             # the style's 空二行 stand above the first row only
            if i:
                fmt.space_before = Pt(0)
        number = self.paragraph("doc_number")
        if len(rows) > 1:
            number.paragraph_format.space_before = Pt(0)
        if masthead.signer_label is None:
            number.alignment = WD_ALIGN_PARAGRAPH.CENTER
            number.add_run(masthead.doc_number)
        elif len(rows) > 1:                     # the last row: the number left, names under the first name
            tabs = number.paragraph_format.tab_stops
            tabs.add_tab_stop(Pt(side), WD_TAB_ALIGNMENT.LEFT)
            tabs.add_tab_stop(Pt(placement.signer_names_x), WD_TAB_ALIGNMENT.LEFT)
            number.add_run(f"\t{masthead.doc_number}\t")
            self.run(number, rows[-1], "signer_name")
        else:
            tabs = number.paragraph_format.tab_stops
            tabs.add_tab_stop(Pt(side), WD_TAB_ALIGNMENT.LEFT)
            tabs.add_tab_stop(Pt(self.width_pt - side), WD_TAB_ALIGNMENT.RIGHT)
            number.add_run(f"\t{masthead.doc_number}\t{masthead.signer_label}")
            self.run(number, rows[0], "signer_name")
        # The rule lies rule_gap_mm below the 发文字号's em box, which is centred in its line;
        # a bottom border's space is measured from the line's foot.
        red = layout.colors["red"].rgb
        below_em = (self.pitch - layout.role("doc_number").size_pt) / 2
        ooxml.set_bottom_border(number._p.get_or_add_pPr(), red, layout.masthead.rule_width_pt,
                                mm_to_pt(layout.masthead.rule_gap_mm) - below_em)

    def mark(self, masthead: Masthead, placement: MastheadPlacement, space_before: float | None) -> DocxParagraph:
        """The 发文机关标志 on one line, narrowed to the 版心 as the layout measured it (w:w takes
        whole percents); ``space_before`` instead of the style's 35 mm when the mark stands elsewhere."""
        size = self.layout.role("masthead").size_pt
        mark = self.paragraph("masthead")
        if space_before is not None:
            ooxml.set_exact_line(mark._p.get_or_add_pPr(), size, space_before)
        run = mark.add_run(masthead.issuer_mark)
        if placement.mark_scale < 1:
            ooxml.set_run_props(run._r.get_or_add_rPr(), size, scale_percent=int(100 * placement.mark_scale))
        return mark

    # ---- 命令（令）格式 (§10.2) -------------------------------------------------------------
    def order_masthead(self, masthead: Masthead, placement: MastheadPlacement) -> None:
        """"……令" 20 mm below the 版心 top, the 令号 centred 空二行 under it, the text 空二行 below."""
        spec = self.layout.order
        self.mark(masthead, placement, mm_to_pt(spec.mark_top_mm))
        number = self.paragraph("doc_number", masthead.order_number or "")
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ooxml.set_exact_line(number._p.get_or_add_pPr(), self.pitch, spec.number_gap_lines * self.pitch,
                             spec.body_gap_lines * self.pitch)

    def signer_seal(self, title: str, date: str | None, placement: SignaturePlacement) -> None:
        """The 签发人职务 beside the 签名章's room and the date under it, where the layout set them."""
        seal = placement.signer_seal
        line = self.paragraph("signature", title)
        line.paragraph_format.left_indent = Pt(placement.organ_x)
        ooxml.set_exact_line(line._p.get_or_add_pPr(), self.pitch, placement.gap_lines * self.pitch + seal.title_top)
        if date:
            dated = self.paragraph("date", date)
            dated.paragraph_format.left_indent = Pt(placement.date_x)
            ooxml.set_exact_line(dated._p.get_or_add_pPr(), self.pitch, seal.date_top - seal.title_top - self.pitch)

    # ---- 信函格式 (§10.1) -----------------------------------------------------------------
    def letter_pages(self, section) -> None:
        """A letter's pages: the section's text starts at the mark, 30 mm from the paper's top;
        on the other pages a header as tall as the rest of the 天头 moves the text down to the
        版心 top. The first page has neither header nor footer (no page number)."""
        page, letter = self.layout.page, self.layout.letter
        section.top_margin = Mm(letter.mark_top_mm)
        section.header_distance = Mm(letter.mark_top_mm / 2)
        rest = mm_to_pt(page.top_mm - letter.mark_top_mm / 2)
        for header in (section.header, section.even_page_header):
            header.is_linked_to_previous = False
            spacer = header.paragraphs[0]
            self.style(spacer, "imprint")
            ooxml.set_exact_line(spacer._p.get_or_add_pPr(), rest)
        ooxml.set_title_page(section._sectPr)      # the first page: no header, no footer, no page number
        ooxml.drop_doc_grid(section._sectPr)

    def letter_masthead(self, masthead: Masthead, placement: MastheadPlacement) -> None:
        """The mark at the text's top; under it a paragraph as tall as the 4 mm gap whose bottom
        border is the head's double line; then 份号 … flush left with the 发文字号 flush right on
        the first of their lines."""
        layout, letter = self.layout, self.layout.letter
        mark = self.mark(masthead, placement, 0.0)          # the text's top is the mark's
        page = layout.page
        overhang = Mm((letter.rule_length_mm - page.text_width_mm) / 2)     # the lines reach past the 版心
        double = letter.thick_pt + letter.double_gap_pt + letter.thin_pt
        foot = double_rule_png(mm_to_pt(letter.rule_length_mm), letter.thin_pt, letter.double_gap_pt,
                               letter.thick_pt, layout.colors["red"].rgb)
        ooxml.add_picture_behind_text(self.doc, mark.add_run(), io.BytesIO(foot), Mm(letter.rule_length_mm),
                                      Pt(double), -overhang,
                                      Pt(mm_to_pt(page.height_mm - letter.foot_rule_mm) - double), "红色双线",
                                      from_page=True)
        rule = self.paragraph("imprint")
        ppr = rule._p.get_or_add_pPr()
        ooxml.set_exact_line(ppr, mm_to_pt(letter.rule_gap_mm))
        ooxml.set_double_border(ppr, "bottom", "thickThinSmallGap", layout.colors["red"].rgb, letter.thick_pt, 0)
        ooxml.set_indents(ppr, -overhang.pt, -overhang.pt)
        # the border adds its width to its paragraph: the first element's line follows 4.94 mm below it
        before = mm_to_pt(letter.first_element_mm) - (self.pitch - layout.role("doc_number").size_pt) / 2
        rows = list(masthead.flags) or [None]
        for i, flag in enumerate(rows):
            line = self.paragraph(flag.role if flag else "doc_number", flag.text if flag else "")
            if i == 0 and masthead.doc_number:
                line.paragraph_format.tab_stops.add_tab_stop(Pt(self.width_pt), WD_TAB_ALIGNMENT.RIGHT)
                self.run(line, f"\t{masthead.doc_number}", "doc_number_text")
            last = i == len(rows) - 1
            ooxml.set_exact_line(line._p.get_or_add_pPr(), self.pitch, before if i == 0 else 0.0,
                                 letter.title_gap_lines * self.pitch if last else 0.0)

    def letter_imprint(self, imprint: Imprint, placement: ImprintPlacement) -> None:
        """A letter's 版记: its 抄送 alone, without rules, at the foot of its last page."""
        paragraph = self.paragraph("imprint", imprint.copy_to.text)
        side = imprint_side(self.layout)
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.first_line_indent = Pt(side + placement.copy_to_hang), Pt(-placement.copy_to_hang)
        fmt.right_indent = Pt(side)
        ooxml.set_exact_line(paragraph._p.get_or_add_pPr(), self.pitch)

    def joint_mark(self, masthead: Masthead, joint: JointMark, space_above: float) -> None:
        """A 联合行文's mark as the layout placed it: a table without rules whose second column
        holds the names, one a row, spread to its width, and whose fourth holds "文件", centred
        over the rows; an empty paragraph above keeps the mark's distance from the 版心 top."""
        spacer = self.paragraph("masthead")
        ooxml.set_exact_line(spacer._p.get_or_add_pPr(), space_above)
        twips = [round(width * ooxml.TWIPS_PER_PT) for width in (
            joint.names_x, joint.names_width, joint.word_x - joint.names_x - joint.names_width,
            self.width_pt - joint.word_x)]
        last = len(masthead.joint) - 1
        cells = [ooxml.GridCell(0, 0, last, 0, self.styles["masthead"], ""),
                 ooxml.GridCell(0, 2, last, 2, self.styles["masthead"], ""),
                 ooxml.GridCell(0, 3, last, 3, self.styles["masthead"], masthead.mark_word),
                 *(ooxml.GridCell(i, 1, i, 1, self.styles["masthead"], name) for i, name in enumerate(masthead.joint))]
        table = self.doc.add_table(rows=0, cols=4)
        ooxml.add_grid_rows(table, len(masthead.joint), cells, twips, 0)
        ooxml.set_table_geometry(table, twips)
        ooxml.set_cell_margins(table, 0)
        size = self.layout.role("masthead").size_pt
        for index, row in enumerate(table.rows):
            for paragraph in (p for cell in row.cells for p in cell.paragraphs):
                # each line one em high, as the single mark's; the rows' gap after every name but the last
                ooxml.set_exact_line(paragraph._p.get_or_add_pPr(), size, 0.0,
                                     joint.pitch - size if index < last else 0.0)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                for run in paragraph.runs:
                    ooxml.set_run_props(run._r.get_or_add_rPr(), size, scale_percent=int(100 * joint.scale))
            row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE

    def block(self, block: Block, signatures: list[SignaturePlacement], hanging: list[HangingIndent]) -> None:
        match block:
            case Title(lines):
                title = self.paragraph("title")
                for i, line in enumerate(lines):
                    run = title.add_run(line)
                    if i < len(lines) - 1:
                        run.add_break()
            case Addressee(text):
                self.paragraph("addressee", text)
            case Paragraph(runs):
                paragraph = self.paragraph("body")
                for run in runs:
                    self.run(paragraph, run.text, run.role)
            case Heading(level, number, text, run_in, keep):
                paragraph = self.paragraph(f"heading{level}", number + text)
                if run_in:
                    self.run(paragraph, run_in, "body_text")
                paragraph.paragraph_format.keep_with_next = keep
            case Table():
                self.table(block)
            case Signature(organ, date, _, keep, joint):
                self.signature(organ, date, signatures.pop(0), keep, joint)
            case Note(text):
                self.paragraph("note", text)
            case SignerSeal(title, date):
                self.signer_seal(title, date, signatures.pop(0))
            case Attendance(rows):
                for i, (label, names) in enumerate(rows):
                    paragraph = self.paragraph("attendance")
                    self.run(paragraph, label, "attendance_label")
                    self.run(paragraph, f"\t{names}")
                    self.hang(paragraph, hanging.pop(0),
                              self.layout.body.attendance_gap_lines * self.pitch if i == 0 else None)
            case AttachmentNote():
                self.attachment_note(block, hanging)
            case AttachmentHead(label, title, landscape):
                new_frame = landscape != (self.width_pt != self.upright_width_pt)
                first_page = self.turned_starts.pop(0) if landscape else 0
                if new_frame:                   # into or out of a 横排 attachment: a section of its own
                    self.turned_section() if landscape else self.new_section(WD_SECTION.NEW_PAGE, True, False)
                head = self.paragraph("attachment_label", label)
                if landscape and new_frame:
                    self.turned_number(head, odd=first_page % 2 == 1)
                head.paragraph_format.page_break_before = not new_frame
                head.paragraph_format.keep_with_next = True
                blank = self.paragraph("attachment_label")
                blank.paragraph_format.keep_with_next = True
                lines = self.layout.body.attachment_title_line - 2
                ooxml.set_exact_line(blank._p.get_or_add_pPr(), lines * self.pitch)
                self.block(title, signatures, hanging)
            case _:
                raise TypeError(f"no DOCX rendering for {type(block).__name__}")

    def carried(self, block: Block, signatures: list[SignaturePlacement], hanging: list[HangingIndent],
                kept: int) -> None:
        """A block whose last lines the layout carried over with the 署名 (§7.3.5): its paragraphs
        keep with the next; a paragraph split after ``kept`` characters is written as the lines
        that stay, justified to the last (分散对齐: they are full lines), and the lines that go,
        without a first-line indent, so any renderer breaks the page where the layout did."""
        if kept and isinstance(block, Paragraph):
            stay, go = _split_runs(block.runs, kept)
            self.block(Paragraph(stay), signatures, hanging)
            self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE
            block = Paragraph(go)
        going = self.written(lambda: self.block(block, signatures, hanging))
        if kept:
            going[0].get_or_add_pPr().get_or_add_ind().firstLine = Pt(0)
        for paragraph in going:
            paragraph.get_or_add_pPr().keepNext_val = True

    def tightened(self, block: Block, signatures: list[SignaturePlacement], hanging: list[HangingIndent],
                  pitch: float) -> None:
        """A block of the page whose line spacing the layout tightened to keep a 署名 with its
        text (§7.3.5): written at that pitch, every paragraph's lines and 空行 with it."""
        normal, self.pitch = self.pitch, pitch
        written = self.written(lambda: self.block(block, signatures, hanging))
        self.pitch = normal
        for paragraph in written:
            ooxml.tighten_lines(paragraph, pitch, pitch / normal, self.spacing.get(paragraph.style, (0.0, 0.0)))

    def written(self, write: Callable[[], None]) -> list[CT_P]:
        """The paragraphs ``write`` adds to the body (before its closing sectPr), tables' left out."""
        body = self.doc.element.body
        start = len(body) - 1
        write()
        return [element for element in list(body)[start:len(body) - 1] if isinstance(element, CT_P)]

    def attachment_note(self, note: AttachmentNote, hanging: list[HangingIndent]) -> None:
        """附件说明 as the layout set it: one paragraph a name, the name after a tab to the hanging
        indent (so it and its continuation lines start there, justified from there), later names'
        numbers under the first one's."""
        for i, (number, name) in enumerate(note.items):
            paragraph = self.paragraph("attachment_note", f"{note.label if i == 0 else ''}{number}\t{name}")
            self.hang(paragraph, hanging.pop(0),
                      self.layout.body.attachment_note_gap_lines * self.pitch if i == 0 else None)

    @staticmethod
    def hang(paragraph, indent: HangingIndent, space_before: float | None) -> None:
        """A paragraph's first line at ``indent.first``, its others at ``indent.hang``, and a tab
        stop there for the tab after its head ("出席：", "附件：1.")."""
        paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(indent.hang), WD_TAB_ALIGNMENT.LEFT)
        paragraph.paragraph_format.left_indent = Pt(indent.hang)
        paragraph.paragraph_format.first_line_indent = Pt(indent.first - indent.hang)
        if space_before is not None:
            paragraph.paragraph_format.space_before = Pt(space_before)

    def signature(self, organ: str | None, date: str | None, placement: SignaturePlacement,
                  keep_with_next: bool, joint: tuple[str, ...] = ()) -> None:
        """Where the layout put them (§7.3.5), as left indents; one the data leaves out is not
        written, and the first written takes the blank lines above. A seal is a picture behind
        the text, anchored to that first line so it moves with it when a clerk edits the text
        above. The other organs of a 联合行文 follow the lead organ's line at its indent; sealed,
        they stand in rows under their own seals (``sealed_joint``)."""
        if placement.organs:
            self.sealed_joint((organ, *joint), date, placement, keep_with_next)
            return
        written = []
        for text in (organ, *joint):
            if text:
                line = self.paragraph("signature", text)
                line.paragraph_format.left_indent = Pt(placement.organ_x)
                if written:             # the style's blank line stands above the first organ only
                    line.paragraph_format.space_before = Pt(0)
                written.append(line)
        if date:
            second = self.paragraph("date", date)
            second.paragraph_format.left_indent = Pt(placement.date_x)
            written.append(second)
        if not written:
            return
        written[-1].paragraph_format.keep_with_next = keep_with_next
        written[0].paragraph_format.page_break_before = placement.page_break_before or None
        space_before = placement.gap_lines * self.pitch
        if not organ or placement.gap_lines != self.layout.body.signature_gap_lines:
            written[0].paragraph_format.space_before = Pt(space_before)
        if placement.seal is not None:      # a paragraph's top, for an anchor, is above its space before
            seal = placement.seal
            ooxml.add_picture_behind_text(self.doc, written[0].add_run(), seal.path, Pt(seal.diameter),
                                          Pt(seal.diameter), Pt(seal.x), Pt(space_before + seal.y_from_signature),
                                          name="印章")

    def sealed_joint(self, organs: tuple[str | None, ...], date: str | None, placement: SignaturePlacement,
                     keep_with_next: bool) -> None:
        """A sealed 联合行文 as the layout placed it: a paragraph a row, each organ at its x (the
        first by the indent, the others at tab stops), its seal anchored to its row; the date under
        the last."""
        names = [organ for organ in organs if organ]
        rows: dict[int, list[tuple[str, OrganPlacement]]] = {}
        for name, organ in zip(names, placement.organs, strict=True):
            rows.setdefault(organ.row, []).append((name, organ))
        for row, members in sorted(rows.items()):
            line = self.paragraph("signature", "\t".join(name for name, _ in members))
            fmt = line.paragraph_format
            fmt.left_indent = Pt(members[0][1].x)
            for _, organ in members[1:]:
                fmt.tab_stops.add_tab_stop(Pt(organ.x), WD_TAB_ALIGNMENT.LEFT)
            before = (placement.gap_lines if row == 0 else placement.row_lines - 1) * self.pitch
            fmt.space_before = Pt(before)
            for _, organ in members:
                if organ.seal is not None:
                    seal = organ.seal
                    ooxml.add_picture_behind_text(self.doc, line.add_run(), seal.path, Pt(seal.diameter),
                                                  Pt(seal.diameter), Pt(seal.x), Pt(before + seal.y_from_signature),
                                                  name="印章")
        if date:
            dated = self.paragraph("date", date)
            dated.paragraph_format.left_indent = Pt(placement.date_x)
            dated.paragraph_format.keep_with_next = keep_with_next

    def table(self, model: Table) -> None:
        columns = len(model.widths)
        table = self.doc.add_table(rows=0, cols=columns)
        total = sum(model.widths)
        twips = [round(self.width_pt * w / total * ooxml.TWIPS_PER_PT) for w in model.widths]
        placements = place_cells(model)
        cells = [ooxml.GridCell(placed.row, placed.col, placed.last_row, placed.last_col,
                                self.styles["table_header" if placed.cell.kind == "header" else "table"],
                                self.joined(placed.cell.text))
                 for placed in placements]
        ooxml.add_grid_rows(table, len(model.rows), cells, twips, model.header_rows, heading_rows(placements))
        ooxml.set_table_width(table, twips)
        geometry = self.layout.tables
        ooxml.set_table_borders(table, geometry.rule_width_pt, geometry.rule_width_pt)
        ooxml.set_cell_margins(table, round(geometry.cell_padding_pt * ooxml.TWIPS_PER_PT))

    def imprint(self, imprint: Imprint, placement: ImprintPlacement) -> None:
        """版记 as a one-column table whose borders are its rules, followed by the paragraph that
        closes the section (Word needs a paragraph after a table)."""
        layout = self.layout
        rows = [imprint.copy_to, None] if imprint.copy_to else [None]
        table = self.doc.add_table(rows=len(rows), cols=1)
        side = imprint_side(layout)
        for row, copy_to in zip(table.rows, rows):
            paragraph = row.cells[0].paragraphs[0]
            self.style(paragraph, "imprint")
            fmt = paragraph.paragraph_format
            if copy_to:
                hang = placement.copy_to_hang
                fmt.left_indent, fmt.first_line_indent = Pt(side + hang), Pt(-hang)
                fmt.right_indent = Pt(side)
                paragraph.add_run(copy_to.text)
            else:
                fmt.tab_stops.add_tab_stop(Pt(side), WD_TAB_ALIGNMENT.LEFT)
                fmt.tab_stops.add_tab_stop(Pt(self.width_pt - side), WD_TAB_ALIGNMENT.RIGHT)
                paragraph.add_run(f"\t{imprint.printer}\t{imprint.print_date}")
            ooxml.set_exact_line(paragraph._p.get_or_add_pPr(), self.pitch)
        ooxml.set_table_geometry(table, [round(self.width_pt * ooxml.TWIPS_PER_PT)])
        rules = self._imprint_rules(imprint)
        ooxml.set_table_borders(table, rules[0], rules[1] if len(rules) > 2 else rules[0],
                                sides=("top", "bottom", "insideH"))
        ooxml.set_cell_margins(table, 0)

    def spacer(self, placement: ImprintPlacement, imprint: Imprint, after_table: bool = False) -> None:
        """An empty paragraph as tall as the free space above the 版记 in the PDF (after page
        breaks for any blank page), so the 版记's last rule sits on the 版心 foot: LibreOffice
        ignores a floating table's bottom anchor, a plain paragraph it lays out as Word does."""
        spacer = self.paragraph("imprint")
        for _ in range(placement.blank_pages_before):
            spacer.add_run().add_break(WD_BREAK.PAGE)
        # LibreOffice adds the borders' widths to the table's height (measured: 1 row 30.0 pt,
        # 2 rows 59.6 pt for 28.95 pt lines).
        # After the table comes the structural paragraph that ends the section or the document.
        calibration = self.layout.calibration.docx
        rules = sum(self._imprint_rules(imprint)) if imprint.printer is not None else 0.0     # a letter's has none
        height = placement.space_above - rules - self.structural_line \
            - calibration.imprint_slack_pt - (calibration.after_table_pt if after_table else 0.0)
        ooxml.set_exact_line(spacer._p.get_or_add_pPr(), max(height, self.structural_line))

    def _imprint_rules(self, imprint: Imprint) -> list[float]:
        """Widths (pt) of the 版记's rules, top to bottom: thick, thin between rows, thick."""
        outer, inner = mm_to_pt(self.layout.imprint.outer_rule_mm), mm_to_pt(self.layout.imprint.inner_rule_mm)
        return [outer, inner, outer] if imprint.copy_to else [outer, outer]

    # ---- whole document ------------------------------------------------------------------
    def turned_section(self) -> None:
        """A 横排 attachment's section: the paper turned as the layout turned it (landscape), the
        版心's margins in that frame, pages numbered on. Its page number stays upright on the
        paper where every page has it, so in the turned frame it is a text box whose text runs
        down the page; the footers hold it for the section's later pages, and its first page has
        an empty footer (the box is in its first paragraph: LibreOffice 7.4 draws a footer's box
        in the paper's corner on a landscape section's first page when that page is even)."""
        turned = self.turned
        assert turned is not None, "a 横排 attachment is laid out on turned pages"
        section = self.new_section(WD_SECTION.NEW_PAGE, numbered=False, restart=False)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Pt(turned.width), Pt(turned.height)
        section.top_margin, section.bottom_margin = Pt(turned.top), Pt(turned.bottom)
        section.left_margin, section.right_margin = Pt(turned.left), Pt(turned.right)
        # the empty header and footer paragraphs kept well inside the turned margins, so that
        # LibreOffice does not move the text to make room for them
        section.header_distance, section.footer_distance = Pt(turned.top / 2), Pt(turned.bottom / 2)
        ooxml.drop_doc_grid(section._sectPr)
        ooxml.set_title_page(section._sectPr)
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False
        self.width_pt = turned.text_width
        for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
            self.turned_number(footer.paragraphs[0], odd)

    def turned_number(self, paragraph, odd: bool) -> None:
        """The page number of a 横排 page: a text box at the upright number's place, its text
        running down the turned page, ending at the box's foot on odd pages and starting at its
        head on even ones."""
        turned, spec = self.turned, self.layout.page_number
        assert turned is not None
        self._boxes += 1
        style = "page_number_odd" if odd else "page_number_even"
        inside = ooxml.add_turned_text_box(paragraph, Pt(turned.number_x), Pt(turned.number_y0),
                                           Pt(turned.number_size), Pt(turned.number_y1 - turned.number_y0),
                                           TURNED_NUMBER_ID + self._boxes, style)
        number = DocxParagraph(inside, paragraph._parent)
        self.style(number, style)
        ooxml.set_indents(number._p.get_or_add_pPr(), 0.0, 0.0)
        ooxml.set_exact_line(number._p.get_or_add_pPr(), turned.number_size)
        number.add_run(spec.prefix)
        ooxml.add_page_field(number)
        number.add_run(spec.suffix)

    def new_section(self, start: WD_SECTION, numbered: bool, restart: bool = True):
        """A section from a new (odd) page; numbered sections get the page-number footers,
        the others empty ones (the 版记 page and a blank page before it carry no number). A
        section within a part (after a 横排 attachment) numbers its pages on."""
        if not self._started:
            self._started = True
            section = self.doc.sections[0]
            for empty in self.doc.paragraphs:      # the template's empty first paragraph, if any
                empty._p.getparent().remove(empty._p)
        else:
            section = self.doc.add_section(start)
            closer = self.doc.paragraphs[-1]      # holds the previous section's sectPr
            ooxml.set_exact_line(closer._p.get_or_add_pPr(), self.structural_line)
        if section.orientation != WD_ORIENT.PORTRAIT:      # copied from a 横排 attachment's section,
            section.orientation = WD_ORIENT.PORTRAIT        # whose first page's footer is its own
            section.different_first_page_header_footer = False
        self._setup_section(section)
        self.width_pt = self.upright_width_pt
        if not restart:
            ooxml.continue_page_numbers(section._sectPr)
        section.footer.is_linked_to_previous = False
        section.even_page_footer.is_linked_to_previous = False
        if numbered:
            self._footers(section)
        return section

    def part(self, part: Part, decisions: PartLayout, last: bool) -> None:
        section = self.new_section(WD_SECTION.ODD_PAGE, numbered=True)
        if part.masthead and part.masthead.order_number is not None:
            self.order_masthead(part.masthead, decisions.masthead)
        elif part.masthead and part.masthead.letter:
            self.letter_pages(section)
            self.letter_masthead(part.masthead, decisions.masthead)
        elif part.masthead:
            self.masthead(part.masthead, decisions.masthead)
        signatures, hanging = list(decisions.signatures), list(decisions.hanging)
        self.turned_starts = list(decisions.turned_starts)
        tight, carry = decisions.tightening, decisions.carry
        for index, block in enumerate(part.blocks):
            if tight and tight.first_block <= index <= tight.last_block:
                self.tightened(block, signatures, hanging, tight.line_pitch)
            elif carry and carry.first_block <= index <= carry.last_block:
                self.carried(block, signatures, hanging, carry.kept_characters if index == carry.first_block else 0)
            elif index in decisions.widow_controlled:         # broken as the layout broke it
                for paragraph in self.written(lambda: self.block(block, signatures, hanging)):
                    paragraph.get_or_add_pPr().widowControl_val = True
            else:
                self.block(block, signatures, hanging)
        placement = decisions.imprint
        if part.imprint and placement:
            if placement.own_page:
                self.new_section(WD_SECTION.NEW_PAGE, numbered=False)
            self.spacer(placement, part.imprint, after_table=not placement.own_page and isinstance(part.blocks[-1], Table))
            if part.imprint.printer is None:
                self.letter_imprint(part.imprint, placement)
            else:
                self.imprint(part.imprint, placement)
        if last and isinstance(self.doc.element.body[-2], CT_Tbl):   # Word needs a paragraph after the last table
            closing = self.paragraph("imprint")
            ooxml.set_exact_line(closing._p.get_or_add_pPr(), self.structural_line)

    def properties(self, meta: Meta) -> None:
        """Document properties; each is at most 255 characters in OOXML, so longer ones (an organ
        name of 300 characters, thousands of keywords) are shortened there and only there."""
        props = self.doc.core_properties
        props.title, props.author, props.subject = (_property(v) for v in (meta.title, meta.author, meta.subject))
        props.keywords = _property(", ".join(meta.keywords))
        props.last_modified_by = _property(meta.author)
        props.created = props.modified = meta.created
        props.revision = 1
        props.comments = ""


def _split_runs(runs: tuple[Run, ...], kept: int) -> tuple[tuple[Run, ...], tuple[Run, ...]]:
    """The runs of a paragraph cut after ``kept`` characters (spaces not counted), each run's role
    kept on both sides of the cut."""
    stay: list[Run] = []
    for i, run in enumerate(runs):
        count = len(run.text.replace(" ", ""))
        if count < kept:
            stay.append(run)
            kept -= count
            continue
        cut = next(n for n in range(len(run.text) + 1) if len(run.text[:n].replace(" ", "")) == kept)
        head, tail = run.text[:cut], run.text[cut:]
        rest = ((Run(tail, run.role),) if tail else ()) + tuple(runs[i + 1:])
        return tuple(stay) + ((Run(head, run.role),) if head else ()), rest
    return tuple(stay), ()


PROPERTY_LENGTH = 255


def _property(value: str) -> str:
    return value if len(value) <= PROPERTY_LENGTH else value[:PROPERTY_LENGTH - 1] + "…"


def write_docx(document: Document, layout: Layout, target: Path | BinaryIO, paged: PagedDocument) -> None:
    """Write the DOCX to ``target`` (a path or a binary file object), following the page
    decisions of ``paged`` (the same document laid out)."""
    builder = _DocxBuilder(layout, general=any(part.kind == "document" for part in document.parts),
                           turned=paged.turned)
    for i, (part, decisions) in enumerate(zip(document.parts, paged.parts, strict=True)):
        builder.part(part, decisions, last=i == len(document.parts) - 1)
    builder.properties(document.meta)
    raw = io.BytesIO()
    builder.doc.save(raw)
    data = stable_zip(raw.getvalue(), document.meta.created)
    if isinstance(target, Path):
        target.write_bytes(data)
    else:
        target.write(data)
