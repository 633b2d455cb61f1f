"""load: a YAML data file → a validated :class:`ReportFile`, or a :class:`DataError` with file:line:column."""

from __future__ import annotations

import re
from pathlib import Path

from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from generator.errors import DataError, SourcePosition, UsageError
from generator.field_labels import Place
from generator.i18n import Message, message
from generator.load.clerk_values import whole_number
from generator.load.echo import echo
from generator.load.known_keys import nearest_key
from generator.load.messages import describe
from generator.load.reading import read_text
from generator.load.report_model import ONE_ROW, REPORT_FILE, THREE_ROWS, ReportFile, default_format
from generator.load.yaml_source import YamlSource

__all__ = ["load_report", "load_source", "parsed_source", "load_previous", "validate", "validated", "ReportFile"]

T = TypeVar("T")

# pydantic adds the tried member type of a union to an error's location; it is no data key.
_UNION_TAG = re.compile(rf"^(int|str|decimal|none|literal\[.*\]|function-.*|{THREE_ROWS}|{ONE_ROW})$")


def load_report(path: Path) -> ReportFile:
    """Read, parse and validate one data file; the first problem is raised with its position."""
    return validate(load_source(path))


def load_source(path: Path) -> YamlSource:
    """Read and parse a data file, keeping the positions of its values."""
    return parsed_source(str(path), read_text(path))


def parsed_source(path: str, text: str) -> YamlSource:
    """A data file's text parsed, keeping the positions of its values."""
    source = YamlSource(path, text)
    if not isinstance(source.data, dict):
        raise DataError(SourcePosition(path, 1, 1), message("expected a mapping of report fields at the top level"))
    return source


def load_previous(source: YamlSource, previous: str) -> YamlSource:
    """Last year's file that ``source`` names in ``previous:``, relative to its folder; a file
    that cannot be read is a mistake in the data, reported at the ``previous:`` line."""
    try:
        return load_source(Path(source.path).parent / previous)
    except UsageError as error:
        raise DataError(source.position(("previous",)), message("previous: {problem}", problem=error)) from None


def validate(source: YamlSource) -> ReportFile:
    """The report model of a parsed file; ``format`` defaults to the one in force for ``year``."""
    data = {key: value for key, value in source.data.items() if key != "kind"}    # kind: 年度报告
    year = whole_number(data.get("year"))
    if data.get("format") is None and isinstance(year, int) and not isinstance(year, bool):
        data["format"] = default_format(year)
    return validated(source, REPORT_FILE, data)


def validated(source: YamlSource, model: TypeAdapter[T], data: dict | None = None) -> T:
    """``data`` (by default the file's) as ``model``; the first problem is a DataError at its
    line, naming the field."""
    try:
        return model.validate_python(source.data if data is None else data)
    except ValidationError as error:
        errors = error.errors()
        # a misspelt key is also a required one missing: the misspelling is the mistake to name
        first = next((found for found in errors if found["type"] == "extra_forbidden"), errors[0])
        location = tuple(step for step in first["loc"] if not _UNION_TAG.match(str(step)))
        if location and str(location[0]) in ("2019", "2021"):       # the format tag of the union
            location = location[1:]
        if first["type"] == "extra_forbidden":
            raise DataError(source.position(location), _unknown_key(model, location)) from None
        raise DataError(source.position(location),
                        message("{place}: {problem}", place=Place(location), problem=describe(first))) from None


def _unknown_key(model: TypeAdapter, location: tuple[int | str, ...]) -> Message:
    """An unknown key named as written, with the known key at its place it most resembles."""
    parent, key = location[:-1], str(location[-1])
    near = nearest_key(model, parent, key)
    if near is None:
        return message("{place}: unknown field {key} (check its spelling)", place=Place(parent), key=echo(key))
    return message("{place}: unknown field {key}: did you mean {near}?", place=Place(parent), key=echo(key),
                   near=echo(near))
