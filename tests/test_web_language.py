"""``gongwen serve`` speaks the language in force: Chinese by default, English with
``GONGWEN_LANG=en`` or ``--lang en``; a failure that is no message of ours (an unknown address, a
request without its values) is in the page's words too, never an HTTP phrase or a JSON dump."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import warnings

import pytest

from generator.kinds import kinds
from tests.conftest import ROOT, SEED

with warnings.catch_warnings():
    warnings.simplefilter("ignore")       # starlette asks for httpx2 instead of httpx; httpx still works
    from fastapi.testclient import TestClient


@pytest.fixture
def client(tmp_path):
    from generator.web.app import create_app
    shutil.copy(SEED, tmp_path / SEED.name)
    return TestClient(create_app(tmp_path), raise_server_exceptions=False)



def _visible(html: str) -> str:
    """The page's text without its scripts and tags."""
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize(("request_", "status", "words"), [
    (("get", "/no/such/page"), 404, "没有这个页面"),
    (("delete", "/"), 405, "这个地址不接受这种请求"),
    (("post", f"/edit/{SEED.name}/download/pdf?sealed=maybe"), 422, "请求缺少内容或内容不对"),
    (("get", "/download/abc/x.pdf"), 404, "没有这个页面"),
    (("post", f"/edit/{SEED.name}/download/exe"), 400, "exe：不支持这种格式"),
    (("get", "/fonts/nonesuch.ttf"), 404, "没有这个页面"),
])
def test_failures_are_in_the_pages_words(client, request_, status, words):
    method, url = request_
    response = client.request(method, url)
    assert response.status_code == status
    assert words in response.text
    assert "Not Found" not in response.text and "detail" not in response.text


def test_chinese_by_default(client):
    page = client.get("/")
    assert '<html lang="zh-CN">' in page.text
    assert "新建文件" in page.text and "上传数据文件" in page.text
    edit = client.get(f"/edit/{SEED.name}").text
    for words in ("预览", "下载 DOCX", "保存", "文件信息", "表后说明", "检查"):
        assert words in edit
    findings = client.post(f"/edit/{SEED.name}/check").text
    assert "0 处错误，3 处提示" in findings and findings.count("提示：") == 3 * 2     # the line and its data-text


def test_english_on_request(client, english):
    page = client.get("/")
    assert '<html lang="en">' in page.text
    assert "New document" in page.text and "Upload a data file" in page.text
    shown = re.sub("|".join(["某某区人民政府", *kinds()]), "", _visible(page.text))    # an example, the kinds' names
    assert not re.search(r"[\u4e00-\u9fff]", shown), "the folder's page in English has no Chinese of its own"
    edit = client.get(f"/edit/{SEED.name}").text
    for words in ("Preview", "Download DOCX", "Save", "Text after the table", "Checks"):
        assert words in edit
    findings = client.post(f"/edit/{SEED.name}/check").text
    assert "0 error(s), 3 warning(s)" in findings and findings.count("warning: ") == 3 * 2
    assert "No such page" in client.get("/nowhere").text
    assert "「notes.txt」 is not a data file name" in client.get("/edit/notes.txt").text


def test_a_download_is_named_as_built(client):
    """The archive's copy comes back whole, in the answer to the request that built it, under
    its own name, x.pdfa.pdf: no address to fetch later, so none that can expire."""
    response = client.post(f"/edit/{SEED.name}/download/pdfa", headers={"HX-Request": "true"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert f"filename*=UTF-8''{SEED.stem}.pdfa.pdf" in response.headers["content-disposition"]


def test_a_port_in_use_is_refused_in_one_line(tmp_path):
    """Before the page is announced: no uvicorn log line in English, exit 2 as for any unusable
    argument."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "generator", "serve", str(tmp_path), "--port", str(port)],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"错误：本机端口 {port} 无法使用（可能已有一个 gongwen serve 在用）：请用 --port 换一个端口，如 --port 8001\n"
