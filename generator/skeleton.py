"""``gongwen new`` and ``gongwen schema``: a data skeleton to fill in, and the JSON Schema that
lets an editor autocomplete and flag a data file (# yaml-language-server: $schema=…)."""

from __future__ import annotations

import json
from typing import Any

from generator.compose.report_format import load_report_format
from generator.load.report_model import REPORT_FILE

SCHEMA_FILE = "report.schema.json"


def json_schema() -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "政府信息公开工作年度报告数据 (gongwen)", **REPORT_FILE.json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _table_cells(year_format: int) -> dict[str, Any]:
    """Nested mapping of every statutory cell: leaf = its printed name (for the comment)."""
    tree: dict[str, Any] = {}
    for table in load_report_format(year_format)["tables"].values():
        for row in table["rows"]:
            for item in row:
                if not (isinstance(item, dict) and "data" in item):
                    continue
                node = tree
                for step in item["data"].split("."):
                    node = node.setdefault(step, {})
                for key in item.get("keys", table.get("keys")):
                    node[key] = f"{item['name']}/{table['key_names'].get(key, key)}"
    return tree


def _emit(tree: dict[str, Any], indent: int) -> list[str]:
    lines = []
    for key, value in tree.items():
        pad = "  " * indent
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(_emit(value, indent + 1))
        else:
            lines.append(f"{pad}{key}:{' ' * max(1, 24 - len(pad) - len(key))}# {value}")
    return lines


def skeleton(year_format: int, year: int, organ: str) -> str:
    """A complete data file for ``organ``'s report on ``year``: every table cell present and
    blank (fill in numbers, "/" for not applicable), prose as placeholders to replace."""
    office = organ.replace("人民政府", "") + "人民政府办公室"
    place = organ.replace("人民政府", "")
    sent = f"{year + 1}-01-20"
    cells = _table_cells(year_format)
    head = f"""# yaml-language-server: $schema={SCHEMA_FILE}
# {organ}{year}年政府信息公开工作年度报告的数据（{year_format}年表格格式），由 gongwen new 生成。
# 表格每一格都已列出：填数字；不适用填 "/"；未填（留空）不会当作 0。总计可留空，由程序计算。
format: {year_format}
year: {year}
organ: {organ}
keywords: [政府信息公开, 年度报告, "{year}"]
cover:                                  # 报送报告（上行文）
  issuer_mark: {office}文件              # 发文机关标志
  doc_number: {{code: 某政办, year: {year + 1}, serial: 1}}   # 发文字号：代字〔年份〕序号号
  signers: []                           # 签发人姓名（上行文应当标注）
  title: {office}关于报送{place}{year}年政府信息公开工作年度报告的报告
  addressee: 市政府办公厅                  # 主送机关
  body:
    - 根据《中华人民共和国政府信息公开条例》规定，现将《{place}{year}年政府信息公开工作年度报告》予以报送。
  signature: {office}                    # 署名
  date: {sent}                          # 成文日期
  note: 此件主动公开                       # 附注
  imprint: {{copy_to: [], printer: {office}, print_date: {sent}}}   # 版记
report:
  title: {place}{year}年政府信息公开工作年度报告
  opening:
    - 本报告根据《中华人民共和国政府信息公开条例》要求编制。
  overview:                             # 一、总体情况
    - h2: 主动公开情况
    - p: 在此填写。
"""
    lines = head.splitlines()
    for section, block in (("proactive", "二、主动公开政府信息情况"), ("applications", "三、收到和处理政府信息公开申请情况"),
                           ("reviews", "四、政府信息公开行政复议、行政诉讼情况")):
        lines.append(f"  {section}:{' ' * max(1, 34 - len(section))}# {block}")
        lines.extend(_emit(cells[section], 2))
    lines += ["  problems:                             # 五、存在的主要问题及改进情况",
              "    - p: 在此填写。",
              "  other_matters:                        # 六、其他需要报告的事项",
              "    - p: 在此填写。",
              f"  signature: {office}",
              f"  date: {sent}",
              f"  imprint: {{copy_to: [], printer: {office}, print_date: {sent}}}"]
    return "\n".join(lines) + "\n"
