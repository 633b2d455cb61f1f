"""Characters that cannot be printed, found in the file's text and in every parsed value.

A report is printed, so a value holding a control character, half of a surrogate pair or a
Unicode noncharacter has no meaning on paper and breaks the writers and the terminal. YAML
lets such characters in through escapes ("\\0", "\\ud800"), so the raw file is not enough:
each parsed value is checked too. The raw file may hold tabs and line breaks (YAML's own
layout); a value may not: every text of a report is printed as one paragraph or one line.
"""

from __future__ import annotations

import re
import unicodedata

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
_LAYOUT = "\t\n\r"                                   # tab, line feed, carriage return
_OTHER_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"   # every other C0 and C1 control, DEL
# Also lone surrogates, noncharacters, and the line and paragraph separators (PyYAML counts
# those as line breaks and most editors do not, so they would shift every position after them).
_NEVER = _OTHER_CONTROLS + "\ud800-\udfff\u2028\u2029" + _NONCHARACTERS

IN_FILE = re.compile(f"[{_NEVER}]")
IN_VALUE = re.compile(f"[{_LAYOUT}{_NEVER}]")


def describe(char: str) -> str:
    """What the character is and why it is refused, naming its code point."""
    code = f"U+{ord(char):04X}"
    if char in "\n\r":
        return f"contains a line break ({code}); a text is printed as one paragraph: write it on one line"
    if char == "\t":
        return f"contains a tab ({code}), which cannot be printed; use a space"
    if "\ud800" <= char <= "\udfff":
        return f"contains {code}, half of a surrogate pair, which cannot be printed"
    if unicodedata.category(char) in ("Zl", "Zp"):
        return f"contains the {unicodedata.name(char).lower()} {code}, which cannot be printed"
    if unicodedata.category(char) == "Cc":
        return f"contains the control character {code}, which cannot be printed"
    return f"contains the Unicode noncharacter {code}, which cannot be printed"
