"""The web page keeps up with typing without changing what it finds or builds.

- The live check reads the form's data from the file's own data with the changes made in it
  (``page_data``) instead of writing and parsing the whole text: for every data file and for
  values chosen to trip YAML (texts YAML 1.1 reads as numbers, dates or true/false, colons,
  quotes, characters the loader refuses, past the limits), the data is the edited text's, or
  the check goes through the text.
- Builds run in a worker process: a check answers while a preview builds, and a preview made
  stale by a newer edit is dropped; only the pages in view are drawn with the answer.
- The layout's text memo lays out the same pages, byte for byte.
(How fast is measured by ``make bench``, not here.)
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import lxml.html
import pytest
from PIL import Image

from generator.errors import DataError
from generator.load import parsed_source
from generator.load.limits import LIMITS
from generator.load.report_model import REPORT_FILE, default_format
from generator.load.reading import read_text
from generator.web import checking
from generator.web.checking import check_page
from generator.web.form import changes
from generator.web.page_data import page_data
from generator.yaml_edit import edit_yaml, yaml_for
from tests.conftest import ANNUAL_REPORTS, ROOT
from tests.test_web_roundtrip import _form_values

with warnings.catch_warnings():
    warnings.simplefilter("ignore")             # Starlette's TestClient warns about httpx
    from fastapi.testclient import TestClient

from generator.web.app import create_app

# texts that YAML may read otherwise than typed, or that the loader refuses
TRICKY_TEXTS = ["yes", "No", "on", "null", "~", "1e3", "0x1F", "010", "1_000", "1:20", "2021-02-04", "2023-02-30",
                "3.14", "abc：def", "note：一是", "a: b", "#注释", "- 列表", "'单引号", '"双引号', "{x}", "[1, 2]",
                "&anchor", "*alias", "!!int 5", "% 百分", "@符号", "`反引号", "文字 # 非注释", "tab\there", "两行\n文字",
                "零宽\u200b字符", "全角\u3000空格", "x" * (LIMITS.text_characters + 1), "本年新收政府信息公开申请8件。"]
TRICKY_FIGURES = ["7", "", "abc", "—", "／", "-3", "010", "1e3", "3.5", "9" * 21, "２"]


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> dict[str, tuple[Path, dict[str, list[str]]]]:
    """Each annual report of data/ and the form its editing page shows."""
    folder = tmp_path_factory.mktemp("served")
    for path in (ROOT / "data").glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    client = TestClient(create_app(folder))
    return {path.name: (folder / path.name, _form_values(client.get(f"/edit/{path.name}").text))
            for path in ANNUAL_REPORTS}


def _typed(value: Any) -> Any:
    """A value with the type of every scalar in it: 1 and True, "1" and 1 are told apart."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return type(value).__name__, value


def _items(form: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, value) for name, values in form.items() for value in values]


def _edited(form: dict[str, list[str]], name: str, value: str, index: int = 0) -> list[tuple[str, str]]:
    changed = {key: list(values) for key, values in form.items()}
    changed[name][index] = value
    return _items(changed)


def _first(form: dict[str, list[str]], prefix: str, suffix: str = "") -> str:
    return next(name for name in form if name.startswith(prefix) and name.endswith(suffix))


def _same_as_the_text(path: Path, items: list[tuple[str, str]], year_format: int) -> bool:
    """Assert that the data read without the text is the edited text's; whether it was."""
    text = read_text(path)
    edits = changes(items, year_format)
    fast = page_data(path, text, edits)
    try:
        slow = parsed_source(str(path), edit_yaml(text, edits)).data
    except DataError:
        assert fast is None, "the edited text is refused, so only it may be read"
        return False
    assert fast is None or _typed(fast) == _typed(slow)
    return fast is not None


def _format(path: Path) -> int:
    from generator.load import load_report
    return load_report(path).format


# a small data file, for values tried one by one (the form's fields of every kind)
SMALL = """# 注释
year: 2020
cover:
  title: 标题
  date: 2021-02-04
report:
  opening:
    - 第一段。
  overview:
    - p: 段落。
      lead: 一是
    - h2: 标题
  applications:
    received: {natural_person: 198, commercial: 0}   # 流式
"""


@pytest.mark.parametrize("name", [path.name for path in ANNUAL_REPORTS])
def test_ordinary_edits_are_read_without_the_text(forms, name):
    path, form = forms[name]
    year_format = _format(path)
    section = _first(form, "b:", ":text").rsplit(":", 1)[0]
    edited = {key: list(values) for key, values in form.items()}
    edited[_first(form, "t:")][0] = "7"
    edited[f"{section}:text"][0] = "本年度共受理政府信息公开申请12件，均已按时答复。"
    for part, value in (("kind", "h2"), ("text", "新增的标题"), ("extra", "")):
        edited[f"{section}:{part}"].append(value)
    shortened = {key: list(values) for key, values in form.items()}
    for part in ("kind", "text", "extra"):
        del shortened[f"{section}:{part}"][0]
    shortened[_first(form, "t:")][0] = ""
    assert all([_same_as_the_text(path, _items(form), year_format) for form in (form, edited, shortened)])


def _small_same_as_the_text(tmp_path: Path, items: list[tuple[str, str]]) -> bool:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return _same_as_the_text(path, items, default_format(2020))


@pytest.mark.parametrize("value", TRICKY_TEXTS)
def test_a_text_that_may_read_otherwise_reads_as_the_edited_text(tmp_path, value):
    for items in ([("f:cover.title", value)], [("p:report.opening", value)],
                  [("b:report.overview:kind", "p"), ("b:report.overview:text", value),
                   ("b:report.overview:extra", value)],
                  [("b:report.overview:kind", "h2"), ("b:report.overview:text", value),
                   ("b:report.overview:extra", value)]):
        _small_same_as_the_text(tmp_path, items)


@pytest.mark.parametrize("value", TRICKY_FIGURES)
def test_a_figure_that_may_read_otherwise_reads_as_the_edited_text(tmp_path, value):
    for field in ("natural_person", "research"):       # in the flow mapping, and a new key
        _small_same_as_the_text(tmp_path, [(f"t:report.applications.received.{field}", value)])


@pytest.mark.parametrize("value", ["2024-01-20", "2024-02-30", "二〇二一年二月四日", "2021-02-04", ""])
def test_a_date_reads_as_the_edited_text(tmp_path, value):
    _small_same_as_the_text(tmp_path, [("f:cover.date", value)])


def test_plain_edits_of_the_small_file_are_read_without_the_text(tmp_path):
    assert _small_same_as_the_text(tmp_path, [("f:cover.title", "新标题"), ("p:report.opening", "第一段改。"),
                                              ("t:report.applications.received.natural_person", "7")])


def test_a_list_past_the_limit_goes_through_the_text(tmp_path):
    items = [item for number in range(LIMITS.list_items + 1)
             for item in (("b:report.overview:kind", "p"), ("b:report.overview:text", f"第{number}段。"),
                          ("b:report.overview:extra", ""))]
    assert not _small_same_as_the_text(tmp_path, items)


def test_a_file_with_an_alias_goes_through_the_text(tmp_path):
    path = tmp_path / "alias.yaml"
    path.write_text(SMALL.replace("    received: {natural_person: 198, commercial: 0}   # 流式",
                                  "    received: &row {natural_person: 198, commercial: 0}\n    carried_over: *row"),
                    encoding="utf-8")
    assert not _same_as_the_text(path, [("t:report.applications.received.natural_person", "7")], default_format(2020))


def test_the_check_finds_what_it_finds_through_the_text(forms, monkeypatch):
    """The whole check, findings and computed totals, read both ways."""
    path, form = forms["department-2022.yaml"]
    from generator.load import load_report
    shown = load_report(path)
    broken = _edited(form, "t:report.applications.received.natural_person", "999")
    wrong_date = _edited(form, "f:report.date", "2024-02-30")
    for items in (_items(form), broken, wrong_date):
        fast = check_page(path, shown, items)
        with monkeypatch.context() as patched:
            patched.setattr(checking, "page_data", lambda *_: None)
            patched.setattr(checking, "_last_checks", {})
            slow = check_page(path, shown, items)
        assert slow is not fast
        assert [str(f) for f in fast.findings] == [str(f) for f in slow.findings]
        assert fast.computed == slow.computed and fast.text == slow.text
        assert (fast.report is None) == (slow.report is None)
        if fast.report is not None:
            assert fast.report.model_dump() == slow.report.model_dump()
    assert any(f.severity == "error" for f in check_page(path, shown, broken).findings)


# ---- builds off the event loop ---------------------------------------------------------------

def _served_long(folder: Path) -> tuple[Any, str, list[tuple[str, str]]]:
    """An app serving the 26-page report (its worker not started yet), and the page's form."""
    shutil.copy(ROOT / "data" / "synthetic-long.yaml", folder)
    app = create_app(folder)
    form = _form_values(TestClient(app).get("/edit/synthetic-long.yaml").text)
    return app, "/edit/synthetic-long.yaml", _items(form)


def test_the_page_finds_the_text_still_to_write_as_check_does(tmp_path):
    """A new report's skeleton: the page's check gives the errors gongwen check gives (the
    placeholder text, the empty tables), so a download is refused as a build would be."""
    from generator.kinds import check_path
    from generator.load import load_source, validate
    from generator.skeleton import skeleton
    path = tmp_path / "new.yaml"
    path.write_text(skeleton(2021, 2024, "某某区人民政府"), encoding="utf-8")
    expected = sorted(str(f.message) for f in check_path(path).errors)
    page = check_page(path, validate(load_source(path)), ())
    assert expected and sorted(str(f.message) for f in page.errors) == expected


def test_a_save_reads_the_new_text_before_the_next_keystroke(tmp_path, monkeypatch):
    """The save reads the file's new text both ways before it answers, so the clerk's next
    keystroke finds it read (its first check of a new text paid 0.2–0.7 s for that)."""
    from generator.web import page_data
    from generator.web.versions import version
    shutil.copy(ROOT / "data" / "department-2022.yaml", tmp_path)
    path = tmp_path / "department-2022.yaml"
    client = TestClient(create_app(tmp_path))
    form = _form_values(client.get(f"/edit/{path.name}").text)
    saved = client.post(f"/edit/{path.name}/save", content=urlencode(_edited(form, "f:report.title", "改过的标题")),
                        headers={"Content-Type": "application/x-www-form-urlencoded",
                                 "X-Gongwen-Version": version(read_text(path))})
    assert saved.status_code == 200 and "改过的标题" in read_text(path)
    read_again: list[str] = []                                  # texts parsed by the round trip from now on
    monkeypatch.setattr(page_data, "yaml_for", lambda text: read_again.append(text) or yaml_for(text))
    page_data._read(str(path), read_text(path))                 # what the next check reads first
    assert read_text(path) not in read_again


@pytest.fixture(scope="module")
def served_long(tmp_path_factory) -> tuple[Any, str, list[tuple[str, str]]]:
    app, url, items = _served_long(tmp_path_factory.mktemp("long"))
    yield app, url, items
    for handler in app.router.on_shutdown:
        handler()


async def _post(client, url: str, items: list[tuple[str, str]]):
    return await client.post(url, content=urlencode(items), headers={"Content-Type": "application/x-www-form-urlencoded"})


def test_a_check_answers_while_a_preview_builds(tmp_path):
    """A new server's first preview takes its worker's start and a cold layout, a second or
    more; the server answers a check meanwhile."""
    app, url, items = _served_long(tmp_path)

    async def run() -> tuple[bool, int, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://page") as client:
            await _post(client, f"{url}/check", items)            # the file read, as the page's first check does
            preview = asyncio.create_task(_post(client, f"{url}/preview?view=1", items))
            await asyncio.sleep(0.3)
            check = await _post(client, f"{url}/check", items)
            building = not preview.done()
            return building, check.status_code, (await preview).status_code
    try:
        building, check, preview = asyncio.run(run())
    finally:
        for handler in app.router.on_shutdown:
            handler()
    assert (check, preview) == (200, 200)
    assert building, "the check waited for the preview"


def test_a_stale_preview_is_dropped_and_the_newest_shown(served_long):
    app, url, items = served_long
    title = next(index for index, (name, _) in enumerate(items) if name == "f:report.title")
    newer = list(items)
    newer[title] = ("f:report.title", "新的标题")

    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://page") as client:
            return await asyncio.gather(_post(client, f"{url}/preview?view=1", items),
                                        _post(client, f"{url}/preview?view=2", newer))
    older, newest = asyncio.run(run())
    assert older.status_code == 204 and older.content == b""
    assert newest.status_code == 200
    pages = lxml.html.fromstring(newest.text).xpath("//img[@data-page]")
    assert len(pages) == 26
    drawn = [img.get("data-page") for img in pages if img.get("src").startswith("data:image/png;base64,")]
    assert drawn == ["2"]                    # the page in view; the others when scrolled to
    later = TestClient(app).get(pages[0].get("src"))
    assert later.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(later.content)).size == (447, 632)


def test_the_text_memo_lays_out_the_same_pages(tmp_path):
    """Every data file laid out without the memo, with a fresh one and with one that has laid
    out the others (and an edited seed) before: the same pages, fonts in the same order, the
    same warnings and the same PDF bytes."""
    from generator.build import composed_and_laid_out
    from generator.font_files import FontFinder
    from generator.kinds import check_path
    from generator.layout.memo import TextMemo
    from generator.layout_spec import load_layout
    from generator.writers.pdf import write_pdf

    layout, finder, memo = load_layout(), FontFinder(None), TextMemo()
    checked = [check_path(path) for path in sorted((ROOT / "data").glob("*.yaml"))]
    seed = next(item for item in checked if item.data.model_dump().get("report", {}).get("title", "").startswith("福州"))
    data = seed.data.model_dump()
    paragraph = next(block for block in data["report"]["overview"] if block.get("p"))
    paragraph["p"] += "又增加了一句话，使这一段多出一行，其后各页随之移动。"
    edited = REPORT_FILE.validate_python(data)
    documents = [(item.data, item.kind) for item in checked] + [(edited, seed.kind)]

    def laid_out(report, kind, memo):
        warnings: list[str] = []
        _, paged = composed_and_laid_out(report, layout, finder, warnings.append, kind=kind, memo=memo)
        pdf = io.BytesIO()
        write_pdf(paged, pdf)
        return paged, list(paged.fonts), [str(w) for w in warnings], pdf.getvalue()
    expected = [laid_out(report, kind, None) for report, kind in documents]
    for _ in range(2):                  # the second round with every text kept
        assert [laid_out(report, kind, memo) for report, kind in documents] == expected


def test_ctrl_c_ends_the_server_and_its_worker_quietly(tmp_path):
    """Ctrl-C at the terminal reaches the whole process group, the build worker too: the server
    ends with 130, the worker with it, and neither prints a traceback."""
    shutil.copy(ROOT / "data" / "department-2022.yaml", tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", str(tmp_path), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        address = f"http://127.0.0.1:{port}/edit/department-2022.yaml/preview?view=1"
        for _ in range(300):
            try:
                answer = httpx.post(address, data={"f:report.title": "清源区教育局2022年政府信息公开工作年度报告"}, timeout=60)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer.status_code == 200 and "data:image/png" in answer.text       # the worker has built
        os.killpg(server.pid, signal.SIGINT)
        _, stderr = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert server.returncode == 130
    assert stderr == b""


def test_the_preview_follows_an_edit_in_chromium(tmp_path):
    """Once shown, the preview is redrawn after an edit without pressing 预览 again: the page
    the paragraph prints on gets a new image, a page the edit did not change keeps its own."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("chromium is not installed (make test installs it: tests/install_test_tools.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    import uvicorn
    shutil.copy(ROOT / "data" / "department-2022.yaml", tmp_path)
    app = create_app(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    digests = "() => [...document.querySelectorAll('#preview img')].map(img => img.dataset.digest).join(' ')"
    try:
        while not server.started:
            time.sleep(0.05)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=[
                "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
            page.goto(f"http://127.0.0.1:{port}/edit/department-2022.yaml")
            page.wait_for_selector("#findings .summary")
            page.click("button:has-text('预览')")
            page.wait_for_selector("#preview img", timeout=60_000)
            before = page.evaluate(digests)
            first = page.locator("#preview img").first.element_handle()
            text = page.locator("textarea[name='b:report.problems:text']").last
            text.click()
            page.keyboard.press("Control+End")
            page.keyboard.type("另加一句。")
            page.wait_for_function(f"({digests})() !== {json.dumps(before)}", timeout=60_000)
            after = page.evaluate(digests).split()
            changed = [number for number, (a, b) in enumerate(zip(before.split(), after), 1) if a != b]
            assert len(after) == len(before.split()) and changed and 1 not in changed
            assert page.evaluate("img => img.isConnected", first)      # page 1 kept its image element
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
        for handler in app.router.on_shutdown:
            handler()


def test_a_preview_page_is_the_built_page_pixel_for_pixel(tmp_path, monkeypatch):
    """A page drawn alone for the preview (a PDF of that one page) looks exactly as that page of
    the document's PDF, every page of a 联合行文 and a report with a cover."""
    import multiprocessing

    import pypdfium2
    from PIL import ImageChops

    from generator.build import build
    from generator.kinds import check_path
    from generator.web import preview
    monkeypatch.setattr(preview, "_worker", preview._Worker(multiprocessing.Array("q", 1, lock=False)))   # in this process
    for name in ("example-lianhe.yaml", "department-2022.yaml"):
        data = ROOT / "data" / name
        pdf = pypdfium2.PdfDocument(build(data, tmp_path, ("pdf",), None, warn=lambda _: None, say=lambda _: None)[0])
        count = len(pdf)
        checked = check_path(data)
        pages = preview.preview_pages("zh", 0, 0, checked.data, checked.kind.name, tuple(range(1, count + 1)))
        assert len(pages.digests) == count and sorted(pages.images) == list(range(1, count + 1))
        for number, png in pages.images.items():
            built = pdf[number - 1].render(scale=preview.PREVIEW_SCALE).to_pil().convert("RGB")
            drawn = Image.open(io.BytesIO(png)).convert("RGB")
            assert drawn.size == built.size and ImageChops.difference(built, drawn).getbbox() is None, (name, number)
        pdf.close()
