"""The editing page's form: what it shows for a data file, and the changes a posted form makes.

Input names carry the data path they edit, so nothing maps positions by hand:
``f:cover.date`` a document field, ``t:report.applications.received.natural_person`` a figure,
``p:report.opening`` one paragraph of a list of paragraphs (repeated, in order), and
``b:report.overview:kind`` / ``:text`` / ``:extra`` one prose block (repeated, in order). The
tables are laid out from the same table specs as the DOCX and PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.checks.table_rows import table_rows
from generator.checks.totals import total_parts
from generator.compose.report_format import load_report_format
from generator.compose.wording import chinese_numeral
from generator.document_fields import DOCUMENT_FIELDS, lookup
from generator.figure_kinds import figure_kind
from generator.i18n import Message, message
from generator.load.report_model import NOT_APPLICABLE
from generator.table_grid import place_cells
from generator.table_spec import FigureCell, figure_cells, spec_table

Path = tuple[str, ...]
BLOCK_KINDS = {"p": message("Paragraph"), "h2": message("（一） heading"), "h3": message("1. heading"),
               "h4": message("（1） heading")}


@dataclass(frozen=True)
class ProseSection:
    """A list of prose in the data: plain paragraphs, or blocks (paragraphs and headings)."""

    path: Path
    label: str | Message
    blocks: bool

    @property
    def name(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True)
class GridCell:
    """A table cell as the page shows it."""

    text: str
    kind: str
    rows: int
    cols: int
    field: str = ""            # the figure's data path, dotted
    total: bool = False
    name: str = ""


def prose_sections(year_format: int) -> list[ProseSection]:
    """The prose lists of a data file in printed order, titled as they print."""
    titles = [f"{chinese_numeral(i + 1)}、{title}"
              for i, title in enumerate(load_report_format(year_format)["sections"].values())]
    return [ProseSection(("cover", "body"), message("Cover report: body"), False),
            ProseSection(("report", "opening"), message("Annual report: opening paragraphs"), False),
            ProseSection(("report", "overview"), titles[0], True),
            ProseSection(("report", "proactive", "notes"), _with_table(titles[1]), True),
            ProseSection(("report", "applications", "notes"), _with_table(titles[2]), True),
            ProseSection(("report", "reviews", "notes"), _with_table(titles[3]), True),
            ProseSection(("report", "problems"), titles[4], True),
            ProseSection(("report", "other_matters"), titles[5], True)]


def _with_table(title: str) -> Message:
    return message("{section} (the table, and the text after it)", section=title)


def tables(specs: dict[str, dict], year_format: int) -> list[tuple[str, list[list[GridCell]]]]:
    """Each statutory table the file prints (``specs``, from report_tables: a 2021 report that
    keeps the single （六） row prints the 2019 table), titled as it prints, as rows of cells."""
    titles = load_report_format(year_format)["sections"]
    totals = total_parts(table_rows(specs))
    laid_out = []
    sections = list(titles)
    for name, table_spec in specs.items():
        table = spec_table(table_spec)
        rows: list[list[GridCell]] = [[] for _ in table.rows]
        for placed in place_cells(table):
            cell = placed.cell
            figure = cell if isinstance(cell, FigureCell) else None
            rows[placed.row].append(GridCell(
                cell.text, cell.kind, cell.row_span, cell.col_span,
                field=".".join(figure.path) if figure else "", total=bool(figure and figure.path in totals),
                name=figure.name if figure else ""))
        laid_out.append((f"{chinese_numeral(sections.index(name) + 1)}、{titles[name]}", rows))
    return laid_out


def figure_names(specs: dict[str, dict]) -> dict[Path, str]:
    """Every figure's path → its name in the checks' messages."""
    return {cell.path: cell.name for table in specs.values() for cell in figure_cells(spec_table(table))}


def shown(value: Any) -> str:
    """A data value as an input holds it."""
    return "" if value is None else str(value)


def blocks_shown(items: Any) -> list[tuple[str, str, str]]:
    """Prose blocks as (kind, text, extra): a paragraph's lead, or a heading's run-in text."""
    out = []
    for item in items or []:
        kind = next((k for k in BLOCK_KINDS if k in item), "p")
        extra = item.get("lead") if kind == "p" else item.get("text")
        out.append((kind, shown(item.get(kind)), shown(extra)))
    return out


def _figure(text: str, kind: str) -> Any:
    text = text.strip()
    if text in ("", NOT_APPLICABLE, "／"):
        return None if text == "" else NOT_APPLICABLE
    if kind == "count" and re.fullmatch(r"-?[0-9]{1,20}", text):
        return int(text)
    return text            # refused by the report model, with its message, unless a good amount


def _block(kind: str, text: str, extra: str) -> dict[str, str] | None:
    if not text.strip():
        return None
    kind = kind if kind in BLOCK_KINDS else "p"
    block = {kind: text.strip()}
    if extra.strip():
        block["lead" if kind == "p" else "text"] = extra.strip()
    return block


def changes(items: Iterable[tuple[str, str]], year_format: int) -> dict[Path, Any]:
    """The data a posted form sets, by path. Blank document fields are left as the file has
    them; a blank figure is blank; empty paragraphs and blocks are dropped."""
    items = list(items)
    fields = {field.path: field for field in DOCUMENT_FIELDS}
    out: dict[Path, Any] = {}
    blocks: dict[Path, dict[str, list[str]]] = {}
    for name, value in items:
        prefix, _, rest = name.partition(":")
        if prefix == "f" and tuple(rest.split(".")) in fields:
            parsed = fields[tuple(rest.split("."))].parse(value)
            if parsed is not None:
                out[tuple(rest.split("."))] = parsed
        elif prefix == "t":
            path = tuple(rest.split("."))
            out[path] = _figure(value, figure_kind(year_format, path))
        elif prefix == "p":
            out.setdefault(tuple(rest.split(".")), [])
            if value.strip():
                out[tuple(rest.split("."))].append(value.strip())
        elif prefix == "b":
            section, _, part = rest.partition(":")
            blocks.setdefault(tuple(section.split(".")), {}).setdefault(part, []).append(value)
    for path, parts in blocks.items():
        triples = zip(parts.get("kind", []), parts.get("text", []), parts.get("extra", []), strict=False)
        out[path] = [block for block in (_block(*triple) for triple in triples) if block]
    return out


def initial(data: dict, year_format: int, specs: dict[str, dict]) -> dict[str, Any]:
    """What the page shows for a data file's plain data."""
    return {
        "fields": [(field, shown(field.show(lookup(data, field.path)))) for field in DOCUMENT_FIELDS],
        "figures": {".".join(path): shown(lookup(data, path)) for path in figure_names(specs)},
        "prose": [(section, lookup(data, section.path) or [] if not section.blocks else
                   blocks_shown(lookup(data, section.path))) for section in prose_sections(year_format)],
    }
