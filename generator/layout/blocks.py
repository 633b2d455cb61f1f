"""Model blocks → boxes: every block of a part set on the 22-line grid of the 版心.

The spacing comes from the layout: 空二行 after the 版头, 空一行 after the title and before the
署名, indents in 字. What a flowing format must copy (the 署名's place, the narrowing of the
发文机关标志, the 抄送 hanging indent) is recorded in the part's decisions.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.document_model import (
    Addressee, AttachmentHead, AttachmentNote, Attendance, Block, Heading, Imprint, Masthead, Note, Paragraph, Part,
    Signature, SignerSeal, Table, Title,
)
from generator.layout.flow import Box, Draw, FixedBox, ImprintBox, LinesBox, SpaceBox
from generator.layout.fonts import TextStyle
from generator.layout.inks import ink
from generator.layout.linebreak import Line, Token, line_width
from generator.layout.placement import imprint_side, mark_scale, masthead_side, signature_positions, turned_pages
from generator.layout.tables import TableBox, TableLayout
from generator.layout.text import TextSetter, baseline_in
from generator.layout_spec import Layout, mm_to_pt
from generator.paged_document import (
    HangingIndent, Image, Item, JointMark, MastheadPlacement, OrganPlacement, Rule, SealPlacement, SignaturePlacement,
    SignerSealPlacement, Tightening, TurnedPages,
)


@dataclass
class PartBoxes:
    boxes: list[Box]
    imprint: ImprintBox | None
    signatures: list[tuple[SignaturePlacement, Box]] = field(default_factory=list)   # and the box of its lines
    blocks: list[int] = field(default_factory=list)     # each box's block index (-1: the 版头's)
    widow_controlled: list[int] = field(default_factory=list)   # blocks broken only with two lines either side
    masthead: MastheadPlacement = field(default_factory=MastheadPlacement)
    hanging: list[HangingIndent] = field(default_factory=list)     # 附件说明 and 纪要 lists, in order


class BlockLayout:
    """Sets a part's blocks as boxes, left-aligned on the 版心."""

    def __init__(self, layout: Layout, setter: TextSetter, seal_image: Path | None = None,
                 turned: TurnedPages | None = None, pitch: float | None = None) -> None:
        """Blocks set on the upright 版心, or with ``turned`` on a 横排 page's (the frame turned);
        at the grid's line pitch, or a tightened ``pitch`` (§7.3.5)."""
        self.layout, self.setter, self.seal_image = layout, setter, seal_image
        self.left = turned.left if turned else mm_to_pt(layout.page.left_mm)
        self.width = turned.text_width if turned else mm_to_pt(layout.page.text_width_mm)
        self.pitch = pitch or layout.line_pitch_pt
        self.char = layout.char_pitch_pt
        self._turned = None if turned or pitch else BlockLayout(layout, setter, seal_image, turned_pages(layout))

    def part(self, part: Part, tightening: Tightening | None = None) -> PartBoxes:
        """The part's boxes; the blocks ``tightening`` names set at its line pitch."""
        body = self.layout.body
        result = PartBoxes([], self.imprint(part.imprint) if part.imprint else None)
        if part.masthead and part.masthead.order_number is not None:
            box, result.masthead = self.order_masthead(part.masthead)
            result.boxes += [box, SpaceBox(self.layout.order.body_gap_lines * self.pitch)]
        elif part.masthead and part.masthead.letter:
            box, result.masthead = self.letter_masthead(part.masthead)
            result.boxes += [box, SpaceBox(self.layout.letter.title_gap_lines * self.pitch)]
        elif part.masthead:
            box, result.masthead = self.masthead(part.masthead)
            result.boxes += [box, SpaceBox(body.title_gap_lines * self.pitch)]
        result.blocks = [-1] * len(result.boxes)
        tight = BlockLayout(self.layout, self.setter, self.seal_image, pitch=tightening.line_pitch) \
            if tightening else None
        setting = self
        for index, block in enumerate(part.blocks):
            if isinstance(block, AttachmentHead):       # a 横排 attachment is set in the turned frame
                setting = self._turned if block.landscape and self._turned else self
            tightened = tight and tightening.first_block <= index <= tightening.last_block
            boxes = (tight if tightened else setting).block(block, result)
            result.boxes += boxes
            result.blocks += [index] * len(boxes)
            if any(isinstance(box, LinesBox) and box.widow_control for box in boxes):
                result.widow_controlled.append(index)
        return result

    # ---- text ----------------------------------------------------------------------------
    def lines_box(self, runs: list[tuple[str, str]], indent_chars: float = 0, align: str = "justify",
                  keep_with_next: bool = False) -> LinesBox:
        lines = self.setter.lines([(text, self.setter.style(role)) for text, role in runs], self.width,
                                  indent_chars * self.char, justify=align == "justify")
        return self._box(lines, align, keep_with_next)

    def _box(self, lines: Sequence[Line], align: str, keep_with_next: bool = False) -> LinesBox:
        return LinesBox([self._line(line, align) for line in lines], self.pitch,
                        self.layout.body.lines_after_heading, keep_with_next,
                        tuple("".join(token.text for token in line.tokens) for line in lines))

    def _line(self, line: Line, align: str) -> Draw:
        def draw(top: float) -> list[Item]:
            if not line.tokens:
                return []
            style = max((t.style for t in line.tokens), key=lambda s: s.size)
            x = self.left + ((self.width - line_width(line.tokens)) / 2 if align == "center" else line.indent)
            return [self.setter.set_line(line.tokens, x, baseline_in(top, self.pitch, style), line.gap,
                                         spread=line.spread)]
        return draw

    # ---- blocks --------------------------------------------------------------------------
    def block(self, block: Block, result: PartBoxes) -> list[Box]:
        body = self.layout.body
        match block:
            case Title(lines):
                style = self.setter.style("title")
                broken = [Line(tuple(self.setter.tokens([(line, style)])), 0.0, 0.0) for line in lines]
                return [self._box(broken, "center"), SpaceBox(body.after_title_lines * self.pitch)]
            case Addressee(text):
                return [self.lines_box([(text, "addressee")])]
            case Paragraph(runs):
                return [self.lines_box([(r.text, r.role or "body") for r in runs], body.paragraph_indent_chars)]
            case Heading(level, number, text, run_in, keep):
                heading = self.setter.style(f"heading{level}")
                lines = self.setter.lines([(number + text, heading), (run_in or "", self.setter.style("body"))],
                                          self.width, body.paragraph_indent_chars * self.char)
                box = self._box(lines, "justify", keep)
                # a heading whose own words run over lines keeps them together with its text's start,
                # as w:widowControl keeps two lines on either side of a break (recorded for the DOCX)
                box.widow_control = bool(run_in) and len(lines) > 1 and \
                    any(token.style == heading for token in lines[0].tokens[-1:])
                return [box]
            case Table():
                # Text after a table follows it directly, as in Word and LibreOffice, whose exact
                # line spacing does not snap back to the page's line grid.
                return [TableBox(TableLayout(block, self.setter, self.layout, self.left, self.width))]
            case Signature():
                boxes, placement = self.signature(block)
                result.signatures.append((placement, boxes[-1]))
                return boxes
            case Note(text):
                return [self.lines_box([(text, "note")], body.note_indent_chars, align="left")]
            case SignerSeal(title, date):
                box, placement = self.signer_seal(title, date)
                result.signatures.append((placement, box))
                return [SpaceBox(self.layout.order.seal_gap_lines * self.pitch), box]
            case Attendance(rows):
                return [SpaceBox(body.attendance_gap_lines * self.pitch), self.attendance(rows, result)]
            case AttachmentNote():
                return [SpaceBox(body.attachment_note_gap_lines * self.pitch), self.attachment_note(block, result)]
            case AttachmentHead(label, title, landscape):
                head = self._box([Line(tuple(self.setter.tokens([(label, self.setter.style("attachment_label"))])),
                                       0.0, 0.0)], "left", keep_with_next=True)
                head.page_break_before, head.turned = True, landscape
                space = FixedBox((body.attachment_title_line - 1) * self.pitch - head.height(), lambda top: [],
                                 keep_with_next=True)
                return [head, space, *self.block(title, result)]
        raise TypeError(f"no layout for {type(block).__name__}")

    def hanging_lines(self, tokens: list[Token], width: float, hang: float) -> list[Line]:
        """Lines of ``width`` whose continuations hang at ``hang`` (the 抄送 names after "抄送：")."""
        lines = self.setter.break_lines(tokens, width)
        if len(lines) == 1:
            return lines
        rest = [token for line in lines[1:] for token in line.tokens]
        return [lines[0]] + [Line(line.tokens, hang, line.gap, line.spread)
                             for line in self.setter.break_lines(rest, width - hang)]

    def attendance(self, rows: tuple[tuple[str, str], ...], result: PartBoxes) -> LinesBox:
        """A 纪要's 出席, 请假 and 列席 (§10.3): each 左空二字, the label in 黑体, the names from
        after its colon, wrapped names aligned there."""
        label_style, names_style = self.setter.style("attendance_label"), self.setter.style("attendance_names")
        start = self.layout.body.paragraph_indent_chars * self.char
        draws: list[Draw] = []
        for label, names in rows:
            draws += self._hanging([(label, label_style)], [(names, names_style)], start, result)
        return LinesBox(draws, self.pitch, self.layout.body.lines_after_heading)

    def attachment_note(self, note: AttachmentNote, result: PartBoxes) -> LinesBox:
        """附件说明 (§7.3.4): "附件：" 左空二字, each name after its number, the numbers of later
        names under the first, a wrapped name under its own first character."""
        style = self.setter.style("attachment_note")
        start = self.layout.body.paragraph_indent_chars * self.char
        after_label = start + self.setter.width(note.label, style)
        draws: list[Draw] = []
        for i, (number, name) in enumerate(note.items):
            head = (note.label if i == 0 else "") + number
            draws += self._hanging([(head, style)], [(name, style)], start if i == 0 else after_label, result)
        return LinesBox(draws, self.pitch, self.layout.body.lines_after_heading)

    def _hanging(self, head: list[tuple[str, TextStyle]], text: list[tuple[str, TextStyle]], first: float,
                 result: PartBoxes) -> list[Draw]:
        """A paragraph whose ``head`` ("出席：", "附件：1.") starts at ``first`` and whose text
        starts right after it, every line of the text at that same place and justified from
        there (as Word and LibreOffice justify what follows a tab); the indents are recorded for
        the DOCX."""
        head_tokens = self.setter.tokens(head)
        indent = HangingIndent(first, first + line_width(head_tokens) + self.layout.calibration.hanging_tab_slack_pt)
        result.hanging.append(indent)
        lines = [Line(line.tokens, indent.hang, line.gap, line.spread) for line in
                 self.setter.lines(text, self.width - indent.hang, spare=self.layout.calibration.hanging_fit_spare_pt)]
        draws = [self._line(line, "justify") for line in lines]
        first_line = draws[0]

        def with_head(top: float) -> list[Item]:
            style = max((token.style for token in head_tokens), key=lambda s: s.size)
            return [self.setter.set_line(head_tokens, self.left + first, baseline_in(top, self.pitch, style)),
                    *first_line(top)]
        return [with_head, *draws[1:]]

    def masthead(self, masthead: Masthead) -> tuple[FixedBox, MastheadPlacement]:
        """版头: 份号, 密级 and 紧急程度 stacked top left; the red 发文机关标志 below the 版心 top
        (a 联合行文's organs stacked, "文件" beside them); the 发文字号 (with the 签发人 rows for
        upward documents, the number on the last row) 空二行 below it; the red rule under it."""
        spec, setter, pitch = self.layout.masthead, self.setter, self.pitch
        number = setter.style("doc_number")
        mark_top = mm_to_pt(spec.mark_top_mm)
        mark_items, mark_height, placement = self._mark(masthead, mark_top)
        rows = len(masthead.signer_names) if masthead.signer_label is not None else 1
        number_top = mark_top + mark_height + spec.doc_number_gap_lines * pitch
        number_baseline = baseline_in(number_top + (rows - 1) * pitch, pitch, number)
        rule_y = number_baseline + (1 - number.em_ascent) * number.size + mm_to_pt(spec.rule_gap_mm)
        number_tokens = setter.tokens([(masthead.doc_number, number)])
        side = masthead_side(self.layout)
        signer_rows: list[tuple[list[Token], float]] = []
        if masthead.signer_label is not None:
            label_style, name_style = setter.style("signer_label"), setter.style("signer_name")
            first = setter.tokens([(masthead.signer_label, label_style), (masthead.signer_names[0], name_style)])
            x = self.width - side - line_width(first)
            names_x = x + setter.width(masthead.signer_label, label_style)
            placement = replace(placement, signer_x=x, signer_names_x=names_x)
            signer_rows = [(first, x)] + [(setter.tokens([(names, name_style)]), names_x)
                                          for names in masthead.signer_names[1:]]

        def draw(top: float) -> list[Item]:
            items: list[Item] = self._flags(masthead, top)
            items += [item(top) for item in mark_items]
            baseline = top + number_baseline
            if masthead.signer_label is None:
                x = self.left + (self.width - line_width(number_tokens)) / 2
                items.append(setter.set_line(number_tokens, x, baseline))
            else:
                items.append(setter.set_line(number_tokens, self.left + side, baseline))
                items += [setter.set_line(tokens, self.left + x, baseline - (rows - 1 - i) * pitch)
                          for i, (tokens, x) in enumerate(signer_rows)]
            items.append(Rule(self.left, top + rule_y, self.left + self.width, top + rule_y,
                              spec.rule_width_pt, ink(self.layout, "red")))
            return items
        return FixedBox(rule_y, draw), placement

    def order_masthead(self, masthead: Masthead) -> tuple[FixedBox, MastheadPlacement]:
        """命令（令）格式's head (§10.2): "……令" 20 mm below the 版心 top, the 令号 centred 空二行
        under it; no 发文字号 and no rule."""
        spec, setter, pitch = self.layout.order, self.setter, self.pitch
        mark_top = mm_to_pt(spec.mark_top_mm)
        mark_items, mark_height, placement = self._mark(masthead, mark_top)
        number = setter.style("doc_number")
        tokens = setter.tokens([(masthead.order_number or "", number)])
        number_top = mark_top + mark_height + spec.number_gap_lines * pitch

        def draw(top: float) -> list[Item]:
            return [*(item(top) for item in mark_items),
                    setter.set_line(tokens, self.left + (self.width - line_width(tokens)) / 2,
                                    baseline_in(top + number_top, pitch, number))]
        return FixedBox(number_top + pitch, draw), placement

    def signer_seal(self, title: str, date: str | None) -> tuple[FixedBox, SignaturePlacement]:
        """The 签发人签名章 (§7.3.5.3): its room 右空四字, the 签发人职务 左空二字 from it and
        centred on it, the 成文日期 右空四字 空一行 below it. The room stays blank for the stamp."""
        spec, setter, pitch = self.layout.order, self.setter, self.pitch
        width, height = mm_to_pt(spec.seal_width_mm), mm_to_pt(spec.seal_height_mm)
        right = self.width - spec.seal_right_chars * self.char
        title_tokens = setter.tokens([(title, setter.style("signature"))])
        date_tokens = setter.tokens([(date or "", setter.style("date"))])
        place = SignerSealPlacement(title_top=(height - pitch) / 2, date_top=height + spec.date_gap_lines * pitch)
        title_x = right - width - spec.title_gap_chars * self.char - line_width(title_tokens)
        date_x = right - line_width(date_tokens)

        def draw(top: float) -> list[Item]:
            items = [setter.set_line(title_tokens, self.left + title_x,
                                     baseline_in(top + place.title_top, pitch, setter.style("signature")))]
            if date:
                items.append(setter.set_line(date_tokens, self.left + date_x,
                                             baseline_in(top + place.date_top, pitch, setter.style("date"))))
            return items
        placement = SignaturePlacement(title_x, date_x, spec.seal_gap_lines, signer_seal=place)
        return FixedBox(place.date_top + pitch if date else height, draw), placement

    def letter_masthead(self, masthead: Masthead) -> tuple[FixedBox, MastheadPlacement]:
        """信函格式's head (§10.1): the mark 30 mm below the paper's top edge, a red double line
        (thick over thin) 4 mm under it, 170 mm long and centred on the 版心; 份号, 密级 and 紧急程度
        flush left, the 发文字号 flush right on the first of their lines, 4.94 mm below it; and on
        the first page only, a double line (thin over thick) 20 mm above the paper's foot."""
        spec, setter, pitch = self.layout.letter, self.setter, self.pitch
        page = self.layout.page
        mark_top = mm_to_pt(spec.mark_top_mm - page.top_mm)         # above the 版心: negative
        mark_items, mark_height, placement = self._mark(masthead, mark_top)
        head_rule = mark_top + mark_height + mm_to_pt(spec.rule_gap_mm)
        x0 = self.left - mm_to_pt(spec.rule_length_mm - page.text_width_mm) / 2      # centred on the 版心
        x1 = x0 + mm_to_pt(spec.rule_length_mm)
        foot_rule = mm_to_pt(page.height_mm - spec.foot_rule_mm - page.top_mm)
        number = setter.style("doc_number")
        first_top = head_rule + spec.thick_pt + spec.double_gap_pt + spec.thin_pt + mm_to_pt(spec.first_element_mm)
        first_cell = first_top - (pitch - number.size) / 2              # the grid cell of the first element
        number_tokens = setter.tokens([(masthead.doc_number, number)])
        rows = max(len(masthead.flags), 1 if masthead.doc_number else 0)

        def double(y: float, upper: float, lower: float) -> list[Item]:
            """Two red rules from ``y`` down: ``upper`` then ``lower`` wide, the gap between."""
            middle = y + upper + self.layout.letter.double_gap_pt
            red = ink(self.layout, "red")
            return [Rule(x0, y + upper / 2, x1, y + upper / 2, upper, red),
                    Rule(x0, middle + lower / 2, x1, middle + lower / 2, lower, red)]

        def draw(top: float) -> list[Item]:
            items: list[Item] = [item(top) for item in mark_items]
            items += double(top + head_rule, spec.thick_pt, spec.thin_pt)
            items += self._flags(masthead, top + first_cell)
            if masthead.doc_number:
                items.append(setter.set_line(number_tokens, self.left + self.width - line_width(number_tokens),
                                             baseline_in(top + first_cell, pitch, number)))
            foot = top + foot_rule - spec.thin_pt - spec.double_gap_pt - spec.thick_pt
            return items + double(foot, spec.thin_pt, spec.thick_pt)
        height = first_cell + rows * pitch if rows else first_top - mm_to_pt(spec.first_element_mm)
        return FixedBox(height, draw), placement

    def _flags(self, masthead: Masthead, top: float) -> list[Item]:
        """份号, 密级和保密期限 and 紧急程度, flush left one a line from ``top`` (§7.2.1–7.2.3)."""
        styled = [(flag.text, self.setter.style(flag.role)) for flag in masthead.flags]
        return [self.setter.set_line(self.setter.tokens([(text, style)]), self.left,
                                     baseline_in(top + i * self.pitch, self.pitch, style))
                for i, (text, style) in enumerate(styled)]

    def _mark(self, masthead: Masthead, mark_top: float) -> tuple[list[Callable[[float], Item]], float,
                                                                     MastheadPlacement]:
        """The 发文机关标志's lines (each drawn at a part's top), the height from its top to the
        foot of its last em box, and its placement: one line narrowed to the 版心, or a 联合行文's
        names spread to the longest one's width with "文件" centred beside them (§7.2.4)."""
        setter, mark = self.setter, self.setter.style("masthead")
        if not masthead.joint:
            tokens = setter.tokens([(masthead.issuer_mark, mark)])
            natural = line_width(tokens)
            scale = mark_scale(natural, self.width)
            x = self.left + (self.width - natural * scale) / 2
            return ([lambda top: setter.set_line(tokens, x, top + mark_top + mark.em_ascent * mark.size, scale=scale)],
                    mark.size, MastheadPlacement(mark_scale=scale))
        spec = self.layout.masthead
        names = [setter.tokens([(name, mark)]) for name in masthead.joint]
        word = setter.tokens([(masthead.mark_word, mark)])
        column = max(map(line_width, names))
        gap = spec.mark_word_gap_em * mark.size if masthead.mark_word else 0.0
        natural = column + gap + line_width(word)
        scale = mark_scale(natural, self.width)
        names_x = (self.width - natural * scale) / 2
        word_x = names_x + (column + gap) * scale
        row = spec.joint_pitch_em * mark.size     # from one name's em box top to the next's
        lines: list[Callable[[float], Item]] = []
        for i, tokens in enumerate(names):
            gaps = sum(not token.joined for token in tokens[1:])
            spread = (column - line_width(tokens)) / max(gaps, 1)        # 分散对齐 to the longest name
            lines.append(lambda top, tokens=tokens, i=i, spread=spread: setter.set_line(
                tokens, self.left + names_x, top + mark_top + i * row + mark.em_ascent * mark.size, spread * scale,
                scale=scale))
        height = row * (len(names) - 1) + mark.size
        if word:
            lines.append(lambda top: setter.set_line(word, self.left + word_x, baseline_in(top + mark_top, height, mark),
                                                     scale=scale))
        return lines, height, MastheadPlacement(mark_scale=scale, joint=JointMark(names_x, column * scale, word_x,
                                                                                   row, scale))

    def signature(self, block: Signature) -> tuple[list[Box], SignaturePlacement]:
        """署名 over 成文日期 after 空一行; either may be missing (a published report), and the
        other is placed as if the missing one were empty: a date alone stands 右空二字. With a
        seal: after 空二行, so that the seal's top lies within a line below the body, the date
        右空四字, and the seal centred on the date with the lines a little below its centre
        (§7.3.5.1); the blank lines then move with them, so a seal at a page's top stays inside
        the 版心."""
        setter, pitch = self.setter, self.pitch
        organ_style, date_style = setter.style("signature"), setter.style("date")
        organ_tokens = setter.tokens([(block.organ or "", organ_style)])
        joint_tokens = [setter.tokens([(organ, organ_style)]) for organ in block.joint]
        date_tokens = setter.tokens([(block.date or "", date_style)])
        date_width = line_width(date_tokens)
        sealed = block.seal or self.seal_image is not None       # a seal image is pressed on every 署名
        if sealed and block.joint:
            return self._sealed_joint(block, date_tokens)
        # the organs of a 联合行文 stand one under another, aligned on the longest name
        organ_width = max(map(line_width, [organ_tokens, *joint_tokens]))
        organ_x, date_x = signature_positions(organ_width, date_width, self.width,
                                              self.char, self.layout.body, sealed)
        lines = [(tokens, x, style) for text, tokens, x, style in
                 ((block.organ, organ_tokens, organ_x, organ_style),
                  *((organ, tokens, organ_x, organ_style) for organ, tokens in zip(block.joint, joint_tokens)),
                  (block.date, date_tokens, date_x, date_style))
                 if text]
        spec = self.layout.seal
        gap = spec.gap_lines if sealed else self.layout.body.signature_gap_lines
        diameter = mm_to_pt(spec.diameter_mm)
        centre_y = (len(lines) / 2 - spec.centre_above_lines) * pitch     # from the first line's top
        seal = None
        if self.seal_image is not None:
            centre_x = date_x + date_width / 2 if block.date else organ_x + line_width(organ_tokens) / 2
            seal = SealPlacement(self.seal_image, centre_x - diameter / 2, centre_y - diameter / 2, diameter)
        # a seal, pressed here or left room for, reaches below the date line: it must fit the page
        overhang = max(centre_y + diameter / 2 - len(lines) * pitch, 0.0) if sealed else 0.0
        placement = SignaturePlacement(organ_x, date_x, gap, seal)
        lines_top = gap * pitch if sealed else 0.0

        def draw(top: float) -> list[Item]:
            first = top + lines_top
            items: list[Item] = []
            if seal is not None:
                items.append(Image(seal.path, self.left + seal.x, first + seal.y_from_signature,
                                   seal.diameter, seal.diameter))
            return items + [setter.set_line(tokens, self.left + x, baseline_in(first + i * pitch, pitch, style))
                            for i, (tokens, x, style) in enumerate(lines)]
        height = lines_top + len(lines) * pitch
        if sealed:
            return [FixedBox(height, draw, block.keep_with_next, overhang)], placement
        return [SpaceBox(gap * pitch), FixedBox(height, draw, block.keep_with_next)], placement

    def _sealed_joint(self, block: Signature, date_tokens: list[Token]) -> tuple[list[Box], SignaturePlacement]:
        """A sealed 联合行文 (§7.3.5.1): the organs side by side in rows, each centred under its
        own seal, the seals in columns so that none crosses another, the last one on the date
        (右空四字) and the last organ; the rows as far apart as a seal and its gap, the first seal's
        top within a line below the body, as a single seal's."""
        setter, pitch, spec = self.setter, self.pitch, self.layout.seal
        style = setter.style("signature")
        organs = [organ for organ in (block.organ, *block.joint) if organ]
        names = [setter.tokens([(organ, style)]) for organ in organs]
        date_width = line_width(date_tokens)
        _, date_x = signature_positions(0.0, date_width, self.width, self.char, self.layout.body, True)
        diameter = mm_to_pt(spec.diameter_mm)
        step = diameter + mm_to_pt(spec.joint_gap_mm)
        row_lines = math.ceil(step / pitch)
        centre_y = (1 - spec.centre_above_lines) * pitch            # below its row's line top, as a single seal's
        per_row, last = spec.joint_per_row, len(organs) - 1
        rows = last // per_row + 1
        placed: list[OrganPlacement] = []
        for index, tokens in enumerate(names):
            row = index // per_row
            in_row = min(per_row, len(organs) - row * per_row)
            column = per_row - in_row + index % per_row                # a short last row keeps to the right
            centre_x = date_x + date_width / 2 - (per_row - 1 - column) * step
            seal = SealPlacement(self.seal_image, centre_x - diameter / 2, centre_y - diameter / 2, diameter) \
                if self.seal_image is not None else None
            placed.append(OrganPlacement(centre_x - line_width(tokens) / 2, row, seal))
        lines_top = spec.gap_lines * pitch
        date_top = ((rows - 1) * row_lines + 1) * pitch

        def draw(top: float) -> list[Item]:
            items: list[Item] = []
            for tokens, organ in zip(names, placed):
                line_top = top + lines_top + organ.row * row_lines * pitch
                if organ.seal is not None:
                    items.append(Image(organ.seal.path, self.left + organ.seal.x, line_top + organ.seal.y_from_signature,
                                       diameter, diameter))
                items.append(setter.set_line(tokens, self.left + organ.x, baseline_in(line_top, pitch, style)))
            if block.date:
                items.append(setter.set_line(date_tokens, self.left + date_x,
                                             baseline_in(top + lines_top + date_top, pitch, setter.style("date"))))
            return items
        height = lines_top + date_top + pitch
        overhang = max(centre_y + diameter / 2 - 2 * pitch, 0.0)
        placement = SignaturePlacement(placed[0].x, date_x, spec.gap_lines, None, organs=tuple(placed),
                                       row_lines=row_lines)
        return [FixedBox(height, draw, block.keep_with_next, overhang)], placement

    def imprint(self, imprint: Imprint) -> ImprintBox:
        """版记: 抄送 lines (continuations aligned after "抄送："), then 印发机关 and 印发日期 on one
        line, between full-width rules; its last rule lies on the 版心 foot."""
        setter, pitch, spec = self.setter, self.pitch, self.layout.imprint
        style = setter.style("imprint")
        side = imprint_side(self.layout)
        hang = setter.width(imprint.copy_to.label, style) if imprint.copy_to else 0.0
        copy_lines: list[Line] = []
        if imprint.copy_to:         # continuation lines align after "抄送："
            tokens = setter.tokens([(imprint.copy_to.label + imprint.copy_to.names, style)])
            copy_lines = self.hanging_lines(tokens, self.width - 2 * side, hang)
        if imprint.printer is None:         # a letter's: its 抄送 alone, without rules (§10.1)
            return ImprintBox(len(copy_lines) * pitch, lambda top: self._copy_to(copy_lines, side, style, top), hang,
                              even_page=False)
        printer = setter.tokens([(imprint.printer, style)])
        date = setter.tokens([(imprint.print_date or "", style)])
        height = (len(copy_lines) + 1) * pitch
        outer, inner = mm_to_pt(spec.outer_rule_mm), mm_to_pt(spec.inner_rule_mm)

        def rule(y: float, width: float) -> Rule:
            return Rule(self.left, y, self.left + self.width, y, width, ink(self.layout, "black"))

        def draw(top: float) -> list[Item]:
            bottom = top + height
            items: list[Item] = [rule(top, outer), *self._copy_to(copy_lines, side, style, top)]
            if copy_lines:
                items.append(rule(bottom - pitch, inner))
            baseline = baseline_in(bottom - pitch, pitch, style)
            items.append(setter.set_line(printer, self.left + side, baseline))
            items.append(setter.set_line(date, self.left + self.width - side - line_width(date), baseline))
            items.append(rule(bottom, outer))
            return items
        return ImprintBox(height, draw, hang)

    def _copy_to(self, lines: list[Line], side: float, style: TextStyle, top: float) -> list[Item]:
        """The 抄送 lines of a 版记 from ``top``, 左空一字, continuations after "抄送："."""
        return [self.setter.set_line(line.tokens, self.left + side + line.indent,
                                     baseline_in(top + i * self.pitch, self.pitch, style), line.gap)
                for i, line in enumerate(lines)]
