"""The program's words in the clerk's language: gettext catalogs, Chinese by default.

Every sentence a person reads is a catalog entry (its msgid is the English wording, with named
fields such as ``{total}``) and is rendered as late as possible, so that a finding stays data —
rule, place, figures — until the command line, the web page or the workbook prints it, each in
the same words. ``GONGWEN_LANG=en`` (or ``--lang en``) gives the English msgids themselves, for
maintainers.

The catalogs are ``generator/locale/<lang>/LC_MESSAGES/gongwen.po`` (edited) and the ``.mo``
compiled from it with Babel (``make messages``); a test holds the two together and walks the
catalog, so a message added without its Chinese fails.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DOMAIN = "gongwen"
LOCALE_DIR = Path(__file__).with_name("locale")
LANG_ENV = "GONGWEN_LANG"
# the program's languages → the catalog that speaks them (None: the msgids themselves)
LANGUAGES: dict[str, str | None] = {"zh": "zh_CN", "en": None}
DEFAULT_LANGUAGE = "zh"

_language: str | None = None


def language() -> str:
    """The language in force: set by ``--lang``, else ``GONGWEN_LANG``, else Chinese. An
    unknown value in the environment is not an error a clerk can act on mid-run, so it falls
    back to Chinese; ``--lang`` refuses one (``set_language``)."""
    if _language is not None:
        return _language
    wanted = os.environ.get(LANG_ENV, "").strip().lower().split("_")[0].split("-")[0]
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def set_language(name: str) -> None:
    """Speak ``name`` ("zh" or "en") from now on; ValueError for a language the program lacks."""
    global _language
    if name not in LANGUAGES:
        raise ValueError(name)
    _language = name


@cache
def _catalog(name: str) -> gettext.NullTranslations:
    catalog = LANGUAGES[name]
    if catalog is None:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[catalog])


def _(msgid: str) -> str:
    """``msgid`` in the language in force, now: for help texts and labels read at once."""
    return _catalog(language()).gettext(msgid)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` (Chinese has one; English two)."""
    return _catalog(language()).ngettext(singular, plural, count)


def N_(msgid: str) -> str:
    """Marks ``msgid`` for the catalog where it is defined, to be translated where it is read."""
    return msgid


@dataclass(frozen=True)
class Message:
    """A catalog entry and its fields, rendered in the language in force when printed. Fields
    may be Messages themselves (a cell's label, a severity): they render in the same language."""

    msgid: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return _(self.msgid).format(**self.fields)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __hash__(self) -> int:          # a warning said once (a set of Messages); fields may be any value
        return hash((self.msgid, tuple(sorted((name, repr(value)) for name, value in self.fields.items()))))


def message(msgid: str, **fields: Any) -> Message:
    """The catalog entry ``msgid`` with ``fields``; Babel extracts the calls of this function."""
    return Message(msgid, fields)
