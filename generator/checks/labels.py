"""Table labels printed in the office's own wording (``report.labels``), against the standard's.

An office prints the labels its approved report has ("规范性文件", "1、", a caption with a space),
so the program prints them; but each one that differs from the standard wording is a warning
that shows the difference, so a typo ("三类内容事务信息") is seen rather than kept unawares. A
key that is no label of the table would change nothing: an error, with the nearest label.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from generator.checks.findings import Finding
from generator.compose.statutory_tables import table_labels
from generator.errors import SourcePosition
from generator.load.echo import shorten
from generator.load.report_model import ReportFile

MAX_CHANGES = 3


def _changes(standard: str, printed: str) -> str:
    """The edits from ``standard`` to ``printed``: "部" → "容", + " ", − "行政"."""
    edits = []
    for kind, a0, a1, b0, b1 in difflib.SequenceMatcher(None, standard, printed, autojunk=False).get_opcodes():
        if kind == "replace":
            edits.append(f'"{standard[a0:a1]}" → "{printed[b0:b1]}"')
        elif kind == "insert":
            edits.append(f'+ "{printed[b0:b1]}"')
        elif kind == "delete":
            edits.append(f'− "{standard[a0:a1]}"')
    shown = ", ".join(edits[:MAX_CHANGES])
    return shown + (f" and {len(edits) - MAX_CHANGES} more" if len(edits) > MAX_CHANGES else "")


def label_findings(report: ReportFile, tables: dict[str, dict],
                   position: Callable[[tuple], SourcePosition]) -> list[Finding]:
    """``tables``: the table specs the report prints (``report_tables``)."""
    findings = []
    for table, overrides in report.report.labels:
        standard = list(dict.fromkeys(table_labels(tables[table])))
        for wording, printed in overrides.items():
            where = position(("report", "labels", table, wording))
            if wording not in standard:
                nearest = difflib.get_close_matches(wording, standard, n=1, cutoff=0.5)
                hint = f'; the nearest is "{nearest[0]}"' if nearest else ""
                findings.append(Finding("error", where, f'labels.{table}: "{shorten(wording)}" is no label of the '
                                                        f"{table} table, so nothing would change; write the "
                                                        f"label as the standard words it{hint}"))
            elif printed != wording:
                findings.append(Finding("warning", where, f'labels.{table}: prints "{shorten(printed)}" where the '
                                                          f'standard has "{wording}" ({_changes(wording, printed)})'))
    return findings
