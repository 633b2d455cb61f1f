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
from generator.field_labels import Place
from generator.i18n import Message, message
from generator.load.echo import shorten
from generator.load.report_model import ReportFile

MAX_CHANGES = 3


def _changes(standard: str, printed: str) -> Message | str:
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
    if len(edits) > MAX_CHANGES:
        return message("{changes} and {count} more", changes=shown, count=len(edits) - MAX_CHANGES)
    return shown


def label_findings(report: ReportFile, tables: dict[str, dict],
                   position: Callable[[tuple], SourcePosition]) -> list[Finding]:
    """``tables``: the table specs the report prints (``report_tables``)."""
    findings = []
    for table, overrides in report.report.labels:
        standard = list(dict.fromkeys(table_labels(tables[table])))
        for wording, printed in overrides.items():
            where = position(("report", "labels", table, wording))
            place = Place(("report", "labels", table), english=f"labels.{table}")
            named = Place(("report", table), english=table)
            if wording not in standard:
                nearest = difflib.get_close_matches(wording, standard, n=1, cutoff=0.5)
                if nearest:
                    text = message('{place}: "{wording}" is no label of the {table} table, so nothing would change; '
                                   'write the label as the standard words it; the nearest is "{nearest}"',
                                   place=place, wording=shorten(wording), table=named, nearest=nearest[0])
                else:
                    text = message('{place}: "{wording}" is no label of the {table} table, so nothing would change; '
                                   "write the label as the standard words it",
                                   place=place, wording=shorten(wording), table=named)
                findings.append(Finding("error", where, text))
            elif printed != wording:
                findings.append(Finding("warning", where, message(
                    '{place}: prints "{printed}" where the standard has "{wording}" ({changes})', place=place,
                    printed=shorten(printed), wording=wording, changes=_changes(wording, printed))))
    return findings
