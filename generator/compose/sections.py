"""The report's level-1 sections as printed: order, titles and where each one's prose is.

By default the six statutory sections in the statutory order under their statutory titles (from
the format's layout); ``report.sections`` reorders them, retitles them and adds sections of the
office's own. Compose prints them from this list and the narrative checks read the prose of the
sections they concern from it, naming each as printed (四、……).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compose.wording import Wording
from generator.load.report_model import STATUTORY_SECTIONS, AnnualReport2019, Section
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
        return wording.heading_number(1, self.number) + self.title


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
