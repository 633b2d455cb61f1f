"""The web page keeps up with typing without changing what it finds or builds.

- The live check reads the form's data from the file's own data with the changes made in it
  (``page_data``) instead of writing and parsing the whole text: for every data file and for
  values chosen to trip YAML (texts YAML 1.1 reads as numbers, dates or true/false, colons,
  quotes, characters the loader refuses, past the limits), the data is the edited text's, or
  the check goes through the text.
(How fast is measured by ``make bench``, not here.)
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest

from generator.errors import DataError
from generator.load import parsed_source
from generator.load.limits import LIMITS
from generator.load.report_model import default_format
from generator.load.reading import read_text
from generator.web import checking
from generator.web.checking import check_page
from generator.web.form import changes
from generator.web.page_data import page_data
from generator.yaml_edit import edit_yaml
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
            slow = check_page(path, shown, items)
        assert [str(f) for f in fast.findings] == [str(f) for f in slow.findings]
        assert fast.computed == slow.computed and fast.text == slow.text
        assert (fast.report is None) == (slow.report is None)
        if fast.report is not None:
            assert fast.report.model_dump() == slow.report.model_dump()
    assert any(f.severity == "error" for f in check_page(path, shown, broken).findings)
