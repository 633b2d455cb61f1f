"""web: ``gongwen serve``, the whole report on a local web page (see ``app``)."""

from __future__ import annotations

import socket
from pathlib import Path

from generator.errors import UsageError
from generator.i18n import message


def serve(folder: Path, port: int) -> None:
    """Serve the data files in ``folder`` on http://127.0.0.1:PORT/, and nowhere else: the page
    writes files, so it is for the clerk at this machine only. A folder that is not there or a
    port already taken is refused in one line (exit 2) before the page is announced."""
    import uvicorn

    from generator.web.app import create_app
    if not folder.is_dir():
        raise UsageError(message("{folder}: no such folder", folder=folder))
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind(("127.0.0.1", port))
    except (OSError, OverflowError):
        listening.close()
        raise UsageError(message("port {port} on 127.0.0.1 cannot be used (another gongwen serve on it?): "
                                 "choose another with --port", port=port)) from None
    print(message("gongwen: serving {folder} on {address} (Ctrl-C to stop)", folder=folder.resolve(),
                  address=f"http://127.0.0.1:{port}/"), flush=True)
    server = uvicorn.Server(uvicorn.Config(create_app(folder), log_level="warning"))
    server.run(sockets=[listening])
