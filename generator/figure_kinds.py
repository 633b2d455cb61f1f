"""What kind of number a statutory figure is, read from the report model: a count (a whole
number) or an amount (a decimal kept as printed). The workbook validates and the web page parses
a figure by its kind, so a field the model changes from count to amount changes both."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any, Literal, get_args

from pydantic import BaseModel

from generator.load.report_model import ReportFile

Kind = Literal["count", "amount"]


def report_class(year_format: int) -> type[BaseModel]:
    """The report model of a table format."""
    return next(cls for cls in get_args(ReportFile) if get_args(cls.model_fields["format"].annotation) == (year_format,))


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation admits: itself, or the members of a union (the 2021 （六） row,
    three rows or the 2019 single one), however wrapped (Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models(arg)]


@cache
def figure_kind(year_format: int, path: tuple[str, ...]) -> Kind:
    """Whether the field at ``path`` is a count or an amount, by its annotation in the model
    (kept: the web page asks it for every figure at every keystroke)."""
    models: list[type[BaseModel]] = [report_class(year_format)]
    for step in path:
        fields = [model.model_fields[step] for model in models if step in model.model_fields]
        if step == path[-1]:
            return "amount" if Decimal in get_args(fields[0].annotation) else "count"
        models = [model for field in fields for model in _models(field.annotation)]
    raise ValueError(f"no figure at {'.'.join(path)}")
