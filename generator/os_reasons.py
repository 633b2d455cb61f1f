"""Why the system refused to read or write a file, in the clerk's words.

``OSError.strerror`` is the C library's English ("Permission denied"); the common refusals are
catalog entries, and anything rarer keeps the system's own words.
"""

from __future__ import annotations

import errno

from generator.i18n import Message, N_, message

_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("a file of that name is in the way"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EFBIG: N_("the file is larger than the disk allows"),
}


def os_reason(error: BaseException) -> Message | str:
    """The reason an ``OSError`` gives, as a catalog message where the program has one."""
    number = getattr(error, "errno", None)
    if number in _REASONS:
        return message(_REASONS[number])
    return getattr(error, "strerror", None) or str(error) or error.__class__.__name__
