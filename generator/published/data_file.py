"""A published report's data as a data file to review: the tree in the order a data file keeps,
and on top, as comments, what the reader guessed and what it could not read, each with its place."""

from __future__ import annotations

from generator.draft_yaml import draft_yaml
from generator.errors import SourcePosition
from generator.checks.findings import Finding
from generator.i18n import message
from generator.published.structure import Published

ROW_WIDTH = 120                 # a row of the applications table on one line, as data/ writes it
_REPORT_ORDER = ("title", "opening", "sections", "labels", "overview", "proactive", "applications", "reviews",
                 "problems", "other_matters", "signature", "date", "imprint")


def reader_findings(published: Published) -> list[Finding]:
    """The reader's guesses as warnings and what it could not read as errors, at their places."""
    def position(where: str) -> SourcePosition:
        return SourcePosition(f"{published.path}:{where}" if where else published.path)
    return [Finding("warning", position(where), text) for where, text in published.warnings] + \
        [Finding("error", position(where), text) for where, text in published.unread]


def data_file(published: Published) -> str:
    report = published.data["report"]
    tree = {**{key: value for key, value in published.data.items() if key != "report"},
            "report": {key: report[key] for key in (*_REPORT_ORDER, *report) if key in report}}
    head = [f"# {line}" for line in str(message(
        "Read from {path} by gongwen import: check every figure and paragraph against the published report, "
        "then run\ngongwen check THIS-FILE.", path=published.path)).splitlines()]
    if published.warnings:
        guessed = message("What the reader guessed:")
        head.append(f"# {guessed}")
        head += [f"#   {where or '-'}: {text}" for where, text in published.warnings]
    if published.unread:
        unread = message("What it could not read:")
        head.append(f"# {unread}")
        head += [f"#   {where or '-'}: {text}" for where, text in published.unread]
    return draft_yaml(head, tree, {}, flow_width=ROW_WIDTH)
