"""``gongwen new --from LAST.yaml``: next year's data file, started from last year's.

The year moves on (titles, keywords, 发文字号 year, dates); the organ, the cover's settings, the
report's ending, its section order and titles and (same format) its table labels stay; the
cells the format's ``next_year`` names are filled from last year's figures (上年结转 from
结转下年度继续办理 …), a cell that was "/" (not applicable) stays "/", every other cell is blank. Last year's prose is kept as a start but
marked as to do, and each marked text is an error at ``check`` and ``build`` until it is rewritten.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.checks import completed_data
from generator.checks.arithmetic import total_of
from generator.compose.report_format import load_report_format, report_tables
from generator.compose.sections import report_sections
from generator.compose.wording import default_wording
from generator.load import load_source, validate
from generator.load.report_model import NOT_APPLICABLE, default_format
from generator.skeleton import TABLE_SECTIONS, table_cells, write_draft

MARKED_FIELDS = ("p", "text")           # the text of a paragraph, and what runs on after a heading
_ABSENT = object()


def _later(date: dt.date) -> dt.date:
    """The same day a year later (29 February becomes the 28th)."""
    try:
        return date.replace(year=date.year + 1)
    except ValueError:
        return date.replace(year=date.year + 1, day=28)


def _value(data: Any, path: tuple) -> Any:
    for step in path:
        if not isinstance(data, dict) or step not in data:
            return _ABSENT
        data = data[step]
    return data


def _carried(rules: list[dict], last: dict, cells: dict[tuple, str]) -> dict[tuple, Any]:
    """The figures last year's completed data gives the cells ``rules`` name (a sum stays blank
    over a blank figure; "/" everywhere stays "/")."""
    figures: dict[tuple, Any] = {}
    for rule in rules:
        to = ("report", *rule["to"].split("."))
        for cell in (path for path in cells if path[:len(to)] == to):
            column = cell[len(to):]
            values = [_value(last, ("report", *source.split("."), *column)) for source in rule["from"]]
            if _ABSENT not in values:
                figures[cell] = NOT_APPLICABLE if set(values) == {NOT_APPLICABLE} else total_of(values)
    return figures


def _not_applicable(last: dict, cells: dict[tuple, str]) -> dict[tuple, str]:
    """The cells that were "/" last year: a row that does not apply to the office (规章 where it
    makes none) does not apply next year either, and must not come back blank, as if not reported."""
    return {cell: NOT_APPLICABLE for cell in cells if _value(last, cell) == NOT_APPLICABLE}


class _Carrier:
    """Builds the new year's data from last year's as written."""

    def __init__(self, year: int, mark: str) -> None:
        self.year, self.mark = year, mark

    def moved(self, text: str) -> str:
        return text.replace(f"{self.year}年", f"{self.year + 1}年")

    def marked(self, text: str) -> str:
        return text if text.startswith(self.mark) else self.mark + text

    def prose(self, blocks: list[dict]) -> list[dict]:
        return [{key: self.marked(value) if key in MARKED_FIELDS else value for key, value in block.items()}
                for block in blocks]

    def imprint(self, imprint: dict) -> dict:
        return {**imprint, "print_date": _later(imprint["print_date"])}

    def cover(self, cover: dict) -> dict:
        carried = {**cover, "doc_number": {**cover["doc_number"], "year": cover["doc_number"]["year"] + 1},
                   "title": self.moved(cover["title"]), "body": [self.marked(p) for p in cover["body"]],
                   "date": _later(cover["date"])}
        return {**carried, "imprint": self.imprint(cover["imprint"])}

    def sections(self, sections: list) -> list:
        return [{**entry, "content": self.prose(entry["content"])} if isinstance(entry, dict) and "content" in entry
                else entry for entry in sections]

    def report(self, report: dict, same_format: bool) -> dict:
        carried: dict[str, Any] = {"title": self.moved(report["title"])}
        if same_format and "labels" in report:
            carried["labels"] = report["labels"]
        if "sections" in report:
            carried["sections"] = self.sections(report["sections"])
        carried["opening"] = [self.marked(p) for p in report["opening"]]
        carried["overview"] = self.prose(report["overview"])
        for key in TABLE_SECTIONS:
            notes = report.get(key, {}).get("notes")
            carried[key] = {"notes": self.prose(notes)} if notes else {}
        carried["problems"] = self.prose(report["problems"])
        carried["other_matters"] = self.prose(report["other_matters"])
        for key in ("signature", "date", "seal", "imprint"):
            value = report.get(key)
            if value is not None:
                carried[key] = _later(value) if key == "date" else self.imprint(value) if key == "imprint" else value
        return carried


def next_year(path: Path) -> str:
    """The data file for the year after the one ``path`` reports on."""
    source = load_source(path)
    last = validate(source)
    completed, _ = completed_data(source, last)
    year_format = max(last.format, default_format(last.year + 1))
    same_format = year_format == last.format
    tables = report_tables(last) if same_format else load_report_format(year_format)["tables"]
    wording = default_wording()
    mark = wording.render("todo_mark")
    carrier = _Carrier(last.year, mark)
    raw = source.data
    data: dict[str, Any] = {"format": year_format, "year": last.year + 1, "organ": last.organ,
                            "keywords": [str(last.year + 1) if k == str(last.year) else k for k in last.keywords],
                            "previous": path.name}
    if raw.get("cover"):
        data["cover"] = carrier.cover(raw["cover"])
    data["report"] = carrier.report(raw["report"], same_format)
    cells = table_cells(tables)
    figures = {**_not_applicable(completed, cells),
               **_carried(load_report_format(year_format)["next_year"], completed, cells)}
    head = [f"# {last.organ}{last.year + 1}年政府信息公开工作年度报告的数据（{year_format}年表格格式），"
            f"由 gongwen new --from {path.name} 从上一年的数据生成。",
            f"# 标有{mark}的文字是上一年的原文：改写为本年的内容并删去标记（gongwen check 逐处提示）。",
            "# 标题、日期和发文字号的年份已推后一年，顺序号未改，请核对。表格中只有上年结转、上一年项目数量、",
            "# 现行有效件数由上一年的数据带入，上一年填“/”（不适用）的仍为“/”，其余各格留空待填。"]
    sections = report_sections(last.report, load_report_format(year_format)["sections"])
    headings = {section.key: section.heading(wording) for section in sections if section.key}
    return write_draft(head, data, tables, figures, headings)
