"""pydantic's validation errors in a clerk's words, naming what the format expects.

pydantic speaks of "Input should be a valid dictionary or instance of Block"; a clerk needs
"expected a mapping (key: value)". Messages never echo the whole input (see ``echo``).
"""

from __future__ import annotations

from typing import Any

from generator.i18n import Message, N_, message
from generator.load.guarded_loader import BOOL, EXPECTED, INT, MAP, SEQ, STR, TIMESTAMP

_FORMATS = N_("format must be 2019 or 2021 (or left out: it follows the year)")
_EXPECTED = N_("expected {expected}")
_FIXED = {
    "missing": N_("required field is missing"),
    "extra_forbidden": N_("unknown field (check its spelling)"),
    "union_tag_invalid": _FORMATS,
    "union_tag_not_found": _FORMATS,
    "too_short": N_("must not be empty"),
    "string_too_short": N_("must not be empty"),
}
_TYPES = {
    "string_type": STR, "int_type": INT, "int_parsing": INT, "int_from_float": INT, "finite_number": INT,
    "bool_type": BOOL, "bool_parsing": BOOL, "list_type": SEQ, "model_type": MAP, "dict_type": MAP,
}
_WITH_CONTEXT = {
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than_equal": N_("must be at most {le}"),
    "literal_error": N_("must be {expected}"),
    "too_long": N_("may hold at most {max_length} items; this one holds {actual_length}"),
}


def describe(error: dict[str, Any]) -> Message | str:
    """One pydantic error (an item of ``ValidationError.errors()``) as a clerk's message."""
    kind, context = error["type"], error.get("ctx", {})
    if kind in _FIXED:
        return message(_FIXED[kind])
    if kind in _TYPES:
        return message(_EXPECTED, expected=message(EXPECTED[_TYPES[kind]]))
    if kind == "literal_error" and " or " in str(context.get("expected")):     # pydantic's "'a', 'b' or 'c'"
        first, last = str(context["expected"]).rsplit(" or ", 1)
        return message(_WITH_CONTEXT[kind], expected=message("{names} or {last}", names=first, last=last))
    if kind in _WITH_CONTEXT:
        counts = ("max_length", "actual_length")          # thousands separated, as the other limits
        return message(_WITH_CONTEXT[kind], **{key: f"{value:,}" if key in counts else value
                                               for key, value in context.items()})
    if kind == "string_too_long":
        return message("may have at most {most} characters; this one has {count}",
                       most=f"{context['max_length']:,}", count=f"{len(error['input']):,}")
    if kind.startswith("date"):
        if "error" in context:
            return message("expected {expected} ({detail})", expected=message(EXPECTED[TIMESTAMP]),
                           detail=context["error"])
        return message(_EXPECTED, expected=message(EXPECTED[TIMESTAMP]))
    if kind == "other_processing_form":          # the report model's own wording, as a catalog entry
        return message(error["msg"])
    reason = context.get("error")
    if isinstance(reason, ValueError) and reason.args and isinstance(reason.args[0], Message):
        return reason.args[0]           # the model's own message, rendered when printed
    return error["msg"].removeprefix("Value error, ")
