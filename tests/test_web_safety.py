"""``gongwen serve`` refuses what does not belong to it: files outside its folder (by name, path
or symlink), oversized or broken uploads; every refusal is a message, never a traceback."""

from __future__ import annotations

import shutil
import warnings

import pytest
from markupsafe import escape

from generator.errors import DataError
from generator.load import validate
from generator.load.yaml_source import YamlSource
from tests.conftest import SEED

with warnings.catch_warnings():
    warnings.simplefilter("ignore")       # starlette asks for httpx2 instead of httpx; httpx still works
    from fastapi.testclient import TestClient


@pytest.fixture
def client(tmp_path):
    from generator.web.app import create_app
    folder = tmp_path / "served"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (tmp_path / "secret.yaml").write_text("year: 2020\n", encoding="utf-8")
    (folder / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    return TestClient(create_app(folder), raise_server_exceptions=False), folder


def _refused(response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert words in response.text and "Traceback" not in response.text


def _loader_says(name: str, text: str) -> str:
    """The loader's own message about a file ``name`` holding ``text``, as the page shows it."""
    with pytest.raises(DataError) as refused:
        validate(YamlSource(name, text))
    return str(escape(str(refused.value)))


@pytest.mark.parametrize("name", ["link.yaml", "..%2Fsecret.yaml", "secret.txt", ".hidden.yaml", "missing.yaml"])
def test_only_the_folders_own_files(client, name):
    web, _ = client
    response = web.get(f"/edit/{name}")
    assert response.status_code in (400, 404) and "Traceback" not in response.text
    assert "year: 2020" not in response.text


def test_the_listing_leaves_out_links(client):
    web, _ = client
    page = web.get("/").text
    assert SEED.name in page and "link.yaml" not in page


def test_uploads_are_bounded_and_checked(client):
    web, folder = client
    _refused(web.post("/upload", files={"file": ("big.yaml", b"x" * (5 * 1024 * 1024))}), 413, "请求过大")
    _refused(web.post("/upload", files={"file": ("bad.yaml", b"year: [1")}), 400, "bad.yaml:1:9: YAML 格式有误")
    _refused(web.post("/upload", files={"file": ("gbk.yaml", "年".encode("gbk"))}), 400, "不是 UTF-8")
    _refused(web.post("/upload", files={"file": (SEED.name, SEED.read_bytes())}), 400, f"「{SEED.name}」已存在")
    _refused(web.post("/upload", files={"file": ("notes.txt", b"year: 2020")}), 400, "「notes.txt」不是数据文件名")
    response = web.post("/upload", files={"file": ("../copy.yaml", SEED.read_bytes())}, follow_redirects=False)
    assert response.status_code == 303 and (folder / "copy.yaml").exists()      # the folder part is dropped
    assert sorted(p.name for p in folder.iterdir()) == sorted([SEED.name, "link.yaml", "copy.yaml"])


def test_a_value_the_model_refuses_is_not_saved(client):
    web, folder = client
    response = web.post(f"/edit/{SEED.name}/save", data={"t:report.applications.received.natural_person": "1.5"})
    assert "未保存" in response.text and "一、本年新收（自然人）：应填整数" in response.text
    assert (folder / SEED.name).read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
