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

from generator.i18n import Message, message

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
_LAYOUT = "\t\n\r"                                   # tab, line feed, carriage return
_OTHER_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"   # every other C0 and C1 control, DEL
# Also lone surrogates, noncharacters, and the line and paragraph separators (PyYAML counts
# those as line breaks and most editors do not, so they would shift every position after them).
_NEVER = _OTHER_CONTROLS + "\ud800-\udfff\u2028\u2029" + _NONCHARACTERS

IN_FILE = re.compile(f"[{_NEVER}]")
IN_VALUE = re.compile(f"[{_LAYOUT}{_NEVER}]")


def describe(char: str) -> Message:
    """What the character is and why it is refused, naming its code point."""
    code = f"U+{ord(char):04X}"
    if char in "\n\r":
        return message("contains a line break ({code}); a text is printed as one paragraph: write it on one line",
                       code=code)
    if char == "\t":
        return message("contains a tab ({code}), which cannot be printed; use a space", code=code)
    if "\ud800" <= char <= "\udfff":
        return message("contains {code}, half of a surrogate pair, which cannot be printed", code=code)
    if unicodedata.category(char) == "Zl":
        return message("contains the line separator {code}, which cannot be printed", code=code)
    if unicodedata.category(char) == "Zp":
        return message("contains the paragraph separator {code}, which cannot be printed", code=code)
    if unicodedata.category(char) == "Cc":
        return message("contains the control character {code}, which cannot be printed", code=code)
    return message("contains the Unicode noncharacter {code}, which cannot be printed", code=code)
