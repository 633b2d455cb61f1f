"""The data files the page may touch: the ``.yaml`` files directly in the folder it serves.

A name from the browser is only ever a file name: no folder part, no leading dot, no link, and
resolved it must still lie in the folder. Anything else is refused before the file system is
asked about it, so ``../secret.yaml``, an absolute path or a symlink out of the folder gets a
message, never a file.
"""

from __future__ import annotations

import re
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from generator.errors import GongwenError
from generator.i18n import message
from generator.load.limits import LIMITS

_NAME = re.compile(r"[^/\\\x00-\x1f]{1,120}\.ya?ml")


class Refused(GongwenError):
    """A request for something the page does not serve or cannot accept; shown as a message."""

    exit_code = 2
    status = 400


class TooLarge(Refused):
    status = 413


class DataFolder:
    """The folder ``gongwen serve`` was started in."""

    def __init__(self, folder: Path) -> None:
        self.root = folder.resolve()

    def files(self) -> list[str]:
        """The data files a clerk can open, by name."""
        return sorted(path.name for path in self.root.iterdir()
                      if _NAME.fullmatch(path.name) and not path.name.startswith(".") and self._inside(path))

    def _inside(self, path: Path) -> bool:
        return not path.is_symlink() and path.resolve().parent == self.root

    def path(self, name: str, must_exist: bool = True) -> Path:
        """The file ``name`` in the folder, or Refused."""
        if not _NAME.fullmatch(name) or name.startswith("."):
            raise Refused(message("「{name}」 is not a data file name (a name ending in .yaml, without a folder)",
                                  name=name[:60]))
        path = self.root / name
        if path.is_symlink() or path.resolve().parent != self.root:
            raise Refused(message("「{name}」 is not a file of this folder", name=name))
        if must_exist and not path.is_file():
            raise Refused(message("「{name}」: no such data file in this folder", name=name))
        if not must_exist and path.exists():
            raise Refused(message("「{name}」 already exists: open it, or choose another name", name=name))
        return path


MAX_UPLOAD = LIMITS.file_bytes      # an upload is a data file, held to the loader's own limit
MAX_BODY = 2 * MAX_UPLOAD           # a posted form holds one data file's worth of text, and some names


class BodyLimit:
    """ASGI middleware: a request body past ``MAX_BODY`` bytes is refused as it arrives (by its
    Content-Length, or by counting when it has none), before a form parser stores any of it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        received = 0

        async def counted() -> Message:
            nonlocal received
            event = await receive()
            received += len(event.get("body", b""))
            if received > MAX_BODY or (declared.isdigit() and int(declared) > MAX_BODY):
                raise TooLarge(message(
                    "The request is too large: at most {limit} bytes (a data file at most {file_limit})",
                    limit=f"{MAX_BODY:,}", file_limit=f"{MAX_UPLOAD:,}"))
            return event

        await self.app(scope, counted, send)
