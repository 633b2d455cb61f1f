"""Parse YAML while remembering where every value came from.

PyYAML's composed node tree carries line and column marks; pydantic reports errors as a path
of keys and indexes. Walking that path through the node tree turns a validation error into
``file:line:column``, which is what a clerk needs to find the mistake.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.errors import DataError, SourcePosition


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that rejects a key given twice (the second would silently win otherwise)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is given twice", mark)
        seen[key] = key_node
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class YamlSource:
    """A parsed YAML document together with its node tree, for error positions."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        try:
            loader = _UniqueKeyLoader(text)
            try:
                self.root = loader.get_single_node()
                self.data = loader.construct_document(self.root) if self.root is not None else None
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            position = SourcePosition(path, mark.line + 1, mark.column + 1) if mark else SourcePosition(path)
            raise DataError(position, f"YAML syntax: {error.problem or error.context}") from None

    def position(self, location: tuple[int | str, ...]) -> SourcePosition:
        """The position of the value at ``location``; the deepest existing node if it is missing."""
        node = self.root
        for step in location:
            child = _child(node, step)
            if child is None:
                break
            node = child
        if node is None:
            return SourcePosition(self.path)
        return SourcePosition(self.path, node.start_mark.line + 1, node.start_mark.column + 1)


def _child(node: yaml.Node | None, step: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(step):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None
