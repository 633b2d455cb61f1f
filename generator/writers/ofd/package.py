"""The OFD container: a ZIP of the parts, written so that the same parts give the same bytes.

Entries are sorted by name and carry the document's creation date, not the clock; the
attributes a ZIP writer takes from the machine (the system that made it, file modes) are
fixed.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import BinaryIO

from generator.writers.zip_dates import zip_date_time

UNIX = 3


def write_package(parts: dict[str, bytes], created: dt.datetime, target: Path | BinaryIO) -> None:
    stamp = zip_date_time(created)
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(parts):
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = UNIX
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, parts[name], compresslevel=9)
