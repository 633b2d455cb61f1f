"""The report's level-1 sections as printed: order, numbers, titles and where each one's prose is.

By default the six statutory sections in the statutory order under their statutory titles (from
the format's layout); ``report.sections`` reorders them, retitles them and adds sections of the
office's own. This is the one place their numbers and titles are made: compose prints them from
it, the narrative checks name sections by it (四、……), and the web page and the workbook title
their sections and tables with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compose.report_format import load_report_format
from generator.compose.wording import Wording, default_wording
from generator.load.report_model import STATUTORY_SECTIONS, AnnualReport2019, ReportFile, Section
from generator.load.report_model import Block as DataBlock


@dataclass(frozen=True)
class ReportSection:
    number: int                         # 1 for 一、
    key: str | None                     # the statutory section (overview …); None: one of the office's own
    title: str
    prose: list[DataBlock]
    path: tuple[str | int, ...]         # where the prose is in the data file

    def heading(self, wording: Wording) -> str:
        """As printed: 一、总体情况."""
        return self.numbering(wording) + self.title

    def numbering(self, wording: Wording) -> str:
        """The number as printed before the title: 一、."""
        return wording.heading_number(1, self.number)


def report_sections(report: AnnualReport2019, titles: dict[str, str]) -> list[ReportSection]:
    """``titles``: the statutory titles by section (the layout's ``sections``)."""
    entries = report.sections or [Section(section=key) for key in STATUTORY_SECTIONS]
    sections = []
    for index, entry in enumerate(entries):
        if entry.section is None:
            sections.append(ReportSection(index + 1, None, entry.title, entry.content,
                                          ("report", "sections", index, "content")))
            continue
        value = getattr(report, entry.section)
        # a table section's prose is the notes after its table
        prose, path = (value, (entry.section,)) if isinstance(value, list) else (value.notes, (entry.section, "notes"))
        sections.append(ReportSection(index + 1, entry.section, entry.title or titles[entry.section], prose,
                                      ("report", *path)))
    return sections


def printed_sections(data: ReportFile) -> list[ReportSection]:
    """The sections of a data file's report, as its format titles them by default."""
    return report_sections(data.report, load_report_format(data.format)["sections"])


def table_headings(data: ReportFile | None, year_format: int) -> dict[str, str]:
    """Each statutory table's section heading as printed (二、主动公开政府信息情况), by the
    table's section: as ``data`` orders and titles its sections, or, without data, as the
    format does."""
    titles = load_report_format(year_format)["sections"]
    if data is not None:
        sections = printed_sections(data)
    else:
        sections = [ReportSection(number, key, title, [], ()) for number, (key, title) in enumerate(titles.items(), 1)]
    return {section.key: section.heading(default_wording()) for section in sections if section.key}
