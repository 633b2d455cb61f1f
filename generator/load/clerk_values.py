"""Values as a clerk types them, read as what they mean: dates in any of the ways an office
writes them, numbers typed with the Chinese keyboard's full-width digits.

YAML reads only ``2025-01-20`` as a date and only half-width digits as a number; a clerk writes
``2025年1月20日``, ``2025-1-20`` or ``2025/1/20`` and, in Chinese input mode, ``３５``. These
mean one thing each, so they are read as that; what has no such reading is refused in words
that say what the field takes, and a date that cannot exist is named as printed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from generator.i18n import message
from generator.load.echo import echo

# 2025-1-20, 2025/1/20, 2025.1.20, 2025年1月20日 (full-width digits and marks read through NFKC)
_DATE = re.compile(r"(?P<year>[0-9]{4})\s*(?:年\s*(?P<month_cn>[0-9]{1,2})\s*月\s*(?P<day_cn>[0-9]{1,2})\s*日"
                   r"|(?P<mark>[-/.])\s*(?P<month>[0-9]{1,2})\s*(?P=mark)\s*(?P<day>[0-9]{1,2}))")
_WHOLE = re.compile(r"[-+]?[0-9]+")


def half_width(text: str) -> str:
    """``text`` with full-width digits, letters and marks as their half-width forms (NFKC), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def clerk_date(value: Any) -> Any:
    """A date written as text the way offices write it, as the date; a date that does not exist
    (2021年2月30日) is refused by name. Anything else is passed on for the model to refuse."""
    if not isinstance(value, str):
        return value
    match = _DATE.fullmatch(half_width(value))
    if match is None:
        raise ValueError(message("{value} is not {expected}", value=echo(value),
                                 expected=message("a date (such as 2021-02-04 or 2021年2月4日)")))
    year = int(match["year"])
    month, day = (int(match["month"] or match["month_cn"]), int(match["day"] or match["day_cn"]))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(message("{date} does not exist", date=f"{year}年{month}月{day}日")) from None


def whole_number(value: Any) -> Any:
    """A whole number typed as text, in half- or full-width digits ("３５"), as the number; any
    other value is passed on unchanged."""
    if isinstance(value, str) and _WHOLE.fullmatch(half_width(value)):
        return int(half_width(value))
    return value
