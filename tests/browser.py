"""What the browser tests share: ``gongwen serve`` on a free port of 127.0.0.1 in a thread, and
Debian's chromium driven by Playwright (it never downloads a browser of its own)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


@contextlib.contextmanager
def served_folder(folder: Path) -> Iterator[str]:
    """The page serving ``folder``, by its address, until the block ends."""
    import uvicorn

    from generator.web.app import create_app
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(folder), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@contextlib.contextmanager
def chromium(profile: Path) -> Iterator:
    """A browser context of chromium, Chinese, accepting downloads; skipped without chromium."""
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed (make test installs it: tests/install_test_tools.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
            headless=True, accept_downloads=True, viewport={"width": 1400, "height": 900}, locale="zh-CN")
        yield context
        context.close()
