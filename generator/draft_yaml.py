"""A data file for a clerk to fill in, as YAML text with a comment naming each field.

``gongwen new`` and ``gongwen new --from`` build the data as plain values and write it here, so
every text is quoted as YAML needs it (a title holding ": " or "#" stays one value), a blank
cell is left blank rather than written "null", and an amount keeps its digits ("126.40").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import yaml

WIDTH = 10 ** 9             # never fold a long paragraph
NOTE_COLUMN = 25            # comments start here, or one space after a longer line
FLOW_WIDTH = 80             # a mapping or list of plain values this short is written on one line
SHORT_TEXT = 30             # characters; a longer text is a paragraph

Notes = Mapping[tuple, str]


class _Dumper(yaml.SafeDumper):
    """Amounts as quoted digits, so they are read back with their precision; a list inside a
    mapping indented under its key, as in every other data file."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class Row(list):
    """A short list written on one line wherever it stands (a table's columns, a row of cells)."""


_Dumper.add_representer(Decimal, lambda dumper, value: dumper.represent_str(str(value)))
_Dumper.add_representer(Row, lambda dumper, value: dumper.represent_sequence("tag:yaml.org,2002:seq", value,
                                                                             flow_style=True))


def _dump(value: Any, flow: bool) -> str:
    return yaml.dump(value, Dumper=_Dumper, default_flow_style=flow, allow_unicode=True, width=WIDTH,
                     sort_keys=False)


def _scalar(value: Any) -> str:
    return "" if value is None else _dump([value], True).strip()[1:-1]


def _flat(value: Any, width: int = FLOW_WIDTH) -> bool:
    """Short plain values only (a mapping may hold lists of them), short enough for one line
    together: a paragraph is written on a line of its own."""
    items = list(value.values() if isinstance(value, dict) else value)
    plain = all(isinstance(item, list) and _flat(item, width) or not isinstance(item, (dict, list)) and
                len(str(item)) <= SHORT_TEXT for item in items)
    return plain and len(_dump(value, True)) <= width


def _noted(text: str, note: str | None) -> str:
    return f"{text}{' ' * max(1, NOTE_COLUMN - len(text))}# {note}" if note else text


def _mapping(tree: Mapping, notes: Notes, path: tuple, indent: int, width: int) -> list[str]:
    lines: list[str] = []
    pad = "  " * indent
    for key, value in tree.items():
        here = (*path, key)
        noted_inside = any(len(p) > len(here) and p[:len(here)] == here for p in notes)
        if isinstance(value, dict) and value and (noted_inside or not _flat(value, width)):
            lines.append(_noted(f"{pad}{key}:", notes.get(here)))
            lines += _mapping(value, notes, here, indent + 1, width)
        elif isinstance(value, list) and value and not _flat(value, width):
            lines.append(_noted(f"{pad}{key}:", notes.get(here)))
            lines += [f"{pad}  {line}" for line in _dump(value, False).splitlines()]
        else:
            text = _dump(value, True).strip() if isinstance(value, (dict, list)) else _scalar(value)
            lines.append(_noted(f"{pad}{key}: {text}" if text else f"{pad}{key}:", notes.get(here)))
    return lines


def draft_yaml(head: list[str], tree: Mapping, notes: Notes, flow_width: int = FLOW_WIDTH) -> str:
    """``head``: comment lines on top; ``notes``: the comment after a field, by its key path;
    ``flow_width``: the longest mapping or list written on one line (a table's row of figures)."""
    return "\n".join([*head, *_mapping(tree, notes, (), 0, flow_width)]) + "\n"
