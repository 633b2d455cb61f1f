"""pydantic's validation errors in a clerk's words, naming what the format expects.

pydantic speaks of "Input should be a valid dictionary or instance of Block"; a clerk needs
"expected a mapping (key: value)". Messages never echo the whole input (see ``echo``).
"""

from __future__ import annotations

from typing import Any

from generator.load.guarded_loader import BOOL, EXPECTED, INT, MAP, SEQ, STR, TIMESTAMP

_FORMATS = "format must be 2019 or 2021 (or left out: it follows the year)"
_FIXED = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field (check its spelling)",
    "union_tag_invalid": _FORMATS,
    "union_tag_not_found": _FORMATS,
    "string_type": f"expected {EXPECTED[STR]}",
    "int_type": f"expected {EXPECTED[INT]}",
    "int_parsing": f"expected {EXPECTED[INT]}",
    "int_from_float": f"expected {EXPECTED[INT]}",
    "finite_number": f"expected {EXPECTED[INT]}",
    "bool_type": f"expected {EXPECTED[BOOL]}",
    "bool_parsing": f"expected {EXPECTED[BOOL]}",
    "list_type": f"expected {EXPECTED[SEQ]}",
    "model_type": f"expected {EXPECTED[MAP]}",
    "dict_type": f"expected {EXPECTED[MAP]}",
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
}
_WITH_CONTEXT = {
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "literal_error": "must be {expected}",
    "too_long": "may hold at most {max_length:,} items; this one holds {actual_length:,}",
}


def describe(error: dict[str, Any]) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) as a clerk's message."""
    kind, context = error["type"], error.get("ctx", {})
    if kind in _FIXED:
        return _FIXED[kind]
    if kind in _WITH_CONTEXT:
        return _WITH_CONTEXT[kind].format(**context)
    if kind == "string_too_long":
        return (f"may have at most {context['max_length']:,} characters; "
                f"this one has {len(error['input']):,}")
    if kind.startswith("date"):
        detail = f" ({context['error']})" if "error" in context else ""
        return f"expected {EXPECTED[TIMESTAMP]}{detail}"
    return error["msg"].removeprefix("Value error, ")
