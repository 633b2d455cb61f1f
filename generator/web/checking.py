"""The page's data checked as ``gongwen check`` checks a file: the file on disk with the form's
changes written in, every finding placed at the field it is about."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.checks import check_report
from generator.checks.findings import Finding
from generator.checks.totals import total_parts
from generator.checks.table_rows import table_rows
from generator.compose.report_format import report_tables
from generator.document_fields import DOCUMENT_FIELDS, lookup
from generator.errors import DataError, SourcePosition
from generator.load.reading import read_text
from generator.load.report_model import ReportFile
from generator.mapped_source import Location, MappedSource
from generator.web.form import changes, figure_names
from generator.yaml_edit import edit_yaml


def _dotted(location: Location) -> SourcePosition:
    return SourcePosition(".".join(str(step) for step in location))


@dataclass
class PageCheck:
    """The form's data: its YAML text, its report (None when the model refuses a value), and
    the findings, each ``position.path`` the dotted data path it is about."""

    text: str
    report: ReportFile | None
    findings: list[Finding] = field(default_factory=list)
    computed: dict[str, Any] = field(default_factory=dict)     # total field → its computed value

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def check_page(path: Path, shown: ReportFile, items: Iterable[tuple[str, str]]) -> PageCheck:
    """Check the file at ``path`` (whose report, as on disk, is ``shown``) as the form would
    change it."""
    year_format, specs = shown.format, report_tables(shown)
    places = {p: (".".join(p), name) for p, name in figure_names(specs).items()}
    places.update({f.path: (".".join(f.path), f.label) for f in DOCUMENT_FIELDS})
    text = read_text(path)
    try:
        text = edit_yaml(text, changes(items, year_format))
        source = MappedSource(str(path), text, places, elsewhere=_dotted)
        report = source.validate()
        checked = check_report(source, report)
    except DataError as error:
        return PageCheck(text, None, [Finding("error", error.position, error.message)])
    completed = checked.report.model_dump()
    totals = total_parts(table_rows(specs))
    computed = {".".join(p): lookup(completed, p) for p in totals if lookup(completed, p) is not None}
    return PageCheck(text, checked.report, checked.findings, computed)
