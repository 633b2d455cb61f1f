"""Text still marked as to do (warnings): ``gongwen new --from`` carries last year's prose over
with a mark, which must not be published by oversight."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.checks.findings import Finding
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


def todo_findings(source: YamlSource, mark: str) -> list[Finding]:
    """A warning at every text of the file that holds ``mark``."""
    return [Finding("warning", source.position(path),
                    message("{place} is still marked {mark} (last year's text, carried over): write this year's and "
                            "delete the mark", place=Place(path), mark=mark))
            for path, text in _strings(source.data) if mark in text]
