"""Model tables → reportlab Tables with the same spans, header rows repeated on every page and
no row split across pages.

reportlab cannot break a table inside a row span (the 20-row "三、本年度办理结果" cell would
push the whole applications table to a new page, or overflow it), so :class:`BreakableTable`
breaks between any two rows itself: a span cut by the break is clipped, and on the continuation
page it stays empty, as Word and LibreOffice print a vertically merged cell, so that the rows
are as tall as in the DOCX.
"""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.platypus import Flowable, Table, TableStyle

from generator.document_model import Table as ModelTable
from generator.layout import TableLayout
from generator.table_grid import Placement, place_cells
from generator.writers.pdf.fonts import TextStyle
from generator.writers.pdf.linebreak import Line, break_lines, line_width
from generator.writers.pdf.painter import Painter

class CellText(Flowable):
    """A table cell's text, broken and drawn like body text (禁则, auto-space, fallback fonts,
    ActualText), centred; its lines are what Word and LibreOffice make of the same cell."""

    def __init__(self, painter: Painter, style: TextStyle, text: str, leading: float) -> None:
        super().__init__()
        self.painter, self.style, self.text, self.leading = painter, style, text, leading
        self._lines: list[Line] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._lines = break_lines(self.painter.tokens(self.text, self.style), availWidth, justify=False)
        return availWidth, len(self._lines) * self.leading

    def draw(self) -> None:
        top = len(self._lines) * self.leading
        for i, line in enumerate(self._lines):
            baseline = top - i * self.leading - (self.leading - self.style.size) / 2 \
                - self.style.em_ascent * self.style.size
            self.painter.draw_tokens(self.canv, line.tokens, (self.width - line_width(line.tokens)) / 2, baseline)


class TableBuilder:
    """Knows the fonts and sizes of table text; builds reportlab Tables for row ranges."""

    def __init__(self, painter: Painter, width: float, body: TextStyle, header: TextStyle, leading: float,
                 geometry: TableLayout) -> None:
        self.painter, self.width, self.body, self.leading = painter, width, body, leading
        self.padding, self.rule = geometry.cell_padding_pt, geometry.rule_width_pt
        self.text_styles = {"header": header, "label": body, "number": body}

    def build(self, table: ModelTable, placements: list[Placement], rows: list[int]) -> Table:
        """A reportlab Table of the given grid rows (ascending); spans are clipped to them."""
        index = {row: i for i, row in enumerate(rows)}
        columns = len(table.widths)
        grid: list[list[object]] = [[""] * columns for _ in rows]
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), self.body.fonts[0]),      # no Helvetica anywhere
            ("FONTSIZE", (0, 0), (-1, -1), self.body.size),
            ("GRID", (0, 0), (-1, -1), self.rule, CMYKColor(0, 0, 0, 1)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), self.padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), self.padding),
            # Word and LibreOffice add half of each 0.5 pt rule to a row's height: so do we,
            # so a table is as tall in the DOCX as in the PDF.
            ("TOPPADDING", (0, 0), (-1, -1), self.padding + self.rule / 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.padding + self.rule / 2),
        ]
        for placed in placements:
            covered = [index[r] for r in range(placed.row, placed.last_row + 1) if r in index]
            if not covered:
                continue
            first, last = covered[0], covered[-1]
            cell = placed.cell
            if placed.row in index:
                grid[first][placed.col] = CellText(self.painter, self.text_styles[cell.kind], cell.text, self.leading)
            if last > first or cell.col_span > 1:
                commands.append(("SPAN", (placed.col, first), (placed.last_col, last)))
        total = sum(table.widths)
        col_widths = [self.width * w / total for w in table.widths]
        header = min(table.header_rows, len(rows))
        return Table(grid, colWidths=col_widths, style=TableStyle(commands), repeatRows=header,
                     splitByRow=1, splitInRow=0)


class BreakableTable(Flowable):
    """A model table from body row ``start`` on, breaking between rows at page ends."""

    def __init__(self, table: ModelTable, builder: TableBuilder, start: int | None = None) -> None:
        super().__init__()
        self.table, self.builder = table, builder
        self.placements = place_cells(table)
        self.start = table.header_rows if start is None else start
        self._built: Table | None = None
        origins: dict[int, set[str]] = {}
        for placed in self.placements:
            origins.setdefault(placed.row, set()).add(placed.cell.kind)
        # A page may end after a row only if the row holds figures or labels, so a caption row
        # ("第二十条第（一）项") or a column header never ends a page apart from its rows.
        self._may_end_after = {row for row, kinds in origins.items() if kinds != {"header"}}

    def _rows(self, end: int) -> list[int]:
        return list(range(self.table.header_rows)) + list(range(self.start, end))

    def _part(self, end: int) -> Table:
        return self.builder.build(self.table, self.placements, self._rows(end))

    def first_rows_height(self, width: float) -> float:
        """Height of the header rows and the first body row: the least a page must take."""
        return self._part(self.start + 1).wrap(width, 10**6)[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._built = self._part(len(self.table.rows))
        self.width, self.height = self._built.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        for end in range(len(self.table.rows) - 1, self.start, -1):
            if end - 1 not in self._may_end_after:
                continue
            part = self._part(end)
            if part.wrap(availWidth, availHeight)[1] <= availHeight:
                return [part, BreakableTable(self.table, self.builder, end)]
        return []

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self._built.drawOn(canvas, x, y, _sW)
