"""GB/T 9704-2012 rules measured on a PDF: each rule gives its expected and measured value.

Positions come from the PDF itself (pdfplumber), expectations from the layout data. A text
line's em box is centred in its grid line, so a line's grid cell top is its em top minus half
the leading; "lines" below are counted in grid pitches between such cells.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.compose.wording import chinese_numeral, default_wording
from generator.i18n import Message, message
from generator.inspection.facts import FoundTable, Page, Rule, TextLine
from generator.layout.placement import (
    imprint_side, masthead_side, page_number_side, signature_positions, turned_pages,
)
from generator.layout_spec import Layout, MM_PER_PT

TOLERANCE_MM = 0.5
HALF_WIDTH_DIGIT = 0.6      # of a 字: the widest step inside a number that is still half-width
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")
PRINT_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日印发$")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
HEADING_NUMBERS = ((re.compile(r"^[一二三四五六七八九十百]+、"), 1, "一级标题 一、"),
                   (re.compile(r"^（[一二三四五六七八九十百]+）"), 2, "二级标题 （一）"),
                   (re.compile(r"^\d+\."), 3, "三级标题 1."),
                   (re.compile(r"^（\d+）"), 4, "四级标题 （1）"))


@dataclass(frozen=True)
class Finding:
    """One rule measured; its texts are catalog Messages (or plain figures), rendered when printed."""

    rule: Message | str
    expected: Message | str
    measured: Message | str
    ok: bool


def _mm(value: float) -> str:
    return f"{value:.2f} mm"


class PdfRules:
    """Measures one rendered document against the layout's GB/T 9704 numbers."""

    def __init__(self, pages: list[Page], layout: Layout) -> None:
        self.pages, self.layout = pages, layout
        page = layout.page
        self.left, self.right = page.left_mm, page.left_mm + page.text_width_mm
        self.top, self.bottom = page.top_mm, page.top_mm + page.text_height_mm
        self.pitch = layout.line_pitch_pt * MM_PER_PT
        self.char = layout.char_pitch_pt * MM_PER_PT
        self.body_size = layout.role("body").size_pt
        self.title_size = layout.role("title").size_pt
        self.red, self.black = (tuple(round(v, 3) for v in layout.colors[name].cmyk) for name in ("red", "black"))
        wording = default_wording()         # the words the document prints, as compose writes them
        self.signer_label, self.copy_to_label = wording.render("signer_label"), wording.render("copy_to_label")
        self.indent = layout.body.paragraph_indent_chars * self.char
        self.findings: list[Finding] = []
        self._heads = {page.number: self._head_bottom(page) for page in pages}     # read once, asked often
        self.pitches = {page.number: self._page_pitch(page) for page in pages}     # a tightened page's own
        self.parts = self._split_parts()

    # ---- helpers -------------------------------------------------------------------------
    def add(self, rule: Message | str, expected: Message | str, measured: Message | str, ok: bool) -> None:
        self.findings.append(Finding(rule, expected, measured, ok))

    def near(self, rule: Message | str, expected: float, measured: float | None,
             tolerance: float = TOLERANCE_MM) -> None:
        if measured is None:
            self.add(rule, _mm(expected), message("not found"), False)
        else:
            self.add(rule, f"{_mm(expected)} ± {tolerance}", _mm(measured), abs(measured - expected) <= tolerance)

    def face_of(self, role: str) -> str:
        return self.layout.role(role).face

    def lines_apart(self, rule: Message, lines: int, measured: float) -> None:
        """A gap of ``lines`` body lines (空一行, 空二行 …), measured in lines."""
        self.add(message("{rule} (空{count}行)", rule=rule, count=chinese_numeral(lines)),
                 message("{count} lines", count=f"{lines:.2f}"), message("{count} lines", count=f"{measured:.2f}"),
                 abs(measured - lines) < 0.05)

    def cell_top(self, line: TextLine, pitch: float | None = None) -> float:
        return line.top - ((pitch or self.pitch) - line.size * MM_PER_PT) / 2

    def cell_bottom(self, line: TextLine, pitch: float | None = None) -> float:
        return line.bottom + ((pitch or self.pitch) - line.size * MM_PER_PT) / 2

    def _page_pitch(self, page: Page) -> float:
        """The line pitch of a page's text (mm): the grid's, or the tighter one of a page whose
        line spacing was adjusted to keep a 署名 with its text (§7.3.5), if most of its lines
        stand that much closer."""
        lines = [line for line in self.body_lines(page) if line.size >= self.body_size - 1]
        gaps = [below.baseline - above.baseline for above, below in zip(lines, lines[1:])
                if 0 < below.baseline - above.baseline < self.pitch - 0.02]
        closest = Counter(round(gap, 2) for gap in gaps).most_common(1)
        return closest[0][0] if closest and closest[0][1] >= 3 else self.pitch

    def in_text_area(self, page: Page) -> list[TextLine]:
        """The lines of the 主体 and 版记: below the 版头 (份号, 密级, the mark, the 发文字号, down
        to its red rule or, in a letter, to the title) and above the 版心 foot."""
        head = self._heads[page.number]
        return [line for line in page.lines if line.bottom <= self.bottom + 1 and (head is None or line.top > head)]

    def _head_bottom(self, page: Page) -> float | None:
        """Where a page's 版头 ends: its red rule, or a letter's title under it (§10.1)."""
        head = self.red_rule(page)
        if head is None:            # a 令's head ends with its 令号, the line under the mark (§10.2)
            marks = self.masthead_marks(page)
            if marks and self.is_order(marks):
                below = [line for line in page.lines if line.top > max(mark.bottom for mark in marks)]
                return below[0].bottom + 0.1 if below else None
            return None
        titles = [line.top for line in page.lines if line.top > head.y and abs(line.size - self.title_size) < 0.01]
        return min(titles) - 0.1 if self.is_letter(page) and titles else head.y

    @staticmethod
    def is_order(marks: list[TextLine]) -> bool:
        """A 令's mark: "……令" or "……命令" (§10.2)."""
        return min(marks, key=lambda line: line.top).text.endswith("令")

    def is_letter(self, page: Page) -> bool:
        """A letter's page 1: its mark stands above the 版心 (30 mm from the paper's top, §10.1)."""
        marks = self.masthead_marks(page)
        return bool(marks) and min(line.top for line in marks) < self.top
    def red_rule(self, page: Page) -> Rule | None:
        return next((rule for rule in page.rules if rule.color == self.red), None)

    def outside_tables(self, page: Page) -> list[TextLine]:
        return [line for line in self.in_text_area(page) if not any(t.holds(line) for t in page.tables)]

    def body_lines(self, page: Page) -> list[TextLine]:
        return [line for line in self.outside_tables(page) if abs(line.size - self.body_size) < 0.01]

    def _split_parts(self) -> list[list[Page]]:
        """Pages by part (公文): a part ends with the page of its 版记 (the 印发 line), or, having
        none (a letter, a published report), before the next part's first page: one with a mark,
        or numbered 1."""
        parts, current = [], []
        for page in self.pages:
            number = self.page_number_line(page)
            starts = self.masthead_marks(page) or number is not None and PAGE_NUMBER.match(number.text).group(1) == "1"
            if current and starts:
                parts.append(current)
                current = []
            current.append(page)
            if self.has_imprint(page):
                parts.append(current)
                current = []
        if current:
            parts.append(current)
        return parts

    @staticmethod
    def has_imprint(page: Page) -> bool:
        return any(PRINT_DATE.match(line.text) for line in page.lines)

    def format_of(self, part: list[Page]) -> str:
        """The format a part is printed in, read from its mark: 信函格式 (the mark above the 版心,
        §10.1), 纪要格式 (a mark ending in 纪要, §10.3), or the 文件格式 of every other 公文 (a
        published report without 版头 included)."""
        marks = self.masthead_marks(part[0])
        if self.is_letter(part[0]):
            return "信函"
        if marks and self.is_order(marks) and self.red_rule(part[0]) is None:
            return "令"
        return "纪要" if marks and min(marks, key=lambda line: line.top).text.endswith("纪要") else "文件"

    def masthead_marks(self, page: Page) -> list[TextLine]:
        return [line for line in page.lines if abs(line.size - self.layout.role("masthead").size_pt) < 0.01]

    def page_number_line(self, page: Page) -> TextLine | None:
        return next((line for line in page.lines if line.top > self.bottom and PAGE_NUMBER.match(line.text)), None)

    # ---- the rules -----------------------------------------------------------------------
    def run(self) -> list[Finding]:
        for check in (self.paper, self.grid, self.text_edges, self.line_breaking, self.masthead, self.title,
                      self.addressee, self.headings, self.page_ends, self.signature, self.tables, self.imprint, self.page_numbers,
                      self.turned_pages):
            check()
        return self.findings

    def paper(self) -> None:
        page = self.layout.page
        sizes = {(round(p.width, 1), round(p.height, 1)) for p in self.pages}
        self.add(message("paper A4"), f"{page.width_mm:.0f} × {page.height_mm:.0f} mm",
                 ", ".join(f"{w} × {h} mm" for w, h in sorted(sizes)),
                 all(abs(w - page.width_mm) < 0.5 and abs(h - page.height_mm) < 0.5 for w, h in sizes))

    def grid(self) -> None:
        """Lines per full page on the grid's line pitch; characters per line on its character pitch."""
        pitches, counts, off_grid = [], [], 0
        tightened = {number: pitch for number, pitch in self.pitches.items() if pitch < self.pitch}
        for page in self.pages:
            lines = self.body_lines(page)
            if page.number in tightened:        # measured by the rule of its own below
                continue
            for above, below in zip(lines, lines[1:]):
                gap = below.baseline - above.baseline
                if gap < 1.5 * self.pitch:
                    pitches.append(gap)
            # A full page of text: grid lines from the 版心 top to its foot, no table between (text
            # after a table follows the table, off the grid); blank grid lines count as lines.
            full = lines and not page.tables and abs(self.cell_bottom(lines[-1]) - self.bottom) < self.pitch
            if lines and abs(self.cell_top(lines[0]) - self.top) < TOLERANCE_MM:
                if full:
                    counts.append(round((self.cell_bottom(lines[-1]) - self.top) / self.pitch))
                table_top = min((t.bbox[1] for t in page.tables), default=self.bottom)
                for line in (line for line in lines if line.bottom < table_top):   # text after a table follows it
                    slot = (self.cell_top(line) - self.top) / self.pitch
                    off_grid += abs(slot - round(slot)) * self.pitch > TOLERANCE_MM
        pitch = Counter(round(p, 2) for p in pitches).most_common(1)[0][0] if pitches else None
        rule = message("body line pitch ({pitch} pt)", pitch=f"{self.layout.line_pitch_pt:g}")
        if pitch is None and tightened:         # a one-page memo whose only page was tightened
            self.add(rule, _mm(self.pitch), message("every page of text tightened (§7.3.5)"), True)
        else:
            self.near(rule, self.pitch, pitch, 0.05)
        if tightened:
            least = self.layout.signature_fit.line_pitch_min_pt
            measured = ", ".join(str(message("page {page}: {pitch} pt", page=str(number), pitch=f"{pitch / MM_PER_PT:.2f}"))
                                 for number, pitch in tightened.items())
            self.add(message("line spacing tightened to keep a 署名 with its text (§7.3.5)"),
                     message("≥ {pitch} pt", pitch=f"{least:g}"), measured,
                     all(pitch / MM_PER_PT >= least - 0.05 for pitch in tightened.values()))
        lines_per_page = self.layout.grid.lines_per_page
        if counts:
            self.add(message("lines per full page"), str(lines_per_page), str(max(counts)),
                     max(counts) == lines_per_page)
        else:
            self.add(message("lines per full page"), str(lines_per_page), message("no page is full of text"), True)
        self.add(message("body lines off the {count}-line grid (above any table)", count=lines_per_page), "0",
                 str(off_grid), off_grid == 0)
        # a line a 禁则 shortened (its neighbour's closing mark moved a character down) is spread
        # wider than the grid: it shows neither the characters a line holds nor their pitch
        full = [line for page in self.pages for line in self.body_lines(page)
                if line.full_width_only and abs(line.x0 - self.left) < 0.2 and abs(line.x1 - self.right) < 1
                and (line.chars[-1].x0 - line.x0) / (len(line.chars) - 1) < self.char + 0.05]
        if full:
            per_line = Counter(len(line.chars) for line in full).most_common(1)[0][0]
            self.add(message("characters per full line"), str(self.layout.grid.chars_per_line), str(per_line),
                     per_line == self.layout.grid.chars_per_line)
            steps = [(line.chars[-1].x0 - line.x0) / (len(line.chars) - 1) for line in full
                     if len(line.chars) == per_line]
            self.near(message("character pitch ({pitch} pt)", pitch=f"{self.layout.char_pitch_pt:.2f}"), self.char,
                      sum(steps) / len(steps), 0.02)
        else:       # a short report whose every full line holds digits or Latin letters
            self.add(message("characters per full line"), str(self.layout.grid.chars_per_line),
                     message("no full line of full-width characters only"), True)
        steps = [b.x0 - a.x0 for page in self.pages for line in self.body_lines(page)
                 for a, b in zip(line.chars, line.chars[1:]) if a.text.isdigit() and b.text.isdigit()]
        widest = max(steps, default=0.0)
        # half-width digits, not full-width ones: a face's own digits may be a little wider than
        # half a 字 (FandolKai's are 0.555 em, as a 楷体 heading run on over lines shows)
        limit = HALF_WIDTH_DIGIT * self.char
        self.add(message("digits half-width (step inside a number)"), f"≤ {_mm(limit)}",
                 _mm(widest) if steps else message("no number of two digits in the text"),
                 0 < widest <= limit or not steps)

    def text_edges(self) -> None:
        lines = [line for page in self.pages for line in self.body_lines(page)]
        page = self.layout.page
        justified = [line.x1 for line in lines if line.x1 > self.right - self.char]
        wrapped = [after.x0 for line, after in zip(lines, lines[1:]) if line.x1 > self.right - self.char]
        left_rule = message("版心 left edge (订口 {mm} mm)", mm=f"{page.left_mm:g}")
        if wrapped:             # a paragraph's continuation, or any line flush left
            self.near(left_rule, self.left, min(line.x0 for line in lines))
        else:                   # a short text: every paragraph of one indented line
            self.add(left_rule, _mm(self.left), message("no paragraph wraps"), True)
        right_rule = message("版心 right edge of full lines ({left} + {width} mm)", left=f"{page.left_mm:g}",
                             width=f"{page.text_width_mm:g}")
        if justified:
            self.near(right_rule, self.right, max(justified))
        else:                   # a short text whose every line ends early
            self.add(right_rule, _mm(self.right), message("no line reaches the right edge"), True)
        # a part's first page opens with its 版头 or its title, which the text follows
        opening = {part[0].number for part in self.parts}
        top_cells = [self.cell_top(self.body_lines(p)[0]) for p in self.pages
                     if self.body_lines(p) and p.number not in opening]
        top_rule = message("first grid line top (天头 {mm} mm)", mm=f"{page.top_mm:g}")
        if top_cells:
            self.near(top_rule, self.top, min(top_cells))
        else:
            self.add(top_rule, _mm(self.top), message("every page of text opens its document"), True)
        bottoms = [self.cell_bottom(self.body_lines(p)[-1]) for p in self.pages if self.body_lines(p)]
        self.add(message("last grid line bottom ≤ 版心 foot"), f"≤ {_mm(self.bottom + TOLERANCE_MM)}",
                 _mm(max(bottoms)), max(bottoms) <= self.bottom + TOLERANCE_MM)
        expected = self.layout.body.paragraph_indent_chars
        indents = Counter(round((line.x0 - self.left) / self.char, 2) for line in lines
                          if self.char * (expected - 0.5) < line.x0 - self.left < self.char * (expected + 0.5))
        indent = indents.most_common(1)[0][0] if indents else 0
        self.add(message("paragraph indent"), f"{expected:.2f} 字", f"{indent:.2f} 字", abs(indent - expected) < 0.05)
        ragged = 0
        for page in self.pages:
            body = [line for line in self.body_lines(page) if line.x0 < self.left + self.indent + self.char / 2]
            for line, after in zip(body, body[1:]):
                continuation = abs(after.x0 - self.left) < 0.2 and after.baseline - line.baseline < 1.5 * self.pitch
                ragged += continuation and line.x1 < self.right - self.char and \
                    abs(line.x0 - self.left) < self.indent + self.char / 2
        self.add(message("lines justified to both edges (short line followed by its continuation)"), "0", str(ragged),
                 ragged == 0)

    def line_breaking(self) -> None:
        rules = self.layout.line_breaking
        starts = [line.text for page in self.pages for line in self.body_lines(page)
                  if line.text[0] in rules.no_line_start]
        ends = [line.text for page in self.pages for line in self.body_lines(page) if line.text[-1] in rules.no_line_end]
        self.add(message("lines starting with closing punctuation"), "0", str(len(starts)), not starts)
        self.add(message("lines ending with opening punctuation"), "0", str(len(ends)), not ends)

    def masthead(self) -> None:
        red = self.red
        for index, part in enumerate(self.parts):
            first = part[0]
            marks = self.masthead_marks(first)
            if not marks:
                continue
            label = message("part {number} 版头", number=index + 1)
            if self.format_of(part) == "信函":
                self.letter_head(label, first, marks)
                continue
            if self.format_of(part) == "令":
                self.order_head(label, first, marks)
                continue
            colours = {c.color for mark in marks for c in mark.chars}
            spec = self.layout.masthead
            if len(marks) == 1:
                self.add(message("{part}: 发文机关标志 on one line, red", part=label), message("1 line, CMYK {color}", color=red),
                         message("{count} line(s), {colors}", count=1, colors=colours), colours == {red})
            else:
                self.joint_mark(label, marks, colours == {red})
            mark = min(marks, key=lambda line: line.top)
            x0, x1 = min(line.x0 for line in marks), max(line.x1 for line in marks)
            self.near(message("{part}: 发文机关标志 top edge (版心 top + {mm} mm)", part=label, mm=f"{spec.mark_top_mm:g}"),
                      self.top + spec.mark_top_mm, mark.top)
            self.near(message("{part}: 发文机关标志 centred", part=label), (self.left + self.right) / 2, (x0 + x1) / 2)
            self.add(message("{part}: 发文机关标志 within the 版心 width", part=label), f"≤ {_mm(self.right - self.left)}",
                     _mm(x1 - x0), x1 - x0 <= self.right - self.left + TOLERANCE_MM)
            mark = max(marks, key=lambda line: line.bottom)
            self.flags(label, first, marks)
            numbers = [line for line in first.lines if "〔" in line.text and line.top > mark.bottom]
            if not numbers:
                self.add(message("{part}: 发文字号", part=label), message("present"), message("not found"), False)
                continue
            number = numbers[0]
            gap = (self.cell_top(number) - mark.bottom) / self.pitch
            self.lines_apart(message("{part}: between 标志 and 发文字号", part=label), spec.doc_number_gap_lines, gap)
            same_line = [line for line in first.lines if abs(line.baseline - number.baseline) < 0.1]
            signer = next((line for line in same_line if self.signer_label in line.text), None)
            if signer is not None:
                side = masthead_side(self.layout) * MM_PER_PT
                self.near(message("{part}: 发文字号 居左空{count}字", part=label, count=chinese_numeral(spec.side_indent_chars)),
                          self.left + side, number.x0)
                name = signer.text.split(self.signer_label, 1)[1]
                if name:
                    self.near(message("{part}: 签发人 name 居右空{count}字", part=label,
                                      count=chinese_numeral(spec.side_indent_chars)), self.right - side, signer.x1)
                    face = self.face_of("signer_name")
                    kai = all(c.face in (face, "fallback") for c in signer.chars[signer.text.index(self.signer_label) + len(self.signer_label):])
                    self.add(message("{part}: 签发人 name in its face", part=label), face,
                             face if kai else message("other"), kai)
                else:
                    self.add(message("{part}: 签发人 name", part=label), message("a name (data may leave it out)"),
                             message("none; label ends {chars} 字 from the right",
                                     chars=f"{(self.right - signer.x1) / self.char:.1f}"), True)
            else:
                self.near(message("{part}: 发文字号 centred", part=label), (self.left + self.right) / 2,
                          (number.x0 + number.x1) / 2)
            rule = self.red_rule(first)
            if rule is None:
                self.add(message("{part}: red rule", part=label), message("present"), message("not found"), False)
                continue
            self.near(message("{part}: red rule {mm} mm below the 发文字号", part=label, mm=f"{spec.rule_gap_mm:g}"),
                      number.bottom + spec.rule_gap_mm, rule.y)
            self.near(message("{part}: red rule as wide as the 版心", part=label), self.right - self.left,
                      rule.x1 - rule.x0)
            self.near(message("{part}: red rule starts at the 版心 left edge", part=label), self.left, rule.x0)

    def order_head(self, label: Message, page: Page, marks: list[TextLine]) -> None:
        """命令（令）格式 (§10.2): "……令" 20 mm below the 版心 top, centred, red; the 令号 centred
        空二行 below it; the text 空二行 below the 令号."""
        spec = self.layout.order
        red = self.red
        mark = min(marks, key=lambda line: line.top)
        self.add(message("{part}: 令 mark red", part=label), message("red, CMYK {color}", color=red),
                 message("{colors}", colors={c.color for c in mark.chars}),
                 all(c.color == red for c in mark.chars))
        self.near(message("{part}: 令 mark top edge (版心 top + {mm} mm)", part=label, mm=f"{spec.mark_top_mm:g}"),
                  self.top + spec.mark_top_mm,
                  mark.top)
        self.near(message("{part}: 令 mark centred", part=label), (self.left + self.right) / 2, (mark.x0 + mark.x1) / 2)
        below = [line for line in page.lines if line.top > mark.bottom]
        if len(below) < 2:
            self.add(message("{part}: 令号", part=label), message("present"), message("not found"), False)
            return
        number, text = below[0], below[1]
        self.lines_apart(message("{part}: 令号 below the mark", part=label), spec.number_gap_lines, (self.cell_top(number) - mark.bottom)
                         / self.pitch)
        self.near(message("{part}: 令号 centred", part=label), (self.left + self.right) / 2, (number.x0 + number.x1) / 2)
        self.lines_apart(message("{part}: text below the 令号", part=label), spec.body_gap_lines,
                         (self.cell_top(text) - self.cell_bottom(number)) / self.pitch)

    def letter_head(self, label: Message, page: Page, marks: list[TextLine]) -> None:
        """信函格式 (§10.1): the mark 30 mm below the paper's top, centred; red double lines 170 mm
        long centred on the 版心, 4 mm under the mark and 20 mm above the paper's foot; the 发文字号
        flush right 4.94 mm under the first double line; the title 二行 under it."""
        spec, paper = self.layout.letter, self.layout.page
        red = self.red
        mark = min(marks, key=lambda line: line.top)
        self.near(message("{part}: 信函 mark top edge ({mm} mm from the paper's top)", part=label,
                          mm=f"{spec.mark_top_mm:g}"), spec.mark_top_mm,
                  mark.top)
        self.near(message("{part}: 信函 mark centred", part=label), (self.left + self.right) / 2, (mark.x0 + mark.x1) / 2)
        rules = sorted((rule for rule in page.rules if rule.color == red), key=lambda rule: rule.y)
        self.add(message("{part}: two red double lines", part=label), message("{count} rules", count=4),
                 message("{count} rules", count=len(rules)), len(rules) == 4)
        if len(rules) != 4:
            return
        for rule in rules:
            self.near(message("{part}: double line {mm} mm long", part=label, mm=f"{spec.rule_length_mm:g}"),
                      spec.rule_length_mm, rule.x1 - rule.x0)
            self.near(message("{part}: double line centred on the 版心", part=label), (self.left + self.right) / 2,
                      (rule.x0 + rule.x1) / 2)
        head_top = rules[0].y - rules[0].width_mm / 2
        self.near(message("{part}: first double line {mm} mm below the mark", part=label, mm=f"{spec.rule_gap_mm:g}"),
                  mark.bottom + spec.rule_gap_mm,
                  head_top)
        self.add(message("{part}: first double line thick over thin", part=label), message("thick, thin"),
                 f"{rules[0].width_mm:.2f}, {rules[1].width_mm:.2f} mm", rules[0].width_mm > rules[1].width_mm)
        foot_bottom = rules[3].y + rules[3].width_mm / 2
        self.near(message("{part}: second double line {mm} mm above the paper's foot", part=label,
                          mm=f"{spec.foot_rule_mm:g}"),
                  paper.height_mm - spec.foot_rule_mm, foot_bottom)
        self.add(message("{part}: second double line thin over thick", part=label), message("thin, thick"),
                 f"{rules[2].width_mm:.2f}, {rules[3].width_mm:.2f} mm", rules[2].width_mm < rules[3].width_mm)
        head_bottom = rules[1].y + rules[1].width_mm / 2
        numbers = [line for line in page.lines if "〔" in line.text and head_bottom < line.top < self.bottom]
        if numbers:
            self.near(message("{part}: 发文字号 flush right", part=label), self.right, numbers[0].x1)
            self.near(message("{part}: 发文字号 {mm} mm below the double line", part=label,
                              mm=f"{spec.first_element_mm:g}"),
                      head_bottom + spec.first_element_mm, numbers[0].top)

    def letter_imprint(self, label: Message, page: Page) -> None:
        """A letter's 版记 (§10.1): its 抄送 alone, without 印发 line or rules, at the foot of the
        版心 of its last page."""
        copy = [line for line in self.in_text_area(page) if line.text.startswith(self.copy_to_label)]
        if not copy:
            return
        last = max((line for line in self.in_text_area(page) if line.top >= copy[0].top), key=lambda line: line.bottom)
        self.near(message("{part}: a letter's 抄送 on the 版心 foot", part=label), self.bottom, self.cell_bottom(last))
        rules = [rule for rule in page.rules if rule.color == self.black and rule.y > copy[0].top - self.pitch]
        self.add(message("{part}: a letter's 版记 without rules", part=label), message("none"), str(len(rules)),
                 not rules)

    def joint_mark(self, label: Message, marks: list[TextLine], red: bool) -> None:
        """A 联合行文's mark (§7.2.4): the organs' names one under another, starting and ending
        alike, and "文件" (if printed) to their right, centred on them."""
        end = min(line.x1 for line in marks)      # the names' end: "文件" stands to its right
        pieces = [piece for line in marks for piece in _split_after(line, end + TOLERANCE_MM)]
        left = min(piece.x0 for piece in pieces)
        names = [piece for piece in pieces if abs(piece.x0 - left) < TOLERANCE_MM]
        words = [piece for piece in pieces if piece not in names]
        self.add(message("{part}: 联合行文 发文机关标志, red", part=label), message("names stacked, CMYK red"),
                 message("{names} name line(s), {words} beside", names=len(names), words=len(words)),
                 red and len(names) > 1 and len(words) <= 1)
        self.near(message("{part}: 联合行文 names end alike", part=label), max(line.x1 for line in names),
                  min(line.x1 for line in names))
        if words:
            middle = (names[0].top + names[-1].bottom) / 2
            self.near(message("{part}: 文件 centred on the names", part=label), middle,
                      (words[0].top + words[0].bottom) / 2)
            self.add(message("{part}: 文件 right of the names", part=label), f"> {_mm(max(line.x1 for line in names))}",
                     _mm(words[0].x0), words[0].x0 > max(line.x1 for line in names))

    def flags(self, label: Message, page: Page, marks: list[TextLine]) -> None:
        """份号, 密级和保密期限, 紧急程度: flush left on the 版心's first lines, in that order (§7.2.1–7.2.3)."""
        above = [line for line in page.lines if line.bottom < min(mark.top for mark in marks)]
        for number, line in enumerate(above):
            self.near(message("{part}: {text} flush left", part=label, text=line.text), self.left, line.x0)
            self.near(message("{part}: {text} on line {number}", part=label, text=line.text, number=number + 1),
                      self.top + number * self.pitch, self.cell_top(line))

    def _title_lines(self, page: Page) -> list[TextLine]:
        return [line for line in self.outside_tables(page) if abs(line.size - self.layout.role("title").size_pt) < 0.01]

    def title(self) -> None:
        for index, part in enumerate(self.parts):
            lines = self._title_lines(part[0])
            label = message("part {number} 标题", number=index + 1)
            if not lines and self.format_of(part) == "令":     # a 令 may carry none (§10.2)
                continue
            if not lines:
                self.add(label, message("present"), message("not found"), False)
                continue
            worst = max(abs((line.x0 + line.x1) / 2 - (self.left + self.right) / 2) for line in lines)
            self.add(message("{part}: {count} line(s) centred", part=label, count=len(lines)),
                     message("offset ≤ {mm} mm", mm=TOLERANCE_MM), _mm(worst),
                     worst <= TOLERANCE_MM)
            rule = self.red_rule(part[0])
            if self.format_of(part) == "信函":
                above = [line for line in part[0].lines if rule and rule.y < line.bottom < lines[0].top]
                if above:
                    gap = (self.cell_top(lines[0]) - self.cell_bottom(above[-1])) / self.pitch
                    self.lines_apart(message("{part}: below the last element above it", part=label),
                                     self.layout.letter.title_gap_lines,
                                     gap)
            elif rule:
                gap = (self.cell_top(lines[0]) - rule.y) / self.pitch
                self.lines_apart(message("{part}: below the red rule", part=label), self.layout.body.title_gap_lines, gap)

    def addressee(self) -> None:
        for index, part in enumerate(self.parts):
            titles = self._title_lines(part[0])
            after = [line for line in self.body_lines(part[0]) if titles and line.top > titles[-1].bottom]
            if not after or not after[0].text.endswith("："):
                continue
            line = after[0]
            label = message("part {number} 主送机关", number=index + 1)
            self.near(message("{part}: flush left, ends with ：", part=label), self.left, line.x0)
            pitch = self.pitches[part[0].number]
            gap = (self.cell_top(line, pitch) - self.cell_bottom(titles[-1], pitch)) / pitch
            self.lines_apart(message("{part}: below the title", part=label), self.layout.body.after_title_lines, gap)

    def page_ends(self) -> None:
        """No page ends with a heading whose text follows on the next page, nor with a table piece
        of header or caption rows alone (its first body row on the next page)."""
        body_face = self.face_of("body")
        ends: list[str] = []
        for page, following in zip(self.pages, self.pages[1:]):
            lines = [line for line in self.body_lines(page) if not page.tables or
                     all(not table.holds(line) for table in page.tables)]
            tables = sorted(page.tables, key=lambda table: table.bbox[3])
            last_text = lines[-1] if lines else None
            if tables and (last_text is None or tables[-1].bbox[3] > last_text.bottom):
                kinds = self.header_rows(page, tables[-1])
                if kinds and all(kind is not False for kind in kinds) and following.tables:
                    ends.append(str(message("page {page}: a table's header rows", page=str(page.number))))
            elif last_text is not None and self._heading_alone(last_text, body_face):
                ends.append(str(message("page {page}: {heading}", page=str(page.number), heading=last_text.text)))
        self.add(message("pages ending with a heading or a table's header rows"), "0",
                 "; ".join(ends) if ends else "0", not ends)

    def _heading_alone(self, line: TextLine, body_face: str) -> bool:
        """A heading line with no text run on after it: all in its level's face (黑体, 楷体), or,
        for a level set in the body's face, short of the right edge and ending without a
        sentence's end (a run-in heading's line ends in its text)."""
        for pattern, level, _ in HEADING_NUMBERS:
            if not pattern.match(line.text):
                continue
            face = self.face_of(f"heading{level}")
            if face != body_face:
                return line.faces <= {face, "fallback"}
            return line.x1 < self.right - self.char and line.text[-1] not in "。；！？：”）"
        return False

    def headings(self) -> None:
        for pattern, level, label in HEADING_NUMBERS:
            face = self.face_of(f"heading{level}")
            found = [line for page in self.pages for line in self.body_lines(page)
                     if pattern.match(line.text) and abs(line.x0 - self.left - self.indent) < 0.2]
            if not found:
                continue
            faces = Counter(line.chars[0].face for line in found)
            self.add(message("{heading} font", heading=label), face, ", ".join(f"{f} ×{n}" for f, n in faces.items()),
                     set(faces) <= {face, "fallback"})

    def signature(self) -> None:
        """署名 and 成文日期 by the layout's own placement rule. A 公文 with a 版头 must carry a date;
        a published report may carry a date alone (then 右空二字, or 右空四字 with a seal) or none."""
        body = self.layout.body
        for index, part in enumerate(self.parts):
            lines = [(page, line) for page in part for line in self.body_lines(page)]
            dates = [i for i, (_, line) in enumerate(lines) if DATE.match(line.text)]
            label = message("part {number} 署名/成文日期", number=index + 1)
            if not dates or dates[-1] == 0:     # a 纪要 needs none (§10.3)
                required = bool(self.masthead_marks(part[0])) and self.format_of(part) != "纪要"
                self.add(label, message("present") if required else message("present, or none in a published report"),
                         message("not found"), not required)
                continue
            page, date = lines[dates[-1]]
            above_page, above = lines[dates[-1] - 1]
            # the 署名 stands right above the date; a date alone has the 空一行 above it
            pitch = self.pitches[page.number]
            organ = above if above_page is page and abs(date.baseline - above.baseline - pitch) < 0.1 else None
            organ_width = organ.x1 - organ.x0 if organ else 0.0
            placements = {seal: signature_positions(organ_width, date.x1 - date.x0, self.right - self.left,
                                                    self.char, body, seal) for seal in (False, True)}
            held = [seal for seal, (organ_x, date_x) in placements.items()
                    if (organ is None or abs(self.left + organ_x - organ.x0) <= TOLERANCE_MM) and
                    abs(self.left + date_x - date.x0) <= TOLERANCE_MM]
            no_seal = message("no seal: 署名 右空{chars}字, date +{offset} 字",
                              chars=chinese_numeral(body.signature_right_chars), offset=body.date_offset_chars) \
                if organ else message("no seal: date alone 右空{chars}字", chars=chinese_numeral(body.signature_right_chars))
            rule = message("neither") if not held else \
                message("seal: date 右空{chars}字", chars=chinese_numeral(body.seal_date_right_chars)) if held[0] \
                else no_seal
            where = message("署名 ends {ends} 字 from the right, date starts {starts} 字 right of it",
                            ends=f"{(self.right - organ.x1) / self.char:.2f}",
                            starts=f"{(date.x0 - organ.x0) / self.char:.2f}") if organ else \
                message("date ends {ends} 字 from the right", ends=f"{(self.right - date.x1) / self.char:.2f}")
            self.add(message("{part} (§7.3.5)", part=label), message("no-seal or seal placement"),
                     message("{rule}; {where}", rule=rule, where=where), bool(held))
            first = organ or date
            above_it = any(line.baseline < first.baseline - 0.1 for line in self.in_text_area(page))
            self.add(message("{part}: text above it on its page (no page of a 署名 alone)", part=label),
                     message("yes"), message("yes") if above_it else message("no"), above_it)
            if dates[-1] + 1 < len(lines) and lines[dates[-1] + 1][1].text.startswith("（"):
                note = lines[dates[-1] + 1][1]
                chars = body.note_indent_chars
                self.near(message("part {number} 附注 居左空{chars}字", number=index + 1, chars=chinese_numeral(chars)),
                          self.left + chars * self.char, note.x0)
                self.near(message("part {number} 附注 on the line after the date", number=index + 1),
                          date.baseline + pitch, note.baseline)

    def tables(self) -> None:
        found = [(page, table) for page in self.pages for table in page.tables]
        if not found:
            return
        overflow = max(max(self.left - t.bbox[0], t.bbox[2] - self.right) for _, t in found)
        self.add(message("{count} table pieces within the 版心 width", count=len(found)),
                 message("overflow ≤ {mm} mm", mm=TOLERANCE_MM),
                 _mm(max(overflow, 0)), overflow <= TOLERANCE_MM)
        worst, numbers = 0.0, 0
        sizes: set[float] = set()
        for page, table in found:
            for line in page.lines:
                if not table.holds(line):
                    continue
                sizes.add(line.size)
                if re.fullmatch(r"-?[\d.]+(\s*万?元)?", line.text):
                    cell = next((c for c in table.cells if c[0] <= line.x0 and line.x1 <= c[2]
                                 and c[1] <= line.top and line.bottom <= c[3]), None)
                    if cell is not None:
                        numbers += 1
                        worst = max(worst, abs((line.x0 + line.x1) / 2 - (cell[0] + cell[2]) / 2))
        self.add(message("numbers centred in their cells ({count} cells)", count=numbers),
                 message("offset ≤ {mm} mm", mm=TOLERANCE_MM), _mm(worst), worst <= TOLERANCE_MM)
        self.add(message("table text sizes"), message("readable: ≥ 9 pt"), ", ".join(f"{s:g} pt" for s in sorted(sizes)),
                 min(sizes, default=0) >= 9)
        repeated = continued = blocks = 0
        for (page, table), (next_page, next_table) in zip(found, found[1:]):
            if not (next_page.number == page.number + 1 and abs(next_table.bbox[1] - self.top) < 1 and
                    abs(table.bbox[3] - self.bottom) < 3 * self.pitch):
                continue
            pieces = (self.header_rows(page, table), self.header_rows(next_page, next_table))
            heads = _leading_header_rows(pieces[0])
            if heads == 0:
                continue                # no header rows on top: none to repeat
            if any(True in kinds[_leading_header_rows(kinds):] for kinds in pieces):
                blocks += 1             # captioned blocks (第二十条第（一）项 …), each under its own header
                continue
            continued += 1
            repeated += [[c for c in row if c] for row in table.rows[:heads]] == \
                        [[c for c in row if c] for row in next_table.rows[:heads]]
        measured = message("{count} of {total}", count=repeated, total=continued)
        if blocks:
            measured = message("{measured} ({count} in tables of captioned blocks)", measured=measured, count=blocks)
        self.add(message("tables broken across pages repeat their header rows"),
                 message("{count} of {total}", count=continued, total=continued), measured, repeated == continued)

    def header_rows(self, page: Page, table: FoundTable) -> list[bool | None]:
        """Per row of a table piece: True when all its text is in the header face (黑体), False
        when any is not, None when it holds no text (a span cut by the page break)."""
        header = {self.face_of("table_header"), "fallback"}
        faces: list[set[str]] = [set() for _ in table.row_boxes]
        for char in (c for line in page.lines if table.holds(line) for c in line.chars):
            row = next((i for i, box in enumerate(table.row_boxes) if box[1] <= char.centre_y <= box[3]), None)
            if row is not None:
                faces[row].add(char.face)
        return [None if not found else found <= header for found in faces]

    def imprint(self) -> None:
        spec, role = self.layout.imprint, self.layout.role("imprint")
        side = imprint_side(self.layout) * MM_PER_PT
        side_label = f"{chinese_numeral(spec.side_indent_chars)}字"
        outer, inner = spec.outer_rule_mm, spec.inner_rule_mm
        for index, part in enumerate(self.parts):
            page = part[-1]
            label = message("part {number} 版记", number=index + 1)
            if self.format_of(part) == "信函":
                self.letter_imprint(label, page)
                continue
            if not self.has_imprint(page):      # a published report: no blank page to reach an even one
                numbered = self.page_number_line(page) is not None
                self.add(message("part {number} without 版记 ends on its last page of text", number=index + 1),
                         message("a numbered page"),
                         message("page {number} numbered", number=page.number) if numbered else
                         message("page {number} unnumbered", number=page.number),
                         numbered)
                continue
            self.add(message("{part} on an even page", part=label), message("even"),
                     message("page {number}", number=page.number), page.number % 2 == 0)
            rules = sorted((r for r in page.rules if abs((r.x1 - r.x0) - (self.right - self.left)) < 1
                            and not any(t.bbox[1] - 0.5 <= r.y <= t.bbox[3] + 0.5 for t in page.tables)),
                           key=lambda r: r.y)
            if not rules:
                self.add(label, message("rules"), message("not found"), False)
                continue
            self.near(message("{part}: last rule on the 版心 foot", part=label), self.bottom, rules[-1].y)
            self.near(message("{part}: first and last rules {mm} mm", part=label, mm=outer), outer,
                      min(rules[0].width_mm, rules[-1].width_mm), 0.02)
            if len(rules) > 2:
                self.near(message("{part}: rules between {mm} mm", part=label, mm=inner), inner,
                          max(r.width_mm for r in rules[1:-1]), 0.02)
            lines = [line for line in page.lines if rules[0].y < line.top and line.bottom < rules[-1].y]
            faces = {face for line in lines for face in line.faces}
            sizes = {line.size for line in lines}
            self.add(message("{part}: face and size", part=label), f"{role.face} {role.size_pt:g} pt", f"{faces} {sizes}",
                     faces <= {role.face, "fallback"} and sizes == {role.size_pt})
            copy = [line for line in lines if line.text.startswith(self.copy_to_label)]
            if copy:
                first = copy[0]
                self.near(message("{part}: 抄送 左空{chars}", part=label, chars=side_label), self.left + side, first.x0)
                after = len(self.copy_to_label)       # the names start after "抄送："
                names_x = first.chars[after].x0 if len(first.text) > after else first.x1
                rest = [line for line in lines if first.baseline < line.baseline and not PRINT_DATE.match(line.text)
                        and line.x0 < (self.left + self.right) / 2 and rules[-2].y > line.bottom] if len(rules) > 2 else []
                for line in rest:
                    self.near(message("{part}: 抄送 continuation aligned after the colon", part=label), names_x, line.x0)
                last_copy = rest[-1] if rest else first
                self.add(message("{part}: 抄送 ends with 。", part=label), "。", last_copy.text[-1],
                         last_copy.text.endswith("。"))
            printed = [line for line in lines if PRINT_DATE.match(line.text)]
            if printed:
                self.near(message("{part}: 印发日期 右空{chars}", part=label, chars=side_label), self.right - side,
                          printed[0].x1)
                printer = [line for line in lines if abs(line.baseline - printed[0].baseline) < 0.1 and line is not printed[0]]
                if printer:
                    self.near(message("{part}: 印发机关 左空{chars}", part=label, chars=side_label), self.left + side,
                              printer[0].x0)

    def page_numbers(self) -> None:
        spec = self.layout.page_number
        side = page_number_side(self.layout) * MM_PER_PT
        below = spec.below_text_mm
        worst_y = worst_x = 0.0
        sequence_ok, unnumbered_ok, faces = True, True, Counter()
        for part in self.parts:
            expected = 1
            for page in part:
                line = self.page_number_line(page)
                body = [l for l in self.in_text_area(page)]
                if line is None:
                    rules_only = not body or all(PRINT_DATE.match(l.text) or l.size < self.body_size - 1 for l in body)
                    unnumbered_ok &= rules_only or self.is_letter(page)     # a letter's page 1 has none
                    expected += 1
                    continue
                number = int(PAGE_NUMBER.match(line.text).group(1))
                sequence_ok &= number == expected
                expected += 1
                dash = line.chars[0]
                worst_y = max(worst_y, abs(dash.centre_y - (self.bottom + below)))
                x = line.x1 - (self.right - side) if page.number % 2 else line.x0 - (self.left + side)
                worst_x = max(worst_x, abs(x))
                faces.update(c.face for c in line.chars)
        yes, no = message("yes"), message("no")
        self.add(message("page numbers count 1, 2, … per part"), message("in sequence"), yes if sequence_ok else no,
                 sequence_ok)
        self.add(message("unnumbered pages hold no body text (blank or 版记 only)"), yes, yes if unnumbered_ok else no,
                 unnumbered_ok)
        self.add(message("page number dash {mm} mm below the 版心", mm=f"{below:g}"),
                 message("offset ≤ {mm} mm", mm=TOLERANCE_MM), _mm(worst_y), worst_y <= TOLERANCE_MM)
        self.add(message("page number {chars}字 in: right on odd, left on even pages",
                         chars=chinese_numeral(spec.side_indent_chars)),
                 message("offset ≤ {mm} mm", mm=TOLERANCE_MM), _mm(worst_x), worst_x <= TOLERANCE_MM)
        face = self.face_of("page_number")
        self.add(message("page number face"), face, ", ".join(faces) or message("none printed (a letter of one page)"),
                 set(faces) == {face} or not faces and all(self.is_letter(part[0]) and len(part) == 1
                                                           for part in self.parts))


    def turned_pages(self) -> None:
        """横排 pages (§8): every character turned with its top toward the paper's left edge (the
        table's head toward the 订口 of an odd page, the 切口 of an even one), the text inside the
        turned 版心, an attachment's first line ("附件N") on the 版心's first grid line. Their page numbers stand upright
        and are measured with every page's."""
        turned = [page for page in self.pages if page.turned or page.turned_other_way]
        if not turned:
            return
        frame = turned_pages(self.layout)
        left, top = frame.left * MM_PER_PT, frame.top * MM_PER_PT
        right, bottom = (frame.width - frame.right) * MM_PER_PT, (frame.height - frame.bottom) * MM_PER_PT
        other_way = sum(page.turned_other_way for page in turned)
        self.add(message("横排 pages: text turned with its head toward the paper's left edge"),
                 message("{count} characters turned otherwise", count="0"),
                 message("{count} characters turned otherwise", count=str(other_way)), other_way == 0)
        lines = [line for page in turned for line in page.turned]
        outside = sum(line.x0 < left - TOLERANCE_MM or line.x1 > right + TOLERANCE_MM or
                      line.top < top - TOLERANCE_MM or line.bottom > bottom + TOLERANCE_MM for line in lines)
        self.add(message("横排 pages: lines inside the turned 版心 ({width} × {height} mm)",
                         width=f"{right - left:.0f}", height=f"{bottom - top:.0f}"),
                 "0", str(outside), outside == 0)
        opening = [page for page in turned if page.turned and not self.pages[page.number - 2].turned]   # "附件N"
        firsts = [self.cell_top(min(page.turned, key=lambda line: line.top)) for page in opening]
        worst = max(firsts, key=lambda y: abs(y - top), default=None)
        self.near(message("横排 pages: first grid line's top (the turned 版心's top)"), top, worst)


def _split_after(line: TextLine, x: float) -> list[TextLine]:
    """A line cut before its first character right of ``x`` ("文件" sharing a baseline with the
    middle name of a 联合行文's mark)."""
    cut = next((index for index, char in enumerate(line.chars) if char.x0 > x), len(line.chars))
    return [TextLine(part) for part in (line.chars[:cut], line.chars[cut:]) if part]


def _leading_header_rows(kinds: list[bool | None]) -> int:
    """Rows above a table piece's first row of figures or labels."""
    return next((i for i, kind in enumerate(kinds) if kind is False), len(kinds))


def check_pdf_rules(pages: list[Page], layout: Layout) -> list[Finding]:
    return PdfRules(pages, layout).run()


def format_findings(findings: Iterable[Finding], out: Callable[[str], None] = print) -> None:
    findings = list(findings)
    width = max(len(str(f.rule)) for f in findings)
    for finding in findings:
        out(str(message("{mark} {rule}  expected {expected} measured {measured}",
                        mark=message("ok  ") if finding.ok else message("FAIL"), rule=f"{finding.rule!s:<{width}}",
                        expected=f"{finding.expected!s:<24}", measured=finding.measured)))
