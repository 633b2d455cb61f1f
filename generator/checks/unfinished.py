"""What is not written yet (errors: the build stops unless forced, ``check`` lists each one):
text still marked to do (``gongwen new --from`` carries last year's prose over with a mark),
the skeleton's placeholder text (``gongwen new``), and a statutory table with not one figure.
An untouched skeleton checked clean and built a report that printed "在此填写。" and three
empty tables; none of these must be published by oversight."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.checks.findings import Finding
from generator.checks.table_rows import TableRow
from generator.document_fields import lookup
from generator.field_labels import Place
from generator.i18n import message
from generator.load.yaml_source import YamlSource


def _strings(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def text_findings(source: YamlSource, mark: str, placeholder: str) -> list[Finding]:
    """An error at every text of the file that holds the to-do ``mark`` or is the skeleton's
    ``placeholder``."""
    findings = []
    for path, text in _strings(source.data):
        if mark in text:
            findings.append(Finding("error", source.position(path), message(
                "{place} is still marked {mark} (last year's text, carried over): write this year's and delete "
                "the mark", place=Place(path), mark=mark)))
        elif text.strip() == placeholder:
            findings.append(Finding("error", source.position(path), message(
                "{place} still reads {text}, as gongwen new wrote it: write the text", place=Place(path),
                text=placeholder)))
    return findings


def empty_table_findings(source: YamlSource, data: dict, tables: dict[str, list[TableRow]]) -> list[Finding]:
    """An error at every statutory table (by its report field) whose cells are all blank."""
    findings = []
    for name, rows in tables.items():
        cells = [(*row.path, key) for row in rows for key in row.keys]
        if cells and all(lookup(data, cell) is None for cell in cells):
            path = cells[0][:2]
            findings.append(Finding("error", source.position(path), message(
                "{place}: the table is empty: fill in its figures (0 where there were none, \"/\" where a row does "
                "not apply)", place=Place(path))))
    return findings
