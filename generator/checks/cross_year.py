"""Cross-year checks (warnings) against last year's data file, when the data names it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.checks.arithmetic import APPLICANTS
from generator.checks.findings import Finding
from generator.errors import SourcePosition
from generator.field_labels import cell_name
from generator.i18n import message

IN_FORCE_ROWS = {"rules": "（一）规章", "normative_documents": "（一）行政规范性文件"}


def cross_year_findings(current: dict, previous: dict, previous_path: Path, column_names: dict[str, str],
                        position: Callable[[tuple], SourcePosition]) -> list[Finding]:
    """``current`` and ``previous`` are completed data (totals filled in)."""
    findings = []
    now = current["report"]["applications"]["carried_over"]
    before = previous["report"]["applications"]["carried_forward"]
    for key in (*APPLICANTS, "total"):
        if now[key] is not None and before[key] is not None and now[key] != before[key]:
            findings.append(Finding("warning", position(("report", "applications", "carried_over", key)),
                                    message("{cell} is {value} but last year's 四、结转下年度继续办理 ({file}) is {last}",
                                            cell=cell_name("二、上年结转", column_names.get(key, key)), value=now[key],
                                            file=previous_path.name, last=before[key])))
    if current["format"] == previous["format"] == 2021:
        for row, name in IN_FORCE_ROWS.items():
            this = current["report"]["proactive"]["regulations"][row]
            last = previous["report"]["proactive"]["regulations"][row]
            if None in (this["in_force"], this["issued"], this["repealed"], last["in_force"]):
                continue
            expected = last["in_force"] + this["issued"] - this["repealed"]
            if this["in_force"] != expected:
                findings.append(Finding("warning", position(("report", "proactive", "regulations", row, "in_force")),
                                        message("{cell} is {value} but last year's {last} + 本年制发 {issued} − 本年废止 "
                                                "{repealed} = {expected}", cell=cell_name(name, "现行有效件数"),
                                                value=this["in_force"], last=last["in_force"], issued=this["issued"],
                                                repealed=this["repealed"], expected=expected)))
    return findings
