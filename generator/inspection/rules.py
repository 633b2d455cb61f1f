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

from generator.compose.wording import chinese_numeral
from generator.i18n import Message, message
from generator.inspection.facts import FoundTable, Page, TextLine
from generator.layout.placement import signature_positions
from generator.layout_spec import Layout, MM_PER_PT

TOLERANCE_MM = 0.5
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
        self.indent = layout.body.paragraph_indent_chars * self.char
        self.findings: list[Finding] = []
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

    def char_of(self, role: str) -> float:
        """One 字 of ``role`` on the page, in mm."""
        return self.layout.advance_pt(role) * MM_PER_PT

    def face_of(self, role: str) -> str:
        return self.layout.role(role).face

    def lines_apart(self, rule: Message, lines: int, measured: float) -> None:
        """A gap of ``lines`` body lines (空一行, 空二行 …), measured in lines."""
        self.add(message("{rule} (空{count}行)", rule=rule, count=chinese_numeral(lines)),
                 message("{count} lines", count=f"{lines:.2f}"), message("{count} lines", count=f"{measured:.2f}"),
                 abs(measured - lines) < 0.05)

    def cell_top(self, line: TextLine) -> float:
        return line.top - (self.pitch - line.size * MM_PER_PT) / 2

    def cell_bottom(self, line: TextLine) -> float:
        return line.bottom + (self.pitch - line.size * MM_PER_PT) / 2

    def in_text_area(self, page: Page) -> list[TextLine]:
        return [line for line in page.lines if line.bottom <= self.bottom + 1]

    def outside_tables(self, page: Page) -> list[TextLine]:
        return [line for line in self.in_text_area(page) if not any(t.holds(line) for t in page.tables)]

    def body_lines(self, page: Page) -> list[TextLine]:
        return [line for line in self.outside_tables(page) if abs(line.size - self.body_size) < 0.01]

    def _split_parts(self) -> list[list[Page]]:
        """Pages by part (公文): a part ends with the page of its 版记 (the 印发 line), or, having
        no 版记, before the next part's page numbered 1."""
        parts, current = [], []
        for page in self.pages:
            number = self.page_number_line(page)
            if current and number is not None and PAGE_NUMBER.match(number.text).group(1) == "1":
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

    def masthead_marks(self, page: Page) -> list[TextLine]:
        return [line for line in page.lines if abs(line.size - self.layout.role("masthead").size_pt) < 0.01]

    def page_number_line(self, page: Page) -> TextLine | None:
        return next((line for line in page.lines if line.top > self.bottom and PAGE_NUMBER.match(line.text)), None)

    # ---- the rules -----------------------------------------------------------------------
    def run(self) -> list[Finding]:
        for check in (self.paper, self.grid, self.text_edges, self.line_breaking, self.masthead, self.title,
                      self.addressee, self.headings, self.signature, self.tables, self.imprint, self.page_numbers):
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
        for page in self.pages:
            lines = self.body_lines(page)
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
        self.near(message("body line pitch ({pitch} pt)", pitch=f"{self.layout.line_pitch_pt:g}"), self.pitch, pitch,
                  0.05)
        lines_per_page = self.layout.grid.lines_per_page
        if counts:
            self.add(message("lines per full page"), str(lines_per_page), str(max(counts)),
                     max(counts) == lines_per_page)
        else:
            self.add(message("lines per full page"), str(lines_per_page), message("no page is full of text"), True)
        self.add(message("body lines off the {count}-line grid (above any table)", count=lines_per_page), "0",
                 str(off_grid), off_grid == 0)
        full = [line for page in self.pages for line in self.body_lines(page)
                if line.full_width_only and abs(line.x0 - self.left) < 0.2 and abs(line.x1 - self.right) < 1]
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
        self.add(message("digits half-width (step inside a number)"), f"≤ {_mm(self.char / 2 + 0.05)}", _mm(widest),
                 0 < widest <= self.char / 2 + 0.05)

    def text_edges(self) -> None:
        lines = [line for page in self.pages for line in self.body_lines(page)]
        page = self.layout.page
        self.near(message("版心 left edge (订口 {mm} mm)", mm=f"{page.left_mm:g}"), self.left,
                  min(line.x0 for line in lines))
        justified = [line.x1 for line in lines if line.x1 > self.right - self.char]
        self.near(message("版心 right edge of full lines ({left} + {width} mm)", left=f"{page.left_mm:g}",
                          width=f"{page.text_width_mm:g}"), self.right, max(justified, default=None))
        top_cells = [self.cell_top(self.body_lines(p)[0]) for p in self.pages if self.body_lines(p)]
        self.near(message("first grid line top (天头 {mm} mm)", mm=f"{page.top_mm:g}"), self.top,
                  min(top_cells, default=None))
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
        red = tuple(round(v, 3) for v in self.layout.colors["red"].cmyk)
        for index, part in enumerate(self.parts):
            first = part[0]
            marks = self.masthead_marks(first)
            if not marks:
                continue
            label = message("part {number} 版头", number=index + 1)
            mark = marks[0]
            self.add(message("{part}: 发文机关标志 on one line, red", part=label), message("1 line, CMYK {color}", color=red),
                     message("{count} line(s), {colors}", count=len(marks), colors=set(c.color for c in mark.chars)),
                     len(marks) == 1 and all(c.color == red for c in mark.chars))
            spec = self.layout.masthead
            self.near(message("{part}: 发文机关标志 top edge (版心 top + {mm} mm)", part=label, mm=f"{spec.mark_top_mm:g}"),
                      self.top + spec.mark_top_mm, mark.top)
            self.near(message("{part}: 发文机关标志 centred", part=label), (self.left + self.right) / 2,
                      (mark.x0 + mark.x1) / 2)
            self.add(message("{part}: 发文机关标志 within the 版心 width", part=label), f"≤ {_mm(self.right - self.left)}",
                     _mm(mark.x1 - mark.x0), mark.x1 - mark.x0 <= self.right - self.left + TOLERANCE_MM)
            numbers = [line for line in first.lines if "〔" in line.text and line.top > mark.bottom]
            if not numbers:
                self.add(message("{part}: 发文字号", part=label), message("present"), message("not found"), False)
                continue
            number = numbers[0]
            gap = (self.cell_top(number) - mark.bottom) / self.pitch
            self.lines_apart(message("{part}: between 标志 and 发文字号", part=label), spec.doc_number_gap_lines, gap)
            same_line = [line for line in first.lines if abs(line.baseline - number.baseline) < 0.1]
            signer = next((line for line in same_line if "签发人" in line.text), None)
            if signer is not None:
                side = spec.side_indent_chars * self.char
                self.near(message("{part}: 发文字号 居左空{count}字", part=label, count=chinese_numeral(spec.side_indent_chars)),
                          self.left + side, number.x0)
                name = signer.text.split("：", 1)[1]
                if name:
                    self.near(message("{part}: 签发人 name 居右空{count}字", part=label,
                                      count=chinese_numeral(spec.side_indent_chars)), self.right - side, signer.x1)
                    face = self.face_of("signer_name")
                    kai = all(c.face in (face, "fallback") for c in signer.chars[signer.text.index("：") + 1:])
                    self.add(message("{part}: 签发人 name in its face", part=label), face,
                             face if kai else message("other"), kai)
                else:
                    self.add(message("{part}: 签发人 name", part=label), message("a name (data may leave it out)"),
                             message("none; label ends {chars} 字 from the right",
                                     chars=f"{(self.right - signer.x1) / self.char:.1f}"), True)
            else:
                self.near(message("{part}: 发文字号 centred", part=label), (self.left + self.right) / 2,
                          (number.x0 + number.x1) / 2)
            rules = [r for r in first.rules if r.color == red]
            if not rules:
                self.add(message("{part}: red rule", part=label), message("present"), message("not found"), False)
                continue
            rule = rules[0]
            self.near(message("{part}: red rule {mm} mm below the 发文字号", part=label, mm=f"{spec.rule_gap_mm:g}"),
                      number.bottom + spec.rule_gap_mm, rule.y)
            self.near(message("{part}: red rule as wide as the 版心", part=label), self.right - self.left,
                      rule.x1 - rule.x0)
            self.near(message("{part}: red rule starts at the 版心 left edge", part=label), self.left, rule.x0)

    def _title_lines(self, page: Page) -> list[TextLine]:
        return [line for line in self.outside_tables(page) if abs(line.size - self.layout.role("title").size_pt) < 0.01]

    def title(self) -> None:
        red = tuple(round(v, 3) for v in self.layout.colors["red"].cmyk)
        for index, part in enumerate(self.parts):
            lines = self._title_lines(part[0])
            label = message("part {number} 标题", number=index + 1)
            if not lines:
                self.add(label, message("present"), message("not found"), False)
                continue
            worst = max(abs((line.x0 + line.x1) / 2 - (self.left + self.right) / 2) for line in lines)
            self.add(message("{part}: {count} line(s) centred", part=label, count=len(lines)),
                     message("offset ≤ {mm} mm", mm=TOLERANCE_MM), _mm(worst),
                     worst <= TOLERANCE_MM)
            rules = [r for r in part[0].rules if r.color == red]
            if rules:
                gap = (self.cell_top(lines[0]) - rules[0].y) / self.pitch
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
            gap = (self.cell_top(line) - self.cell_bottom(titles[-1])) / self.pitch
            self.lines_apart(message("{part}: below the title", part=label), self.layout.body.after_title_lines, gap)

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
            if not dates or dates[-1] == 0:
                required = bool(self.masthead_marks(part[0]))
                self.add(label, message("present") if required else message("present, or none in a published report"),
                         message("not found"), not required)
                continue
            page, date = lines[dates[-1]]
            above_page, above = lines[dates[-1] - 1]
            # the 署名 stands right above the date; a date alone has the 空一行 above it
            organ = above if above_page is page and abs(date.baseline - above.baseline - self.pitch) < 0.1 else None
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
            if dates[-1] + 1 < len(lines) and lines[dates[-1] + 1][1].text.startswith("（"):
                note = lines[dates[-1] + 1][1]
                chars = body.note_indent_chars
                self.near(message("part {number} 附注 居左空{chars}字", number=index + 1, chars=chinese_numeral(chars)),
                          self.left + chars * self.char, note.x0)
                self.near(message("part {number} 附注 on the line after the date", number=index + 1),
                          date.baseline + self.pitch, note.baseline)

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
        side = spec.side_indent_chars * self.char_of("imprint")
        side_label = f"{chinese_numeral(spec.side_indent_chars)}字"
        outer, inner = spec.outer_rule_mm, spec.inner_rule_mm
        for index, part in enumerate(self.parts):
            page = part[-1]
            label = message("part {number} 版记", number=index + 1)
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
            copy = [line for line in lines if line.text.startswith("抄送：")]
            if copy:
                first = copy[0]
                self.near(message("{part}: 抄送 左空{chars}", part=label, chars=side_label), self.left + side, first.x0)
                names_x = first.chars[first.text.index("：") + 1].x0 if len(first.text) > first.text.index("：") + 1 \
                    else first.x1
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
        side = spec.side_indent_chars * self.char_of("page_number")
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
                    unnumbered_ok &= rules_only
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
        self.add(message("page number face"), face, ", ".join(faces), set(faces) == {face})


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
