"""Text set once and kept for the next layout of the same text.

The web page's preview lays the whole document out again at every edit, while most of its
paragraphs have not changed. Breaking a text into lines and setting a line's glyphs are pure
functions of the text, its styles, the measure and the line's place, except for what they ask
of the fonts: the fonts used, in the order first used (every writer embeds them in that order),
and the warnings of a fallback font. So an entry keeps those too, and a hit replays them: a
layout with a memo is the layout without one, byte for byte in every format
(tests/test_web_speed.py builds both). A command-line build makes no memo.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from generator.layout.fonts import FontSet

T = TypeVar("T")
MAX_ENTRIES = 50_000           # a few long reports' lines; then it starts again empty


@dataclass
class FontCalls:
    """What a piece of setting asked of the fonts: the fonts in the order first used, and the
    warnings, in order."""

    fonts: dict[str, None] = field(default_factory=dict)
    warnings: dict[str, None] = field(default_factory=dict)


@dataclass
class _Entry:
    value: Any
    calls: FontCalls
    holds: Any = None           # the object whose identity is part of the key, kept alive


class TextMemo:
    """Set text by key, for one layout and one set of font files (a different one empties it)."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, _Entry] = {}
        self._setting: Hashable = None

    def bind(self, setting: Hashable) -> TextMemo:
        """The memo for text set under ``setting`` (the layout file and the font files)."""
        if setting != self._setting:
            self._entries.clear()
            self._setting = setting
        return self

    def kept(self, fonts: FontSet, key: Hashable, make: Callable[[], T], holds: Any = None) -> T:
        """``make()``, or what it made before under ``key``, its calls on ``fonts`` replayed.
        ``holds``: an object the key names by identity (``id``), checked to be the same one."""
        entry = self._entries.get(key)
        if entry is not None and entry.holds is holds:
            fonts.replay(entry.calls)
            return entry.value
        with fonts.recording() as calls:
            value = make()
        if len(self._entries) >= MAX_ENTRIES:
            self._entries.clear()
        self._entries[key] = _Entry(value, calls, holds)
        return value
