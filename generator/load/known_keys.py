"""The keys a data file may hold at a place, to name the one a misspelt key was meant to be.

pydantic reports a misspelt ``adressee`` twice: as an unknown field, and as ``addressee``
missing. The clerk needs the first, with the key it was probably meant to be; the keys allowed
at that place are read from the model's JSON Schema (one walk for every model and every union).
"""

from __future__ import annotations

from difflib import get_close_matches
from functools import cache
from typing import Any

from pydantic import TypeAdapter

_UNIONS = ("anyOf", "oneOf", "allOf")


@cache
def _schema(model: TypeAdapter) -> dict[str, Any]:
    return model.json_schema()


def _resolved(schema: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas ``node`` stands for: itself, its reference, each member of a union."""
    if "$ref" in node:
        return _resolved(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[-1]])
    members = [member for key in _UNIONS for member in node.get(key, [])]
    if members:
        return [found for member in members for found in _resolved(schema, member)]
    return [node]


def known_keys(model: TypeAdapter, location: tuple[int | str, ...]) -> list[str]:
    """Every key the model allows in the mapping at ``location`` (a list index steps into items)."""
    schema = _schema(model)
    nodes = _resolved(schema, schema)
    for step in location:
        following: list[dict[str, Any]] = []
        for node in nodes:
            child = node.get("items") if isinstance(step, int) else node.get("properties", {}).get(step)
            if isinstance(child, dict):
                following += _resolved(schema, child)
        nodes = following
    return sorted({key for node in nodes for key in node.get("properties", {})})


def nearest_key(model: TypeAdapter, location: tuple[int | str, ...], key: str) -> str | None:
    """The allowed key at ``location`` most like ``key``, if one is like it at all."""
    near = get_close_matches(key, known_keys(model, location), n=1, cutoff=0.6)
    return near[0] if near else None
