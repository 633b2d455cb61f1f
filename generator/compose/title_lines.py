"""Break a long 标题 into balanced lines at word boundaries (GB/T 9704 §7.3.1: 回行时要做到
词意完整，排列对称，长短适宜，间距恰当; 梯形或菱形).

Words come from jieba, with the document's own organ names added so that
"福州市长乐区人民政府办公室" is never cut. Every way of cutting the title into the fewest lines
that fit is scored: lines of even length, a trapezoid (longer lines first) or a diamond
(longest in the middle), no line starting with 的 or ending with 关于, and 2020年度 kept whole.
"""

from __future__ import annotations

import itertools
import logging
from functools import lru_cache

import jieba

from generator.measure import width_in_chars

jieba.setLogLevel(logging.WARNING)

# A line may not end with these words, nor start with the following ones.
NO_LINE_END_WORDS = ("关于", "对", "和", "及", "与")
NO_LINE_START_WORDS = ("的", "、")
UNIT_AFTER_NUMBER = "年月日号"
BAD_BREAK_COST = 100.0
SHAPE_COST = 4.0


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _words(title: str, keep_whole: tuple[str, ...]) -> list[str]:
    tokenizer = _tokenizer()
    for word in keep_whole:
        tokenizer.add_word(word, freq=10**6)
    try:
        words = list(tokenizer.cut(title, HMM=False))
    finally:
        for word in keep_whole:
            tokenizer.del_word(word)
    merged: list[str] = []
    for word in words:      # "2020" + "年度" → one unit
        if merged and merged[-1][-1:].isdigit() and word[:1] in UNIT_AFTER_NUMBER:
            merged[-1] += word
        else:
            merged.append(word)
    return merged


def _cost(lines: list[str], autospace_em: float) -> float:
    widths = [width_in_chars(line, autospace_em) for line in lines]
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths)
    trapezoid = all(a >= b for a, b in itertools.pairwise(widths))
    peak = widths.index(max(widths))
    diamond = all(a <= b for a, b in itertools.pairwise(widths[:peak + 1])) and \
        all(a >= b for a, b in itertools.pairwise(widths[peak:]))
    if not (trapezoid or diamond):
        cost += SHAPE_COST * len(lines)
    for first, second in itertools.pairwise(lines):
        if first.endswith(NO_LINE_END_WORDS) or second.startswith(NO_LINE_START_WORDS):
            cost += BAD_BREAK_COST
    return cost


def title_lines(title: str, max_chars: float, keep_whole: tuple[str, ...] = (),
                autospace_em: float = 0.0) -> tuple[str, ...]:
    """The title in as few balanced lines of at most ``max_chars`` 字 as its words allow."""
    if width_in_chars(title, autospace_em) <= max_chars:
        return (title,)
    words = _words(title, tuple(w for w in keep_whole if w and width_in_chars(w) <= max_chars))
    for count in range(2, len(words) + 1):
        best: tuple[float, list[str]] | None = None
        for cuts in itertools.combinations(range(1, len(words)), count - 1):
            bounds = (0, *cuts, len(words))
            lines = ["".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
            if max(width_in_chars(line, autospace_em) for line in lines) > max_chars:
                continue
            cost = _cost(lines, autospace_em)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None:
            return tuple(best[1])
    return (title,)
