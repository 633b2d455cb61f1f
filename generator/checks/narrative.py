"""Every figure the prose states, held against the tables it describes (warnings).

Published reports say "结转6条" while their table says 8, "予以公开及部分公开258件" while the two
rows add up to 275, or "行政复议7件，均获维持" while section 四's table has 5 upheld. The claims
are read by ``claims.py`` with the lexicon in layouts/; a claim is warned about only when no
reasonable reading of it agrees with the table, and a figure whose words name no cell, or
whose cells are blank, is left alone: ``check --verbose`` lists those as notes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.checks.claims import Claim, Reading, paragraph_claims
from generator.checks.findings import Finding
from generator.checks.prose_lexicon import Cell, Lexicon, load_lexicon
from generator.checks.table_rows import table_rows
from generator.compose.sections import ReportSection
from generator.errors import SourcePosition
from generator.field_labels import cell_name, label
from generator.i18n import Message, message
from generator.load.echo import shorten

TEXT_FIELDS = ("h2", "h3", "h4", "lead", "p", "text")
QUOTE_WIDTH = 60
QUOTE_BEFORE = 20       # characters of the sentence kept before the claim, when it must be cut


@dataclass(frozen=True)
class Paragraph:
    place: str                      # as printed: 一、总体情况, or 年度报告·开头
    path: tuple                     # where it is in the data file
    text: str


def report_paragraphs(sections: list[ReportSection], headings: dict[int, str], opening: list[str]) -> Iterator[Paragraph]:
    """The opening's paragraphs and every piece of every section's prose, the office's own sections too."""
    for i, text in enumerate(opening):
        yield Paragraph(label(("report", "opening")), ("report", "opening", i), text)
    for section in sections:
        for i, block in enumerate(section.prose):
            for field in TEXT_FIELDS:
                if text := getattr(block, field):
                    yield Paragraph(headings[section.number], (*section.path, i, field), text)


def _value(report: dict, cell: Cell) -> Decimal | None | bool:
    """A cell's figure, or a row group's figures added up; None when blank, "/" or not in the
    data; False when the row has no such column (a column of the other table format)."""
    path, key = cell
    node = report
    for step in path.split("."):
        node = node.get(step) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        return None
    rows = [row for row in node.values() if isinstance(row, dict)] or [node]      # a row group, or a row
    if all(key not in row for row in rows):
        return False
    values = [row.get(key) for row in rows]
    if any(value is None or value == "/" for value in values):
        return None
    return sum((Decimal(str(value)) for value in values), Decimal(0))


def _sum(report: dict, reading: Reading) -> Decimal | None:
    """The cells added up, leaving out columns the row does not have; None if any is blank."""
    values = [value for cell in reading if (value := _value(report, cell)) is not False]
    return None if not values or any(value is None for value in values) else sum(values, Decimal(0))


def _quote(claim: Claim) -> str:
    """The claim's sentence, cut to a window that holds the claim when it is long."""
    sentence = claim.sentence.strip()
    begin = max(0, sentence.find(claim.words.split("……")[0]) - QUOTE_BEFORE)
    return ("…" if begin else "") + shorten(sentence[begin:], QUOTE_WIDTH)


def _share_agrees(share: Decimal, count: Decimal, total: Decimal) -> bool:
    """Within one unit of the share's last digit: rounded or cut off, as reports do."""
    step = Decimal(1).scaleb(share.as_tuple().exponent)
    return abs(count * 100 / total - share) < step


class ClaimJudge:
    """Holds each claim against the completed data, naming cells as the tables print them."""

    def __init__(self, report: dict, tables: dict[str, dict], headings: dict[str, str], lexicon: Lexicon) -> None:
        self.report, self.tables, self.headings, self.lexicon = report, tables, headings, lexicon
        self.row_names = {".".join(row.path[1:]): row.name for rows in table_rows(tables).values() for row in rows}

    def cells(self, reading: Reading) -> Message | str:
        """As printed: 三、（一）予以公开（总计） + 三、（二）部分公开（总计）."""
        named: Message | str = ""
        for path, key in reading:
            table = path.split(".")[0]
            row = self.row_names.get(path) or self.lexicon.group_names.get(path, path)
            cell = cell_name(row, self.tables[table].get("key_names", {}).get(key, key))
            named = cell if named == "" else message("{cells} + {cell}", cells=named, cell=cell)
        return named

    def table(self, reading: Reading) -> str:
        return self.headings.get(reading[0][0].split(".")[0], "")

    def verdict(self, paragraph: Paragraph, claim: Claim) -> Message | None:
        """The warning, when no reading agrees; None when one does or none can be checked."""
        known = [(reading, value) for reading in claim.readings if (value := _sum(self.report, reading)) is not None]
        sentence = _quote(claim)
        if claim.share_of is not None:
            totals = [(total, value) for total in self.lexicon.share_of
                      if (value := _sum(self.report, tuple((cell, "total") for cell in total)))]
            if not known or not totals or any(_share_agrees(claim.figure, count, total)
                                              for _, count in known for _, total in totals):
                return None
            (reading, count), (total_cells, total) = known[0], totals[0]
            share = (count * 100 / total).quantize(Decimal(1).scaleb(claim.figure.as_tuple().exponent))
            return message("{place} says “{sentence}”: “{claim}”, but in the table of {table} {cells} is {count} "
                           "and {total_cells} is {total}, that is {share}%",
                           place=paragraph.place, sentence=sentence,
                           claim=f"{claim.share_of.words}，{claim.words}", table=self.table(reading),
                           cells=self.cells(reading), count=count, share=share, total=total,
                           total_cells=self.cells(tuple((cell, "total") for cell in total_cells)))
        if not known or any(value == claim.figure for _, value in known):
            return None
        reading, value = known[0]
        return message("{place} says “{sentence}”: “{claim}”, but in the table of {table} {cells} is {value}",
                       place=paragraph.place, sentence=sentence, claim=claim.words, table=self.table(reading),
                       cells=self.cells(reading), value=value)

    def unread(self, claim: Claim) -> bool:
        """Left alone: its words name no cell, or every cell they name is blank."""
        return not claim.readings or all(_sum(self.report, reading) is None for reading in claim.readings)


def narrative_findings(paragraphs: list[Paragraph], judge: ClaimJudge,
                       position: Callable[[tuple], SourcePosition]) -> tuple[list[Finding], list[Message]]:
    """The warnings, and the notes ``check --verbose`` prints: each figure left alone."""
    findings, notes = [], []
    for paragraph in paragraphs:
        for claim in paragraph_claims(judge.lexicon, paragraph.text):
            where = position(paragraph.path)
            if judge.unread(claim):
                notes.append(message("{position}: not read: “{claim}” ({place})", position=where,
                                     claim=claim.words, place=paragraph.place))
            elif (text := judge.verdict(paragraph, claim)) is not None:
                findings.append(Finding("warning", where, text))
    return findings, notes


def prose_judge(report: dict, tables: dict[str, dict], sections: list[ReportSection],
                headings: dict[int, str]) -> ClaimJudge:
    """``report``: the completed data's ``report``; ``headings``: each section as printed, by number."""
    by_table = {section.key: headings[section.number] for section in sections if section.key}
    return ClaimJudge(report, tables, by_table, load_lexicon())
