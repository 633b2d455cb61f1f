"""``gongwen serve`` in a real browser: Debian's chromium driven by Playwright (it never
downloads a browser of its own). A clerk breaks a total, sees the message beside the cell, fixes
it, previews, downloads the DOCX and PDF, and saves; the saved file builds the same document."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from generator.checks import check_report
from generator.load import validate
from generator.load.yaml_source import YamlSource
from tests.conftest import SEED, squeeze

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
CELL = "report.applications.received.natural_person"
TOTAL = "report.applications.received.total"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> tuple[str, Path]:
    """The server on a free port of 127.0.0.1, serving a folder holding a copy of the seed."""
    import uvicorn

    from generator.web.app import create_app
    folder = tmp_path_factory.mktemp("served")
    shutil.copy(SEED, folder / SEED.name)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(folder), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", folder
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed (make test installs it: tests/install_test_tools.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
            headless=True, accept_downloads=True, viewport={"width": 1400, "height": 900}, locale="zh-CN")
        yield context.new_page()
        context.close()


def _expected_message(old: str, new: str) -> str:
    """What ``gongwen check`` says about the seed with ``old`` replaced by ``new``."""
    text = SEED.read_text(encoding="utf-8").replace(old, new, 1)
    source = YamlSource(str(SEED), text)
    checked = check_report(source, validate(source))
    return next(f"error: {f.message}" for f in checked.findings if "一、本年新收（总计）" in str(f.message))


def _pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_clerk_edits_checks_downloads_and_saves(served, page, tmp_path):
    url, folder = served
    page.goto(f"{url}/")
    page.click(f"text={SEED.name}")
    page.wait_for_selector("#findings .summary")
    assert page.inner_text("#findings .summary").startswith("0 处错误")
    shots = tmp_path / "shots"
    shots.mkdir()

    page.fill(f"input[name='t:{CELL}']", "199")
    message = page.locator(f"[data-msg='{TOTAL}']")
    expected = _expected_message("received: {natural_person: 198", "received: {natural_person: 199")
    message.get_by_text(expected).wait_for()
    assert "为202，但六类申请人各栏之和为203" in expected
    assert "bad" in page.get_attribute(f"input[name='t:{CELL}']", "class")
    page.locator("table.statutory").nth(1).scroll_into_view_if_needed()
    page.screenshot(path=shots / "error.png")

    page.fill(f"input[name='t:{CELL}']", "198")
    page.wait_for_function(f"!document.querySelector(\"[data-msg='{TOTAL}']\").textContent")
    assert page.inner_text("#findings .summary").startswith("0 处错误")

    page.click("button:has-text('预览')")
    page.wait_for_selector("#preview img", timeout=60_000)
    assert page.locator("#preview img").count() >= 10
    page.screenshot(path=shots / "preview.png")
    assert all((shots / name).stat().st_size > 50_000 for name in ("error.png", "preview.png"))

    files = {}
    for fmt in ("docx", "pdf"):
        with page.expect_download(timeout=60_000) as download:
            page.click(f"text=下载 {fmt.upper()}")
        files[fmt] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[fmt])
    import docx
    docx_text = squeeze("".join(p.text for p in docx.Document(files["docx"]).paragraphs))
    assert "福州市长乐区2020年政府信息公开工作年度报告" in docx_text
    pdf_text = _pdf_text(files["pdf"])
    assert "福州市长乐区2020年政府信息公开工作年度报告" in squeeze(pdf_text)

    page.click("button:has-text('保存')")
    page.get_by_text("已保存").wait_for()
    saved = folder / SEED.name
    assert saved.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
    from generator.build import build
    rebuilt = build(saved, tmp_path / "rebuilt", ("pdf",), None, warn=lambda _: None, say=lambda _: None)[0]
    assert _pdf_text(rebuilt) == pdf_text


def test_clerk_starts_a_new_report(served, page):
    url, folder = served
    page.goto(f"{url}/")
    page.fill("input[name=name]", "new-2024")
    page.fill("input[name=organ]", "某某区人民政府")
    page.fill("input[name=year]", "2024")
    page.click("button:has-text('新建')")
    page.wait_for_selector("#findings .summary")
    assert (folder / "new-2024.yaml").exists()
    assert page.locator("table.statutory").count() == 3
    assert page.input_value("input[name='f:organ']") == "某某区人民政府"
    page.goto(f"{url}/edit/..%2F..%2Fetc%2Fpasswd")
    assert "root:" not in page.content()
