"""Change values in a data file's YAML text and keep the rest: comments, key order, quoting.

The Excel import and the web page write a clerk's changes back into the office's own file.
ruamel.yaml's round trip keeps comments, key order, flow or block style and quotes; only values
that differ are assigned, so an unchanged field keeps its exact text. What it does not keep is
padding inside a line (``received:     {…}`` loses the spaces that aligned it) and the layout of
a list or mapping that is replaced as a whole.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from decimal import Decimal
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

DataPath = tuple[str | int, ...]
REMOVE = object()          # as a change's value: the key is taken out of the file (an optional part left out)


@dataclass(frozen=True)
class IfListed:
    """As a change's value: ``value`` where the file lists the key; where it does not, the key
    stays left out (``value`` is what the model takes for it then: an empty list, false)."""

    value: Any
_KEY_LINE = re.compile(r"^( +)[^\s#\-][^:#]*:", re.MULTILINE)
# a key, then the first item of its block list: how far the file indents a list's dashes
_LIST_START = re.compile(r"^( *)[^\s#\-][^\n]*:[ \t]*(?:#[^\n]*)?\n( *)- ", re.MULTILINE)


def yaml_for(text: str) -> YAML:
    """A round-trip YAML that writes with the indentation the text already uses."""
    mapping_indent = min((len(m.group(1)) for m in _KEY_LINE.finditer(text)), default=2)
    first_list = _LIST_START.search(text)
    offset = len(first_list.group(2)) - len(first_list.group(1)) if first_list else 2
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000         # never fold a long paragraph over lines
    yaml.indent(mapping=mapping_indent, sequence=offset + 2, offset=offset)
    return yaml


def plain(value: Any) -> Any:
    """A value as YAML should hold it: amounts as quoted text ("126.45"), the rest as they are."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    return value


def _same(old: Any, new: Any) -> bool:
    """Whether the file already says ``new`` (a quoted date or amount counts as its value)."""
    if isinstance(new, (dt.date, Decimal)) and isinstance(old, str):
        return old == str(new)
    return type(old) is type(new) and old == new or isinstance(old, str) and isinstance(new, str) and old == new


def _assign(node: dict | list, key: str | int, value: Any) -> None:
    """Set ``node[key]`` to ``value``, changing a list or mapping in place item by item, so the
    comments on the items that stay are kept."""
    old = node[key] if (key in node if isinstance(node, dict) else key < len(node)) else None
    if isinstance(old, list) and isinstance(value, list):
        for index, item in enumerate(value[:len(old)]):
            _assign(old, index, item)
        del old[len(value):]
        old.extend(value[len(old):])
    elif isinstance(old, dict) and isinstance(value, Mapping):
        for gone in [k for k in old if k not in value]:
            del old[gone]
        for k, item in value.items():
            _assign(old, k, item)
    elif old is None and value is None or not _same(old, value):
        node[key] = value


def _parent(data: dict, path: DataPath) -> dict | None:
    """The mapping that holds the key at ``path``, if the file has it."""
    node = data
    for step in path[:-1]:
        if not isinstance(node, dict) or step not in node:
            return None
        node = node[step]
    return node if isinstance(node, dict) and path[-1] in node else None


def _remove(data: dict, path: DataPath) -> None:
    """Take the key at ``path`` out, if the file has it."""
    parent = _parent(data, path)
    if parent is not None:
        del parent[path[-1]]


def _create(node: dict, key: str | int, later: set[str | int], mapping: type[dict]) -> None:
    """A new mapping at ``node[key]``, placed before the first key of ``node`` a later change
    is about (changes come in the order the page shows them: a cover switched on goes before
    the report, not after it), or last; in plain data too, so that both readings keep one order."""
    keys = list(node)
    at = next((keys.index(k) for k in keys if k in later), len(keys))
    if isinstance(node, CommentedMap):
        node.insert(at, key, mapping())
        return
    items = list(node.items())
    items.insert(at, (key, mapping()))
    node.clear()
    node.update(items)


def written(value: Any) -> Any:
    """What a change writes (REMOVE writes nothing; an IfListed, its value where it writes)."""
    return value.value if isinstance(value, IfListed) else value


def apply_changes(data: dict, changes: Mapping[DataPath, Any], mapping: type[dict] = dict) -> None:
    """Make the changes in ``data`` (a round-trip document, or plain data as the loader reads
    it: the web page's live check), creating the ``mapping``s on the way that are missing, and
    taking out the keys whose value is ``REMOVE``."""
    paths = list(changes)
    for index, (path, value) in enumerate(changes.items()):
        if value is REMOVE:
            _remove(data, path)
            continue
        if isinstance(value, IfListed):
            if _parent(data, path) is None:
                continue
            value = value.value
        node = data
        for depth, step in enumerate(path[:-1]):
            if step not in node:
                _create(node, step, {later[depth] for later in paths[index + 1:]
                                     if later[:depth] == path[:depth] and len(later) > depth}, mapping)
            elif node[step] is None:
                node[step] = mapping()
            node = node[step]
        _assign(node, path[-1], plain(value))


def edit_yaml(text: str, changes: Mapping[DataPath, Any]) -> str:
    """``text`` with the value at each path replaced (mappings on the way created as needed), or
    taken out where the value is ``REMOVE``."""
    yaml = yaml_for(text)
    data = yaml.load(text)
    apply_changes(data, changes, CommentedMap)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
