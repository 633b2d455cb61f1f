"""The page's data checked as ``gongwen check`` checks a file: the file on disk with the form's
changes written in, every finding placed at the field it is about."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import parse_qsl
from typing import Any

from starlette.requests import Request

from generator.checks import check_report, with_unfinished
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
from generator.web.page_data import page_data
from generator.yaml_edit import edit_yaml


def _dotted(location: Location) -> SourcePosition:
    return SourcePosition(".".join(str(step) for step in location))


@dataclass
class PageCheck:
    """The form's data: its report (None when the model refuses a value), the findings, each
    ``position.path`` the dotted data path it is about, and its YAML text (``text``), written
    only when asked for: a save needs it, a live check does not."""

    file_text: str
    edits: dict[tuple, Any]
    report: ReportFile | None
    findings: list[Finding] = field(default_factory=list)
    computed: dict[str, Any] = field(default_factory=dict)     # total field → its computed value

    @cached_property
    def text(self) -> str:
        return edit_yaml(self.file_text, self.edits)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


MAX_FIELDS = 10_000            # a form's fields, as many as the page could post


async def posted_items(request: Request) -> list[tuple[str, str]]:
    """The text fields of a posted form, in order. The page posts its form urlencoded at every
    keystroke, some 500 fields and 34,000 escaped bytes of Chinese text on the 26-page report:
    ``urllib.parse.parse_qsl`` reads that in 10 ms, where the general form parser took 18 ms.
    The general parser still reads any other form and refuses one with too many fields."""
    if request.headers.get("content-type", "").split(";")[0].strip() == "application/x-www-form-urlencoded":
        body = await request.body()
        if body.count(b"&") < MAX_FIELDS:
            return parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True, errors="replace")
    form = await request.form(max_files=0, max_fields=MAX_FIELDS)
    return [(key, value) for key, value in form.multi_items() if isinstance(value, str)]


# each file's last check: a keystroke posts the same form to the live check and then to the
# preview, which checks it too (a page's check is a function of the file's text and the form)
_last_checks: dict[str, tuple[tuple, PageCheck]] = {}


def check_page(path: Path, shown: ReportFile, items: Iterable[tuple[str, str]]) -> PageCheck:
    """Check the file at ``path`` (whose report, as on disk, is ``shown``) as the form would
    change it. The data is read from the file's own data with the changes made in it when that
    is sure to read as the edited text would (``page_data``), else from the edited text."""
    text = read_text(path)
    items = tuple(items)
    key = (text, shown.format, items)
    last = _last_checks.get(str(path))
    if last is not None and last[0] == key:
        return last[1]
    checked = _checked(path, shown, text, items)
    _last_checks[str(path)] = (key, checked)
    return checked


def _checked(path: Path, shown: ReportFile, text: str, items: tuple[tuple[str, str], ...]) -> PageCheck:
    year_format, specs = shown.format, report_tables(shown)
    places = {p: (".".join(p), name) for p, name in figure_names(specs).items()}
    places.update({f.path: (".".join(f.path), f.label) for f in DOCUMENT_FIELDS})
    edits = changes(items, year_format)
    page = PageCheck(text, edits, None)
    try:
        data = page_data(path, text, edits)
        source = MappedSource(str(path), page.text, places, elsewhere=_dotted) if data is None else \
            MappedSource.of_data(str(path), data, places, elsewhere=_dotted)
        report = source.validate()
        checked = check_report(source, report)
    except DataError as error:
        page.findings = [Finding("error", error.position, error.message)]
        return page
    completed = checked.report.model_dump()
    totals = total_parts(table_rows(specs))
    page.report = checked.report
    # what gongwen check also says: text still to write and empty tables stop a download as a build
    page.findings = with_unfinished(source, checked, completed)
    page.computed = {".".join(p): lookup(completed, p) for p in totals if lookup(completed, p) is not None}
    return page
