"""The PKCS#12 password: from a file or the environment, never from the command line, where
every user of the machine can read it (``ps``, the shell's history).

A clerk saves the password file with Notepad, which may write it as UTF-8 with a byte-order
mark, as UTF-16 ("Unicode") or, on an older Windows, as GBK. The password is the characters
the clerk typed, whatever the encoding, so the file is decoded and the characters passed on as
UTF-8, which is how a PKCS#12 file's password is made; a BOM is no part of it.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from generator.errors import UsageError
from generator.i18n import message
from generator.os_reasons import os_reason

PASSWORD_ENV = "GONGWEN_P12_PASSWORD"
# byte-order marks, longest first (UTF-32's LE mark begins with UTF-16's), and their codecs
_MARKED = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
           (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))
# without a mark: UTF-8, else the Chinese Windows encoding (GB18030 holds GBK and GB2312)
_UNMARKED = ("utf-8", "gb18030")
MAX_BYTES = 64 * 1024               # a password file holds a line; anything larger is the wrong file


def password_text(data: bytes) -> str:
    """The characters ``data`` encodes; UsageError when it is in no encoding a password file is saved
    in, or holds NUL (UTF-16 without its mark does; no password holds one, and the PKCS#12 library
    fails on it)."""
    text = _decoded(data)
    if "\0" in text:
        raise UsageError(message("the password holds NUL characters (U+0000), as UTF-16 without a byte-order mark "
                                 "does; save the password file as UTF-8"))
    return text


def _decoded(data: bytes) -> str:
    for mark, encoding in _MARKED:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    else:
        for encoding in _UNMARKED:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise UsageError(message("the password is not text in UTF-8, UTF-16 or GBK; save the password file as UTF-8"))


def read_password(password_file: Path | None) -> bytes:
    """The first line of ``password_file`` (without its line break), or else $GONGWEN_P12_PASSWORD,
    as UTF-8."""
    if password_file is None:
        if PASSWORD_ENV not in os.environ:
            raise UsageError(message("no password for the .p12 file: give --password-file FILE or set {env}",
                                     env=PASSWORD_ENV))
        return password_text(os.environb[PASSWORD_ENV.encode()]).encode("utf-8")
    try:
        with password_file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise UsageError(message("{path}: cannot read the password file ({reason})", path=password_file,
                                 reason=os_reason(error))) from None
    if len(data) > MAX_BYTES:
        raise UsageError(message("{path}: larger than {size} bytes; a password file holds one line (is this the "
                                 "right file?)", path=password_file, size=f"{MAX_BYTES:,}"))
    lines = password_text(data).splitlines()
    return lines[0].encode("utf-8", "surrogateescape") if lines else b""
