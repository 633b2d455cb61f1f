"""What the browser tests share: ``gongwen serve`` on a free port of 127.0.0.1 in a thread, and
Debian's chromium driven by Playwright (it never downloads a browser of its own)."""

from __future__ import annotations

import contextlib
import re
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


# Every word the page itself shows, as the browser has it: text nodes (hidden ones too: the
# progress indicator, a message not yet shown), the attributes a reader meets (title,
# placeholder, aria-label, alt) and the tab's title. The data a clerk typed (input values,
# textareas) is not the page's; the checks' findings are gathered apart and compared with the
# checks' own words.
_PAGE_WORDS = """() => {
  const own = [], findings = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.textContent.trim(), parent = node.parentElement;
    if (!text || parent.closest("script, style, textarea")) continue;
    (parent.closest("#findings li, .msg") ? findings : own).push(text);
  }
  for (const element of document.body.querySelectorAll("[title], [placeholder], [aria-label], [alt]")) {
    for (const name of ["title", "placeholder", "aria-label", "alt"]) {
      const value = element.getAttribute(name);
      if (value && !(name === "placeholder" && element.matches("input[name^='t:']"))) own.push(value);
    }
  }
  own.push(document.title);
  return {own, findings};
}"""
# what may be in Latin letters: file names and paths, keys (Ctrl+Z), and the formats' own names
_NAMES = re.compile(r"(?:/[\w.\-]+)+/?|[\w.\-]*\.(?:ya?ml|txt|pdf|docx|ofd|xlsx)\b|Ctrl\+[A-Z]")
_FORMAT_NAMES = {"DOCX", "PDF", "OFD", "YAML", "PNG", "JPEG"}


def _english_words(page) -> tuple[set[str], list[str]]:
    words = page.evaluate(_PAGE_WORDS)
    latin = {word for text in words["own"] for word in re.findall(r"[A-Za-z]+", _NAMES.sub(" ", text))}
    return latin - _FORMAT_NAMES, words["findings"]


def assert_no_english(page, state: str) -> None:
    """No word of the page's own in English; every finding shown in the checks' own words."""
    english, findings = _english_words(page)
    assert not english, f"{state}: English on the page: {sorted(english)}"
    shown = set(page.locator("#findings li").evaluate_all("items => items.map(item => item.dataset.text)"))
    for line in findings:               # beside a cell or in the list: the checks' words, rendered
        assert line in shown and line.startswith(("错误：", "提示：")), f"{state}: {line!r}"
