"""What kind of number a statutory figure is, read from the report model: a count (a whole
number) or an amount (a decimal kept as printed). The workbook validates and the web page parses
a figure by its kind, so a field the model changes from count to amount changes both."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, get_args

from pydantic import BaseModel

from generator.load.report_model import ReportFile

Kind = Literal["count", "amount"]


def report_class(year_format: int) -> type[BaseModel]:
    """The report model of a table format."""
    return next(cls for cls in get_args(ReportFile) if get_args(cls.model_fields["format"].annotation) == (year_format,))


def figure_kind(year_format: int, path: tuple[str, ...]) -> Kind:
    """Whether the field at ``path`` is a count or an amount, by its annotation in the model."""
    model: Any = report_class(year_format)
    for step in path[:-1]:
        model = model.model_fields[step].annotation
    return "amount" if Decimal in get_args(model.model_fields[path[-1]].annotation) else "count"
