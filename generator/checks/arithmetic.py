"""勾稽关系 of the statutory tables (standards.md B.6–B.7), checked on the data before printing.

Totals the data leaves out are computed (a sum over a blank cell stays blank: blank is "not
reported", never 0; "/" counts as nothing); totals the data gives are checked. Errors:
1. per applicant column: 一 + 二 = 三（七）+ 四;  2. （七） = the sum of the result rows;
3. 总计 column = the sum of the six applicant columns; 4. section 四: 总计 = 维持 + 纠正 +
其他 + 尚未审结;  5. no negative count (本年增/减 may be negative).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from generator.checks.findings import Finding
from generator.checks.table_rows import TableRow
from generator.checks.totals import APPLICANTS, OUTCOMES, TOTAL_ROW, result_rows
from generator.errors import SourcePosition
from generator.i18n import Message, N_, message

MAY_BE_NEGATIVE = {"change"}          # 本年增/减


def total_of(values: Iterable[Any]) -> int | None:
    """The sum of counts: blank when any is blank (not reported), "/" counting as nothing."""
    values = list(values)
    if any(v is None for v in values):
        return None
    return sum(0 if v == "/" else v for v in values)


class TableArithmetic:
    """Works on a plain copy of the data (``model_dump``) so computed totals can be filled in."""

    def __init__(self, data: dict, rows: dict[str, list[TableRow]],
                 position: Callable[[tuple[str, ...]], SourcePosition]) -> None:
        self.data, self.rows, self.position = data, rows, position
        self.findings: list[Finding] = []

    def _row(self, path: tuple[str, ...]) -> dict:
        node = self.data
        for step in path:
            node = node[step]
        return node

    def get(self, path: tuple[str, ...], key: str) -> Any:
        return self._row(path)[key]

    def set(self, path: tuple[str, ...], key: str, value: Any) -> None:
        self._row(path)[key] = value

    def error(self, row: TableRow, key: str, text: Message) -> None:
        self.findings.append(Finding("error", self.position((*row.path, key)), text))

    def run(self) -> list[Finding]:
        self.negatives()
        applications = self.rows["applications"]
        for row in applications:
            self.row_total(row, APPLICANTS, N_("{cell} is {given} but its six applicant columns sum to {computed}"))
        for row in self.rows["reviews"]:
            self.row_total(row, OUTCOMES, N_("{cell} is {given} but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 sum to "
                                             "{computed}"))
        self.results_total(applications)
        self.balance(applications)
        return self.findings

    def negatives(self) -> None:
        for rows in self.rows.values():
            for row in rows:
                for key in row.keys:
                    value = self.get(row.path, key)
                    if key not in MAY_BE_NEGATIVE and isinstance(value, (int, float)) and value < 0:
                        self.error(row, key, message("{cell} is {value}: a count cannot be negative",
                                                     cell=row.cell_label(key), value=value))

    def row_total(self, row: TableRow, parts: tuple[str, ...], wording: str) -> None:
        """``wording``: the catalog entry naming the parts, with {cell}, {given} and {computed}."""
        computed = total_of(self.get(row.path, key) for key in parts)
        given = self.get(row.path, "total")
        if given is None:
            self.set(row.path, "total", computed)
        elif computed is not None and given != "/" and given != computed:
            self.error(row, "total", message(wording, cell=row.cell_label("total"), given=given, computed=computed))

    def results_total(self, applications: list[TableRow]) -> None:
        results = result_rows(applications)
        total = next(row for row in applications if row.path == TOTAL_ROW)
        first, last = results[0].name.split("）")[0] + "）", results[-1].name.split("）")[0] + "）"
        for key in total.keys:
            computed = total_of(self.get(row.path, key) for row in results)
            given = self.get(total.path, key)
            if given is None:
                self.set(total.path, key, computed)
            elif computed is not None and given != computed:
                self.error(total, key, message("{cell} is {given} but rows {first}–{last} sum to {computed}",
                                               cell=total.cell_label(key), given=given, computed=computed,
                                               first=first.split("、")[-1], last=last.split("、")[-1]))

    def balance(self, applications: list[TableRow]) -> None:
        by_name = {row.path[-1]: row for row in applications if len(row.path) == 3}
        received, carried_over, forward = by_name["received"], by_name["carried_over"], by_name["carried_forward"]
        total = next(row for row in applications if row.path == TOTAL_ROW)
        for key in received.keys:
            a, b = self.get(received.path, key), self.get(carried_over.path, key)
            c, d = self.get(total.path, key), self.get(forward.path, key)
            if None in (a, b, c, d):
                continue
            left, right = total_of((a, b)), total_of((c, d))
            if left != right:
                column = received.key_names.get(key, key)
                self.error(received, key, message("{column}: 一、本年新收 + 二、上年结转 = {a} + {b} = {left} but "
                                                  "三、（七）总计 + 四、结转下年度继续办理 = {c} + {d} = {right}",
                                                  column=column, a=a, b=b, left=left, c=c, d=d, right=right))
