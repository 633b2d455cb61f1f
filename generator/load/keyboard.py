"""The Chinese keyboard's full-width marks where YAML's syntax needs half-width ones.

A clerk typing in Chinese input mode writes ``signature：某某`` and indents with "　" (U+3000);
YAML sees no key there and fails on the next line with words about tokens. Where such a mark
stands in the file's structure — the indentation before a key or a list item, the colon after
a key — it has one meaning, so it is read as the half-width mark, before the YAML is parsed,
and each such reading is a note (a warning at its line) so that nothing is changed unseen.
Full-width marks anywhere else (in the text itself) are the text and stay as they are.
"""

from __future__ import annotations

import re

from generator.errors import SourcePosition
from generator.i18n import Message, message

Note = tuple[SourcePosition, Message]
FULL_WIDTH_SPACE = "\u3000"
# Only a line of the structure: indentation, list dashes, then a key (a field name) and its colon.
_LINE = re.compile(r"(?P<lead>[ \u3000]*(?:-[ \u3000]+)*)(?P<key>[A-Za-z_][A-Za-z0-9_]*)"
                   r"(?P<colon>[ \u3000]*(?:：|:(?=[ \u3000]|$))[ \u3000]*)")
_ITEM = re.compile(r"(?P<lead>[ \u3000]*(?:-[ \u3000]+)+)")


def half_width_structure(path: str, text: str) -> tuple[str, list[Note]]:
    """``text`` with the full-width marks of its structure made half-width, and a note for each
    line changed. Line numbers stay as they are; a full-width space is two columns wide, as an
    editor shows it, so it is read as two spaces."""
    lines = text.split("\n")
    notes: list[Note] = []
    for index, line in enumerate(lines):
        match = _LINE.match(line) or _ITEM.match(line)
        if match is None:
            continue
        found = match.groupdict()
        lead, key, colon = found["lead"], found.get("key") or "", found.get("colon") or ""
        rest = line[match.end():]
        if FULL_WIDTH_SPACE in lead:
            notes.append((SourcePosition(path, index + 1, lead.index(FULL_WIDTH_SPACE) + 1), message(
                "a full-width space (U+3000) indents this line; it was read as two spaces: indent with half-width "
                "spaces")))
            lead = lead.replace(FULL_WIDTH_SPACE, "  ")
        at_colon = SourcePosition(path, index + 1, len(found["lead"]) + len(key) + 1)
        if "：" in colon:
            notes.append((at_colon, message('the full-width colon "：" after {key} was read as ":"; type ":" in '
                                            "English input mode", key=key)))
        elif FULL_WIDTH_SPACE in colon:
            notes.append((at_colon, message("a full-width space (U+3000) after {key}: was read as a half-width "
                                            "space", key=key)))
        if "：" in colon or FULL_WIDTH_SPACE in colon:
            colon = ": " if rest else ":"
        lines[index] = lead + key + colon + rest
    return "\n".join(lines), notes
