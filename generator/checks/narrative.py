"""Numbers the prose quotes, against the tables they describe (warnings).

Published reports often say "结转6条" while their table says 8, or "行政复议2件，均获维持" while
section 四's table has one case corrected. The phrases to look for are data in the format's
layout (``narrative:``): each group names the sections whose prose it reads, each rule the
table cells its phrase quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from generator.checks.arithmetic import total_of
from generator.checks.findings import Finding
from generator.compose.sections import ReportSection
from generator.errors import SourcePosition
from generator.field_labels import printed_name
from generator.i18n import message
from generator.load.echo import shorten
from generator.load.limits import LIMITS

TEXT_FIELDS = ("h2", "h3", "h4", "lead", "p", "text")


def _texts(section: ReportSection) -> Iterator[tuple[tuple, str]]:
    """(YAML path, text) of every piece of a section's prose."""
    for i, block in enumerate(section.prose):
        for field in TEXT_FIELDS:
            text = getattr(block, field)
            if text:
                yield (*section.path, i, field), text


def _table_value(report: dict, rule: dict) -> int | None:
    """The cell a rule names: its ``key`` (default 总计) of its row, or added up over its rows."""
    key = rule.get("key", "total")
    values = []
    for path in rule["data"] if isinstance(rule["data"], list) else [rule["data"]]:
        node = report
        for step in path.split("."):
            node = node[step]
        values += [row[key] for row in node.values() if isinstance(row, dict)] if rule.get("sum") else [node[key]]
    return total_of(values)


def _quoted(rule: dict, match: re.Match) -> int | None:
    if "value" in rule:
        return rule["value"]
    digits = match.group(1)         # too long to be any table's figure: never equal
    return int(digits) if len(digits) <= LIMITS.number_characters else None


def narrative_findings(sections: list[ReportSection], headings: dict[int, str], completed: dict,
                       groups: list[dict], position: Callable[[tuple], SourcePosition]) -> list[Finding]:
    """``headings``: each section's printed heading (一、总体情况) by its number; ``completed``:
    the data with its totals filled in."""
    findings = []
    for group in groups:
        for section in (s for s in sections if s.key in group["prose"]):
            for path, text in _texts(section):
                for rule in group["rules"]:
                    for match in re.finditer(rule["pattern"], text):
                        table = _table_value(completed["report"], rule)
                        if table is not None and _quoted(rule, match) != table:
                            findings.append(Finding(
                                "warning", position(path),
                                message("{section} says \"{quoted}\" but the table's {cell} is {table}",
                                        section=headings[section.number], quoted=shorten(match.group(0)),
                                        cell=printed_name(rule["name"]), table=table)))
    return findings
