"""Which version of a data file a page holds, so that a save never silently overwrites a change
made meanwhile in another tab or an editor."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.i18n import message
from generator.web.files import Refused


class Stale(Refused):
    """A save over a file that changed since the page loaded it."""

    status = 409


def version(text: str) -> str:
    """What a page remembers of the file it loaded: a digest of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def refuse_stale(path: Path, loaded: str, current: str) -> None:
    """Refuse a save by a page that loaded another version of ``path`` than the one on disk."""
    if loaded != current:
        raise Stale(message("Not saved: {name} was changed on disk (in another tab or an editor) since this page "
                            "opened it. Reload it to see those changes, or copy your edits first.", name=path.name))
