"""The inputs every kind's editing page shares, and the data a posted form of them sets.

An input's name carries the data path it edits, so nothing maps positions by hand:
``f:cover.date`` a field (blank: the key is left out of the file); ``n:report.imprint.copy_to``
one name of a list (repeated, in order, after an empty marker that says the list is on the
page); ``c:report.seal`` a yes/no (a hidden "" before the checkbox, the last value counting);
``p:report.opening`` one paragraph of a list of paragraphs (repeated, in order), and
``b:body:kind`` / ``:text`` / ``:extra`` one block of prose (repeated, in order); ``e:body``
says a list of blocks ("b") or of paragraphs ("p") is on the page, so that one emptied is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.document_fields import DocumentField
from generator.figure_kinds import figure_kind
from generator.i18n import Message, _, message
from generator.load.report_model import NOT_APPLICABLE
from generator.yaml_edit import REMOVE, IfListed

Path = tuple[str, ...]
BLOCK_KINDS = {"p": message("Paragraph"), "h2": message("（一） heading"), "h3": message("1. heading"),
               "h4": message("（1） heading")}
TABLE = "table"
CELL_SEPARATOR = "|"       # between the cells of a table block's row, one row a line, the column heads first


@dataclass(frozen=True)
class Field:
    name: str                  # f:report.title
    label: str | Message
    value: str
    kind: str                  # text, int, date


@dataclass(frozen=True)
class Names:
    name: str                  # n:report.imprint.copy_to
    label: str | Message
    values: list[str]


@dataclass(frozen=True)
class Toggle:
    name: str                  # c:report.seal
    label: str | Message
    checked: bool


@dataclass(frozen=True)
class Paragraphs:
    section: str               # cover.body
    label: str | Message
    items: list[str]


@dataclass(frozen=True)
class Blocks:
    section: str               # report.overview, body, att.att-1
    label: str | Message
    items: list[tuple[str, str, str]]
    kinds: dict[str, Message]


def shown(value: Any) -> str:
    """A data value as an input holds it."""
    return "" if value is None else str(value)


def shown_field(field: DocumentField, value: Any) -> Field | Names:
    """A document field as its input: a list of names as one input per name."""
    name, label = ".".join(field.path), _(field.label)          # a catalog entry, or the workbook's own label
    if field.kind == "names":
        return Names(f"n:{name}", label.split("（")[0] if "、" in label else label, [shown(item) for item in value or []])
    return Field(f"f:{name}", label, shown(field.show(value)), field.kind)


def _table_text(table: dict) -> tuple[str, str]:
    """A table block as its text (column heads, then rows, cells between |) and widths."""
    lines = [table.get("columns") or [], *(table.get("rows") or [])]
    text = "\n".join(f" {CELL_SEPARATOR} ".join(shown(cell) for cell in line) for line in lines)
    return text, ", ".join(f"{width:g}" for width in table.get("widths") or [])


def blocks_shown(items: Any, kinds: Iterable[str] = BLOCK_KINDS) -> list[tuple[str, str, str]]:
    """Prose blocks as (kind, text, extra): a paragraph's lead, a heading's run-on text, a
    table's column widths."""
    out = []
    for item in items or []:
        kind = next((k for k in kinds if k in item), "p")
        if kind == TABLE:
            out.append((kind, *_table_text(item[TABLE] or {})))
            continue
        extra = item.get("lead") if kind == "p" else item.get("text")
        out.append((kind, shown(item.get(kind)), shown(extra)))
    return out


def _cell(text: str) -> str | int | None:
    text = text.strip()
    if not text:
        return None
    return int(text) if re.fullmatch(r"-?[0-9]{1,15}", text) else text


def _table(text: str, extra: str) -> dict[str, Any]:
    lines = [line for line in text.splitlines() if line.strip()]
    columns, *rows = [[cell.strip() for cell in line.split(CELL_SEPARATOR)] for line in lines]
    table: dict[str, Any] = {"columns": columns, "rows": [[_cell(cell) for cell in row] for row in rows]}
    widths = [part.strip() for part in extra.replace("，", ",").split(",") if part.strip()]
    if widths:
        table["widths"] = [float(width) if not width.isdigit() else int(width) for width in widths
                           if re.fullmatch(r"[0-9]+(\.[0-9]+)?", width)]
    return table


def _block(kind: str, text: str, extra: str, kinds: Iterable[str]) -> dict[str, Any] | None:
    if not text.strip():
        return None
    kind = kind if kind in kinds else "p"
    if kind == TABLE:
        return {TABLE: _table(text, extra)}
    block: dict[str, Any] = {kind: text.strip()}
    if extra.strip():
        block["lead" if kind == "p" else "text"] = extra.strip()
    return block


def figure_value(text: str, year_format: int, path: Path) -> Any:
    """A statutory table's figure as typed: blank, "/", a whole number, or text for the model
    to refuse by name unless it is a good amount."""
    text = text.strip()
    if text in ("", NOT_APPLICABLE, "／"):
        return None if text == "" else NOT_APPLICABLE
    if figure_kind(year_format, path) == "count" and re.fullmatch(r"-?[0-9]{1,20}", text):
        return int(text)
    return text


def _left_out(value: Any) -> bool:
    """Whether a change leaves its part out of the file: a blank field, an empty list."""
    return value is REMOVE or isinstance(value, IfListed) and not value.value


IMPRINT_KEYS = ("copy_to", "printer", "print_date")


def leave_out_if_blank(out: dict[Path, Any], group: Path, keys: Iterable[str] = IMPRINT_KEYS) -> None:
    """Fields of one group (the 版记) all left blank leave the group out whole: an ending
    without a 版记, not one with its required parts missing."""
    paths = [(*group, key) for key in keys]
    if all(path in out and _left_out(out[path]) for path in paths):
        for path in paths:
            del out[path]
        out[group] = REMOVE


def prose_changes(blocks: dict[Path, list]) -> dict[Path, Any]:
    """Posted prose as changes: a list left empty stays out of a file that does not list it."""
    return {path: prose if prose else IfListed([]) for path, prose in blocks.items()}


def shared_changes(items: Sequence[tuple[str, str]], fields: Iterable[DocumentField],
                   block_kinds: Iterable[str] = BLOCK_KINDS) -> tuple[dict[Path, Any], dict[Path, list]]:
    """The changes the shared inputs make, by path, and the prose blocks posted, by section
    (a kind's page places them: a section of the office's own, an attachment)."""
    by_path = {field.path: field for field in fields}
    out: dict[Path, Any] = {}
    posted: dict[Path, dict[str, list[str]]] = {}
    for name, value in items:
        prefix, _, rest = name.partition(":")
        path = tuple(rest.split("."))
        if prefix == "f" and path in by_path:
            parsed = by_path[path].parse(value)
            out[path] = REMOVE if parsed is None else parsed
        elif prefix == "n":
            names = out.setdefault(path, IfListed([])).value
            if value.strip():
                names.append(value.strip())
        elif prefix == "c":
            out[path] = True if value else IfListed(False)
        elif prefix == "e" and value == "p":      # a list of paragraphs is on the page, even with none left
            out.setdefault(path, [])
        elif prefix == "e":                        # a list of blocks is
            posted.setdefault(path, {})
        elif prefix == "p":
            out.setdefault(path, [])
            if value.strip():
                out[path].append(value.strip())
        elif prefix == "b":
            section, _, part = rest.partition(":")
            posted.setdefault(tuple(section.split(".")), {}).setdefault(part, []).append(value)
    for path, value in out.items():
        if isinstance(value, IfListed) and value.value:
            out[path] = value.value                  # names given: written, listed or not
    kinds = list(block_kinds)
    blocks = {path: [block for block in (_block(*triple, kinds) for triple in zip(
        parts.get("kind", []), parts.get("text", []), parts.get("extra", []), strict=False)) if block]
        for path, parts in posted.items()}
    return out, blocks
