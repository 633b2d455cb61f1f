"""Title lines: the jieba version's breaks on 260 公文 titles, the shape rules, and long titles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import generator.compose.title_lines as module
from generator.compose.title_lines import NO_LINE_END, NO_LINE_START, title_lines, words
from generator.measure import width_in_chars

FIXTURE = yaml.safe_load((Path(__file__).parent / "fixtures" / "title_breaks.yaml").read_text(encoding="utf-8"))
MAX_CHARS, AUTOSPACE = FIXTURE["max_chars"], FIXTURE["autospace_em"]
ORGAN = "福州市长乐区人民政府办公室"


def _width(line: str) -> float:
    return width_in_chars(line, AUTOSPACE)


def test_the_jieba_versions_lines_on_260_titles():
    entries = FIXTURE["titles"]
    wrong = [f"{' | '.join(got)}\n   expected {' | '.join(entry['lines'])}" for entry in entries
             if list(got := title_lines(entry["title"], MAX_CHARS, tuple(FIXTURE["keep_whole"][entry["office"]]),
                                        AUTOSPACE)) != entry["lines"]]
    assert not wrong, "\n".join(wrong)
    assert len(entries) >= 200
    assert {len(entry["lines"]) for entry in entries} >= {2, 3}


def test_few_titles_leave_the_jieba_lines_each_with_its_reason():
    changed = [entry for entry in FIXTURE["titles"] if "jieba" in entry]
    assert len(changed) <= 15
    for entry in changed:
        assert entry["why"] and entry["jieba"] != entry["lines"]
        assert "".join(entry["jieba"]) == "".join(entry["lines"]) == entry["title"]


def test_a_title_that_fits_stays_on_one_line():
    assert title_lines("长乐区2020年政府信息公开工作年度报告", MAX_CHARS, (), AUTOSPACE) == (
        "长乐区2020年政府信息公开工作年度报告",)


def test_organ_names_and_numbers_with_their_unit_stay_whole():
    title = f"{ORGAN}关于转发省政府办公厅闽政办〔2021〕12号文件和2020年度工作要点的通知"
    found = words(title, (ORGAN,))
    assert found[0] == ORGAN
    assert "12号" in found and "2020年度" in found
    lines = title_lines(title, MAX_CHARS, (ORGAN,), AUTOSPACE)
    assert any(line.startswith(ORGAN) for line in lines)


def test_the_name_wins_over_the_words_it_overlaps():
    assert words("关于报送长乐区政府工作报告", ("长乐区",))[2:4] == ["长乐区", "政府"]


@pytest.mark.parametrize("title", [entry["title"] for entry in FIXTURE["titles"]][:60])
def test_no_bad_line_ends_or_starts(title):
    lines = title_lines(title, MAX_CHARS, (), AUTOSPACE)
    for first, second in zip(lines, lines[1:]):
        assert not first.endswith(NO_LINE_END) and not second.startswith(NO_LINE_START), lines


def test_lines_are_even_and_a_trapezoid_or_diamond():
    lines = title_lines("福州市长乐区人民政府办公室关于报送长乐区政府2020年度信息公开工作报告和2021年工作要点的报告",
                        MAX_CHARS, (ORGAN,), AUTOSPACE)
    widths = [_width(line) for line in lines]
    peak = widths.index(max(widths))
    assert widths[:peak + 1] == sorted(widths[:peak + 1])
    assert widths[peak:] == sorted(widths[peak:], reverse=True)
    assert max(widths) - min(widths) <= 4


def test_a_line_does_not_end_with_guanyu_even_when_that_would_be_more_even(monkeypatch):
    title = "福州市长乐区人民政府关于同意设立便民服务中心的批复"
    assert not title_lines(title, 20, (), 0.0)[0].endswith("关于")
    monkeypatch.setattr(module, "BAD_BREAK_COST", 0.0)
    assert title_lines(title, 20, (), 0.0)[0].endswith("关于")             # 12 and 13 字, the most even


def test_a_word_wider_than_a_line_is_cut_where_it_must():
    title = "关于" + "1" * 60 + "号文件的通知"
    lines = title_lines(title, MAX_CHARS, (), AUTOSPACE)
    assert "".join(lines) == title
    assert all(_width(line) <= MAX_CHARS for line in lines)


LONG = ("福州市长乐区人民政府办公室关于转发《省人民政府办公厅关于进一步加强基层政务公开标准化规范化建设的实施意见》"
        "和2023年度政府信息公开工作要点的通知及") * 5


@pytest.mark.parametrize("length", [120, 300, 500])
def test_long_titles_finish_in_the_fewest_lines_that_fit(length, monkeypatch):
    """The old code tried every combination of cuts and never finished 120 字. Now the work
    grows with the length: the search tries a bounded number of lines per character."""
    title = LONG[:length]
    tried = 0
    shape = module._shape

    def counting_shape(*args):
        nonlocal tried
        tried += 1
        return shape(*args)

    monkeypatch.setattr(module, "_shape", counting_shape)         # called once for every line tried
    lines = title_lines(title, MAX_CHARS, (ORGAN,), AUTOSPACE)
    assert "".join(lines) == title
    assert all(_width(line) <= MAX_CHARS for line in lines)
    assert len(lines) <= -(-_width(title) // MAX_CHARS) + 2          # within two of the bare minimum
    assert tried <= 20 * length


def test_no_jieba():
    code = ("import sys; from generator.compose import compose; from generator.compose.title_lines import title_lines;"
            "title_lines('福州市长乐区人民政府办公室关于报送长乐区政府2020年度信息公开工作报告的报告', 20.1);"
            "assert 'jieba' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert "jieba" not in pyproject
