"""Chinese line breaking (禁则), on made-up tokens and on every line of the seed's PDF."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from generator.layout.linebreak import LineBreaker, line_width
from generator.layout_spec import load_layout

PITCH = 1.0
AUTOSPACE = 0.25
RULES = load_layout().line_breaking
BREAKER = LineBreaker(RULES)
STYLE = SimpleNamespace(pitch=PITCH, autospace=AUTOSPACE)     # what the breaker reads of a TextStyle


def tokenize(runs):
    return BREAKER.tokenize(runs, lambda piece, style: 0.5 * len(piece))


def _lines(text: str, width: float, indent: float = 0.0) -> list[str]:
    return ["".join(t.text for t in line.tokens) for line in BREAKER.break_lines(tokenize([(text, STYLE)]), width, indent)]


def test_closing_mark_never_starts_a_line():
    assert _lines("一二三四，五六", 4) == ["一二三", "四，五六"]


def test_opening_mark_never_ends_a_line():
    assert _lines("一二三（四五）", 4) == ["一二三", "（四五）"]


def test_digits_stay_together_with_space_around_them():
    assert _lines("一二三2020年", 4) == ["一二三", "2020年"]
    tokens = tokenize([("年2020年", STYLE)])
    assert [t.space_after for t in tokens] == [AUTOSPACE, AUTOSPACE, 0.0]
    assert line_width(tokens) == pytest.approx(1 + 2 + 1 + 2 * AUTOSPACE)


def test_a_long_url_breaks_after_a_slash():
    lines = _lines("见http://www.example.gov.cn/a/b/c/d/e/f。", 8)
    assert "".join(lines) == "见http://www.example.gov.cn/a/b/c/d/e/f。"
    assert all(line[-1] == "/" for line in lines[:-1] if line[-1].isascii())


def test_justified_lines_fill_the_width_and_the_last_does_not():
    lines = BREAKER.break_lines(tokenize([("一二三四五2020六七八九十一二", STYLE)]), 6.0)
    for line in lines[:-1]:
        gaps = sum(1 for t in line.tokens[1:] if not t.joined)
        assert line_width(line.tokens) + gaps * line.gap == pytest.approx(6.0)
    assert lines[-1].gap == 0


def test_no_line_of_the_seed_pdf_breaks_a_rule(seed_pages_text):
    checked = 0
    for page in seed_pages_text:
        for line in page.splitlines():
            line = line.strip()
            if len(line) > 10:       # body lines, not table cells
                assert line[0] not in RULES.no_line_start, line
                assert line[-1] not in RULES.no_line_end, line
                checked += 1
    assert checked > 250


def test_digits_may_start_a_line_after_a_colon_but_not_after_a_comma():
    """LibreOffice and Word break "：|2021" (and after ；！？) but never "，|2020" (measured in
    LibreOffice 7.4); the breaker does the same, so the DOCX breaks where the PDF does."""
    assert _lines("一二三：2021年", 4) == ["一二三：", "2021年"]
    assert _lines("一二三，2020年", 4)[1].startswith("三，2020")


def test_a_hyphen_inside_a_number_never_ends_a_line():
    """"0591-23165370" stays whole (the DOCX joins it with a word joiner, as LibreOffice would
    otherwise break after the hyphen)."""
    assert _lines("一二三四0591-23165370", 8) == ["一二三四", "0591-23165370"]
