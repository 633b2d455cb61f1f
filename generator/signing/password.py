"""The PKCS#12 password: from a file or the environment, never from the command line, where
every user of the machine can read it (``ps``, the shell's history)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import UsageError
from generator.i18n import message
from generator.os_reasons import os_reason

PASSWORD_ENV = "GONGWEN_P12_PASSWORD"


def read_password(password_file: Path | None) -> bytes:
    """The first line of ``password_file`` (without its line break), or else $GONGWEN_P12_PASSWORD."""
    if password_file is None:
        if PASSWORD_ENV not in os.environ:
            raise UsageError(message("no password for the .p12 file: give --password-file FILE or set {env}",
                                     env=PASSWORD_ENV))
        return os.environb[PASSWORD_ENV.encode()]
    try:
        lines = password_file.read_bytes().splitlines()
    except OSError as error:
        raise UsageError(message("{path}: cannot read the password file ({reason})", path=password_file,
                                 reason=os_reason(error))) from None
    return lines[0] if lines else b""
