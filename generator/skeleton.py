"""``gongwen new`` and ``gongwen schema``: a data skeleton to fill in, and the JSON Schema that
lets an editor autocomplete and flag a data file (# yaml-language-server: $schema=…)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from generator.checks.table_rows import table_rows
from generator.compose.report_format import load_report_format
from generator.compose.wording import default_wording
from generator.draft_yaml import draft_yaml
from generator.load.report_model import REPORT_FILE
from generator.organ_types import Issuing, issuing

SCHEMA_FILE = "report.schema.json"
TABLE_SECTIONS = ("proactive", "applications", "reviews")
FIELD_NOTES = {
    ("previous",): "上一年的数据文件（与本文件放在同一文件夹），用于跨年度核对",
    ("cover",): "报送报告（上行文）；单独公开的报告没有，可删去",
    ("cover", "issuer_mark"): "发文机关标志",
    ("cover", "doc_number"): "发文字号：代字〔年份〕序号号",
    ("cover", "signers"): "签发人姓名（上行文应当标注）",
    ("cover", "addressee"): "主送机关",
    ("cover", "signature"): "署名",
    ("cover", "date"): "成文日期",
    ("cover", "note"): "附注",
    ("cover", "imprint"): "版记",
    ("report", "signature"): "署名（报告可不署名）",
    ("report", "date"): "成文日期（可删去）",
    ("report", "imprint"): "版记（可删去）",
}


def json_schema() -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "政府信息公开工作年度报告数据 (gongwen)", **REPORT_FILE.json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def table_cells(tables: dict[str, dict]) -> dict[tuple, str]:
    """Every statutory cell of ``tables`` by its key path, in print order: its printed name."""
    return {(*row.path, key): row.cell_name(key)
            for rows in table_rows(tables).values() for row in rows for key in row.keys}


def _nested(values: dict[tuple, Any], into: dict) -> None:
    for path, value in values.items():
        node = into
        for step in path[:-1]:
            node = node.setdefault(step, {})
        node[path[-1]] = value


def write_draft(head: list[str], data: dict, tables: dict[str, dict], figures: dict[tuple, Any],
                headings: dict[str, str]) -> str:
    """The data file: ``data`` with every cell of ``tables`` put into its table section (the
    value in ``figures`` or blank), each field and cell named in a comment, each statutory
    section by its printed heading (``headings``, by field)."""
    cells = table_cells(tables)
    report: dict = {}
    for key, value in data["report"].items():
        report[key] = value
        if key in TABLE_SECTIONS:
            report[key] = {}
            _nested({path[2:]: figures.get(path) for path in cells if path[1] == key}, report[key])
            report[key].update(value)               # the notes after the table
    notes = {**FIELD_NOTES, **cells, **{("report", key): heading for key, heading in headings.items()}}
    return draft_yaml([f"# yaml-language-server: $schema={SCHEMA_FILE}", *head], {**data, "report": report}, notes)


def skeleton(year_format: int, year: int, organ: str, issued: Issuing | None = None) -> str:
    """A complete data file for ``organ``'s report on ``year``, issued as ``issued`` (by
    default: as read from the organ's name): every table cell present and blank (fill in
    numbers, "/" for not applicable), prose as placeholders to replace."""
    issued = issued or issuing(organ)
    office, place = issued.issuer, issued.place
    sent = dt.date(year + 1, 1, 20)
    placeholder = [{"p": default_wording().render("placeholder")}]
    data = {
        "format": year_format, "year": year, "organ": organ, "keywords": default_wording().render("keywords", year=year).split(),
        "cover": {
            "issuer_mark": issued.mark, "doc_number": {"code": "某政办", "year": year + 1, "serial": 1},
            "signers": [], "title": f"{office}关于报送{place}{year}年政府信息公开工作年度报告的报告",
            "addressee": "市政府办公厅",
            "body": [f"根据《中华人民共和国政府信息公开条例》规定，现将《{place}{year}年政府信息公开工作年度报告》予以报送。"],
            "signature": office, "date": sent, "note": "此件主动公开",
            "imprint": {"copy_to": [], "printer": office, "print_date": sent},
        },
        "report": {
            "title": f"{place}{year}年政府信息公开工作年度报告",
            "opening": ["本报告根据《中华人民共和国政府信息公开条例》要求编制。"],
            "overview": [{"h2": "主动公开情况"}, *placeholder],
            **{key: {} for key in TABLE_SECTIONS},
            "problems": placeholder, "other_matters": placeholder,
            "signature": office, "date": sent, "imprint": {"copy_to": [], "printer": office, "print_date": sent},
        },
    }
    head = [f"# {organ}{year}年政府信息公开工作年度报告的数据（{year_format}年表格格式），由 gongwen new 生成。",
            "# 表格每一格都已列出：填数字；不适用填 \"/\"；未填（留空）不会当作 0。总计可留空，由程序计算。"]
    spec = load_report_format(year_format)
    wording = default_wording()
    headings = {key: wording.heading_number(1, number) + title
                for number, (key, title) in enumerate(spec["sections"].items(), start=1)}
    return write_draft(head, data, spec["tables"], {}, headings)
