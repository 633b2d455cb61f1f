"""The statutory tables' rows as the checks see them: a data path, the printed name of the row
and of each column (from the layout's table spec), and the figures."""

from __future__ import annotations

from dataclasses import dataclass

from generator.field_labels import cell_name
from generator.i18n import Message


@dataclass(frozen=True)
class TableRow:
    path: tuple[str, ...]          # e.g. ("report", "applications", "received")
    name: str                      # 一、本年新收
    keys: tuple[str, ...]          # natural_person … total
    key_names: dict[str, str]      # natural_person → 自然人

    def cell_name(self, key: str) -> str:
        return f"{self.name}/{self.key_names.get(key, key)}"

    def cell_label(self, key: str) -> Message:
        """The cell as a message names it: 三、（七）总计（自然人）."""
        return cell_name(self.name, self.key_names.get(key, key))


def table_rows(specs: dict[str, dict]) -> dict[str, list[TableRow]]:
    """Every figure row of every table spec (by table name, as ``report_tables`` gives them), in
    printed order."""
    tables: dict[str, list[TableRow]] = {}
    for table_name, table in specs.items():
        rows = []
        for row in table["rows"]:
            for item in row:
                if isinstance(item, dict) and "data" in item:
                    rows.append(TableRow(("report", *item["data"].split(".")), item["name"],
                                         tuple(item.get("keys", table.get("keys"))), table.get("key_names", {})))
        tables[table_name] = rows
    return tables

