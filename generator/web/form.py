"""The annual report's editing page: what it shows for a data file, and the changes a posted
form makes.

Input names carry the data path they edit, so nothing maps positions by hand (the parts every
kind shares are read by ``generator.web.inputs``). The annual report adds: ``t:report.applications
.received.natural_person`` a figure; ``s:id`` / ``s:title`` one level-1 section, in print order
(its id the statutory section, or ``own-N`` for one of the office's own, whose prose is posted as
blocks of ``own.own-N``); ``l:proactive:<standard label>`` the label a table prints; ``cover`` on
or off. Section numbers and titles come from compose (``printed_sections``), tables are laid out
from the same table specs as the DOCX and PDF.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.checks.table_rows import table_rows
from generator.checks.totals import total_parts
from generator.compose.report_format import load_report_format
from generator.compose.sections import printed_sections
from generator.compose.wording import default_wording
from generator.document_fields import DOCUMENT_FIELDS, lookup
from generator.i18n import message
from generator.load.report_model import STATUTORY_SECTIONS, ReportFile, ReportFile2019
from generator.load.yaml_source import YamlSource
from generator.skeleton import skeleton
from generator.table_grid import place_cells
from generator.table_spec import FigureCell, figure_cells, spec_table
from generator.web.inputs import (BLOCK_KINDS, Blocks, Paragraphs, Path, Toggle, blocks_shown, figure_value,
                                  leave_out_if_blank, prose_changes, shared_changes, shown_field)
from generator.yaml_edit import REMOVE, IfListed

OWN = "own"          # the prefix of a section of the office's own on the page: own-1, own-2 …


@dataclass(frozen=True)
class GridCell:
    """A table cell as the page shows it: a figure's input, or a label the office may reword."""

    text: str                  # as printed: the office's wording of a label
    kind: str
    rows: int
    cols: int
    field: str = ""            # the figure's data path, dotted
    total: bool = False
    name: str = ""
    standard: str = ""         # a label's standard wording (the key of report.labels)


@dataclass(frozen=True)
class PageSection:
    """A level-1 section as the page shows it, numbered and titled as compose prints it."""

    id: str                    # the statutory section (overview …) or own-N
    number: str                # 一、
    title: str                 # as printed
    standard: str              # the statutory title ("" for a section of the office's own)
    blocks: Blocks
    table: list[list[GridCell]] | None = None


@dataclass
class ReportPage:
    """Everything the annual report's page shows."""

    document: list
    cover_on: bool
    cover: list
    cover_body: Paragraphs
    head: list
    opening: Paragraphs
    sections: list[PageSection]
    ending: list
    figures: dict[str, str] = field(default_factory=dict)


def _fields(data: dict, paths: Iterable[tuple[str, ...]]) -> list:
    by_path = {f.path: f for f in DOCUMENT_FIELDS}
    return [shown_field(by_path[path], lookup(data, path)) for path in paths]


def _grid(name: str, spec: dict, report: ReportFile, totals: set) -> list[list[GridCell]]:
    labels = getattr(report.report.labels, name)
    table = spec_table(spec)
    rows: list[list[GridCell]] = [[] for _ in table.rows]
    for placed in place_cells(table):
        cell = placed.cell
        figure = cell if isinstance(cell, FigureCell) else None
        rows[placed.row].append(GridCell(
            cell.text if figure else labels.get(cell.text, cell.text), cell.kind, cell.row_span, cell.col_span,
            field=".".join(figure.path) if figure else "", total=bool(figure and figure.path in totals),
            name=figure.name if figure else "", standard="" if figure else cell.text))
    return rows


def report_page(data: dict, report: ReportFile, specs: dict[str, dict]) -> ReportPage:
    """What the page shows for a data file's plain ``data`` and its validated ``report``;
    ``specs``: the tables it prints (report_tables)."""
    titles = load_report_format(report.format)["sections"]
    totals = total_parts(table_rows(specs))
    wording = default_wording()
    sections = []
    for section in printed_sections(report):
        id_ = section.key or f"{OWN}-{section.number}"
        prose_path = ".".join(map(str, section.path)) if section.key else f"{OWN}.{id_}"
        sections.append(PageSection(
            id_, section.numbering(wording), section.title, titles.get(section.key, ""),
            Blocks(prose_path, "", blocks_shown([block.model_dump(exclude_none=True) for block in section.prose]),
                   BLOCK_KINDS),
            _grid(section.key, specs[section.key], report, totals) if section.key in specs else None))
    cover_data = data.get("cover") or YamlSource("", skeleton(report.format, report.year, report.organ)).data["cover"]
    cover = {"cover": cover_data}
    return ReportPage(
        document=_fields(data, [("organ",), ("year",)]),
        cover_on=data.get("cover") is not None,
        cover=_fields(cover, [f.path for f in DOCUMENT_FIELDS if f.path[0] == "cover"])
        + [Toggle("c:cover.seal", message("Leave room for a seal"), bool(cover_data.get("seal")))],
        cover_body=Paragraphs("cover.body", message("Cover report: body"), list(cover_data.get("body") or [])),
        head=_fields(data, [("report", "title")]),
        opening=Paragraphs("report.opening", message("Annual report: opening paragraphs"),
                           list(lookup(data, ("report", "opening")) or [])),
        sections=sections,
        ending=_fields(data, [("report", "signature"), ("report", "date")])
        + [Toggle("c:report.seal", message("Leave room for a seal"), bool(lookup(data, ("report", "seal"))))]
        + _fields(data, [f.path for f in DOCUMENT_FIELDS if f.path[:2] == ("report", "imprint")]),
        figures={".".join(path): "" if lookup(data, path) is None else str(lookup(data, path))
                 for path in figure_names(specs)})


def section_numbers(report: Any) -> list[str]:
    """The numbers of a report's sections as compose prints them (一、二、…), in order; none for
    another kind of document, or data the model refused."""
    if not isinstance(report, ReportFile2019):            # ReportFile2021 is one too
        return []
    return [section.numbering(default_wording()) for section in printed_sections(report)]


def figure_names(specs: dict[str, dict]) -> dict[Path, str]:
    """Every figure's path → its name in the checks' messages."""
    return {cell.path: cell.name for table in specs.values() for cell in figure_cells(spec_table(table))}


def _sections(ids: list[str], titles: list[str], standard: dict[str, str],
              own: dict[Path, list[dict]]) -> Any:
    """report.sections as the page orders and titles them; left out where they print as the
    format has them."""
    entries: list[Any] = []
    for id_, title in zip(ids, titles, strict=False):
        title = title.strip()
        if id_ in STATUTORY_SECTIONS:
            entries.append(id_ if title in ("", standard[id_]) else {"section": id_, "title": title})
        else:
            entries.append({"title": title, "content": own.get((OWN, id_), [])})
    return REMOVE if entries == list(STATUTORY_SECTIONS) else entries


def _labels(items: list[tuple[str, str]]) -> Any:
    """report.labels: each label whose wording on the page is not the standard's (a label that
    stands in several cells takes the wording that differs)."""
    labels: dict[str, dict[str, str]] = {}
    for name, value in items:
        table, _, standard = name.partition(":")
        wording = value.strip()
        if wording and wording != standard:
            labels.setdefault(table, {})[standard] = wording
    return labels or REMOVE


def changes(items: Iterable[tuple[str, str]], year_format: int) -> dict[Path, Any]:
    """The data a posted form sets, by path (``REMOVE`` takes a key out). A blank field is
    taken out of the file (the model says if it was required), a blank figure is blank;
    empty paragraphs and blocks are dropped; with the cover switched off, the cover goes."""
    items = list(items)
    cover_on = dict(items).get("cover", "on") == "on"
    if not cover_on:
        items = [(name, value) for name, value in items if not name.partition(":")[2].startswith("cover.")]
    out, blocks = shared_changes(items, DOCUMENT_FIELDS)
    for name, value in items:
        prefix, _, rest = name.partition(":")
        if prefix == "t":
            path = tuple(rest.split("."))
            figure = figure_value(value, year_format, path)
            out[path] = IfListed(None) if figure is None else figure      # a blank the file leaves out stays out
    if not cover_on:
        out[("cover",)] = REMOVE
    leave_out_if_blank(out, ("report", "imprint"))
    ids = [value for name, value in items if name == "s:id"]
    if ids:
        out[("report", "sections")] = _sections(ids, [value for name, value in items if name == "s:title"],
                                                load_report_format(year_format)["sections"],
                                                {path: blocks.pop(path) for path in list(blocks) if path[0] == OWN})
        out[("report", "labels")] = _labels([(name[2:], value) for name, value in items if name.startswith("l:")])
    out.update(prose_changes(blocks))
    return out
