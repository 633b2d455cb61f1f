"""A published report's blocks → the data file's tree: title, organ, year, format, opening, the
six sections (titles as printed), their prose with the headings' numbers taken off (the
program numbers them), the three tables (generator.published.tables) and the ending.

Headings are told by their numbers as a clerk's draft's are (generator.draft.rules): "一、" opens
a section, "（一）" "1." "（1）" are headings of levels 2 to 4, and a heading's run-on sentence
is kept as its text. Every guess is a warning naming the paragraph, table or page; what cannot
be read at all is listed as unread, and the data file says so on top.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from generator.compose.report_format import load_report_format
from generator.draft import rules
from generator.errors import UsageError
from generator.i18n import Message, message
from generator.load.report_model import STATUTORY_SECTIONS, default_format
from generator.published.blocks import Block, compact, statutory
from generator.published.tables import TablesRead, read_tables

TITLE_CHARACTERS = 60           # a line of the title is at most this long
LONG_HEADING = 40               # a numbered "heading" longer than this is a sentence: a paragraph
SECTION_LIKENESS = 0.3          # a 一、 heading less like every statutory title is a section of the office's own
_YEAR = re.compile(r"(?P<year>(19|20)\d{2})\s*年")
_SENTENCE_END = re.compile(r"[。；！？]")
_TABLE_SECTIONS = {"proactive", "applications", "reviews"}


@dataclass
class Published:
    """A published report as data, with what the reader guessed and what it could not read."""

    path: str
    data: dict[str, Any]
    warnings: list[tuple[str, Message | str]] = field(default_factory=list)
    unread: list[tuple[str, Message | str]] = field(default_factory=list)
    pages: int | None = None


def _paragraphs(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if not b.is_table and b.text and not rules.page_number(b.text)]


def _title_like(text: str) -> bool:
    """A line of a title: short, no sentence, no date or 附注 (those end a cover memo above it)."""
    return len(text) <= TITLE_CHARACTERS and not _SENTENCE_END.search(text) and \
        not text.startswith(("根据", "本报告")) and not rules.date_line(text) and rules.note(text) is None


def _title(paragraphs: list[Block], first_heading: int, page_title: str | None,
           published: Published) -> tuple[str, int]:
    """The report's title and the index of the first paragraph after it: the short lines just
    above the opening (a title printed over two lines is one title), else the page's title.
    What stands above the title (the cover memo of a full copy) is no part of the report."""
    opening = first_heading
    while opening > 0 and not _title_like(paragraphs[opening - 1].text):
        opening -= 1
    start = opening
    while start > 0 and _title_like(paragraphs[start - 1].text):
        start -= 1
    title = rules.joined_title([p.text for p in paragraphs[start:opening]])
    if "报告" in title:
        if start:
            published.warnings.append((paragraphs[0].where, message(
                "{count} paragraph(s) above the report's title left out (a cover memo is not read)", count=start)))
        return title, opening
    if page_title:
        published.warnings.append(("", message("the report prints no title above its opening: the page's title "
                                                "{title} is taken", title=page_title)))
        return page_title, 0
    raise UsageError(message("{path}: no title found above the first section (一、): is it an annual report?",
                             path=published.path))


def _level_one(block: Block) -> str | None:
    numbered = rules.heading(block.text)
    if numbered is None or numbered[0] != 1:
        return None
    return numbered[1]


def _section_keys(titles: list[str], year_format: int) -> list[str | None]:
    """Each 一、 heading's statutory section, by its words (a section of the office's own: None)."""
    statutory_titles = load_report_format(year_format)["sections"]
    keys: list[str | None] = []
    left = list(STATUTORY_SECTIONS)
    for title in titles:
        likeness = {key: difflib.SequenceMatcher(None, compact(title), compact(statutory_titles[key])).ratio()
                    for key in left}
        best = max(left, key=lambda key: (likeness[key], -left.index(key))) if left else None
        if best is None or likeness[best] < SECTION_LIKENESS:
            keys.append(None)
            continue
        keys.append(best)
        left = left[left.index(best) + 1:]
    return keys


def _prose(blocks: list[Block], published: Published) -> list[dict[str, str]]:
    prose: list[dict[str, str]] = []
    for block in blocks:
        numbered = rules.heading(block.text)
        if numbered is None or numbered[0] == 1:
            prose.append({"p": block.text})
            continue
        level, words = numbered
        head, text = rules.run_on(words)
        if text is None:
            head = words                                # a heading alone keeps its own closing mark
        if len(head) > LONG_HEADING:
            published.warnings.append((block.where, message(
                "a numbered sentence of {count} characters kept as a paragraph with its number", count=len(head))))
            prose.append({"p": block.text})
            continue
        prose.append({f"h{level}": head, **({"text": text} if text else {})})
    return prose


def _imprint(texts: list[str], report: dict) -> None:
    """版记: the 抄送 names (over as many lines as they take) and the 印发 line."""
    copy_to: list[str] = []
    names = ""
    for text in texts:
        printed = rules.printed_line(text.replace("\t", " "))
        if printed:
            copy_to += rules.organs(rules.copy_to(names) or "") if names else []
            report["imprint"] = {"copy_to": copy_to, "printer": printed[0], "print_date": printed[1]}
            names = ""
        else:
            names += text


def _ending(section: list[Block], tables: list[Block], report: dict) -> list[Block]:
    """The 署名, 成文日期 and 版记 at the end of the last section, taken out of its prose (a 版记
    drawn as a table of one-cell rows is read from that table)."""
    start = next((i for i, block in enumerate(section)
                  if rules.copy_to(block.text) is not None or rules.printed_line(block.text)), len(section))
    imprint = [block.text for block in section[start:]]
    imprint += [row[0] for table in tables if all(len(row) == 1 for row in table.rows or ()) for row in table.rows]
    _imprint(imprint, report)
    section = section[:start]
    if section and rules.date_line(section[-1].text) and len(section[-1].text) <= 20:
        report["date"] = rules.date_line(section[-1].text)[0]
        section = section[:-1]
        if section and rules.signature_line(section[-1].text) and len(section[-1].text) <= 40:
            report["signature"] = section[-1].text
            section = section[:-1]
    return section


def _organ_and_year(title: str, report: dict, opening: list[str], published: Published) -> tuple[str, int]:
    match = _YEAR.search(title) or next((m for text in opening for m in [_YEAR.search(text)] if m), None)
    if match is None:
        raise UsageError(message("{path}: no year in the title {title}: is it an annual report?",
                                 path=published.path, title=title))
    organ = report.get("signature") or title[:match.start()].strip() or None
    if organ is None:
        raise UsageError(message("{path}: the title {title} names no organ and the report is not signed",
                                 path=published.path, title=title))
    if not report.get("signature"):
        published.warnings.append(("", message("the report is not signed: the organ {organ} is read from its title; "
                                                "write the government's full name if it is otherwise", organ=organ)))
    return organ, int(match.group("year"))


def _format(tables: list[Block], year: int, published: Published) -> TablesRead:
    """The tables read in the format whose labels they match best (a tie: the year's format)."""
    reads = [read_tables(tables, year_format) for year_format in (2019, 2021)]
    best = max(reads, key=lambda read: (read.matched, read.year_format == default_format(year)))
    if reads[0].matched == reads[1].matched:
        published.warnings.append((tables[0].where, message(
            "the tables' labels fit both table formats alike: the {format} format of a report on {year} is taken",
            format=best.year_format, year=year)))
    return best


def _nest(tree: dict, path: tuple[str, ...], value: Any) -> None:
    for step in path[:-1]:
        tree = tree.setdefault(step, {})
    tree[path[-1]] = value


def read_blocks(path: str, blocks: list[Block], page_title: str | None) -> Published:
    published = Published(path, {})
    published.pages = max((b.page for b in blocks if b.page), default=None)
    paragraphs = _paragraphs(blocks)
    tables = [b for b in blocks if b.is_table]
    if not any(statutory(" ".join(cell for row in table.rows for cell in row)) for table in tables):
        raise UsageError(message("{path}: no statutory table (第二十条, 申请人情况, 行政复议) in it, which has {tables} "
                                 "table(s) and {count} paragraph(s): is it an annual report on government information "
                                 "disclosure?", path=path, tables=len(tables), count=len(paragraphs)))
    headings = [i for i, p in enumerate(paragraphs) if _level_one(p)]
    if not headings:
        raise UsageError(message("{path}: no section heading (一、总体情况 …) found in {count} paragraph(s): is it an "
                                 "annual report?", path=path, count=len(paragraphs)))
    title, start = _title(paragraphs, headings[0], page_title, published)
    report: dict[str, Any] = {"title": title}
    opening = [p.text for p in paragraphs[start:headings[0]]]
    if not opening:
        published.unread.append((paragraphs[headings[0]].where, message("no opening paragraph before 一、")))
    report["opening"] = opening
    section_blocks = [paragraphs[i + 1:j] for i, j in zip(headings, headings[1:] + [len(paragraphs)])]
    section_blocks[-1] = _ending(section_blocks[-1], tables, report)
    organ, year = _organ_and_year(title, report, opening, published)
    read = _format(tables, year, published)
    titles = [_level_one(paragraphs[i]) for i in headings]
    keys = _section_keys(titles, read.year_format)
    titles_of = load_report_format(read.year_format)["sections"]
    order: list[Any] = []
    for title_printed, key, content, index in zip(titles, keys, section_blocks, headings):
        prose = _prose(content, published)
        if key is None:
            published.warnings.append((paragraphs[index].where, message(
                "{title}: no statutory section; kept as a section of the office's own", title=title_printed)))
            order.append({"title": title_printed, "content": prose})
            continue
        order.append({"section": key, "title": title_printed} if compact(title_printed) != compact(titles_of[key])
                     else key)
        if key in _TABLE_SECTIONS:
            if prose:
                report.setdefault(key, {})["notes"] = prose
        else:
            report[key] = prose
    missing = [key for key in STATUTORY_SECTIONS if key not in keys]
    for key in missing:
        published.unread.append(("", message("no section {title}", title=titles_of[key])))
    if order != list(STATUTORY_SECTIONS) and not missing:
        report["sections"] = order
    for key, value in read.values.items():
        _nest(report, key[1:], value)
    if read.labels:
        report["labels"] = read.labels
    published.warnings += read.warnings
    published.unread += read.unread
    published.data = {"format": read.year_format, "year": year, "organ": organ, "report": report}
    return published
