"""The three statutory tables of a published report, read by their labels, in either format.

Offices print the tables their own way: one table or three, split over pages, a cell's label
typed over several lines, "1、" for "1.", a word mistyped, the 2019 single （六） row kept in a
2021 report, a unit typed into a cell. Cell positions cannot be trusted; the labels can. So each
printed row is taken apart into its label (the last text cell before the figures: the most
particular of the row's labels, "1.属于国家秘密" under "（三）不予公开") and its figures (the cells
after it, in order), and the label is looked up among the rows of the layout's table spec
(layouts/annual_report_*.yaml). A label that is not the standard's word for word is matched to
the nearest standard one and kept in ``report.labels``: the office's wording prints again, and
``check`` warns at it showing the difference. A blank cell stays blank and
"/" stays "/". The row of 四's fifteen figures has no label: it is the table's row of figures.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from generator.compose.report_format import load_report_format
from generator.figure_kinds import figure_kind
from generator.i18n import Message, message
from generator.published.blocks import Block, compact
from generator.table_spec import FigureCell, spec_table

# a figure as printed, with a unit an office may type after it
_FIGURE = re.compile(r"^(?P<number>-?[0-9][0-9,]*(?:\.[0-9]+)?)(?P<unit>(?:万|亿)?元|件|条|个|项|篇|次|%)?$")
NEAREST = 0.6                   # the least similarity for a label read as a standard one
HEADER_NEAREST = 0.75           # the same for a column heading (they are short, and many alike)


@dataclass(frozen=True)
class SpecRow:
    table: str                  # proactive, applications, reviews
    label: str | None           # the standard's most particular label of the row (None: 四's figures)
    figures: tuple[FigureCell, ...]
    alternative: bool = False   # the 2019 single （六） row in a 2021 table


@dataclass
class TablesRead:
    """What the tables said: figures by data path, labels printed otherwise, and each guess or
    failure with the place it names."""

    year_format: int
    values: dict[tuple[str, ...], Any] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    warnings: list[tuple[str, Message]] = field(default_factory=list)
    unread: list[tuple[str, Message]] = field(default_factory=list)
    matched: int = 0            # rows read by their label word for word


def spec_rows(year_format: int) -> list[SpecRow]:
    """Every row of figures of the format's tables; in the 2021 format also the 2019 format's
    single （六）其他处理 row, which a 2021 report may keep."""
    rows = []
    for name, spec in load_report_format(year_format)["tables"].items():
        for row in spec_table(spec).rows:
            figures = tuple(cell for cell in row if isinstance(cell, FigureCell))
            labels = [cell.text for cell in row if not isinstance(cell, FigureCell) and cell.kind == "label"]
            if figures:
                rows.append(SpecRow(name, labels[-1] if labels else None, figures))
        one_row = spec.get("when_one_row")
        if one_row:
            rows += [replace(row, alternative=True) for row in spec_rows(one_row["format"])
                     if row.table == name and row.figures[0].row == one_row["data"]]
    return rows


def _is_figure(text: str) -> bool:
    words = compact(text)
    return words in ("", "/") or bool(_FIGURE.match(words))


def _split(row: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """A printed row's label and its figures."""
    end = len(row)
    while end > 0 and _is_figure(row[end - 1]):
        end -= 1
    return (row[end - 1] if end else None), list(row[end:])


def _key(label: str) -> str:
    words = compact(label).rstrip(":：")
    return re.sub(r"^(\d{1,2})[、,，]", r"\1.", words)


class _Reader:
    def __init__(self, year_format: int) -> None:
        self.read = TablesRead(year_format)
        self.rows = spec_rows(year_format)
        self.by_key = {_key(row.label): row for row in self.rows if row.label}
        self.done: set[int] = set()
        self.where = ""

    def table(self, block: Block) -> None:
        """Each row of a printed table; then its header cells, once the rows have told which
        statutory table it is."""
        headers: list[str] = []
        tables: list[str] = []
        for printed in block.rows or ():
            label, figures = _split(printed)
            if not any(compact(text) for text in figures):
                headers += [text for text in printed if compact(text)]      # a header row, or a row left empty
                continue
            spec = self._find(block, label, figures)
            if spec is not None:
                self._row(block, spec, label, figures)
                tables.append(spec.table)
        if tables:
            self._headers(block, max(set(tables), key=tables.count), headers)

    def _headers(self, block: Block, table: str, printed: list[str]) -> None:
        """A header printed otherwise than the standard's words is kept in ``report.labels``."""
        standard = [cell.text for row in spec_table(load_report_format(self.read.year_format)["tables"][table]).rows
                    for cell in row if not isinstance(cell, FigureCell) and cell.kind == "header"]
        by_key = {_key(text): text for text in standard}
        for text in printed:
            if text in standard:
                continue
            words = by_key.get(_key(text))
            nearest = difflib.get_close_matches(_key(text), list(by_key), n=1, cutoff=HEADER_NEAREST)
            if words is None and nearest:
                words = by_key[nearest[0]]                 # kept in report.labels: check shows the difference
            if words is not None and words not in self.read.labels.get(table, {}):
                self.read.labels.setdefault(table, {})[words] = text

    def _row(self, block: Block, spec: SpecRow, label: str | None, figures: list[str]) -> None:
        """The row's figures, the last ones printed if there are more (a stray cell before them)."""
        self.done.add(id(spec))
        if len(figures) < len(spec.figures):
            self.read.unread.append((block.where, message(
                "{row}: {count} figure(s) where the table has {expected}; the row is not read",
                row=label or spec.figures[0].name.split("/")[0], count=len(figures), expected=len(spec.figures))))
            return
        for cell, text in zip(spec.figures, figures[len(figures) - len(spec.figures):]):
            self._figure(block, cell, text)

    def _find(self, block: Block, label: str | None, figures: list[str]) -> SpecRow | None:
        """The spec row a printed row is, by its label (四's row of figures by having none); None
        for a row of no statutory table."""
        if label is None:
            unlabelled = [row for row in self.rows if row.label is None and id(row) not in self.done
                          and len(row.figures) <= len(figures)]
            return unlabelled[0] if unlabelled else None
        key = _key(label)
        spec = self.by_key.get(key)
        if spec is not None and id(spec) not in self.done:
            self.read.matched += 1
            if label != spec.label:
                self.read.labels.setdefault(spec.table, {})[spec.label] = label
            return spec
        left = {k: row for k, row in self.by_key.items() if id(row) not in self.done}
        nearest = difflib.get_close_matches(key, list(left), n=1, cutoff=NEAREST)
        if not nearest:
            if any(_FIGURE.match(compact(text)) for text in figures):
                self.read.warnings.append((block.where, message(
                    '"{label}" is no row of the statutory tables: its figures are not read', label=label)))
            return None
        spec = left[nearest[0]]
        self.read.labels.setdefault(spec.table, {})[spec.label] = label     # check shows the difference
        return spec

    def _figure(self, block: Block, cell: FigureCell, text: str) -> None:
        words = compact(text)
        path = cell.path
        name = cell.name
        if words in ("", "/"):
            self.read.values[path] = None if words == "" else "/"
            return
        match = _FIGURE.match(words)
        number, unit = match.group("number").replace(",", ""), match.group("unit") or ""
        kind = figure_kind(self.read.year_format, path)
        if unit and cell.unit:
            self.read.values[(*path[:-1], cell.unit)] = unit
        elif unit:
            self.read.warnings.append((block.where, message('{cell}: "{text}" read as {number}, without its unit',
                                                            cell=name, text=text, number=number)))
        if kind == "amount":
            self.read.values[path] = Decimal(number)
        elif "." in number:
            self.read.unread.append((block.where, message('{cell}: "{text}" is no whole number; left blank',
                                                          cell=name, text=text)))
            self.read.values[path] = None
        else:
            self.read.values[path] = int(number)

    def finish(self) -> TablesRead:
        """Every row of the spec not printed is reported (blank in the data); （六） is printed in one
        of its two forms."""
        printed = {row.figures[0].row for row in self.rows if id(row) in self.done}
        for row in self.rows:
            path = row.figures[0].row
            if id(row) in self.done or row.alternative or any(
                    other.startswith(path + ".") or path.startswith(other + ".") for other in printed):
                continue
            self.read.unread.append((self.where, message("{row}: no such row found in the tables; left blank",
                                                         row=row.figures[0].name.split("/")[0])))
        return self.read


def read_tables(blocks: list[Block], year_format: int) -> TablesRead:
    reader = _Reader(year_format)
    for block in blocks:
        reader.where = reader.where or block.where
        reader.table(block)
    return reader.finish()
