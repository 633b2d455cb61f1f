"""A data file's bytes → its text: bounded in size, UTF-8, errors at file:line:column.

At most ``file_bytes + 1`` bytes are read, so a huge file or an endless one (``/dev/zero``) is
refused at once instead of filling memory. Offices often save files as GBK or UTF-16 from
older editors; the error names the line where decoding failed and asks for UTF-8, because a
byte offset means nothing to a clerk.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from generator.errors import DataError, SourcePosition, UsageError
from generator.i18n import message
from generator.load.limits import LIMITS

_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_text(path: Path) -> str:
    """The file's text; UsageError when it cannot be read, DataError when it is no usable text."""
    try:
        if stat.S_ISFIFO(path.stat().st_mode):      # opening a pipe with no writer waits forever
            raise UsageError(message("{path}: is a pipe, not a file; save the data as a file", path=path))
        with path.open("rb") as handle:
            data = handle.read(LIMITS.file_bytes + 1)
    except FileNotFoundError:
        raise UsageError(message("{path}: no such file", path=path)) from None
    except (OSError, ValueError) as error:       # ValueError: a NUL in the name
        reason = getattr(error, "strerror", None) or error.__class__.__name__
        raise UsageError(message("{path}: cannot read ({reason})", path=path, reason=reason)) from None
    if len(data) > LIMITS.file_bytes:
        raise DataError(_byte_position(path, data, LIMITS.file_bytes),
                        message("the file is larger than {size} bytes; a report's data is far smaller "
                                "(is this the right file?)", size=f"{LIMITS.file_bytes:,}"))
    if data.startswith(_UTF16_32_BOMS):
        raise DataError(SourcePosition(str(path), 1, 1),
                        message("the file is saved as UTF-16 or UTF-32; save the file as UTF-8"))
    if b"\0" in data:              # no text holds NUL bytes; UTF-16 without its mark holds many
        raise DataError(_byte_position(path, data, data.index(b"\0")),
                        message("the file holds NUL bytes (U+0000), as UTF-16 does; save the file as UTF-8"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(_byte_position(path, data, error.start),
                        message("this is not UTF-8 text (the file may be saved as GBK or GB2312); save the file as "
                                "UTF-8")) from None


def _byte_position(path: Path, data: bytes, offset: int) -> SourcePosition:
    """line:column of the byte at ``offset``, counting the characters before it on its line."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8-sig" if line_start == 0 else "utf-8", "replace"))
    return SourcePosition(str(path), data.count(b"\n", 0, offset) + 1, column + 1)
