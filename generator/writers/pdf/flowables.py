"""Platypus flowables for the parts of a 公文 that reportlab's own Paragraph cannot place:
text on the body grid, the 版头, the 署名 block and the 版记 pinned to the page bottom."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import CMYKColor
from reportlab.platypus import Flowable, PageBreak

from generator.layout import Layout, mm_to_pt
from generator.writers.pdf.fonts import TextStyle
from generator.writers.pdf.linebreak import Line, break_lines, line_width
from generator.writers.pdf.painter import Painter


@dataclass(frozen=True)
class Grid:
    """The body line pitch, and where a baseline sits in a line."""

    pitch: float

    def baseline(self, line_top: float, style: TextStyle, pitch: float | None = None) -> float:
        """Baseline of ``style`` text whose em box is centred in a line starting at ``line_top``."""
        pitch = pitch or self.pitch
        return line_top - (pitch - style.size) / 2 - style.em_ascent * style.size


class GridText(Flowable):
    """A paragraph broken into lines on the grid; splits between lines at a page break."""

    def __init__(self, painter: Painter, grid: Grid, runs: list[tuple[str, TextStyle]],
                 first_indent: float = 0.0, align: str = "justify",
                 broken: tuple[float, list[Line]] | None = None) -> None:
        super().__init__()
        self.painter, self.grid, self.runs = painter, grid, runs
        self.first_indent, self.align = first_indent, align
        self._width, self._lines = broken or (0.0, None)

    def _break(self, width: float) -> list[Line]:
        tokens = self.painter.tokenize(self.runs)
        return break_lines(tokens, width, self.first_indent, justify=self.align == "justify")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._lines is None or self._width != availWidth:
            self._lines = self._break(availWidth)
            self._width = availWidth
        return availWidth, len(self._lines) * self.grid.pitch

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int(availHeight / self.grid.pitch + 1e-9)
        if fit <= 0 or fit >= len(self._lines):
            return []
        return [GridText(self.painter, self.grid, self.runs, self.first_indent, self.align,
                         (availWidth, self._lines[:fit])),
                GridText(self.painter, self.grid, self.runs, self.first_indent, self.align,
                         (availWidth, self._lines[fit:]))]

    def draw(self) -> None:
        top = len(self._lines) * self.grid.pitch
        for i, line in enumerate(self._lines):
            if not line.tokens:
                continue
            style = max((t.style for t in line.tokens), key=lambda s: s.size)
            baseline = self.grid.baseline(top - i * self.grid.pitch, style)
            x = line.indent
            if self.align == "center":
                x = (self._width - line_width(line.tokens)) / 2
            self.painter.draw_tokens(self.canv, line.tokens, x, baseline, line.gap, spread=line.spread)


class BlankLines(Flowable):
    """``count`` empty grid lines (空一行, 空二行)."""

    def __init__(self, count: int, pitch: float) -> None:
        super().__init__()
        self.height = count * pitch

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, min(self.height, availHeight)

    def draw(self) -> None:
        pass


class MastheadBlock(Flowable):
    """版头: red 发文机关标志 35 mm below the 版心 top, 发文字号 (with 签发人 for upward
    documents) two lines below it, and the red rule 4 mm under the 发文字号."""

    def __init__(self, painter: Painter, grid: Grid, layout: Layout, issuer_mark: str, doc_number: str,
                 signer: str | None, signer_names: tuple[str, ...], styles: dict[str, TextStyle]) -> None:
        super().__init__()
        self.painter, self.grid, self.layout = painter, grid, layout
        self.issuer_mark, self.doc_number = issuer_mark, doc_number
        self.signer, self.signer_names, self.styles = signer, signer_names, styles
        m = layout.masthead
        mark = styles["masthead"]
        self.mark_top = mm_to_pt(m.mark_top_mm)
        line_top = self.mark_top + mark.size + m.doc_number_gap_lines * grid.pitch
        number = styles["doc_number"]
        self.number_baseline_from_top = line_top + (grid.pitch - number.size) / 2 + number.em_ascent * number.size
        number_bottom = self.number_baseline_from_top + (1 - number.em_ascent) * number.size
        self.rule_from_top = number_bottom + mm_to_pt(m.rule_gap_mm)
        self.height = self.rule_from_top

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canv, painter, width, top = self.canv, self.painter, self.width, self.height
        mark = self.styles["masthead"]
        natural = painter.width(self.issuer_mark, mark)
        scale = min(1.0, width / natural)
        baseline = top - self.mark_top - mark.em_ascent * mark.size
        painter.draw_line(canv, self.issuer_mark, mark, (width - natural * scale) / 2, baseline, scale)

        number = self.styles["doc_number"]
        baseline = top - self.number_baseline_from_top
        indent = self.layout.masthead.side_indent_chars * number.pitch
        if self.signer is None:
            painter.draw_line(canv, self.doc_number, number, (width - painter.width(self.doc_number, number)) / 2,
                              baseline)
        else:
            painter.draw_line(canv, self.doc_number, number, indent, baseline)
            label, name = self.styles["signer_label"], self.styles["signer_name"]
            tokens = painter.tokens(self.signer, label)
            if self.signer_names:
                tokens += painter.tokens("　".join(self.signer_names), name)
            else:   # no name in the data: leave room for three hand-written characters
                tokens += painter.tokens("　" * 3, name)
            x = width - indent - line_width(tokens)
            painter.draw_tokens(canv, tokens, x, baseline)

        red = CMYKColor(*self.layout.colors["red"].cmyk)
        canv.setStrokeColor(red)
        canv.setLineWidth(self.layout.masthead.rule_width_pt)
        canv.line(0, 0, width, 0)


class SignatureBlock(Flowable):
    """署名 右空二字, 成文日期 on the next line two characters right of the 署名's start
    (GB/T 9704 §7.3.5, no seal); with a seal the date is 右空四字 and the 署名 centred on it."""

    def __init__(self, painter: Painter, grid: Grid, layout: Layout, organ: str, date: str,
                 seal: bool, organ_style: TextStyle, date_style: TextStyle) -> None:
        super().__init__()
        self.painter, self.grid, self.layout = painter, grid, layout
        self.organ, self.date, self.seal = organ, date, seal
        self.organ_style, self.date_style = organ_style, date_style
        self.height = 2 * grid.pitch

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def positions(self) -> tuple[float, float]:
        """x of the 署名 and of the 成文日期."""
        body = self.layout.body
        char = self.organ_style.pitch
        organ_w = self.painter.width(self.organ, self.organ_style)
        date_w = self.painter.width(self.date, self.date_style)
        if self.seal:
            date_x = self.width - 4 * char - date_w
            return date_x + (date_w - organ_w) / 2, date_x
        organ_x = self.width - body.signature_right_chars * char - organ_w
        date_x = organ_x + body.date_offset_chars * char
        if date_x + date_w > self.width - body.signature_right_chars * char:
            date_x = self.width - body.signature_right_chars * char - date_w
            organ_x = date_x - body.date_offset_chars * char
        return organ_x, date_x

    def draw(self) -> None:
        organ_x, date_x = self.positions()
        top = self.height
        self.painter.draw_line(self.canv, self.organ, self.organ_style, organ_x,
                               self.grid.baseline(top, self.organ_style))
        self.painter.draw_line(self.canv, self.date, self.date_style, date_x,
                               self.grid.baseline(top - self.grid.pitch, self.date_style))


class ImprintBlock(Flowable):
    """版记 on the bottom of the part's last page, which must be even.

    It takes the rest of the page and draws at its foot, so its last rule lies on the 版心's
    bottom edge. On an odd page, or where it does not fit, it queues a page break and itself
    again; the page that then holds only the 版记 carries no page number.
    """

    def __init__(self, painter: Painter, grid: Grid, layout: Layout, printer: str, print_date: str,
                 copy_to: str | None, style: TextStyle) -> None:
        super().__init__()
        self.painter, self.grid, self.layout = painter, grid, layout
        self.printer, self.print_date, self.copy_to, self.style = printer, print_date, copy_to, style
        self._queued = False
        self._copy_lines = self._break_copy_to(mm_to_pt(layout.page.text_width_mm)) if copy_to else []
        self.block_height = (len(self._copy_lines) + 1) * layout.imprint.line_pitch_pt

    def _break_copy_to(self, width: float) -> list[Line]:
        indent = self.layout.imprint.side_indent_chars * self.style.pitch
        label = self.copy_to.split("：", 1)[0] + "："
        hang = self.painter.width(label, self.style)
        tokens = self.painter.tokens(self.copy_to, self.style)
        lines = break_lines(tokens, width - 2 * indent, 0.0)
        if len(lines) > 1:      # continuation lines align after "抄送：": break them again narrower
            first = lines[0]
            rest = [t for line in lines[1:] for t in line.tokens]
            lines = [first] + [Line(l.tokens, hang, l.gap)
                               for l in break_lines(rest, width - 2 * indent - hang, 0.0)]
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        doc = self._doctemplate
        if self._queued:
            return availWidth, 0.0
        page_in_part = doc.page - doc.part_first_page + 1
        if availHeight + 0.01 >= self.block_height and page_in_part % 2 == 0:
            self.width = availWidth
            self.space_above = availHeight - self.block_height
            return availWidth, availHeight
        self._queued = True
        doc.frame.add_generated_content(
            PageBreak(), ImprintBlock(self.painter, self.grid, self.layout, self.printer, self.print_date,
                                      self.copy_to, self.style))
        return availWidth, 0.0

    def draw(self) -> None:
        if self._queued:
            return
        self._doctemplate.record_imprint(self.space_above)
        canv, width = self.canv, self.width
        imprint = self.layout.imprint
        pitch = imprint.line_pitch_pt
        indent = imprint.side_indent_chars * self.style.pitch
        black = CMYKColor(*self.layout.colors["black"].cmyk)
        canv.setStrokeColor(black)

        def rule(y: float, thickness_mm: float) -> None:
            canv.setLineWidth(mm_to_pt(thickness_mm))
            canv.line(0, y, width, y)

        top = self.block_height
        rule(top, imprint.outer_rule_mm)
        for i, line in enumerate(self._copy_lines):
            baseline = self.grid.baseline(top - i * pitch, self.style, pitch)
            self.painter.draw_tokens(canv, line.tokens, indent + line.indent, baseline, line.gap)
        if self._copy_lines:
            rule(pitch, imprint.inner_rule_mm)
        baseline = self.grid.baseline(pitch, self.style, pitch)
        self.painter.draw_line(canv, self.printer, self.style, indent, baseline)
        date_w = self.painter.width(self.print_date, self.style)
        self.painter.draw_line(canv, self.print_date, self.style, width - indent - date_w, baseline)
        rule(0, imprint.outer_rule_mm)
