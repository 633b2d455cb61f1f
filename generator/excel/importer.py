"""``gongwen import``: a filled workbook merged into a data file, checked, written atomically.

The workbook gives the figures and the document data; the data file (``--into``, or else a new
``gongwen new`` skeleton) keeps the prose and everything the workbook does not hold. Values are
written into the file's own YAML text (``yaml_edit``: comments and key order kept). Totals are
recomputed, never taken from the workbook: a total the file has is updated, one it leaves out
stays out (the build computes it). A total the spreadsheet program saved that disagrees with
its recomputed value is reported at its cell, and so is every finding of the checks on a table
cell; errors stop the import before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.build import ChecksFailed
from generator.checks import check_report
from generator.checks.arithmetic import TableArithmetic
from generator.checks.findings import Finding
from generator.checks.table_rows import table_rows
from generator.compose.report_format import load_report_format
from generator.document_fields import lookup, present
from generator.errors import DataError, SourcePosition
from generator.field_labels import Place
from generator.i18n import message
from generator.excel.reader import Workbook, read_workbook
from generator.excel.sheets import DOCUMENT_SHEET
from generator.load import load_source, validate
from generator.load.echo import echo
from generator.load.reading import read_text
from generator.load.report_model import ReportFile2019, bounds
from generator.load.yaml_source import YamlSource
from generator.mapped_source import MappedSource
from generator.output_files import write_atomically
from generator.skeleton import skeleton
from generator.yaml_edit import DataPath, edit_yaml


def import_workbook(workbook_path: Path, output: Path, into: Path | None,
                    say: Callable[[str], None]) -> list[Finding]:
    """Merge the workbook into ``into`` (or a new skeleton) and write ``output``; returns the
    findings of the checks, which have been passed to ``say``. Raises ChecksFailed on errors."""
    workbook = read_workbook(workbook_path)
    base_text = _base(workbook, into)
    base = load_source(into).data if into else YamlSource(str(output), base_text).data
    merged = edit_yaml(base_text, _changes(workbook, base))
    source = MappedSource(str(output), merged, {path: (read.where, read.name) for path, read in workbook.values.items()})
    checked = check_report(source, source.validate())
    findings = workbook.problems + checked.findings + [
        f for f in _saved_totals(workbook, checked.report.model_dump(), source) if f not in checked.findings]
    for finding in findings:
        say(str(finding))
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise ChecksFailed(message("{path}: {count} error(s); nothing written", path=workbook_path, count=len(errors)))
    completed = checked.report.model_dump()
    totals = {path: lookup(completed, path) for path, figure in workbook.figures.items()
              if figure.formula and present(base, path)}
    write_atomically(output, edit_yaml(merged, totals))
    return findings


def _base(workbook: Workbook, into: Path | None) -> str:
    """The data file's text the workbook is merged into: ``into``, checked first as any data
    file, or a new skeleton for the workbook's format, year and organ."""
    if into is not None:
        source = load_source(into)
        report = validate(source)
        if report.format != workbook.year_format:
            raise DataError(source.position(("format",)), message(
                "the workbook is in the {workbook} table format, this file in the {file} format",
                workbook=workbook.year_format, file=report.format))
        return read_text(into)
    needed = {key: workbook.document.get((key,)) for key in ("year", "organ")}
    for key, read in needed.items():
        if read is None or read.value is None:
            raise DataError(SourcePosition(read.where if read else f"{workbook.path}:{DOCUMENT_SHEET}"),
                            message("{place}: required to start a new data file",
                                    place=read.name if read else Place((key,))))
    year = needed["year"]
    low, high = bounds(ReportFile2019.model_fields["year"])
    if not isinstance(year.value, int) or not low <= year.value <= high:
        raise DataError(SourcePosition(year.where), message("{place}: write the year the report covers as a number "
                                                            "from {low} to {high}, such as 2024; it holds {value}",
                                                            place=year.name, low=low, high=high, value=echo(year.value)))
    return skeleton(workbook.year_format, year.value, needed["organ"].value)


def _changes(workbook: Workbook, base: Any) -> dict[DataPath, Any]:
    """What the workbook sets: document fields it fills in, every figure (blank included; a
    blank the file does not list needs no line), the units its number formats show. Computed
    totals come later; until then a total the file lists is blank, so the checks compute it."""
    changes: dict[DataPath, Any] = {path: read.value for path, read in workbook.document.items()
                                    if read.value is not None}
    for path, figure in workbook.figures.items():
        if figure.value is not None or present(base, path):
            changes[path] = figure.value
        if figure.unit:
            field, unit = figure.unit
            changes[(*path[:-1], field)] = unit
    return changes


def _saved_totals(workbook: Workbook, completed: dict, source: MappedSource) -> list[Finding]:
    """The checks' findings on totals as the spreadsheet program saved them (formulas saved by
    Excel, WPS or LibreOffice carry their last value; a file written by a script has none)."""
    saved = {path: figure for path, figure in workbook.figures.items() if figure.formula and figure.saved is not None}
    if not saved:
        return []
    for path, figure in saved.items():
        node = completed
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = figure.saved
    rows = table_rows(load_report_format(workbook.year_format)["tables"])
    findings = TableArithmetic(completed, rows, source.position).run()
    return [f for f in findings if any(str(f.position) == workbook.figures[path].where for path in saved)]
