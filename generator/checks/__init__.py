"""checks: the data's arithmetic (勾稽关系) and consistency, before anything is printed.

``check_report`` returns the report with its left-out totals computed, and every finding at
once, sorted by line: errors (the tables do not add up, a label override that names no label:
the build stops unless forced) and warnings (the prose quotes other numbers than the tables;
last year's file disagrees; a label differs from the standard wording). ``with_unfinished``
adds what is not written yet, for ``check`` and ``build`` (an import starts from a skeleton).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.checks.arithmetic import TableArithmetic
from generator.checks.cross_year import cross_year_findings
from generator.checks.findings import Finding
from generator.checks.labels import label_findings
from generator.checks.narrative import narrative_findings, prose_judge, report_paragraphs
from generator.checks.table_rows import table_rows
from generator.checks.unfinished import empty_table_findings, text_findings
from generator.compose.report_format import load_report_format, report_tables
from generator.compose.sections import printed_sections
from generator.compose.wording import default_wording
from generator.i18n import Message
from generator.load import load_previous, load_source, validate
from generator.load.report_model import REPORT_FILE, ReportFile
from generator.load.yaml_source import YamlSource

__all__ = ["CheckedReport", "Finding", "check_file", "check_report", "completed_data", "with_unfinished"]


@dataclass(frozen=True)
class CheckedReport:
    report: ReportFile          # with the totals the data left out computed
    findings: list[Finding]
    notes: list[Message] = field(default_factory=list)     # figures of the prose left alone (check --verbose)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def completed_data(source: YamlSource, report: ReportFile) -> tuple[dict, list[Finding]]:
    """The data with its left-out totals computed, and the arithmetic's findings."""
    data = report.model_dump()
    return data, TableArithmetic(data, table_rows(report_tables(report)), source.position).run()


def _wording_findings(source: YamlSource, report: ReportFile, data: dict) -> tuple[list[Finding], list[Message]]:
    """What the prose and the labels say against the tables and the standard, and the prose's
    figures left alone."""
    wording = default_wording()
    sections = printed_sections(report)
    headings = {section.number: section.heading(wording) for section in sections}
    tables = report_tables(report)
    paragraphs = list(report_paragraphs(sections, headings, report.report.opening))
    narrative, notes = narrative_findings(paragraphs, prose_judge(data["report"], tables, sections, headings),
                                          source.position)
    return narrative + label_findings(report, tables, source.position), notes


def check_report(source: YamlSource, report: ReportFile) -> CheckedReport:
    data, findings = completed_data(source, report)
    wording, notes = _wording_findings(source, report, data)
    findings += wording
    if report.previous:
        previous_source = load_previous(source, report.previous)
        previous_path = Path(previous_source.path)
        previous_data, _ = completed_data(previous_source, validate(previous_source))
        names = load_report_format(report.format)["tables"]["applications"]["key_names"]
        findings += cross_year_findings(data, previous_data, previous_path, names, source.position)
    return CheckedReport(REPORT_FILE.validate_python(data), sorted(findings, key=lambda f: f.sort_key), notes)


def with_unfinished(source: YamlSource, checked: CheckedReport, data: dict) -> list[Finding]:
    """The checks' findings and the text still to write (the to-do mark, the skeleton's
    placeholder) and the empty tables, sorted by line, as ``gongwen check`` and the web page
    give them; ``data``: the checked report's data, dumped (the caller has it)."""
    wording = default_wording()
    unfinished = (text_findings(source, wording.render("todo_mark"), wording.render("placeholder"))
                  + empty_table_findings(source, data, table_rows(report_tables(checked.report))))
    return sorted(checked.findings + unfinished, key=lambda finding: finding.sort_key)


def check_file(path: Path) -> CheckedReport:
    """Load, validate and check one data file (DataError/UsageError for unusable input)."""
    source = load_source(path)
    return check_report(source, validate(source))

