"""web: ``gongwen serve``, the whole report on a local web page (see ``app``)."""

from __future__ import annotations

from pathlib import Path


def serve(folder: Path, port: int) -> None:
    """Serve the data files in ``folder`` on http://127.0.0.1:PORT/, and nowhere else: the page
    writes files, so it is for the clerk at this machine only."""
    import uvicorn

    from generator.i18n import message
    from generator.web.app import create_app
    print(message("gongwen: serving {folder} on {address} (Ctrl-C to stop)", folder=folder.resolve(),
                  address=f"http://127.0.0.1:{port}/"))
    uvicorn.run(create_app(folder), host="127.0.0.1", port=port, log_level="warning")
