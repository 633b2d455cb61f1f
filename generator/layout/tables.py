"""Statutory tables laid out on the page: row heights, cell text, rules, breaks between rows.

A table breaks between any two rows where a figure or label row ends (never right after a
caption or column-header row), repeats its header rows on the next page, and a span cut by a
break is cut with it, as LibreOffice 7.4 and Word cut it: its rows keep their own heights, its
first part shows the lines it holds, centred, and the continuation the rest, centred.

Row heights follow the rule of reportlab's tables, which the first layout used: a row is as
tall as its tallest cell that spans no other row; a cell spanning rows that needs more than
they give spreads the difference evenly over them, the largest such need first.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.document_model import Cell, Table
from generator.layout.flow import FUZZ, Box, Piece
from generator.layout.fonts import TextStyle
from generator.layout.inks import ink
from generator.layout.linebreak import Line, line_width
from generator.layout.text import TextSetter, baseline_in
from generator.layout_spec import Layout
from generator.paged_document import CellBox, Item, Rule
from generator.table_grid import heading_rows, place_cells


@dataclass(frozen=True)
class _Cell:
    """A cell as it appears in one piece: grid rectangle within the piece, text if it starts here."""

    col: int
    row: int
    last_col: int
    last_row: int
    text: str | None            # None: the continuation of a span cut by a page break
    style: TextStyle
    cut: bool = False           # a span cut by a page break
    source: Cell | None = None  # and its cell, whose text the continuation may carry on
    first_row: int = 0          # the span's first row in the whole table


class TableLayout:
    """One model table at the 版心 width, ready to be cut into pieces of rows."""

    def __init__(self, table: Table, setter: TextSetter, layout: Layout, x: float, width: float) -> None:
        self.table, self.setter, self.x = table, setter, x
        geometry = layout.tables
        self.rule = geometry.rule_width_pt
        self.ink = ink(layout, "black")
        self.pad_x = geometry.cell_padding_pt
        self.pad_y = geometry.cell_padding_pt + self.rule * layout.calibration.table_rule_in_row
        self.leading = layout.role("table").line_pitch_pt
        self.empty_slot = layout.calibration.table_empty_slot_pt
        self.foot_spare = layout.calibration.table_foot_spare_pt
        self.styles = {"header": setter.style("table_header"), "label": setter.style("table"),
                       "number": setter.style("table")}
        total = sum(table.widths)
        self.edges = [x]
        for w in table.widths:
            self.edges.append(self.edges[-1] + width * w / total)
        self.placements = place_cells(table)
        # A page may end after a row only if the row holds figures or labels, so a caption row
        # ("第二十条第（一）项") or a column header never ends a page apart from its rows.
        self.may_end_after = set(range(len(table.rows))) - heading_rows(self.placements)
        self._lines: dict[tuple, tuple[Line, ...]] = {}

    def rows(self, start: int, end: int) -> list[int]:
        return list(range(self.table.header_rows)) + list(range(start, end))

    def piece(self, rows: list[int]) -> Piece:
        cells = self._cells(rows)
        heights = self._row_heights(cells, len(rows))
        tops = [0.0]
        for h in heights:
            tops.append(tops[-1] + h)

        def draw(top: float) -> list[Item]:
            items: list[Item] = []
            for cell in cells:
                x0, x1 = self.edges[cell.col], self.edges[cell.last_col + 1]
                y0, y1 = top + tops[cell.row], top + tops[cell.last_row + 1]
                items.append(CellBox(x0, y0, x1 - x0, y1 - y0, cell.text or ""))
                if cell.text or cell.cut and cell.source and cell.source.text:
                    items += self._cell_text(cell, x0, x1, y0, y1, self._shown(cell, rows))
            return items + self._rules(cells, top, tops)
        return Piece(tops[-1], draw)

    def _shown(self, cell: _Cell, rows: list[int]) -> slice:
        """The lines of a cell this piece shows. A span cut by a page break shows, as LibreOffice
        and Word do, the lines its first part holds there, and the rest in its continuation."""
        if not cell.cut:
            return slice(None)
        first = [row for row in range(cell.first_row, rows[self.table.header_rows]) if row not in rows] \
            if cell.text is None else [row for row in rows if row >= cell.first_row]
        part = list(range(self.table.header_rows)) + first
        heights = self._row_heights(self._cells(part), len(part))[self.table.header_rows:]
        held = int((sum(heights) - 2 * self.pad_y) / self.leading + FUZZ)
        return slice(None, held) if cell.text is not None else slice(held, None)

    # ---- cells ---------------------------------------------------------------------------
    def _cells(self, rows: list[int]) -> list[_Cell]:
        index = {row: i for i, row in enumerate(rows)}
        cells = []
        for placed in self.placements:
            covered = [index[r] for r in range(placed.row, placed.last_row + 1) if r in index]
            if covered:
                text = placed.cell.text if placed.row in index else None
                cells.append(_Cell(placed.col, covered[0], placed.last_col, covered[-1], text,
                                   self.styles[placed.cell.kind], len(covered) < placed.last_row - placed.row + 1,
                                   placed.cell, placed.row))
        return cells

    def _text_lines(self, cell: _Cell) -> tuple[Line, ...]:
        text = cell.text if cell.text is not None or not cell.source else cell.source.text
        key = (cell.style.role, cell.col, cell.last_col, text)
        if key not in self._lines:
            width = self.edges[cell.last_col + 1] - self.edges[cell.col] - 2 * self.pad_x
            self._lines[key] = self.setter.lines([(text or "", cell.style)], width, justify=False)
        return self._lines[key]

    def _needed(self, cell: _Cell) -> float:
        """Height the cell's content and padding need; a span cut by a page break asks for none
        (LibreOffice keeps the rows of a cut span at their own heights)."""
        lines = len(self._text_lines(cell)) * self.leading if cell.text is not None and not cell.cut \
            else self.empty_slot
        return lines + 2 * self.pad_y

    def _row_heights(self, cells: list[_Cell], count: int) -> list[float]:
        heights = [0.0] * count
        spanning: dict[tuple[int, int], float] = {}
        for cell in cells:
            needed = self._needed(cell)
            if cell.last_row > cell.row:
                key = (cell.row, cell.last_row)
                spanning[key] = max(spanning.get(key, needed), needed)
            else:
                heights[cell.row] = max(heights[cell.row], needed)
                if cell.last_col > cell.col:      # the slots a merged cell covers count as empty cells
                    heights[cell.row] = max(heights[cell.row], self.empty_slot + 2 * self.pad_y)
        extra = [0.0] * count
        for (first, last), needed in sorted(spanning.items(), key=lambda kv: (kv[1], kv[0]), reverse=True):
            given = sum(heights[r] + extra[r] for r in range(first, last + 1))
            if given >= needed - FUZZ:
                continue
            share = (needed - given) / (last - first + 1)
            for r in range(first, last + 1):
                extra[r] += share
        return [h + e for h, e in zip(heights, extra)]

    def _cell_text(self, cell: _Cell, x0: float, x1: float, y0: float, y1: float,
                   shown: slice = slice(None)) -> list[Item]:
        """The cell's lines (those ``shown`` here), centred in its box."""
        lines = self._text_lines(cell)[shown]
        style = cell.style
        top = y0 + (y1 - y0 - len(lines) * self.leading) / 2
        inner = x1 - x0 - 2 * self.pad_x
        return [self.setter.set_line(line.tokens, x0 + self.pad_x + (inner - line_width(line.tokens)) / 2,
                                     baseline_in(top + i * self.leading, self.leading, style))
                for i, line in enumerate(lines) if line.tokens]

    # ---- rules ---------------------------------------------------------------------------
    def _rules(self, cells: list[_Cell], top: float, tops: list[float]) -> list[Item]:
        """Every cell's edges, merged into the fewest straight rules (none inside a merged cell)."""
        horizontal: dict[float, list[tuple[float, float]]] = {}
        vertical: dict[float, list[tuple[float, float]]] = {}
        for cell in cells:
            x0, x1 = self.edges[cell.col], self.edges[cell.last_col + 1]
            y0, y1 = top + tops[cell.row], top + tops[cell.last_row + 1]
            for y in (y0, y1):
                horizontal.setdefault(round(y, 6), []).append((x0, x1))
            for x in (x0, x1):
                vertical.setdefault(round(x, 6), []).append((y0, y1))
        rules: list[Item] = []
        for y, spans in sorted(horizontal.items()):
            rules += [Rule(a, y, b, y, self.rule, self.ink, cap="square") for a, b in _merged(spans)]
        for x, spans in sorted(vertical.items()):
            rules += [Rule(x, a, x, b, self.rule, self.ink, cap="square") for a, b in _merged(spans)]
        return rules


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + FUZZ:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


class TableBox(Box):
    """A table from body row ``start`` on, breaking between rows at page ends."""

    def __init__(self, layout: TableLayout, start: int | None = None, keep_with_next: bool = False) -> None:
        self.layout = layout
        self.start = layout.table.header_rows if start is None else start
        self.keep_with_next = keep_with_next
        self._whole: Piece | None = None

    def _piece(self, end: int) -> Piece:
        return self.layout.piece(self.layout.rows(self.start, end))

    def height(self) -> float:
        if self._whole is None:
            self._whole = self._piece(len(self.layout.table.rows))
        return self._whole.height

    def least_height(self) -> float:
        """The header rows and the first body row."""
        return self._piece(self.start + 1).height

    def split(self, available: float) -> tuple[Piece, Box | None] | None:
        """The most rows that fit. A piece only grows with its rows, so the last row that may
        end a page and still fits is found by bisection, not by laying out every piece."""
        available -= self.layout.foot_spare         # as LibreOffice fits rows at a page's foot
        if self.height() <= available + FUZZ:
            return self._whole, None
        ends = [end for end in range(self.start + 1, len(self.layout.table.rows))
                if end - 1 in self.layout.may_end_after]
        low, high, best = 0, len(ends) - 1, None
        while low <= high:
            middle = (low + high) // 2
            piece = self._piece(ends[middle])
            if piece.height <= available:
                best, low = (piece, ends[middle]), middle + 1
            else:
                high = middle - 1
        if best is None:
            return None
        return best[0], TableBox(self.layout, best[1], self.keep_with_next)

