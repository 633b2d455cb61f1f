"""The date a ZIP entry of a DOCX, OFD or XLSX package carries: the document's, not the clock's.

Both formats are ZIP packages, and the same data must give the same bytes, so every entry is
stamped with the document's creation date. A ZIP entry holds only dates from 1980 to 2107; a
date outside is stamped as the nearest one it can hold (a report dated 2300 still gets written).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

ZIP_DATES = (dt.datetime(1980, 1, 1), dt.datetime(2107, 12, 31, 23, 59, 58))


def zip_date_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """``when`` as a ZIP entry's date_time, within the range a ZIP entry can carry."""
    earliest, latest = ZIP_DATES
    return min(max(when.replace(tzinfo=None), earliest), latest).timetuple()[:6]


def stable_zip(data: bytes, when: dt.datetime) -> bytes:
    """A ZIP package (python-docx, openpyxl stamp each entry with the clock) rewritten with
    every entry stamped ``when``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = zip_date_time(when)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
