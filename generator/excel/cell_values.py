"""A figure between the report data and a workbook cell: counts as numbers, amounts with
their printed decimals and unit in the cell's number format, blank as blank, "/" as "/".

An amount is printed as the data writes it ("58812595.00 元"); a cell holds a binary number,
so the template gives the cell the number format ``0.00" 元"`` and the reader takes the
decimals and the unit back from that format. What the sheet shows is what is imported.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.figure_kinds import Kind
from generator.load.report_model import NOT_APPLICABLE

_UNIT = re.compile(r'"([^"]*)"')
_DECIMALS = re.compile(r"0\.(0+)")


def number_format(value: Any, unit: str | None) -> str:
    """The number format that shows ``value`` as printed: its decimals, then its unit."""
    decimals = -value.as_tuple().exponent if isinstance(value, Decimal) and value.as_tuple().exponent < 0 else 0
    shown = "0." + "0" * decimals if decimals else ("0" if unit else "General")
    return f'{shown}" {unit}"' if unit else shown


def cell_value(value: Any) -> Any:
    """The data's figure as a cell holds it."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    return value


def figure_value(value: Any, kind: Kind, cell_format: str) -> Any:
    """A cell's value as the data holds it. A value that is no figure is passed on unchanged,
    for the report model to refuse with its own message."""
    if isinstance(value, str):
        value = value.strip()
        if value in ("", "／"):
            return None if value == "" else NOT_APPLICABLE
        if re.fullmatch(r"-?[0-9]+", value):
            value = int(value)
    if value is None or value == NOT_APPLICABLE or isinstance(value, bool):
        return value
    if isinstance(value, float) and kind == "count" and value.is_integer():
        return int(value)
    if isinstance(value, (int, float)) and kind == "amount":
        decimals = _DECIMALS.search(cell_format)
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if decimals:
            return amount.quantize(Decimal(1).scaleb(-len(decimals.group(1))))
        return amount.to_integral_value() if amount == amount.to_integral_value() else amount
    return value


def format_unit(cell_format: str) -> str | None:
    """The unit a number format shows after the figure (元), if any."""
    match = _UNIT.search(cell_format)
    return match.group(1).strip() or None if match else None
