"""The data the page's form makes, read without writing and parsing the whole file again.

The live check runs at every keystroke. Writing the form's changes into the file's YAML text
(``edit_yaml``, which keeps the comments) and parsing that text again took 0.3 s on the
26-page report, most of a check. The data read back is the file's data with the changes made
in it (``apply_changes``, the same code that edits the text) whenever each value written reads
back as itself and the file reads the same in both YAML readers; so the file is parsed once
per version, and a check makes the changes in a copy of its data. When anything could read
back otherwise (a text YAML 1.1 takes for a number or true/false, a character the loader
refuses, an alias, a list past the limits), ``page_data`` says so and the check goes the whole
way round, through the text. tests/test_web_speed.py checks that both ways find the same.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from generator.errors import DataError, GongwenError
from generator.load import parsed_source
from generator.load.limits import LIMITS
from generator.load.reading import read_text
from generator.load.yaml_source import YamlSource
from generator.yaml_edit import REMOVE, DataPath, apply_changes, plain, written, yaml_for

# the kinds of value a form writes, and that both YAML readers read as the same Python type
_SCALARS = (str, int, bool, dt.date, type(None))


@dataclass(frozen=True)
class _Read:
    data: dict | None      # the file's data as the loader reads it; None: only the text is sure


def on_disk(path: Path) -> YamlSource:
    """The data file at ``path`` as ``load_source`` reads it, parsed once per version of its
    text (the page asks for it at every keystroke). Nobody changes a source's data."""
    return _parsed(str(path), read_text(path))


_parsed = lru_cache(maxsize=8)(parsed_source)


def prepare(path: Path) -> None:
    """Read the file at ``path`` both ways now, the loader's and the round trip's: a save gives
    the file a new text, and the first check of a new text paid for reading it (0.2–0.7 s on
    the 26-page report) at the clerk's next keystroke. A file that does not read is left to
    that check to report."""
    try:
        _read(str(path), read_text(path))
    except GongwenError:
        return


def page_data(path: Path, text: str, changes: Mapping[DataPath, Any]) -> dict | None:
    """The data of the file at ``path``, whose text is ``text``, with ``changes`` made, as the
    loader would read the edited text; None when only writing and reading the text is sure to
    give that."""
    read = _read(str(path), text)
    if read.data is None or not all(_reads_back(plain(written(v))) for v in changes.values() if v is not REMOVE):
        return None
    data = copy.deepcopy(read.data)
    apply_changes(data, changes)
    return data if _within_limits(data) else None


@lru_cache(maxsize=8)
def _read(path: str, text: str) -> _Read:
    """A file's data, when its round-trip reading (the one ``edit_yaml`` changes) holds the
    same values of the same types as the loader's, with no value shared (an alias)."""
    try:
        data = _parsed(path, text).data
        round_trip = yaml_for(text).load(text)
    except Exception:           # noqa: BLE001 — any failure: the text's own way reports it
        return _Read(None)
    return _Read(data if isinstance(data, dict) and _alike(round_trip, data) and _unshared(data) else None)


def _alike(round_trip: Any, loaded: Any) -> bool:
    """Whether ``edit_yaml``'s reading and the loader's agree, so that it judges a value
    unchanged (kept as written) exactly when this module does."""
    if isinstance(round_trip, dict):
        return (isinstance(loaded, dict) and list(round_trip) == list(loaded)
                and all(_alike(round_trip[key], loaded[key]) for key in round_trip))
    if isinstance(round_trip, list):
        return (isinstance(loaded, list) and len(round_trip) == len(loaded)
                and all(_alike(a, b) for a, b in zip(round_trip, loaded)))
    if isinstance(round_trip, str):
        return type(loaded) is str and round_trip == loaded
    if isinstance(round_trip, int) and not isinstance(round_trip, bool):
        # ruamel keeps how a number was written (ScalarInt); a number changed is written anew
        # either way, one left alone reads as the same int
        return type(loaded) is int and round_trip == loaded
    return type(round_trip) is type(loaded) and round_trip == loaded


def _unshared(data: Any, seen: set[int] | None = None) -> bool:
    seen = set() if seen is None else seen
    if isinstance(data, (dict, list)):
        if id(data) in seen:
            return False
        seen.add(id(data))
        return all(_unshared(item, seen) for item in (data.values() if isinstance(data, dict) else data))
    return True


def _reads_back(value: Any) -> bool:
    """Whether a value written by ``edit_yaml`` is read back by the loader as itself."""
    if isinstance(value, Mapping):
        return all(_scalar_reads_back(type(key), key) and _reads_back(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_reads_back(item) for item in value)
    return isinstance(value, _SCALARS) and _scalar_reads_back(type(value), value)


@lru_cache(maxsize=4096)
def _scalar_reads_back(kind: type, value: Any) -> bool:
    """(``kind`` keeps True and 1 apart in the cache.) Written as a mapping's value, a list item, a list item's value and in a flow mapping, as
    ``edit_yaml`` writes it, and read back by the loader (its limits, characters and the
    full-width colon it reads as structure included)."""
    flow = CommentedMap(k=value)
    flow.fa.set_flow_style()
    probe = {"k": value, "l": [value], "m": [{"k": value}], "f": flow}
    out = io.StringIO()
    yaml_for("").dump(probe, out)
    try:
        read = YamlSource("", out.getvalue()).data
    except DataError:
        return False
    expected = {"k": value, "l": [value], "m": [{"k": value}], "f": {"k": value}}
    return _alike(expected, read)


def _within_limits(data: Any) -> bool:
    """Far enough inside the loader's limits on lists and nesting, and half its limit on
    values, that the edited text would not be refused for its size."""
    budget = LIMITS.values // 2

    def walk(node: Any, depth: int) -> bool:
        nonlocal budget
        budget -= 1 + (len(node) if isinstance(node, dict) else 0)      # a mapping's keys are values too
        if budget < 0 or depth >= LIMITS.nesting_depth - 1:
            return False
        if isinstance(node, dict):
            return all(walk(item, depth + 1) for item in node.values())
        if isinstance(node, list):
            return len(node) < LIMITS.list_items and all(walk(item, depth + 1) for item in node)
        return True
    return walk(data, 0)
