"""Numbers the prose quotes, against the tables they describe (warnings).

Published reports often say "结转6条" while their table says 8. The phrases to look for are
data in the format's layout (``narrative:``), each naming the table row it quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from generator.checks.findings import Finding
from generator.errors import SourcePosition
from generator.load.echo import shorten
from generator.load.limits import LIMITS
from generator.load.report_model import ReportFile

TEXT_FIELDS = ("h2", "h3", "h4", "lead", "p", "text")


def _texts(report_file: ReportFile) -> Iterator[tuple[tuple, str]]:
    """(YAML path, text) of every piece of prose of 一、总体情况."""
    for i, block in enumerate(report_file.report.overview):
        for field in TEXT_FIELDS:
            text = getattr(block, field)
            if text:
                yield ("report", "overview", i, field), text


def _row_total(data: dict, path: str, add_up: bool) -> int | None:
    node = data
    for step in path.split("."):
        node = node[step]
    if not add_up:
        return node["total"]
    totals = [row["total"] for row in node.values() if isinstance(row, dict)]
    return None if None in totals else sum(0 if t == "/" else t for t in totals)


def narrative_findings(report_file: ReportFile, completed: dict, rules: list[dict],
                       position: Callable[[tuple], SourcePosition]) -> list[Finding]:
    findings = []
    for path, text in _texts(report_file):
        for rule in rules:
            for match in re.finditer(rule["pattern"], text):
                digits = match.group(1)         # too long to be any table's figure: never equal
                quoted = int(digits) if len(digits) <= LIMITS.number_characters else None
                table = _row_total(completed["report"], rule["data"], rule.get("sum", False))
                if table is not None and quoted != table:
                    findings.append(Finding("warning", position(path),
                                            f"一、总体情况 says \"{shorten(match.group(0))}\" but the table's "
                                            f"{rule['name']}/总计 is {table}"))
    return findings

